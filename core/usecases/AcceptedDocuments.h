#pragma once
// The identity documents the pharmacy accepts to validate an identity (issue #6, « Réglages ›
// Pièces d'identité »). The pharmacy may restrict the national high-trust catalog
// (domain::DefaultDocumentCatalog, identity-rules.md §4) but never add to it. Kept as the store
// setting `identity.accepted_documents` (catalog codes separated by commas); absent = the whole
// catalog. PatientService::CheckDocument refuses a document outside this list.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"

namespace vigie::usecases {

inline constexpr const char* kAcceptedDocumentsSetting = "identity.accepted_documents";

// The accepted codes in catalog order, read inside `tx` (codes no longer in the catalog are ignored).
std::vector<std::string> AcceptedDocumentCodes(ports::IStoreTransaction& tx);
// A French refusal when `code` is a catalog document the pharmacy does not accept; nullopt
// otherwise (unknown codes are left to the identity state machine).
std::optional<domain::Refusal> RefuseUnacceptedDocument(ports::IStoreTransaction& tx, std::string_view code);

class AcceptedDocuments {
public:
    AcceptedDocuments(ports::IStore& store, const ports::IClock& clock) : m_store(store), m_clock(clock) {}

    std::vector<std::string> Codes();
    // Titulaire only (ConfigureStructure); at least one document; catalog codes only. Journals
    // `settings.documents_changed` (before/after lists) when the list changes.
    std::optional<domain::Refusal> Set(const domain::Operator& op, const std::vector<std::string>& codes);

private:
    ports::IStore& m_store;
    const ports::IClock& m_clock;
};

}  // namespace vigie::usecases
