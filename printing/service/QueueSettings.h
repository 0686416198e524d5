#pragma once
// The owner's printer settings (Réglages › Imprimantes), kept in the store and shared by every
// counter on the same référentiel: the queue proposed for labels and for documents, and for each
// CUPS queue the language it speaks — PDF through its CUPS driver (the default) or raw ZPL for a
// Zebra label printer, at the print head's resolution (203, 300 or 600 dpi).
//   print.queue.labels / print.queue.documents      a queue name, "" = the CUPS default
//   print.queue.<queue>.language                    "pdf" | "zpl"
//   print.queue.<queue>.dpi                         "203" | "300" | "600" (ZPL only)
// Saving needs ConfigureStructure (titulaire), is validated, and is journaled
// (`printers.settings_saved`, before/after as JSON) in the same transaction; nothing is journaled
// when nothing changed.
//
// Thread affinity: none of its own (one store transaction per call). Errors: store exceptions pass
// through; refusals (permission, bad resolution) are values.

#include <optional>
#include <string>
#include <vector>

#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"

namespace vigie::printing {

inline constexpr const char* kLabelQueueSetting = "print.queue.labels";
inline constexpr const char* kDocumentQueueSetting = "print.queue.documents";

enum class QueueLanguage { Pdf, Zpl };

struct QueueFormat {
    std::string queue;
    QueueLanguage language = QueueLanguage::Pdf;
    int dpi = 203;  // ZPL only
    bool IsZpl() const { return language == QueueLanguage::Zpl; }
    bool operator==(const QueueFormat&) const = default;
};

// What a queue may print: a ZPL queue takes labels only. The refusal (French) names the queue.
std::optional<domain::Refusal> RefuseOnQueue(const QueueFormat& format, bool label);

struct PrinterSettingsData {
    std::string labels, documents;     // "" = the CUPS default
    std::vector<QueueFormat> formats;  // one per queue named in Load(); the ones Save() writes
};

class QueueSettings {
public:
    static constexpr int kZplDpis[] = {203, 300, 600};

    QueueSettings(ports::IStore& store, const ports::IClock& clock) : m_store(store), m_clock(clock) {}

    // The queue choices and the format of each of `queues` (PDF when never set).
    PrinterSettingsData Load(const std::vector<std::string>& queues);
    QueueFormat FormatOf(const std::string& queue);
    std::optional<domain::Refusal> Save(const domain::Operator& op, const PrinterSettingsData& settings);

private:
    ports::IStore& m_store;
    const ports::IClock& m_clock;
};

std::string LanguageSettingKey(const std::string& queue);  // print.queue.<queue>.language
std::string DpiSettingKey(const std::string& queue);       // print.queue.<queue>.dpi
// « PDF (pilote CUPS) », « ZPL brut (Zebra) 300 dpi »
std::string DescribeFormat(const QueueFormat& format);

}  // namespace vigie::printing
