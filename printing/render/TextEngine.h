#pragma once
// Private to printing/render (never included by a public header): one Pango set-up shared by the
// measurer and every renderer, so that what layout measured is exactly what is drawn.
//
// Why the set-up matters: by default Pango rounds glyph positions to whole *device* units and
// cairo hints metrics on raster surfaces, so a width measured once would differ between a
// 203-dpi label, a 600-dpi PNG and a PDF. Here metrics hinting is off, outline hinting is off
// and glyph positions are not rounded: advances are linear in the font size and independent of
// the target, and the resolution is 72 so that one Pango point is one user unit.

#include <memory>
#include <string_view>

#include "printing/model/Page.h"

typedef struct _cairo cairo_t;  // cairo's own typedef, repeated so that cairo.h stays in .cpp files

namespace vigie::printing::detail {

inline constexpr double kMmPerPt = 25.4 / 72.0;

// Horizontal extent of one line, in points: the union of the logical box (advances) and the ink
// box, so that italic overhangs or a negative left bearing are counted. `shiftPt` (≥ 0) is how
// far the layout origin goes right so that no ink lies left of the run's x.
struct LineExtents {
    double widthPt = 0;
    double shiftPt = 0;
};

// Thread affinity: one thread at a time (it owns a PangoContext and a reusable layout).
class TextEngine {
public:
    TextEngine();
    ~TextEngine();
    TextEngine(const TextEngine&) = delete;
    TextEngine& operator=(const TextEngine&) = delete;

    LineExtents Measure(std::string_view text, const FontSpec& font);
    double LineHeightPt(const FontSpec& font);

    // Draws the run in black; the user space of `cr` is millimetres (origin top-left of the page).
    void Draw(cairo_t* cr, const TextRun& run);

private:
    struct Impl;
    Impl& Get();  // created on first use: a page without text never pays for a Pango context
    std::unique_ptr<Impl> m_impl;
};

}  // namespace vigie::printing::detail
