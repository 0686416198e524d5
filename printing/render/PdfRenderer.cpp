#include "printing/render/PdfRenderer.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>
#include <string_view>

#include "core/domain/Errors.h"
#include "printing/render/FileOutput.h"
#include "printing/render/PageDrawing.h"
#include "printing/render/TextEngine.h"

namespace vigie::printing {

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

void Check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw InternalError("print.pdf", std::string(what) + " : " + cairo_status_to_string(status));
}

}  // namespace

std::vector<std::uint8_t> RenderPdf(const Document& document) {
    if (document.pages.empty()) throw InternalError("print.pdf", "Document PDF sans page.");
    std::vector<std::uint8_t> out;
    const Page& first = document.pages.front();
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_pdf_surface_create_for_stream(Append, &out, first.widthMm * kPtPerMm, first.heightMm * kPtPerMm),
        cairo_surface_destroy);
    Check(cairo_surface_status(surface.get()), "Création du PDF impossible");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, document.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Vigie");
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    detail::TextEngine text;
    for (const Page& page : document.pages) {
        // Must precede any drawing on the page: each page keeps its own exact size.
        cairo_pdf_surface_set_size(surface.get(), page.widthMm * kPtPerMm, page.heightMm * kPtPerMm);
        cairo_save(cr.get());
        cairo_scale(cr.get(), kPtPerMm, kPtPerMm);  // user space in millimetres
        detail::DrawPage(cr.get(), page, text, 0);
        cairo_restore(cr.get());
        cairo_show_page(cr.get());
    }
    Check(cairo_status(cr.get()), "Dessin du PDF impossible");
    cr.reset();
    cairo_surface_finish(surface.get());
    Check(cairo_surface_status(surface.get()), "Écriture du PDF impossible");
    return out;
}

void WritePdf(const Document& document, const std::string& path) {
    const std::vector<std::uint8_t> bytes = RenderPdf(document);
    detail::WriteFileBytes(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace vigie::printing
