#pragma once
// The counter flow (issue #4), headless: a carte Vitale's beneficiary (billing identity) →
// INSi (RECVITALE, then the traits search with the local traits) → match with the local
// identities (the billing link first, then the INS, then the traits) → a proposal the operator
// confirms. INSi down or slow never blocks: the proposal says so and the counter goes on with the
// local identity. The billing identity is stored (or updated) separately and linked; every step
// is journaled. The GUI and `vigie-cli counter` drive this; it holds no UI.

#include <optional>
#include <string>
#include <vector>

#include "core/domain/DuplicateFinder.h"
#include "core/domain/TraitComparison.h"
#include "core/ports/ICardReader.h"
#include "core/ports/IClock.h"
#include "core/ports/IInsiService.h"
#include "core/ports/IStore.h"
#include "core/usecases/InsiSearch.h"
#include "core/usecases/PatientService.h"

namespace vigie::usecases {

enum class CounterAction {
    CreateFromIns,   // no local identity: create it with the INS traits (→ RECUP)
    TakeInsTraits,   // a local identity: the INS traits replace its strict traits (PROV→RECUP, VALI→QUAL)
    CheckDocument,   // validate with a high-trust document (→ VALI / QUAL)
    Nothing,
};
std::string_view CounterActionCode(CounterAction a);  // create_from_ins, take_ins_traits, check_document, nothing

struct CounterProposal {
    domain::BillingIdentity billing;                   // stored, with its id
    std::optional<domain::Identity> local;             // the matched local identity
    std::string matchedBy;                             // billing_link, ins, traits, "" (none)
    std::vector<domain::DuplicateCandidate> candidates;  // possible local identities when no sure match
    std::optional<InsiSearchOutcome> insi;             // the INSi answer, when the service answered
    std::optional<std::string> insiUnavailable;        // French message when it did not
    std::optional<domain::TraitComparison> comparison; // local vs INS traits
    std::vector<CounterAction> actions;
    bool InsFound() const { return insi && insi->Found(); }
};

class CounterFlow {
public:
    CounterFlow(ports::IStore& store, ports::IInsiService& insi, const ports::IClock& clock)
        : m_store(store), m_insi(insi), m_clock(clock) {}

    // Card read, beneficiary chosen (index in card.beneficiaries): INSi, match, proposal.
    CounterProposal Prepare(const domain::Operator& op, const ports::CarteVitale& card, std::size_t beneficiary);
    // INSi did not answer for `previous`: the INSi search and the match again for the same
    // billing identity, already stored and journaled by Prepare (no new counter.card_read; the
    // INSi call itself is journaled as any call). The local identity is read again from the
    // billing link, which may have changed meanwhile.
    CounterProposal RetryInsi(const domain::Operator& op, const CounterProposal& previous);
    // The operator's decisions; each links the billing identity to the identity it lands on.
    CommandResult CreateFromIns(const domain::Operator& op, const CounterProposal& proposal);
    CommandResult TakeInsTraits(const domain::Operator& op, const CounterProposal& proposal);

private:
    CounterProposal SearchAndMatch(const domain::Operator& op, CounterProposal p);  // steps 2–4 of Prepare
    void Link(const domain::Operator& op, const domain::BillingIdentity& billing, domain::IdentityId id);

    ports::IStore& m_store;
    ports::IInsiService& m_insi;
    const ports::IClock& m_clock;
};

// The billing identity of a card's beneficiary (never an INS identity).
domain::BillingIdentity BillingOf(const ports::CarteVitale& card, std::size_t beneficiary);

}  // namespace vigie::usecases
