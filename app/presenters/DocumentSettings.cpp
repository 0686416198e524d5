#include "app/presenters/DocumentSettings.h"

#include <algorithm>

#include "core/domain/DocumentTypes.h"
#include "core/usecases/AcceptedDocuments.h"

namespace vigie::presenters {

namespace {

std::vector<std::string> Accepted(ports::IStore& store) {
    return ports::RunInTransaction(store, ports::TransactionMode::Read,
                                   [](ports::IStoreTransaction& tx) { return usecases::AcceptedDocumentCodes(tx); });
}

}  // namespace

std::vector<DocumentSettingRow> LoadDocumentSettings(ports::IStore& store) {
    const auto accepted = Accepted(store);
    std::vector<DocumentSettingRow> rows;
    for (const auto& d : domain::DefaultDocumentCatalog())
        rows.push_back({std::string(d.code), std::string(d.label) + "  (" + std::string(d.code) + ")",
                        std::find(accepted.begin(), accepted.end(), d.code) != accepted.end()});
    return rows;
}

std::optional<std::string> SaveAcceptedDocuments(ports::IStore& store, const ports::IClock& clock,
                                                 const domain::Operator& op, const std::vector<std::string>& codes) {
    if (auto r = usecases::AcceptedDocuments(store, clock).Set(op, codes)) return r->message;
    return std::nullopt;
}

std::vector<DocumentChoice> AcceptedDocumentChoices(ports::IStore& store) {
    std::vector<DocumentChoice> out;
    for (const auto& code : Accepted(store))
        if (const auto* d = domain::FindDocumentType(code)) out.push_back({code, std::string(d->label)});
    return out;
}

}  // namespace vigie::presenters
