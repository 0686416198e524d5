#include "printing/render/PageDrawing.h"

#include <cairo.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>

#include "core/domain/Errors.h"
#include "printing/render/Code128.h"
#include "printing/render/TextEngine.h"

namespace vigie::printing::detail {

namespace {

constexpr double kToleranceMm = 1e-3;

void RequireRoom(const Barcode& b, double neededWidthMm, double neededHeightMm) {
    if (b.widthMm + kToleranceMm < neededWidthMm || b.heightMm + kToleranceMm < neededHeightMm)
        throw InternalError("print.layout", "Code-barres plus grand que la place prévue par la mise en page (" +
                                                std::to_string(neededWidthMm) + " mm nécessaires, " +
                                                std::to_string(b.widthMm) + " mm prévus).");
}

// Whole pixels per module: rounded, then reduced until `modules` fit in `roomPx`.
int PixelsPerModule(double moduleMm, double pixelsPerMm, int modules, double roomPx) {
    int ppm = std::max(1, static_cast<int>(std::lround(moduleMm * pixelsPerMm)));
    while (ppm > 1 && modules * ppm > roomPx + 1e-6) --ppm;
    return ppm;
}

void Rule(cairo_t* cr, const RuleLine& r) {
    if (r.strokeMm <= 0) return;
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, r.strokeMm);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_move_to(cr, r.x1Mm, r.y1Mm);
    cairo_line_to(cr, r.x2Mm, r.y2Mm);
    cairo_stroke(cr);
}

void DrawBox(cairo_t* cr, const Box& b) {
    cairo_rectangle(cr, b.xMm, b.yMm, b.widthMm, b.heightMm);
    if (b.fillGray < 1.0) {
        cairo_set_source_rgb(cr, b.fillGray, b.fillGray, b.fillGray);
        cairo_fill_preserve(cr);
    }
    if (b.strokeMm > 0) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_set_line_width(cr, b.strokeMm);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

// Rectangles in the current user space; all modules of a symbol are one path, filled once, so
// that adjacent modules show no anti-aliasing seam in a viewer or a rasteriser.
void ModulePath(cairo_t* cr, const ModuleMatrix& m, double x0, double y0, double module) {
    for (int r = 0; r < m.size; ++r)
        for (int c = 0; c < m.size;) {
            if (!m.At(r, c)) { ++c; continue; }
            int end = c;
            while (end < m.size && m.At(r, end)) ++end;
            cairo_rectangle(cr, x0 + c * module, y0 + r * module, (end - c) * module, module);
            c = end;
        }
}

void BarPath(cairo_t* cr, const std::vector<std::uint8_t>& bars, double x0, double y0, double module, double h) {
    for (std::size_t i = 0; i < bars.size();) {
        if (!bars[i]) { ++i; continue; }
        std::size_t end = i;
        while (end < bars.size() && bars[end]) ++end;
        cairo_rectangle(cr, x0 + static_cast<double>(i) * module, y0, static_cast<double>(end - i) * module, h);
        i = end;
    }
}

void WhiteBox(cairo_t* cr, const Barcode& b) {  // the quiet zone is light whatever lies below
    cairo_rectangle(cr, b.xMm, b.yMm, b.widthMm, b.heightMm);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);
}

void DrawBarcode(cairo_t* cr, const Barcode& b, double ppmm) {
    if (b.moduleMm <= 0) throw InternalError("print.layout", "Taille de module nulle.");
    WhiteBox(cr, b);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (b.kind == Barcode::Kind::DatamatrixIns) {
        const ModuleMatrix m = EncodeDatamatrixC40(b.data);
        const int withQuiet = m.size + 2;  // at least one module of quiet zone on every side
        RequireRoom(b, withQuiet * b.moduleMm, withQuiet * b.moduleMm);
        if (ppmm > 0) {
            const double boxW = b.widthMm * ppmm, boxH = b.heightMm * ppmm;
            const int ppm = PixelsPerModule(b.moduleMm, ppmm, withQuiet, std::min(boxW, boxH));
            const double x0 = std::round(b.xMm * ppmm + (boxW - m.size * ppm) / 2);
            const double y0 = std::round(b.yMm * ppmm + (boxH - m.size * ppm) / 2);
            cairo_identity_matrix(cr);  // device pixels
            cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
            ModulePath(cr, m, x0, y0, ppm);
        } else {
            const double side = m.size * b.moduleMm;
            ModulePath(cr, m, b.xMm + (b.widthMm - side) / 2, b.yMm + (b.heightMm - side) / 2, b.moduleMm);
        }
    } else {
        const std::vector<std::uint8_t> bars = EncodeCode128(b.data);
        const int total = static_cast<int>(bars.size()) + 2 * kCode128QuietModules;
        RequireRoom(b, total * b.moduleMm, 0);
        const auto n = static_cast<double>(bars.size());
        if (ppmm > 0) {
            const double boxW = b.widthMm * ppmm;
            const int ppm = PixelsPerModule(b.moduleMm, ppmm, total, boxW);
            const double x0 = std::round(b.xMm * ppmm + (boxW - n * ppm) / 2);
            const double y0 = std::round(b.yMm * ppmm), y1 = std::round((b.yMm + b.heightMm) * ppmm);
            cairo_identity_matrix(cr);
            cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
            BarPath(cr, bars, x0, y0, ppm, y1 - y0);
        } else {
            BarPath(cr, bars, b.xMm + (b.widthMm - n * b.moduleMm) / 2, b.yMm, b.moduleMm, b.heightMm);
        }
    }
    cairo_fill(cr);
    cairo_restore(cr);
}

struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};

}  // namespace

void DrawPage(cairo_t* cr, const Page& page, TextEngine& text, double pixelsPerMm) {
    for (const Element& element : page.elements) {
        std::visit(
            [&](const auto& e) {
                using T = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<T, TextRun>) text.Draw(cr, e);
                else if constexpr (std::is_same_v<T, RuleLine>) Rule(cr, e);
                else if constexpr (std::is_same_v<T, Box>) DrawBox(cr, e);
                else DrawBarcode(cr, e, pixelsPerMm);
            },
            element);
    }
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        throw InternalError("print.cairo", std::string("Dessin de la page impossible : ") +
                                               cairo_status_to_string(cairo_status(cr)));
}

GrayImage RasterizePage(const Page& page, double pixelsPerMm) {
    if (!(pixelsPerMm >= 1.0 && pixelsPerMm <= 100.0))
        throw BadInputError("input.dpi", "Résolution d'impression hors limites (25 à 2540 ppp).");
    const double w = std::ceil(page.widthMm * pixelsPerMm - 1e-6), h = std::ceil(page.heightMm * pixelsPerMm - 1e-6);
    if (w < 1 || h < 1 || w * h > 200e6)
        throw BadInputError("input.dpi", "Image trop grande ou vide pour cette page et cette résolution.");
    const int width = static_cast<int>(w), height = static_cast<int>(h);
    std::unique_ptr<cairo_surface_t, CairoDeleter> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw EnvironmentError("print.memory", "Mémoire insuffisante pour l'image de la page.");
    std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), pixelsPerMm, pixelsPerMm);
    TextEngine engine;
    DrawPage(cr.get(), page, engine, pixelsPerMm);
    cairo_surface_flush(surface.get());

    GrayImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            const std::uint32_t p = row[x];  // xRGB, native endian
            const unsigned r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] =
                static_cast<std::uint8_t>((r * 299 + g * 587 + b * 114 + 500) / 1000);
        }
    }
    return image;
}

}  // namespace vigie::printing::detail
