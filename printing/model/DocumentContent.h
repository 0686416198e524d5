#pragma once
// Internal to document layout: the page-1 header and identity block, the content of each kind
// of document, and the footers. DocumentLayout.cpp strings them together.

#include <optional>
#include <string>
#include <vector>

#include "printing/model/DocumentLayout.h"
#include "printing/model/PageFlow.h"

namespace vigie::printing {

struct DocumentStyle {
    double pageWidthMm = 210, pageHeightMm = 297, marginMm = 15;
    double bodyPt = 10, smallPt = 8, titlePt = 14;
    std::string family = "DejaVu Sans";

    static DocumentStyle For(const DocumentOptions& options);
    FontSpec Font(double sizePt, bool bold = false) const { return FontSpec{family, sizePt, bold, false}; }
};

// « Ordonnance — délivrance », « Plan de prise », « Fiche d'identité du patient ».
std::string DocumentTitle(DocumentKind kind);

// Pharmacy, date and title at the top of page 1.
void FlowHeader(PageFlow& flow, const DocumentRequest& request, const DocumentStyle& style, const IMeasurer& m);

// The framed identity block of page 1; the INS line and the Datamatrix INS for a qualified
// identity only. A refusal when the payload cannot be built or the block does not fit.
std::optional<domain::Refusal> FlowIdentityBlock(PageFlow& flow, const DocumentRequest& request,
                                                 const DocumentStyle& style, const IMeasurer& m,
                                                 std::vector<std::string>& warnings);

void FlowContent(PageFlow& flow, const DocumentRequest& request, const DocumentStyle& style, const IMeasurer& m);

// « DUPONT JEAN — né le 01/02/1980 — sexe M »: the reminder repeated at the foot of every page.
std::string IdentityReminder(const domain::Identity& identity);

// Height of the footer band for this reminder (wrapped beside the page number).
double FooterBandMm(const std::string& reminder, const DocumentStyle& style, const IMeasurer& m);
// Adds the footer of every page (rule, reminder, « Page n/N ») once the page count is known.
void AddFooters(std::vector<Page>& pages, const std::string& reminder, const DocumentStyle& style, const IMeasurer& m);

}  // namespace vigie::printing
