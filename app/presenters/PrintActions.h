#pragma once
// What the Impression dialog runs on the worker thread, without wx: the rule sets to offer, the
// preview (laid out exactly as PrintJobs lays out the print, rendered as a PNG, journaled never),
// and the print itself through printing::PrintJobs, delivered to a PDF file or a CUPS queue.
//
// Thread affinity: call from one thread (the measurer's contract: the app's worker). Errors:
// BadInputError / EnvironmentError (French) as PrintJobs and CupsPrinter throw them; refusals
// (layout, permission) are values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/presenters/PrintPresenter.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"
#include "printing/model/DocumentLayout.h"
#include "printing/model/Page.h"
#include "printing/service/PrintJobs.h"

namespace vigie::presenters {

std::vector<RuleSetChoice> ListRuleSets(ports::IStore& store, const ports::IClock& clock);

struct PreviewImage {
    std::vector<std::uint8_t> png;          // 8-bit gray PNG of the first page
    int dpi = 0;
    int pages = 0;
    std::vector<std::string> warnings;      // French
    std::optional<domain::Refusal> refusal; // the print would be refused for the same reason
    bool Ok() const { return !refusal.has_value(); }
};

// The first page, at the largest resolution that fits maxWidthPx × maxHeightPx (25–300 dpi).
PreviewImage RenderPreview(ports::IStore& store, const ports::IClock& clock, const printing::IMeasurer& measurer,
                           const PrintSettings& settings, const printing::PharmacyHeader& pharmacy, int maxWidthPx,
                           int maxHeightPx);

// The print: PrintJobs (permission, layout, journal once delivered) → the file or the queue.
printing::PrintOutcome RunPrint(ports::IStore& store, const ports::IClock& clock, const printing::IMeasurer& measurer,
                                const domain::Operator& op, const PrintSettings& settings,
                                const printing::PharmacyHeader& pharmacy);


}  // namespace vigie::presenters
