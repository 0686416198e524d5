#include "core/usecases/DuplicateReview.h"

#include <algorithm>
#include <map>

#include "core/usecases/PatientService.h"

namespace vigie::usecases {

using namespace vigie::domain;

std::optional<Refusal> DuplicateReview::CheckAllowed(const Operator& op) {
    // Reviewing the whole file is identity vigilance work (merges are theirs too).
    if (!op.active || !HasPermission(op.role, Permission::EditInsTraits))
        return Refusal{"rule.permission", "Droit insuffisant pour revoir les doublons potentiels (profil " +
                                              std::string(RoleLabel(op.role)) + ")."};
    return std::nullopt;
}

DuplicateReviewResult DuplicateReview::Find(const Operator& op, const DuplicateReviewOptions& options) {
    if (auto r = CheckAllowed(op)) throw BusinessError(r->code, r->message);
    DuplicateReviewResult result;
    // The whole file, in id order, through the store's cursor; each identity's own duplicate
    // pool (indexed) is then ranked by the domain.
    PatientService patients(m_store, m_clock);
    std::vector<Identity> identities;
    const int cap = std::max(options.maxIdentities, 1);
    IdentityId after = 0;
    while (!result.truncated) {
        auto page = ports::RunInTransaction(m_store, ports::TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
            std::vector<Identity> out;
            for (IdentityId id : tx.IdentityIdsAfter(after, 500))
                if (auto identity = tx.GetIdentity(id)) out.push_back(std::move(*identity));
            return out;
        });
        if (page.empty()) break;
        after = page.back().id;
        for (auto& identity : page) {
            if (static_cast<int>(identities.size()) >= cap) {
                result.truncated = true;
                break;
            }
            identities.push_back(std::move(identity));
        }
    }
    result.identitiesScanned = static_cast<std::int64_t>(identities.size());

    std::map<std::pair<IdentityId, IdentityId>, DuplicatePair> pairs;
    for (const Identity& identity : identities) {
        for (auto& c : patients.FindDuplicates(identity.traits, identity.usedName, identity.id)) {
            const bool lower = identity.id < c.identity.id;
            const auto key = lower ? std::make_pair(identity.id, c.identity.id) : std::make_pair(c.identity.id, identity.id);
            auto [it, inserted] = pairs.try_emplace(key);
            DuplicatePair& p = it->second;
            if (inserted) {
                p.first = lower ? identity : c.identity;
                p.second = lower ? c.identity : identity;
            }
            p.score = std::max(p.score, c.score);
            for (auto& reason : c.reasons)
                if (std::find(p.reasons.begin(), p.reasons.end(), reason) == p.reasons.end())
                    p.reasons.push_back(std::move(reason));
        }
    }
    result.pairs.reserve(pairs.size());
    for (auto& [key, p] : pairs) result.pairs.push_back(std::move(p));
    std::stable_sort(result.pairs.begin(), result.pairs.end(),
                     [](const DuplicatePair& a, const DuplicatePair& b) { return a.score > b.score; });
    if (static_cast<int>(result.pairs.size()) > options.maxPairs) {
        result.pairs.resize(static_cast<std::size_t>(std::max(options.maxPairs, 0)));
        result.truncated = true;
    }
    return result;
}

}  // namespace vigie::usecases
