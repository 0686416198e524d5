#include "printing/render/DatamatrixFile.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

#include "core/domain/Errors.h"
#include "printing/render/PdfRenderer.h"
#include "printing/render/RasterRenderer.h"
#include "printing/render/SvgRenderer.h"
#include "printing/symbol/DatamatrixSymbol.h"

namespace vigie::printing {

namespace {

std::string Millimetres(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    std::replace(s.begin(), s.end(), '.', ',');  // French decimal comma
    return s;
}

}  // namespace

Page BuildDatamatrixPage(std::string_view payload, double moduleMm) {
    if (!(moduleMm >= kMinModuleMm && moduleMm <= kMaxModuleMm))
        throw BadInputError("input.module", "Taille de module hors limites : " + Millimetres(moduleMm) +
                                                " mm (de 0,25 à 1,00 mm).");
    const int modules = EncodeDatamatrixC40(payload).size;
    const double side = (modules + 2 * kStandaloneQuietModules) * moduleMm;
    Barcode symbol;
    symbol.kind = Barcode::Kind::DatamatrixIns;
    symbol.data = std::string(payload);
    symbol.widthMm = symbol.heightMm = side;
    symbol.moduleMm = moduleMm;
    Page page;
    page.widthMm = page.heightMm = side;
    page.elements.emplace_back(std::move(symbol));
    return page;
}

void WriteDatamatrixFile(std::string_view payload, double moduleMm, const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".png" && ext != ".svg" && ext != ".pdf")
        throw BadInputError("input.format", "Format de sortie inconnu pour « " + path + " » : .png, .svg ou .pdf attendu.");
    const Page page = BuildDatamatrixPage(payload, moduleMm);
    if (ext == ".png") WritePagePng(page, kStandalonePngDpi, path);
    else if (ext == ".svg") WriteSvg(page, path);
    else WritePdf(Document{"Datamatrix INS", {page}}, path);
}

}  // namespace vigie::printing
