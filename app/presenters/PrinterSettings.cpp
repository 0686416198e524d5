#include "app/presenters/PrinterSettings.h"

#include "printing/cups/CupsPrinter.h"

namespace vigie::presenters {

using namespace vigie::printing;

QueueFormat PrinterChoices::FormatOf(const std::string& queue) const {
    for (const auto& f : formats)
        if (f.queue == queue) return f;
    QueueFormat f;
    f.queue = queue;
    return f;
}

void PrinterChoices::SetFormat(const QueueFormat& format) {
    for (auto& f : formats)
        if (f.queue == format.queue) {
            f = format;
            return;
        }
    formats.push_back(format);
}

PrinterChoices LoadPrinterChoices(ports::IStore& store) {
    PrinterChoices c;
    try {
        for (const auto& q : CupsPrinter().Queues()) {
            c.queues.push_back(q.name);
            if (q.isDefault) c.cupsDefault = q.name;
        }
    } catch (const std::exception& e) {
        c.queuesError = e.what();
    }
    const ports::SystemClock clock;  // reading only: the clock is never asked
    auto d = QueueSettings(store, clock).Load(c.queues);
    c.labels = d.labels;
    c.documents = d.documents;
    c.formats = d.formats;
    return c;
}

std::optional<std::string> SavePrinterChoices(ports::IStore& store, const ports::IClock& clock,
                                              const domain::Operator& op, const PrinterChoices& choices) {
    PrinterSettingsData d;
    d.labels = choices.labels;
    d.documents = choices.documents;
    d.formats = choices.formats;
    if (auto refusal = QueueSettings(store, clock).Save(op, d)) return refusal->message;
    return std::nullopt;
}

std::optional<std::string> SavePrinterChoices(ports::IStore& store, const domain::Operator& op,
                                              const std::string& labels, const std::string& documents) {
    PrinterChoices c;
    c.labels = labels;
    c.documents = documents;
    return SavePrinterChoices(store, ports::SystemClock(), op, c);
}

}  // namespace vigie::presenters
