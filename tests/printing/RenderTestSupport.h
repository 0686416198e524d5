#pragma once
// Shared by the renderer suites: a spec payload with GS separators, hand-built pages, a
// temporary directory, running the external checkers (poppler, zxing-cpp, xmllint) and reading
// their PNG output back.

#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/domain/Errors.h"
#include "core/domain/Nir.h"
#include "printing/model/DatamatrixPayload.h"
#include "printing/model/Page.h"
#include "printing/symbol/DatamatrixSymbol.h"
#include "tests/support/Builders.h"

namespace vigie::test::render {

// The spec's worked example (107 bytes, GS after S2, S3 and S4) from a qualified identity.
inline std::string SpecPayload() {
    domain::Identity id = IdentityWith(domain::IdentityStatus::Qualifiee,
                                       Traits("PADOLLEC", "YVETTE", {1960, 9, 19}, domain::Sex::Female, "56520"));
    id.ins->active = {"260095652012481", std::string(domain::kOidInsNir), "", ""};
    return printing::BuildDatamatrixInsPayload(id).payload;
}

// A long one (close to the worst case of the symbol size): 100-character names.
inline std::string LongPayload() {
    domain::Identity id = IdentityWith(
        domain::IdentityStatus::Qualifiee,
        Traits(std::string(100, 'B'), "JEAN-PIERRE " + std::string(87, 'A'), {1985, 5, 1}, domain::Sex::Male, "99134"));
    id.ins->active = {"185057800512345", std::string(domain::kOidInsNirTest), "", ""};
    return printing::BuildDatamatrixInsPayload(id).payload;
}

inline printing::Barcode Datamatrix(const std::string& payload, double x, double y, double moduleMm, int modules,
                                    int quiet = 2) {
    printing::Barcode b;
    b.kind = printing::Barcode::Kind::DatamatrixIns;
    b.data = payload;
    b.xMm = x;
    b.yMm = y;
    b.moduleMm = moduleMm;
    b.widthMm = b.heightMm = (modules + 2 * quiet) * moduleMm;
    return b;
}

inline printing::TextRun Text(double x, double y, double width, std::string text, double sizePt = 10,
                              bool bold = false, printing::Align align = printing::Align::Left) {
    printing::TextRun t;
    t.xMm = x;
    t.yMm = y;
    t.widthMm = width;
    t.text = std::move(text);
    t.font.sizePt = sizePt;
    t.font.bold = bold;
    t.align = align;
    return t;
}

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() / ("vigie-render-" + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string File(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// Standard output of a shell command (binary-safe).
inline std::string Capture(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    char buf[4096];
    std::size_t n = 0;
    while (pipe && (n = fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
    return out;
}

inline bool HasTool(const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

inline std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// Any PNG (e.g. from pdftoppm) as 8-bit gray, through libpng's simplified API.
inline printing::GrayImage ReadPngGray(const std::string& path) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    printing::GrayImage out;
    if (!png_image_begin_read_from_file(&image, path.c_str())) return out;
    image.format = PNG_FORMAT_GRAY;
    out.width = static_cast<int>(image.width);
    out.height = static_cast<int>(image.height);
    out.pixels.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr)) return {};
    return out;
}

// A rectangle of an image (decoders are faster on the region of interest than on a whole A4).
inline printing::GrayImage Crop(const printing::GrayImage& img, int x, int y, int w, int h) {
    printing::GrayImage out;
    out.width = w;
    out.height = h;
    out.pixels.assign(static_cast<std::size_t>(w * h), 255);
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c)
            if (y + r < img.height && x + c < img.width)
                out.pixels[static_cast<std::size_t>(r * w + c)] =
                    img.pixels[static_cast<std::size_t>((y + r) * img.width + x + c)];
    return out;
}

}  // namespace vigie::test::render
