#pragma once
// INS collisions under review (Identitovigilance screen « Collisions INS », issue #6; spec
// identity-rules.md §8: one matricule INS + OID = at most one active identity).
//
// PatientService refuses to attach an INS already held by another identity and journals
// `identity.ins_collision` on the refused identity with after = {"other_identity": N}. A collision
// is *open* until an `identity.collision_reviewed` entry names its journal seq. Reviewing one is a
// new journal entry (the journal is append-only), on the refused identity:
//   after = {"collision_seq": S, "verdict": "meme-personne"|"personnes-differentes"|"autre",
//            "comment": "…"}
// Only the identitovigilance referent may list or review (Permission::EditInsTraits); a
// collision reviewed twice is refused.
//
// Cost: both lists are read newest first through IStore::JournalEntriesByAction (partial index,
// migration 0007), in pages; the two identities of each open collision are loaded from the store
// (current traits and status).
//
// Thread affinity: any thread; holds no mutable state. Store failures throw.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/Identity.h"
#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"

namespace vigie::usecases {

inline constexpr const char* kInsCollisionAction = "identity.ins_collision";
inline constexpr const char* kCollisionReviewedAction = "identity.collision_reviewed";

enum class CollisionVerdict { SamePerson, DifferentPersons, Other };

const char* VerdictCode(CollisionVerdict v);    // meme-personne, personnes-differentes, autre
const char* VerdictLabel(CollisionVerdict v);   // « Même personne : doublon à fusionner », …
std::optional<CollisionVerdict> ParseVerdict(const std::string& code);
inline constexpr CollisionVerdict kVerdicts[] = {CollisionVerdict::SamePerson, CollisionVerdict::DifferentPersons,
                                                 CollisionVerdict::Other};

struct InsCollision {
    std::int64_t seq = 0;              // journal seq of the identity.ins_collision entry
    std::string at;                    // UTC
    std::string operatorName;
    std::string role;
    std::optional<domain::Identity> refused;  // the identity the INS was refused to (as stored now)
    std::optional<domain::Identity> holder;   // the identity holding the INS (as stored now)
    domain::IdentityId refusedId = 0;
    domain::IdentityId holderId = 0;
};

// What may be shown of the INS concerned (the holder's active INS): the matricule and its nature
// only when the holder is qualifiée, else « INS présent (identité non qualifiée) »; « Aucun INS
// (retiré depuis) » when the holder no longer holds one.
std::string CollisionInsLabel(const InsCollision& collision);

struct CollisionList {
    std::vector<InsCollision> open;    // newest first
    bool truncated = false;            // more open collisions than the limit
};

struct CollisionReviewRequest {
    std::int64_t collisionSeq = 0;
    CollisionVerdict verdict = CollisionVerdict::Other;
    std::string comment;               // required (trimmed, at most kMaxCommentChars bytes)
};

struct CollisionReviewResult {
    std::optional<domain::Refusal> refusal;  // French
    std::int64_t reviewSeq = 0;              // the journal entry written
    bool Ok() const { return !refusal; }
};

class CollisionReview {
public:
    static constexpr std::size_t kMaxCommentChars = 1000;

    CollisionReview(ports::IStore& store, const ports::IClock& clock) : m_store(store), m_clock(clock) {}

    static std::optional<domain::Refusal> CheckAllowed(const domain::Operator& op);
    // The open collisions, newest first, at most `limit`. BusinessError "rule.permission" when
    // `op` may not.
    CollisionList ListOpen(const domain::Operator& op, int limit = 200);
    // Marks one collision as reviewed (one journal entry). Refusals: rule.permission,
    // input.comment (empty or too long), input.unknown_collision (no such collision entry),
    // rule.already_reviewed.
    CollisionReviewResult MarkReviewed(const domain::Operator& op, const CollisionReviewRequest& request);

private:
    ports::IStore& m_store;
    const ports::IClock& m_clock;
};

}  // namespace vigie::usecases
