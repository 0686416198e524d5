#pragma once
// Potential duplicates already in the patient file (Identitovigilance screen, issue #6): pairs of
// local identities that may be the same person, for the referent to review side by side.
//
// For each identity (in store order, at most `maxIdentities`), the store's duplicate pool
// (IStore::FindDuplicatePool, indexed) is ranked by domain::RankDuplicates exactly as at
// creation; each pair is kept once (its best score, both directions' reasons merged), then the
// pairs are sorted by score and cut to `maxPairs`.
// Cost: one read transaction and one pool query (≤ 200 rows) per identity, so O(N × pool) —
// about a second per few thousand identities on SQLite. Run it on a worker, never on the GUI
// thread; `maxIdentities` bounds a very large file (the result then says it was truncated).
//
// Thread affinity: any thread; holds no mutable state. Store failures throw.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/DuplicateFinder.h"
#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"

namespace vigie::usecases {

struct DuplicatePair {
    domain::Identity first;   // the lower id
    domain::Identity second;
    int score = 0;
    std::vector<std::string> reasons;  // French
};

struct DuplicateReviewOptions {
    int maxPairs = 200;
    int maxIdentities = 100000;
};

struct DuplicateReviewResult {
    std::vector<DuplicatePair> pairs;  // best score first
    std::int64_t identitiesScanned = 0;
    bool truncated = false;            // more pairs (or identities) than the limits
};

class DuplicateReview {
public:
    DuplicateReview(ports::IStore& store, const ports::IClock& clock) : m_store(store), m_clock(clock) {}

    static std::optional<domain::Refusal> CheckAllowed(const domain::Operator& op);
    // BusinessError "rule.permission" when `op` may not.
    DuplicateReviewResult Find(const domain::Operator& op, const DuplicateReviewOptions& options = {});

private:
    ports::IStore& m_store;
    const ports::IClock& m_clock;
};

}  // namespace vigie::usecases
