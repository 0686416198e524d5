#include "printing/symbol/DatamatrixSymbol.h"

#include <dmtx.h>
#include <png.h>

#include <cstdio>
#include <memory>

#include "core/domain/Errors.h"

namespace vigie::printing {

namespace {
struct EncodeDeleter {
    void operator()(DmtxEncode* e) const { dmtxEncodeDestroy(&e); }
};
}  // namespace

ModuleMatrix EncodeDatamatrixC40(std::string_view payload) {
    std::unique_ptr<DmtxEncode, EncodeDeleter> enc(dmtxEncodeCreate());
    if (!enc) throw InternalError("datamatrix.encode", "Encodeur Datamatrix indisponible.");
    dmtxEncodeSetProp(enc.get(), DmtxPropScheme, DmtxSchemeC40);
    dmtxEncodeSetProp(enc.get(), DmtxPropSizeRequest, DmtxSymbolSquareAuto);
    dmtxEncodeSetProp(enc.get(), DmtxPropModuleSize, 1);
    dmtxEncodeSetProp(enc.get(), DmtxPropMarginSize, 0);
    std::vector<unsigned char> bytes(payload.begin(), payload.end());
    if (dmtxEncodeDataMatrix(enc.get(), static_cast<int>(bytes.size()), bytes.data()) == DmtxFail)
        throw InternalError("datamatrix.encode", "Encodage Datamatrix impossible.");
    ModuleMatrix m;
    const int rows = enc->region.symbolRows;
    const int cols = enc->region.symbolCols;
    if (rows != cols) throw InternalError("datamatrix.encode", "Symbole Datamatrix non carré.");
    m.size = rows;
    m.dark.resize(static_cast<std::size_t>(rows * cols));
    // libdmtx numbers symbol rows from the bottom (the solid finder edge is row 0).
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            m.dark[static_cast<std::size_t>((rows - 1 - r) * cols + c)] =
                (dmtxSymbolModuleStatus(enc->message, enc->region.sizeIdx, r, c) & DmtxModuleOnRGB) ? 1 : 0;
    m.codewords.assign(enc->message->code, enc->message->code + enc->message->codeSize);
    return m;
}

GrayImage RenderModules(const ModuleMatrix& m, int pixelsPerModule, int quietModules) {
    GrayImage img;
    const int modules = m.size + 2 * quietModules;
    img.width = img.height = modules * pixelsPerModule;
    img.pixels.assign(static_cast<std::size_t>(img.width * img.height), 255);
    for (int r = 0; r < m.size; ++r)
        for (int c = 0; c < m.size; ++c) {
            if (!m.At(r, c)) continue;
            for (int y = 0; y < pixelsPerModule; ++y)
                for (int x = 0; x < pixelsPerModule; ++x) {
                    const int py = (r + quietModules) * pixelsPerModule + y;
                    const int px = (c + quietModules) * pixelsPerModule + x;
                    img.pixels[static_cast<std::size_t>(py * img.width + px)] = 0;
                }
        }
    return img;
}

void WritePng(const GrayImage& img, const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw EnvironmentError("print.file", "Impossible d'écrire « " + path + " ».");
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        std::fclose(f);
        throw EnvironmentError("print.file", "Écriture PNG impossible : « " + path + " ».");
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, static_cast<png_uint_32>(img.width), static_cast<png_uint_32>(img.height), 8,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < img.height; ++y)
        png_write_row(png, img.pixels.data() + static_cast<std::size_t>(y * img.width));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    std::fclose(f);
}

std::string DecodeDatamatrix(const GrayImage& img) {
    std::vector<unsigned char> pixels(img.pixels.begin(), img.pixels.end());
    DmtxImage* image = dmtxImageCreate(pixels.data(), img.width, img.height, DmtxPack8bppK);
    if (!image) return "";
    dmtxImageSetProp(image, DmtxPropImageFlip, DmtxFlipNone);
    DmtxDecode* dec = dmtxDecodeCreate(image, 1);
    std::string out;
    if (dec) {
        DmtxTime timeout = dmtxTimeAdd(dmtxTimeNow(), 2000);
        if (DmtxRegion* reg = dmtxRegionFindNext(dec, &timeout)) {
            if (DmtxMessage* msg = dmtxDecodeMatrixRegion(dec, reg, DmtxUndefined)) {
                out.assign(reinterpret_cast<const char*>(msg->output), msg->outputIdx);
                dmtxMessageDestroy(&msg);
            }
            dmtxRegionDestroy(&reg);
        }
        dmtxDecodeDestroy(&dec);
    }
    dmtxImageDestroy(&image);
    return out;
}

}  // namespace vigie::printing
