#include "printing/render/SvgRenderer.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <memory>

#include "core/domain/Errors.h"
#include "printing/render/FileOutput.h"
#include "printing/render/PageDrawing.h"
#include "printing/render/TextEngine.h"

namespace vigie::printing {

namespace {

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string RenderSvg(const Page& page) {
    std::string out;
    // With the document unit in millimetres, cairo writes width="…mm" and a viewBox in the same
    // numbers, so one user unit is one millimetre: no scaling needed.
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_svg_surface_create_for_stream(Append, &out, page.widthMm, page.heightMm), cairo_surface_destroy);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw InternalError("print.svg", "Création du SVG impossible.");
    cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_MM);
    {
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
        detail::TextEngine text;
        detail::DrawPage(cr.get(), page, text, 0);
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw InternalError("print.svg", std::string("Dessin SVG impossible : ") + cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw InternalError("print.svg", "Écriture du SVG impossible.");
    return out;
}

void WriteSvg(const Page& page, const std::string& path) {
    detail::WriteFileBytes(path, RenderSvg(page));
}

}  // namespace vigie::printing
