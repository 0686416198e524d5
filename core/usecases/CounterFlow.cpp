#include "core/usecases/CounterFlow.h"

#include "core/usecases/IdentityJson.h"
#include "core/usecases/InsiRetrieval.h"
#include "core/util/Json.h"

namespace vigie::usecases {

using namespace vigie::domain;
using namespace vigie::ports;

std::string_view CounterActionCode(CounterAction a) {
    switch (a) {
        case CounterAction::CreateFromIns: return "create_from_ins";
        case CounterAction::TakeInsTraits: return "take_ins_traits";
        case CounterAction::CheckDocument: return "check_document";
        case CounterAction::Nothing: return "nothing";
    }
    return "nothing";
}

BillingIdentity BillingOf(const CarteVitale& card, std::size_t index) {
    if (index >= card.beneficiaries.size())
        throw BadInputError("input.beneficiary", "Bénéficiaire n° " + std::to_string(index + 1) + " absent de la carte.");
    const VitaleBeneficiary& b = card.beneficiaries[index];
    BillingIdentity billing;
    billing.insuredNir = card.insuredNir;
    billing.insuredNirKey = card.insuredNirKey;
    billing.beneficiaryNir = b.nir;
    billing.lastName = b.lastName;
    billing.firstName = b.firstName;
    billing.rawBirthDate = b.rawBirthDate;  // verbatim, lunar dates included
    billing.birthRank = b.birthRank;
    billing.quality = b.quality;
    return billing;
}

namespace {

InsiVitaleQuery QueryOf(const BillingIdentity& b) {
    InsiVitaleQuery q;
    if (b.beneficiaryNir.size() == 15) q.beneficiaryNir = InsiNir{b.beneficiaryNir.substr(0, 13), b.beneficiaryNir.substr(13)};
    q.insuredNir = InsiNir{b.insuredNir, b.insuredNirKey};
    q.birthName = b.lastName;
    q.rawBirthDate = b.rawBirthDate;
    q.birthRank = b.birthRank > 0 ? b.birthRank : 1;
    return q;
}

std::string BillingJson(const BillingIdentity& b) {
    util::JsonWriter w;
    WriteBillingIdentity(w, b);
    return w.Str();
}

}  // namespace

CounterProposal CounterFlow::Prepare(const Operator& op, const CarteVitale& card, std::size_t beneficiary) {
    CounterProposal p;
    // 1. The billing identity, stored apart (updated when this beneficiary was read before).
    p.billing = BillingOf(card, beneficiary);
    RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        const auto known = tx.FindBillingIdentity(p.billing.insuredNir, p.billing.lastName, p.billing.firstName,
                                                  p.billing.rawBirthDate);
        std::string before;
        if (known) {
            p.billing.id = known->id;
            p.billing.identityId = known->identityId;
            before = BillingJson(*known);
        }
        p.billing.updatedAt = m_clock.NowUtc();
        p.billing.id = tx.SaveBillingIdentity(p.billing);
        Journal(tx, m_clock, op, "counter.card_read", p.billing.identityId, before, BillingJson(p.billing));
        if (p.billing.identityId) {
            p.local = tx.GetIdentity(*p.billing.identityId);
            if (p.local) p.matchedBy = "billing_link";
        }
    });
    return SearchAndMatch(op, std::move(p));
}

CounterProposal CounterFlow::RetryInsi(const Operator& op, const CounterProposal& previous) {
    CounterProposal p;
    p.billing = previous.billing;
    RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) {
        if (const auto known = tx.FindBillingIdentity(p.billing.insuredNir, p.billing.lastName, p.billing.firstName,
                                                      p.billing.rawBirthDate))
            p.billing = *known;
        if (p.billing.identityId) {
            p.local = tx.GetIdentity(*p.billing.identityId);
            if (p.local) p.matchedBy = "billing_link";
        }
    });
    return SearchAndMatch(op, std::move(p));
}

CounterProposal CounterFlow::SearchAndMatch(const Operator& op, CounterProposal p) {
    // 2. INSi with the card, then the local traits; a failure never blocks the counter.
    const bool mayCall = !p.local || !IdentityStateMachine::CanCallInsi(*p.local).has_value();
    if (mayCall && HasPermission(op.role, Permission::CallInsi)) {
        std::optional<InsiTraitsQuery> localTraits;
        if (p.local) localTraits = TraitsQueryOf(p.local->traits);
        try {
            p.insi = SearchInsWithCard(m_insi, QueryOf(p.billing), "", localTraits, InsiCallMode::Operator);
            InsiRetrieval::JournalSearch(m_store, m_clock, op, p.local ? std::optional<IdentityId>(p.local->id) : std::nullopt,
                                         *p.insi);
        } catch (const InsiError& e) {
            p.insiUnavailable = e.what();
        }
    }

    // 3. Match: the INS, then the traits (never guessed: candidates are shown, not taken).
    if (!p.local && p.InsFound()) {
        const InsiIdentity& found = *p.insi->result->identity;
        const auto holder = RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) {
            return tx.FindIdentityByIns(found.ins.active.matricule, found.ins.active.oid);
        });
        if (holder) {
            p.local = PatientService(m_store, m_clock).Get(*holder).identity;
            p.matchedBy = "ins";
        } else {
            p.candidates = PatientService(m_store, m_clock).FindDuplicates(found.traits, "");
            for (const auto& c : p.candidates)
                if (CompareTraits(c.identity.traits, found.traits).NoDifference()) {
                    p.local = c.identity;
                    p.matchedBy = "traits";
                    break;
                }
        }
    }
    if (!p.local && !p.InsFound()) {
        // No INS (not found, or the service is down): local identities that could be this
        // beneficiary, from the card's name and birth date — shown to the operator, never taken.
        const std::string& raw = p.billing.rawBirthDate;
        const auto date = raw.size() == 8 ? Date::Parse(raw.substr(0, 4) + "-" + raw.substr(4, 2) + "-" + raw.substr(6, 2))
                                          : std::nullopt;
        if (date) {
            StrictTraits fromCard;
            fromCard.birthName = p.billing.lastName;
            fromCard.birthFirstNames = p.billing.firstName;
            fromCard.birthDate = *date;
            p.candidates = PatientService(m_store, m_clock).FindDuplicates(fromCard, "");
        }
    }
    if (p.local && p.InsFound()) p.comparison = CompareTraits(p.local->traits, p.insi->result->identity->traits);

    // 4. What the operator may do now.
    if (p.InsFound() && !p.local) p.actions.push_back(CounterAction::CreateFromIns);
    if (p.InsFound() && p.local &&
        (!p.local->ins || p.local->ins->active.matricule != p.insi->result->identity->ins.active.matricule))
        p.actions.push_back(CounterAction::TakeInsTraits);
    if (p.local && !p.local->attributes.douteuse && !p.local->attributes.fictive)
        p.actions.push_back(CounterAction::CheckDocument);
    p.actions.push_back(CounterAction::Nothing);
    return p;
}

void CounterFlow::Link(const Operator& op, const BillingIdentity& billing, IdentityId id) {
    RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        BillingIdentity linked = billing;
        const std::string before = BillingJson(linked);
        linked.identityId = id;
        linked.updatedAt = m_clock.NowUtc();
        tx.SaveBillingIdentity(linked);
        Journal(tx, m_clock, op, "billing.linked", id, before, BillingJson(linked));
    });
}

CommandResult CounterFlow::CreateFromIns(const Operator& op, const CounterProposal& p) {
    if (!p.InsFound() || p.local) {
        CommandResult r;
        r.refusal = Refusal{"rule.counter_action", "Création impossible : pas d'identité INS unique, ou dossier existant."};
        return r;
    }
    const InsiIdentity& found = *p.insi->result->identity;
    PatientService patients(m_store, m_clock);
    CommandResult created = patients.Create(op, CreateRequest{found.traits, "", "", true});
    if (!created.Ok()) return created;
    CommandResult accepted = patients.AcceptIns(op, created.identity->id, found.traits, found.ins);
    accepted.notes.insert(accepted.notes.begin(), created.notes.begin(), created.notes.end());
    if (accepted.Ok()) Link(op, p.billing, created.identity->id);
    return accepted;
}

CommandResult CounterFlow::TakeInsTraits(const Operator& op, const CounterProposal& p) {
    if (!p.InsFound() || !p.local) {
        CommandResult r;
        r.refusal = Refusal{"rule.counter_action", "Aucune identité locale ou INS à rapprocher."};
        return r;
    }
    const InsiIdentity& found = *p.insi->result->identity;
    CommandResult r = PatientService(m_store, m_clock).AcceptIns(op, p.local->id, found.traits, found.ins);
    if (r.Ok()) Link(op, p.billing, p.local->id);
    return r;
}

}  // namespace vigie::usecases
