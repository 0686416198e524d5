#include "core/usecases/AcceptedDocuments.h"

#include <algorithm>

#include "core/domain/DocumentTypes.h"
#include "core/usecases/PatientService.h"
#include "core/util/Json.h"

namespace vigie::usecases {

using namespace vigie::domain;
using ports::IStoreTransaction;
using ports::TransactionMode;

namespace {

std::vector<std::string> SplitCodes(const std::string& value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        if (comma > start) out.push_back(value.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// Catalog order, duplicates dropped, unknown codes dropped.
std::vector<std::string> InCatalogOrder(const std::vector<std::string>& codes) {
    std::vector<std::string> out;
    for (const auto& d : DefaultDocumentCatalog())
        if (std::find(codes.begin(), codes.end(), d.code) != codes.end()) out.emplace_back(d.code);
    return out;
}

std::string ListJson(const std::vector<std::string>& codes) {
    util::JsonWriter w;
    w.BeginObject().Key("accepted_documents").BeginArray();
    for (const auto& c : codes) w.String(c);
    w.EndArray().EndObject();
    return w.Str();
}

std::string Joined(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

}  // namespace

std::vector<std::string> AcceptedDocumentCodes(IStoreTransaction& tx) {
    const auto value = tx.GetSetting(kAcceptedDocumentsSetting);
    if (!value) {
        std::vector<std::string> all;
        for (const auto& d : DefaultDocumentCatalog()) all.emplace_back(d.code);
        return all;
    }
    return InCatalogOrder(SplitCodes(*value));
}

std::optional<Refusal> RefuseUnacceptedDocument(IStoreTransaction& tx, std::string_view code) {
    const DocumentType* type = FindDocumentType(code);
    if (!type) return std::nullopt;
    const auto accepted = AcceptedDocumentCodes(tx);
    if (std::find(accepted.begin(), accepted.end(), code) != accepted.end()) return std::nullopt;
    return Refusal{"rule.document_not_accepted",
                   "La pièce « " + std::string(type->label) +
                       " » n'est pas acceptée par la pharmacie pour valider une identité (Réglages › Pièces "
                       "d'identité)."};
}

std::vector<std::string> AcceptedDocuments::Codes() {
    return ports::RunInTransaction(m_store, TransactionMode::Read,
                                   [](IStoreTransaction& tx) { return AcceptedDocumentCodes(tx); });
}

std::optional<Refusal> AcceptedDocuments::Set(const Operator& op, const std::vector<std::string>& codes) {
    if (!op.active) return Refusal{"rule.operator_inactive", "Opérateur désactivé : " + op.name + "."};
    if (!HasPermission(op.role, Permission::ConfigureStructure))
        return Refusal{"rule.permission",
                       "Droit insuffisant pour choisir les pièces d'identité acceptées : réservé au titulaire."};
    for (const auto& c : codes)
        if (!FindDocumentType(c))
            return Refusal{"input.unknown_document",
                           "Pièce inconnue : « " + c +
                               " ». Seules les pièces à haut niveau de confiance du référentiel national peuvent "
                               "être acceptées."};
    const auto wanted = InCatalogOrder(codes);
    if (wanted.empty())
        return Refusal{"input.no_document", "Cocher au moins une pièce d'identité acceptée."};
    ports::RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        const auto before = AcceptedDocumentCodes(tx);
        const bool wasSet = tx.GetSetting(kAcceptedDocumentsSetting).has_value();
        if (before == wanted && wasSet) return;
        tx.SetSetting(kAcceptedDocumentsSetting, Joined(wanted));
        if (before != wanted) Journal(tx, m_clock, op, "settings.documents_changed", std::nullopt, ListJson(before),
                                      ListJson(wanted));
    });
    return std::nullopt;
}

}  // namespace vigie::usecases
