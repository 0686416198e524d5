// The body of each kind of document, after the identity block of page 1.
#include "core/domain/DocumentTypes.h"
#include "printing/model/DocumentContent.h"

namespace vigie::printing {

namespace {

constexpr double kSectionGapMm = 3.0;

void Heading(PageFlow& flow, const std::string& text, const DocumentStyle& s, const IMeasurer& m) {
    const FontSpec font = s.Font(s.bodyPt + 1, true);
    // Keep a heading with at least one line of what follows.
    if (m.LineHeightMm(font) + m.LineHeightMm(s.Font(s.bodyPt)) * 2 > flow.Remaining()) flow.NewPage();
    FlowParagraph(flow, text, font, m);
    flow.Advance(1.0);
}

// "2026-01-01T00:00:00.000Z" → "01/01/2026"; the raw text when it is not a date.
std::string Day(const std::string& timestamp) {
    const auto date = domain::Date::Parse(timestamp.substr(0, 10));
    return date ? date->ToFrench() : timestamp;
}

void Ordonnance(PageFlow& flow, const DocumentRequest& r, const DocumentStyle& s, const IMeasurer& m) {
    std::vector<std::vector<std::string>> rows;
    for (const DispensingLine& l : r.dispensing) rows.push_back({l.medication, l.quantity, l.posology});
    FlowTable(flow, {{"Médicament", 4}, {"Quantité", 1.4}, {"Posologie", 4}}, rows, s.Font(s.bodyPt), m);
}

void PlanDePrise(PageFlow& flow, const DocumentRequest& r, const DocumentStyle& s, const IMeasurer& m) {
    std::vector<std::vector<std::string>> rows;
    for (const IntakeLine& l : r.intakes) rows.push_back({l.medication, l.morning, l.noon, l.evening, l.bedtime, l.notes});
    // The four time columns are wide enough for « Coucher » on A5 without a break inside the word.
    FlowTable(flow,
              {{"Médicament", 2.8}, {"Matin", 1.35}, {"Midi", 1.35}, {"Soir", 1.35}, {"Coucher", 1.35}, {"Remarques", 2.0}},
              rows, s.Font(s.bodyPt), m);
}

void Fiche(PageFlow& flow, const DocumentRequest& r, const DocumentStyle& s, const IMeasurer& m) {
    const domain::Identity& id = r.identity;
    const FontSpec body = s.Font(s.bodyPt);
    Heading(flow, "Contrôle de l'identité", s, m);
    if (id.documentCheck) {
        const domain::DocumentCheck& c = *id.documentCheck;
        const domain::DocumentType* type = domain::FindDocumentType(c.documentType);
        FlowParagraph(flow, "Document vérifié : " + (type ? std::string(type->label) : c.documentType), body, m);
        FlowParagraph(flow, "Vérifié le " + Day(c.checkedAt) + (c.operatorName.empty() ? "" : " par " + c.operatorName), body, m);
        if (c.expiry) FlowParagraph(flow, "Date d'expiration du document : " + c.expiry->ToFrench(), body, m);
    } else {
        FlowParagraph(flow, "Aucun document d'identité à haut niveau de confiance vérifié.", body, m);
    }
    flow.Advance(kSectionGapMm);
    Heading(flow, "Dossier", s, m);
    FlowParagraph(flow, "Identifiant local (IPP) : " + (id.id != 0 ? std::to_string(id.id) : std::string("non attribué")), body, m);
    if (!id.attributes.homonyme && !id.attributes.douteuse && !id.attributes.fictive)
        FlowParagraph(flow, "Attributs : aucun", body, m);
    if (!id.createdAt.empty()) FlowParagraph(flow, "Identité créée le " + Day(id.createdAt), body, m);
    if (!id.updatedAt.empty()) FlowParagraph(flow, "Dernière modification le " + Day(id.updatedAt), body, m);
}

}  // namespace

void FlowContent(PageFlow& flow, const DocumentRequest& r, const DocumentStyle& s, const IMeasurer& m) {
    switch (r.kind) {
        case DocumentKind::Ordonnance: Ordonnance(flow, r, s, m); break;
        case DocumentKind::PlanDePrise: PlanDePrise(flow, r, s, m); break;
        case DocumentKind::Fiche: Fiche(flow, r, s, m); break;
    }
    if (r.notes.empty()) return;
    flow.Advance(kSectionGapMm);
    Heading(flow, "Remarques", s, m);
    for (const std::string& note : r.notes) {
        std::size_t start = 0;
        while (start <= note.size()) {  // one paragraph per line of the note
            const std::size_t end = std::min(note.find('\n', start), note.size());
            FlowParagraph(flow, std::string_view(note).substr(start, end - start), s.Font(s.bodyPt), m);
            start = end + 1;
        }
    }
}

}  // namespace vigie::printing
