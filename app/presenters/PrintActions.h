#pragma once
// What the Impression dialog runs on the worker thread, without wx: the rule sets to offer, the
// preview (laid out exactly as PrintJobs lays out the print, rendered as a PNG, journaled never),
// and the print itself through printing::PrintJobs, delivered to a PDF file or a CUPS queue: as
// PDF, or as raw ZPL at the queue's resolution when Réglages › Imprimantes says the queue is a
// Zebra (labels only: a document to such a queue is refused in French, nothing sent).
//
// Thread affinity: call from one thread (the measurer's contract: the app's worker). Errors:
// BadInputError / EnvironmentError (French) as PrintJobs and CupsPrinter throw them; refusals
// (layout, permission) are values.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/presenters/PrintPresenter.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"
#include "printing/model/DocumentLayout.h"
#include "printing/model/Page.h"
#include "printing/cups/CupsPrinter.h"
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

// Sends one job to a CUPS queue: CupsPrinter in the app, a capture in tests. The title names no one.
using QueueSender = std::function<void(const std::string& queue, const std::string& bytes,
                                       printing::PrintFormat format, const std::string& title)>;
QueueSender CupsSender();

// The document PrintJobs prints for these settings (kind, content, paper, pharmacy).
printing::DocumentJob DocumentJobOf(const PrintSettings& settings, const printing::PharmacyHeader& pharmacy);

// The print: PrintJobs (permission, layout, journal once delivered) → the file or the queue, in
// the queue's language (printing/service/QueueSettings.h). Refusals (values): the content rules
// (printing::CheckDocumentContent), a document to a ZPL queue, and those of PrintJobs.
printing::PrintOutcome RunPrint(ports::IStore& store, const ports::IClock& clock, const printing::IMeasurer& measurer,
                                const domain::Operator& op, const PrintSettings& settings,
                                const printing::PharmacyHeader& pharmacy, const QueueSender& send = CupsSender());


}  // namespace vigie::presenters
