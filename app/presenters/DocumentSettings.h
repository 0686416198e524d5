#pragma once
// « Réglages › Pièces d'identité » and the Comptoir's « Valider l'identité » list (issue #6): the
// catalog rows with the pharmacy's choice, saving the choice (usecases::AcceptedDocuments:
// titulaire only, journaled), and the documents offered at the counter (the accepted ones only).
// No wx; worker thread (store access). Store errors pass through as exceptions.

#include <optional>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"

namespace vigie::presenters {

struct DocumentSettingRow {
    std::string code;
    std::string label;  // « Passeport  (passeport) »
    bool accepted = false;
};

// The whole high-trust catalog, in its order, each row saying whether the pharmacy accepts it.
std::vector<DocumentSettingRow> LoadDocumentSettings(ports::IStore& store);
// The refusal (French) or nullopt when saved.
std::optional<std::string> SaveAcceptedDocuments(ports::IStore& store, const ports::IClock& clock,
                                                 const domain::Operator& op, const std::vector<std::string>& codes);
// What the Comptoir offers to validate an identity: the accepted documents, catalog order.
std::vector<DocumentChoice> AcceptedDocumentChoices(ports::IStore& store);

}  // namespace vigie::presenters
