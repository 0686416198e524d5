#include "printing/render/TextEngine.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <string>

#include "core/domain/Errors.h"

namespace vigie::printing::detail {

struct TextEngine::Impl {
    PangoContext* context = nullptr;
    PangoLayout* layout = nullptr;
    PangoFontDescription* description = nullptr;
    FontSpec described;  // the FontSpec `description` was built from (labels reuse a few fonts)

    Impl() {
        context = pango_font_map_create_context(pango_cairo_font_map_get_default());
        if (!context) throw InternalError("print.text", "Moteur de texte (Pango) indisponible.");
        pango_cairo_context_set_resolution(context, 72.0);  // 1 pt = 1 user unit
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(context, options);  // wins over the surface's options
        cairo_font_options_destroy(options);
        pango_context_set_round_glyph_positions(context, FALSE);
        layout = pango_layout_new(context);
        pango_layout_set_single_paragraph_mode(layout, TRUE);  // a stray newline stays on the line
        pango_layout_set_width(layout, -1);                    // never wrapped
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE);
    }
    ~Impl() {
        if (description) pango_font_description_free(description);
        if (layout) g_object_unref(layout);
        if (context) g_object_unref(context);
    }

    void SetFont(const FontSpec& font) {
        if (description && described == font) return;
        if (description) pango_font_description_free(description);
        description = pango_font_description_new();
        pango_font_description_set_family(description, font.family.c_str());
        pango_font_description_set_size(description, static_cast<gint>(font.sizePt * PANGO_SCALE + 0.5));
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        described = font;
        pango_layout_set_font_description(layout, description);
    }

    void Set(std::string_view text, const FontSpec& font) {
        SetFont(font);
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    }

    LineExtents Extents() const {
        PangoRectangle ink, logical;
        pango_layout_get_extents(layout, &ink, &logical);
        const int left = ink.width > 0 ? std::min(ink.x, logical.x) : logical.x;
        const int right = ink.width > 0 ? std::max(ink.x + ink.width, logical.x + logical.width)
                                        : logical.x + logical.width;
        LineExtents e;
        e.widthPt = static_cast<double>(right - left) / PANGO_SCALE;
        e.shiftPt = static_cast<double>(-std::min(left, 0)) / PANGO_SCALE;
        return e;
    }
};

TextEngine::TextEngine() = default;
TextEngine::~TextEngine() = default;

TextEngine::Impl& TextEngine::Get() {
    if (!m_impl) m_impl = std::make_unique<Impl>();
    return *m_impl;
}

LineExtents TextEngine::Measure(std::string_view text, const FontSpec& font) {
    Get().Set(text, font);
    return m_impl->Extents();
}

double TextEngine::LineHeightPt(const FontSpec& font) {
    // The logical line box does not depend on the glyphs, only on the font's ascent and descent.
    Get().Set("Ég", font);
    PangoRectangle logical;
    pango_layout_get_extents(m_impl->layout, nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
}

void TextEngine::Draw(cairo_t* cr, const TextRun& run) {
    Get();
    cairo_save(cr);
    cairo_translate(cr, run.xMm, run.yMm);
    cairo_scale(cr, kMmPerPt, kMmPerPt);  // user unit = 1 pt, as when measuring
    pango_cairo_update_context(cr, m_impl->context);
    pango_layout_context_changed(m_impl->layout);
    m_impl->Set(run.text, run.font);
    const LineExtents e = m_impl->Extents();
    // Alignment inside the box; a run wider than its box (a layout bug) starts at x rather
    // than spilling left over a neighbour.
    const double freePt = std::max(0.0, run.widthMm / kMmPerPt - e.widthPt);
    double offset = 0;
    if (run.align == Align::Center) offset = freePt / 2;
    if (run.align == Align::Right) offset = freePt;
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, offset + e.shiftPt, 0);
    pango_cairo_show_layout(cr, m_impl->layout);
    cairo_restore(cr);
}

}  // namespace vigie::printing::detail
