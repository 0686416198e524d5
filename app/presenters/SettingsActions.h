#pragma once
// What « Réglages » (issue #6) runs on the worker thread, without wx: the label rule book
// (save with its version, remove, import/export a file), the live preview of a rule set being
// edited (laid out exactly as printing lays a label out, for a sample patient or the current
// one) and the operators. The printer choices are in PrinterSettings.h, the accepted identity
// documents in DocumentSettings.h; the INSi connection form runs core/insi/InsiConfigEditor.
//
// Thread affinity: call from one thread (the measurer's contract: the app's worker). Errors:
// exceptions from the store and the printing library pass through (the caller shows e.what()),
// except a stale version, which is a value (RuleBookOutcome::stale).

#include <optional>
#include <string>
#include <vector>

#include "app/presenters/PrintActions.h"
#include "app/presenters/PrinterSettings.h"
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

// Printer choices (labels/documents queues, ZPL per queue): app/presenters/PrinterSettings.h.


}  // namespace vigie::presenters
