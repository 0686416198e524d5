#pragma once
// What « Réglages » (issue #6) runs on the worker thread, without wx: the label rule book
// (save with its version, remove, import/export a file), the live preview of a rule set being
// edited (laid out exactly as printing lays a label out, for a sample patient or the current
// one), the operators, the printer choices kept in the store, and read-only views of the INSi
// configuration and of the accepted identity documents.
//
// Thread affinity: call from one thread (the measurer's contract: the app's worker). Errors:
// exceptions from the store and the printing library pass through (the caller shows e.what()),
// except a stale version, which is a value (RuleBookOutcome::stale).

#include <optional>
#include <string>
#include <vector>

#include "app/presenters/PrintActions.h"
#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"
#include "printing/model/LabelLayout.h"
#include "printing/service/LabelRuleBook.h"

namespace vigie::presenters {

struct RuleBookOutcome {
    std::vector<printing::RuleSetEntry> entries;  // the book after the action
    std::optional<std::string> refusal;           // French
    bool stale = false;                           // saved or removed elsewhere meanwhile
    std::vector<std::string> saved;               // names created, replaced or removed
    std::string message;                          // French outcome when done
};

RuleBookOutcome SaveRuleSet(ports::IStore& store, const ports::IClock& clock, const domain::Operator& op,
                            const printing::LabelRuleSet& rules, std::int64_t expectedVersion);
RuleBookOutcome RemoveRuleSet(ports::IStore& store, const ports::IClock& clock, const domain::Operator& op,
                              const std::string& name);
RuleBookOutcome ImportRuleSets(ports::IStore& store, const ports::IClock& clock, const domain::Operator& op,
                               const std::string& path);
// Writes the named sets (all when empty) to `path`; EnvironmentError when it cannot be written.
void ExportRuleSets(ports::IStore& store, const ports::IClock& clock, const std::vector<std::string>& names,
                    const std::string& path);

// A fictitious patient for the preview when none is at the counter: long names, a used name.
printing::LabelData SampleLabelData(domain::Date today, const std::string& pharmacyName);

// The label as printing lays it out (LayoutLabel with the same measurer), as a PNG that fits.
PreviewImage RenderRuleSetPreview(const printing::LabelRuleSet& rules, const printing::LabelData& data,
                                  const printing::IMeasurer& measurer, int maxWidthPx, int maxHeightPx);

// Printer choices, as store settings (shared by every counter on the same référentiel).
inline constexpr const char* kLabelQueueSetting = "print.queue.labels";
inline constexpr const char* kDocumentQueueSetting = "print.queue.documents";
struct PrinterChoices {
    std::vector<std::string> queues;         // CUPS queues (empty when no spooler)
    std::optional<std::string> cupsDefault;  // CUPS' own default
    std::string queuesError;                 // French, when CUPS could not be asked
    std::string labels, documents;           // "" = the CUPS default
};
PrinterChoices LoadPrinterChoices(ports::IStore& store);
// Refusal (French) unless the operator may configure the structure.
std::optional<std::string> SavePrinterChoices(ports::IStore& store, const domain::Operator& op,
                                              const std::string& labels, const std::string& documents);

// INSi connection, read from the configuration file (never written here).
struct InsiConfigRow {
    std::string label, value;
};
std::vector<InsiConfigRow> ReadInsiConfig(const std::string& configPath);

}  // namespace vigie::presenters
