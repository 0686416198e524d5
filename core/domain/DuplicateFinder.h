#pragma once
// Potential duplicates before creating an identity (identity-rules.md §8: birth date first, then
// the first letters of the names), widened by a French phonetic key so that DUPOND/DUPONT or a
// day/month inversion are caught too. Pure: the store supplies the candidate pool.

#include <string>
#include <vector>

#include "core/domain/Identity.h"

namespace vigie::domain {

struct DuplicateCandidate {
    Identity identity;
    int score = 0;                     // higher = more alike; for ordering only
    std::vector<std::string> reasons;  // French: « même date de naissance », …
};

// Keeps from `pool` the identities that could be the same person as `probe`, best first.
// `excludeId` (e.g. the identity being edited) is skipped.
std::vector<DuplicateCandidate> RankDuplicates(const StrictTraits& probe, const std::string& probeUsedName,
                                               const std::vector<Identity>& pool, IdentityId excludeId = 0);

}  // namespace vigie::domain
