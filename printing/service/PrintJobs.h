#pragma once
// Labels and documents for one identity, from the store to bytes ready for a file or a printer:
// permission, identity, rule set or template, layout (printing/model), rendering
// (printing/render), and one journal entry per output — who printed what, and whether the INS
// was on it (identitovigilance traceability). The caller delivers the bytes (file, CUPS queue)
// through a callback; the journal entry is written only once delivery succeeded.
//
// Thread affinity: one thread at a time (the measurer's contract). Errors: BadInputError for an
// unknown identity, rule set or output format; EnvironmentError from the delivery callback;
// refusals (permission, layout) are values.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"
#include "printing/model/DocumentLayout.h"
#include "printing/model/Page.h"

namespace vigie::printing {

enum class OutputKind { Pdf, Png, Svg, Zpl };
std::string_view OutputKindCode(OutputKind kind);  // pdf, png, svg, zpl
// From a file name's extension (case-insensitive); BadInputError (French) otherwise.
OutputKind OutputKindOfPath(const std::string& path);

struct OutputOptions {
    OutputKind kind = OutputKind::Pdf;
    int dpi = 300;  // PNG preview and ZPL (203, 300, 600)
};

// PDF: every page; PNG/SVG: a single page (BadInputError for more); ZPL: labels, one ^XA…^XZ per page.
std::string RenderOutput(const Document& document, const OutputOptions& options);

struct LabelRequest {
    domain::IdentityId id = 0;
    std::string rules = "boite";
    int copies = 1;                               // 1–100
    std::optional<domain::Date> dispensingDate;   // today when the rule set shows it and none given
    std::string pharmacyName;
};

struct DocumentJob {
    domain::IdentityId id = 0;
    DocumentKind kind = DocumentKind::Fiche;
    PharmacyHeader pharmacy;
    std::vector<DispensingLine> dispensing;
    std::vector<IntakeLine> intakes;
    std::vector<std::string> notes;
    DocumentOptions options;
};

struct PrintOutcome {
    std::optional<domain::Refusal> refusal;
    std::vector<std::string> warnings;  // French
    int pages = 0;
    bool insPrinted = false;            // the INS and its Datamatrix are on the output
    bool Ok() const { return !refusal.has_value(); }
};

using Deliver = std::function<void(const std::string& bytes)>;

class PrintJobs {
public:
    PrintJobs(ports::IStore& store, const ports::IClock& clock, const IMeasurer& measurer)
        : m_store(store), m_clock(clock), m_measurer(measurer) {}

    PrintOutcome Label(const domain::Operator& op, const LabelRequest& request, const OutputOptions& output,
                       const Deliver& deliver);
    PrintOutcome Document(const domain::Operator& op, const DocumentJob& job, const OutputOptions& output,
                          const Deliver& deliver);

private:
    std::optional<domain::Refusal> CheckPrint(const domain::Operator& op) const;
    void Journal(const domain::Operator& op, domain::IdentityId id, const std::string& action, const std::string& after);

    ports::IStore& m_store;
    const ports::IClock& m_clock;
    const IMeasurer& m_measurer;
};

}  // namespace vigie::printing
