#include "printing/render/RasterRenderer.h"

#include <png.h>

#include <cmath>
#include <string_view>

#include "core/domain/Errors.h"
#include "printing/render/FileOutput.h"
#include "printing/render/PageDrawing.h"

namespace vigie::printing {

namespace {

void Append(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
    out->insert(out->end(), data, data + length);
}

std::vector<std::uint8_t> EncodePng(const GrayImage& img, int dpi) {
    std::vector<std::uint8_t> out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw InternalError("print.png", "Encodage PNG impossible.");
    }
    png_set_write_fn(png, &out, Append, nullptr);
    png_set_compression_level(png, 3);  // pages are mostly white: fast levels compress them well
    png_set_IHDR(png, info, static_cast<png_uint_32>(img.width), static_cast<png_uint_32>(img.height), 8,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    const auto perMetre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
    png_set_pHYs(png, info, perMetre, perMetre, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    for (int y = 0; y < img.height; ++y)
        png_write_row(png, img.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

}  // namespace

GrayImage RenderPageGray(const Page& page, int dpi) {
    return detail::RasterizePage(page, dpi / 25.4);
}

std::vector<std::uint8_t> RenderPagePng(const Page& page, int dpi) {
    return EncodePng(RenderPageGray(page, dpi), dpi);
}

void WritePagePng(const Page& page, int dpi, const std::string& path) {
    const std::vector<std::uint8_t> bytes = RenderPagePng(page, dpi);
    detail::WriteFileBytes(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace vigie::printing
