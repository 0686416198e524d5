#pragma once
// Documents carrying health data (datamatrix-ins.md §4), laid out as a Document of A4 or A5 pages:
//   ordonnance     the dispensing record: medication / quantity / posology
//   plan-de-prise  medication × matin / midi / soir / coucher, with notes
//   fiche          the patient identity sheet: traits, status, attributes, document check
//
// Page 1 carries the identity block: the strict traits, labelled, and the status in words. For a
// *qualifiée* identity only (EXI SI 08) it adds « INS : <matricule> (NIR|NIA) » and the Datamatrix
// INS with the mention « INS à scanner »; any other status shows neither, anywhere. Content flows
// onto further pages; every page ends with a compact identity reminder and « Page n/N ». Long
// lines wrap, never cut. The Document title (PDF metadata, print queues) names no one.
//
// Pure functions: no state; the measurer is used from the calling thread only.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Identity.h"
#include "core/domain/IdentityStateMachine.h"
#include "printing/model/Page.h"

namespace vigie::printing {

enum class DocumentKind { Ordonnance, PlanDePrise, Fiche };
enum class PaperFormat { A4, A5 };

std::string_view DocumentKindCode(DocumentKind kind);  // "ordonnance", "plan-de-prise", "fiche"
std::optional<DocumentKind> ParseDocumentKindCode(std::string_view code);
std::string_view PaperFormatCode(PaperFormat format);  // "A4", "A5"
std::optional<PaperFormat> ParsePaperFormatCode(std::string_view code);

struct PharmacyHeader {
    std::string name;
    std::vector<std::string> addressLines;
};

struct DispensingLine {  // ordonnance
    std::string medication, quantity, posology;
};

struct IntakeLine {  // plan de prise: each time of day is free text ("1", "½", "1 sachet"…)
    std::string medication, morning, noon, evening, bedtime, notes;
};

struct DocumentOptions {
    PaperFormat format = PaperFormat::A4;
    double datamatrixModuleMm = 0.45;  // 0.25–1.0; with a 1-module quiet zone on each side
    std::string fontFamily = "DejaVu Sans";
};

struct DocumentRequest {
    DocumentKind kind = DocumentKind::Fiche;
    domain::Identity identity;
    PharmacyHeader pharmacy;
    domain::Date date;                        // of the document (dispensing, plan, print)
    std::vector<DispensingLine> dispensing;   // ordonnance: at least one
    std::vector<IntakeLine> intakes;          // plan-de-prise: at least one
    std::vector<std::string> notes;           // optional paragraphs after the content (« Remarques »)
    DocumentOptions options;
};

struct DocumentLayoutResult {
    std::optional<Document> document;        // set when laid out
    std::vector<std::string> warnings;       // French (a test/demo INS OID…)
    std::optional<domain::Refusal> refusal;  // French reason otherwise
    bool Ok() const { return document.has_value(); }
};

// Refusal codes: "document.request" (missing content, bad option, empty trait),
// "document.datamatrix" (a qualified identity whose payload cannot be built: the INS would be
// printed without its code), "document.overflow" (header + identity block taller than page 1).
DocumentLayoutResult LayoutDocument(const DocumentRequest& request, const IMeasurer& measurer);

}  // namespace vigie::printing
