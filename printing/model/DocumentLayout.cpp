#include "printing/model/DocumentLayout.h"

#include <algorithm>

#include "printing/model/DocumentContent.h"
#include "printing/model/TextFit.h"

namespace vigie::printing {

namespace {

constexpr double kFooterGapMm = 2.0;   // between the content and the footer rule
constexpr double kFooterRuleMm = 1.0;  // between the rule and the footer text
constexpr double kMinModuleMm = 0.25, kMaxModuleMm = 1.0;
// Reserved at the right of the footer for the page number, whatever the page count.
constexpr std::string_view kWidestPageLabel = "Page 9999/9999";

DocumentLayoutResult Refuse(std::string code, std::string message) {
    DocumentLayoutResult r;
    r.refusal = domain::Refusal{std::move(code), std::move(message)};
    return r;
}

std::optional<domain::Refusal> CheckRequest(const DocumentRequest& r) {
    auto refuse = [](std::string message) { return domain::Refusal{"document.request", std::move(message)}; };
    const domain::StrictTraits& t = r.identity.traits;
    if (t.birthName.empty() || t.firstBirthFirstName.empty() || t.birthFirstNames.empty())
        return refuse("Document impossible : nom de naissance et prénom(s) de naissance obligatoires.");
    if (!domain::Date::IsValid(t.birthDate.year, t.birthDate.month, t.birthDate.day))
        return refuse("Document impossible : date de naissance invalide.");
    if (!domain::Date::IsValid(r.date.year, r.date.month, r.date.day))
        return refuse("Document impossible : date du document invalide.");
    if (r.options.datamatrixModuleMm < kMinModuleMm || r.options.datamatrixModuleMm > kMaxModuleMm)
        return refuse("Taille de module du Datamatrix hors limites : " + FormatMm(r.options.datamatrixModuleMm) +
                      " mm (de 0,25 à 1 mm).");
    if (r.kind == DocumentKind::Ordonnance && r.dispensing.empty())
        return refuse("Ordonnance sans ligne de délivrance.");
    if (r.kind == DocumentKind::PlanDePrise && r.intakes.empty())
        return refuse("Plan de prise sans médicament.");
    return std::nullopt;
}

std::vector<std::string> FooterLines(const std::string& reminder, const DocumentStyle& s, const IMeasurer& m,
                                     double* labelWidth) {
    const FontSpec small = s.Font(s.smallPt);
    const double contentWidth = s.pageWidthMm - 2 * s.marginMm;
    *labelWidth = m.TextWidthMm(kWidestPageLabel, small);
    return *WrapText(reminder, contentWidth - *labelWidth - 4.0, small, m, /*breakLongWords=*/true);
}

}  // namespace

std::string_view DocumentKindCode(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::Ordonnance: return "ordonnance";
        case DocumentKind::PlanDePrise: return "plan-de-prise";
        case DocumentKind::Fiche: return "fiche";
    }
    return "fiche";
}

std::optional<DocumentKind> ParseDocumentKindCode(std::string_view code) {
    for (DocumentKind k : {DocumentKind::Ordonnance, DocumentKind::PlanDePrise, DocumentKind::Fiche})
        if (DocumentKindCode(k) == code) return k;
    return std::nullopt;
}

std::string_view PaperFormatCode(PaperFormat format) { return format == PaperFormat::A5 ? "A5" : "A4"; }

std::optional<PaperFormat> ParsePaperFormatCode(std::string_view code) {
    if (code == "A4" || code == "a4") return PaperFormat::A4;
    if (code == "A5" || code == "a5") return PaperFormat::A5;
    return std::nullopt;
}

DocumentStyle DocumentStyle::For(const DocumentOptions& options) {
    DocumentStyle s;
    s.family = options.fontFamily;
    if (options.format == PaperFormat::A5) {
        s.pageWidthMm = 148;
        s.pageHeightMm = 210;
        s.marginMm = 10;
        s.bodyPt = 9;
        s.smallPt = 7.5;
        s.titlePt = 12;
    }
    return s;
}

std::string DocumentTitle(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::Ordonnance: return "Ordonnance — délivrance";
        case DocumentKind::PlanDePrise: return "Plan de prise";
        case DocumentKind::Fiche: return "Fiche d'identité du patient";
    }
    return "Document";
}

std::string IdentityReminder(const domain::Identity& id) {
    const domain::StrictTraits& t = id.traits;
    const bool male = t.sex == domain::Sex::Male;
    return t.birthName + " " + t.firstBirthFirstName + " — " + (male ? "né le " : "née le ") +
           t.birthDate.ToFrench() + " — sexe " + (male ? "M" : "F");
}

double FooterBandMm(const std::string& reminder, const DocumentStyle& s, const IMeasurer& m) {
    double labelWidth = 0;
    const auto lines = FooterLines(reminder, s, m, &labelWidth);
    return kFooterGapMm + kFooterRuleMm + m.LineHeightMm(s.Font(s.smallPt)) * static_cast<double>(lines.size());
}

void AddFooters(std::vector<Page>& pages, const std::string& reminder, const DocumentStyle& s, const IMeasurer& m) {
    const FontSpec small = s.Font(s.smallPt);
    const double lineHeight = m.LineHeightMm(small);
    double labelWidth = 0;
    const std::vector<std::string> lines = FooterLines(reminder, s, m, &labelWidth);
    const double left = s.marginMm, width = s.pageWidthMm - 2 * s.marginMm;
    const double textTop = s.pageHeightMm - s.marginMm - lineHeight * static_cast<double>(lines.size());
    const double ruleY = textTop - kFooterRuleMm;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        auto& elements = pages[p].elements;
        elements.emplace_back(RuleLine{left, ruleY, left + width, ruleY, 0.2});
        for (std::size_t i = 0; i < lines.size(); ++i)
            elements.emplace_back(TextRun{left, textTop + lineHeight * static_cast<double>(i), width - labelWidth - 4.0,
                                          lines[i], small, Align::Left});
        const std::string label = "Page " + std::to_string(p + 1) + "/" + std::to_string(pages.size());
        elements.emplace_back(TextRun{left + width - labelWidth, textTop, labelWidth, label, small, Align::Right});
    }
}

DocumentLayoutResult LayoutDocument(const DocumentRequest& r, const IMeasurer& m) {
    if (auto refusal = CheckRequest(r)) {
        DocumentLayoutResult result;
        result.refusal = std::move(refusal);
        return result;
    }
    const DocumentStyle style = DocumentStyle::For(r.options);
    const std::string reminder = IdentityReminder(r.identity);
    PageFlow flow(style.pageWidthMm, style.pageHeightMm, style.marginMm, FooterBandMm(reminder, style, m));

    DocumentLayoutResult result;
    if (r.pharmacy.name.empty()) result.warnings.push_back("Nom de la pharmacie absent de l'en-tête.");
    FlowHeader(flow, r, style, m);
    if (auto refusal = FlowIdentityBlock(flow, r, style, m, result.warnings)) return Refuse(refusal->code, refusal->message);
    FlowContent(flow, r, style, m);

    Document doc;
    doc.title = "Vigie — " + DocumentTitle(r.kind) + " du " + r.date.ToFrench();  // no name, no INS
    doc.pages = flow.TakePages();
    AddFooters(doc.pages, reminder, style, m);
    result.document = std::move(doc);
    return result;
}

}  // namespace vigie::printing
