#pragma once
// The search strategy of certified INSi clients (insi.md §5), over the IInsiService port:
//  - traits: bad characters are refused locally (no call); one call per entered first name in
//    order, stopping at the first 00; then one call with all first names; a 02 is retried with
//    the birth place when it is known;
//  - card: RECVITALE; on 01 a second call with the card's nom usuel; then the traits search with
//    the local traits when there are any.
// And the verification of a held INS, behind one function so the wire form can change.
// Faults (InsiError) propagate: the caller decides between "service unavailable" and retry.

#include <optional>
#include <string>
#include <vector>

#include "core/domain/IdentityStateMachine.h"
#include "core/ports/IInsiService.h"

namespace vigie::usecases {

struct InsiAttempt {
    std::string operation;   // "RECSANSVITALE" / "RECVITALE"
    std::string firstNames;  // traits: the Prenom sent
    bool withBirthPlace = false;
    std::string birthName;   // RECVITALE: the NomNaissance sent (card name or nom usuel)
    std::string code;        // "00", "01", "02"
};

struct InsiSearchOutcome {
    std::optional<ports::InsiResult> result;   // the decisive answer (00, or the last 01/02)
    std::optional<domain::Refusal> refusal;    // refused locally: no call was made
    std::vector<InsiAttempt> attempts;
    bool Found() const { return result && result->outcome == ports::InsiOutcome::Found; }
};

InsiSearchOutcome SearchInsByTraits(ports::IInsiService& insi, const ports::InsiTraitsQuery& entered,
                                    ports::InsiCallMode mode);

// `usualName`: the card's nom usuel ("" when none or equal to the name sent);
// `localTraits`: the local identity's traits for the fallback, when one is known.
InsiSearchOutcome SearchInsWithCard(ports::IInsiService& insi, const ports::InsiVitaleQuery& card,
                                    const std::string& usualName,
                                    const std::optional<ports::InsiTraitsQuery>& localTraits, ports::InsiCallMode mode);

// The traits query for an identity (its strict traits as held).
ports::InsiTraitsQuery TraitsQueryOf(const domain::StrictTraits& traits);

enum class VerificationVerdict {
    Confirmed,      // same matricule + OID, same traits
    NotFound,       // 01
    Several,        // 02
    InsChanged,     // another active matricule or OID is returned
    TraitsDiffer,   // same INS but the reference traits changed
};

struct VerificationResult {
    VerificationVerdict verdict = VerificationVerdict::NotFound;
    std::string reason;                          // French, for the journal and the report
    std::optional<ports::InsiIdentity> returned; // what INSi answered, when it did
    InsiSearchOutcome search;
};

// Checks that the INS held by `identity` is still valid and coherent. Currently a traits
// retrieval followed by a comparison (what several certified clients do while no schema of the
// verification operation is public); swap the body when it is.
VerificationResult VerifyIns(ports::IInsiService& insi, const domain::Identity& identity, ports::InsiCallMode mode);
std::string_view VerdictCode(VerificationVerdict v);  // confirmed, not_found, several, ins_changed, traits_differ

}  // namespace vigie::usecases
