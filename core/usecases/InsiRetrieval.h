#pragma once
// Retrieving the INS of a stored identity (the "Récupérer l'INS" action): the INSi call is
// refused for douteuse/fictive identities, made with the certified strategy, journaled
// (insi.search, with the codes and the matricule found), and turned into a proposal — the INS
// traits beside the local ones with a per-trait verdict. Accepting the proposal is a separate,
// explicit step (the operator confirms it is this person): PROV→RECUP, VALI→QUAL.

#include <optional>

#include "core/domain/TraitComparison.h"
#include "core/ports/IClock.h"
#include "core/ports/IInsiService.h"
#include "core/ports/IStore.h"
#include "core/usecases/InsiSearch.h"
#include "core/usecases/PatientService.h"

namespace vigie::usecases {

struct RetrievalProposal {
    domain::Identity local;
    std::optional<domain::Refusal> refusal;          // INSi call impossible or refused locally
    InsiSearchOutcome search;
    std::optional<domain::TraitComparison> comparison;  // when INSi found exactly one identity
};

class InsiRetrieval {
public:
    InsiRetrieval(ports::IStore& store, ports::IInsiService& insi, const ports::IClock& clock)
        : m_store(store), m_insi(insi), m_clock(clock) {}

    // InsiError propagates (service unavailable…): the identity stays as it was.
    RetrievalProposal Retrieve(const domain::Operator& op, domain::IdentityId id);
    CommandResult Accept(const domain::Operator& op, const RetrievalProposal& proposal);

    // Journals one INSi search (with or without an identity) under `op`.
    static void JournalSearch(ports::IStore& store, const ports::IClock& clock, const domain::Operator& op,
                              std::optional<domain::IdentityId> id, const InsiSearchOutcome& search);

private:
    ports::IStore& m_store;
    ports::IInsiService& m_insi;
    const ports::IClock& m_clock;
};

}  // namespace vigie::usecases
