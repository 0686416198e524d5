#pragma once
// « Réglages › Imprimantes » (issue #6) on the worker thread, without wx: the CUPS queues of this
// computer with the owner's choices kept in the store (printing/service/QueueSettings.h): the
// queue proposed for labels and for documents, and per queue its language — PDF through the CUPS
// driver or raw ZPL for a Zebra at 203/300/600 dpi. Saving is titulaire-only and journaled.
//
// Thread affinity: the app's worker (CUPS and the store). Errors: store exceptions pass through;
// CUPS unreachable is a value (queuesError).

#include <optional>
#include <string>
#include <vector>

#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"
#include "printing/service/QueueSettings.h"

namespace vigie::presenters {

using printing::kDocumentQueueSetting;
using printing::kLabelQueueSetting;

struct PrinterChoices {
    std::vector<std::string> queues;         // CUPS queues (empty when no spooler)
    std::optional<std::string> cupsDefault;  // CUPS' own default
    std::string queuesError;                 // French, when CUPS could not be asked
    std::string labels, documents;           // "" = the CUPS default
    std::vector<printing::QueueFormat> formats;  // one per queue, in the order of `queues`

    printing::QueueFormat FormatOf(const std::string& queue) const;
    void SetFormat(const printing::QueueFormat& format);  // replaces (or adds) the queue's format
};

PrinterChoices LoadPrinterChoices(ports::IStore& store);
// Refusal (French) unless the operator may configure the structure; journaled when it changes.
std::optional<std::string> SavePrinterChoices(ports::IStore& store, const ports::IClock& clock,
                                              const domain::Operator& op, const PrinterChoices& choices);
// The queue choices only; the queues' formats stay as stored.
std::optional<std::string> SavePrinterChoices(ports::IStore& store, const domain::Operator& op,
                                              const std::string& labels, const std::string& documents);

// The language options as the panel lists them, and the ZPL resolutions.
inline constexpr const char* kLanguagePdf = "PDF (pilote CUPS)";
inline constexpr const char* kLanguageZpl = "ZPL brut (Zebra)";

}  // namespace vigie::presenters
