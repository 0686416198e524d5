#include "printing/service/QueueSettings.h"

#include <algorithm>

#include "core/usecases/PatientService.h"
#include "core/util/Json.h"

namespace vigie::printing {

using ports::IStoreTransaction;
using ports::TransactionMode;

std::string LanguageSettingKey(const std::string& queue) { return "print.queue." + queue + ".language"; }
std::string DpiSettingKey(const std::string& queue) { return "print.queue." + queue + ".dpi"; }

std::string DescribeFormat(const QueueFormat& f) {
    return f.IsZpl() ? "ZPL brut (Zebra) " + std::to_string(f.dpi) + " dpi" : "PDF (pilote CUPS)";
}

namespace {

bool ValidDpi(int dpi) {
    return std::find(std::begin(QueueSettings::kZplDpis), std::end(QueueSettings::kZplDpis), dpi) !=
           std::end(QueueSettings::kZplDpis);
}

QueueFormat ReadFormat(IStoreTransaction& tx, const std::string& queue) {
    QueueFormat f;
    f.queue = queue;
    if (tx.GetSetting(LanguageSettingKey(queue)).value_or("pdf") == "zpl") f.language = QueueLanguage::Zpl;
    const std::string dpi = tx.GetSetting(DpiSettingKey(queue)).value_or("203");
    try {
        const int n = std::stoi(dpi);
        if (ValidDpi(n)) f.dpi = n;
    } catch (const std::exception&) {  // a hand-edited value: the most common head
    }
    return f;
}

std::string Snapshot(const PrinterSettingsData& s) {
    util::JsonWriter w;
    w.BeginObject().Field("labels", s.labels).Field("documents", s.documents).Key("queues").BeginArray();
    for (const auto& f : s.formats) {
        w.BeginObject().Field("queue", f.queue).Field("language", f.IsZpl() ? "zpl" : "pdf");
        if (f.IsZpl()) w.Field("dpi", static_cast<std::int64_t>(f.dpi));
        w.EndObject();
    }
    w.EndArray().EndObject();
    return w.Str();
}

}  // namespace

PrinterSettingsData QueueSettings::Load(const std::vector<std::string>& queues) {
    return ports::RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) {
        PrinterSettingsData d;
        d.labels = tx.GetSetting(kLabelQueueSetting).value_or("");
        d.documents = tx.GetSetting(kDocumentQueueSetting).value_or("");
        for (const auto& q : queues) d.formats.push_back(ReadFormat(tx, q));
        return d;
    });
}

std::optional<domain::Refusal> RefuseOnQueue(const QueueFormat& format, bool label) {
    if (label || !format.IsZpl()) return std::nullopt;
    return domain::Refusal{"print.zpl_document", "Cette imprimante n'imprime que des étiquettes ZPL (« " + format.queue +
                                                     " ») : choisir une autre imprimante ou « Enregistrer en PDF… »."};
}

QueueFormat QueueSettings::FormatOf(const std::string& queue) {
    return ports::RunInTransaction(m_store, TransactionMode::Read,
                                   [&](IStoreTransaction& tx) { return ReadFormat(tx, queue); });
}

std::optional<domain::Refusal> QueueSettings::Save(const domain::Operator& op, const PrinterSettingsData& s) {
    if (!op.active) return domain::Refusal{"rule.operator_inactive", "Opérateur désactivé : " + op.name + "."};
    if (!domain::HasPermission(op.role, domain::Permission::ConfigureStructure))
        return domain::Refusal{"rule.permission", "Droit insuffisant pour choisir les imprimantes : réservé au titulaire."};
    for (const auto& f : s.formats) {
        if (f.queue.empty() || f.queue.find_first_of(" /#") != std::string::npos)
            return domain::Refusal{"printers.queue", "Nom de file d'impression invalide : « " + f.queue + " »."};
        if (f.IsZpl() && !ValidDpi(f.dpi))
            return domain::Refusal{"printers.dpi", "Résolution ZPL de « " + f.queue + " » : 203, 300 ou 600 dpi (" +
                                                       std::to_string(f.dpi) + " donné)."};
    }
    ports::RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        PrinterSettingsData before;
        before.labels = tx.GetSetting(kLabelQueueSetting).value_or("");
        before.documents = tx.GetSetting(kDocumentQueueSetting).value_or("");
        for (const auto& f : s.formats) before.formats.push_back(ReadFormat(tx, f.queue));
        PrinterSettingsData after = s;
        for (auto& f : after.formats)
            if (!f.IsZpl()) f.dpi = ReadFormat(tx, f.queue).dpi;  // kept for a later switch back to ZPL
        tx.SetSetting(kLabelQueueSetting, after.labels);
        tx.SetSetting(kDocumentQueueSetting, after.documents);
        for (const auto& f : after.formats) {
            tx.SetSetting(LanguageSettingKey(f.queue), f.IsZpl() ? "zpl" : "pdf");
            tx.SetSetting(DpiSettingKey(f.queue), std::to_string(f.dpi));
        }
        const std::string b = Snapshot(before), a = Snapshot(after);
        if (a != b) usecases::Journal(tx, m_clock, op, "printers.settings_saved", std::nullopt, b, a);
    });
    return std::nullopt;
}

}  // namespace vigie::printing
