#include "core/usecases/CollisionReview.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <set>

#include "core/domain/Status.h"
#include "core/usecases/PatientService.h"
#include "core/util/Json.h"

namespace vigie::usecases {

using namespace vigie::domain;
using ports::IStoreTransaction;
using ports::TransactionMode;

namespace {

constexpr int kPage = 500;

// The integer member `key` of a journal `after` written by JsonWriter ({"other_identity":12},
// {"collision_seq":40,…}). Inside a JSON string every quote is escaped, so the quoted key
// followed by a colon can only be a member name.
std::optional<std::int64_t> IntMember(const std::string& json, const std::string& key) {
    const std::string needle = "\"" + key + "\":";
    const auto at = json.find(needle);
    if (at == std::string::npos) return std::nullopt;
    const char* first = json.data() + at + needle.size();
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(first, json.data() + json.size(), v);
    if (ec != std::errc() || end == first) return std::nullopt;
    return v;
}

// Every collision seq named by a review (all pages).
std::set<std::int64_t> ReviewedSeqs(IStoreTransaction& tx) {
    std::set<std::int64_t> reviewed;
    std::int64_t before = std::numeric_limits<std::int64_t>::max();
    for (;;) {
        const auto page = tx.JournalEntriesByAction(kCollisionReviewedAction, before, kPage);
        for (const auto& e : page)
            if (auto seq = IntMember(e.after, "collision_seq")) reviewed.insert(*seq);
        if (static_cast<int>(page.size()) < kPage) break;
        before = page.back().seq;
    }
    return reviewed;
}

std::string Trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

CollisionReviewResult Refused(std::string code, std::string message) {
    CollisionReviewResult r;
    r.refusal = Refusal{std::move(code), std::move(message)};
    return r;
}

}  // namespace

const char* VerdictCode(CollisionVerdict v) {
    switch (v) {
        case CollisionVerdict::SamePerson: return "meme-personne";
        case CollisionVerdict::DifferentPersons: return "personnes-differentes";
        case CollisionVerdict::Other: return "autre";
    }
    return "autre";
}

const char* VerdictLabel(CollisionVerdict v) {
    switch (v) {
        case CollisionVerdict::SamePerson: return "Même personne : doublon à fusionner";
        case CollisionVerdict::DifferentPersons: return "Personnes différentes : INS à vérifier";
        case CollisionVerdict::Other: return "Autre (voir le commentaire)";
    }
    return "Autre (voir le commentaire)";
}

std::optional<CollisionVerdict> ParseVerdict(const std::string& code) {
    for (CollisionVerdict v : kVerdicts)
        if (code == VerdictCode(v)) return v;
    return std::nullopt;
}

std::string CollisionInsLabel(const InsCollision& c) {
    if (!c.holder || !c.holder->ins) return "Aucun INS (retiré depuis)";
    const auto shown = ShowableIns(*c.holder);
    return shown ? "INS : " + *shown : "INS présent (identité non qualifiée)";
}

std::optional<Refusal> CollisionReview::CheckAllowed(const Operator& op) {
    if (!op.active || !HasPermission(op.role, Permission::EditInsTraits))
        return Refusal{"rule.permission", "Droit insuffisant pour examiner les collisions d'INS : réservé au référent "
                                          "identitovigilance (profil " + std::string(RoleLabel(op.role)) + ")."};
    return std::nullopt;
}

CollisionList CollisionReview::ListOpen(const Operator& op, int limit) {
    if (auto r = CheckAllowed(op)) throw BusinessError(r->code, r->message);
    const std::size_t cap = static_cast<std::size_t>(std::max(limit, 1));
    return ports::RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) {
        CollisionList list;
        const std::set<std::int64_t> reviewed = ReviewedSeqs(tx);
        std::int64_t before = std::numeric_limits<std::int64_t>::max();
        for (bool more = true; more && !list.truncated;) {
            const auto page = tx.JournalEntriesByAction(kInsCollisionAction, before, kPage);
            more = static_cast<int>(page.size()) == kPage;
            if (!page.empty()) before = page.back().seq;
            for (const auto& e : page) {
                if (reviewed.count(e.seq)) continue;
                if (list.open.size() == cap) {
                    list.truncated = true;
                    break;
                }
                InsCollision c;
                c.seq = e.seq;
                c.at = e.at;
                c.operatorName = e.operatorName;
                c.role = e.role;
                c.refusedId = e.identityId.value_or(0);
                c.holderId = IntMember(e.after, "other_identity").value_or(0);
                if (c.refusedId) c.refused = tx.GetIdentity(c.refusedId);
                if (c.holderId) c.holder = tx.GetIdentity(c.holderId);
                list.open.push_back(std::move(c));
            }
        }
        return list;
    });
}

CollisionReviewResult CollisionReview::MarkReviewed(const Operator& op, const CollisionReviewRequest& request) {
    if (auto r = CheckAllowed(op)) return Refused(r->code, r->message);
    const std::string comment = Trim(request.comment);
    if (comment.empty())
        return Refused("input.comment", "Commentaire obligatoire : indiquez ce qui a été constaté et décidé.");
    if (comment.size() > kMaxCommentChars)
        return Refused("input.comment", "Commentaire trop long (" + std::to_string(kMaxCommentChars) +
                                            " caractères au plus).");
    return ports::RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        const std::string seqText = std::to_string(request.collisionSeq);
        const auto entry = request.collisionSeq > 0 ? tx.JournalEntriesAfter(request.collisionSeq - 1, 1)
                                                    : std::vector<ports::JournalEntry>{};
        if (entry.empty() || entry[0].seq != request.collisionSeq || entry[0].action != kInsCollisionAction)
            return Refused("input.unknown_collision",
                           "Aucune collision d'INS à l'entrée n° " + seqText + " du journal.");
        // Checked inside the write transaction: two referents cannot both review it.
        if (ReviewedSeqs(tx).count(request.collisionSeq))
            return Refused("rule.already_reviewed", "La collision n° " + seqText + " a déjà été examinée.");
        util::JsonWriter w;
        w.BeginObject()
            .Field("collision_seq", request.collisionSeq)
            .Field("verdict", VerdictCode(request.verdict))
            .Field("comment", comment)
            .EndObject();
        Journal(tx, m_clock, op, kCollisionReviewedAction, entry[0].identityId, "", w.Str());
        CollisionReviewResult result;
        const auto last = tx.LastJournalEntry();
        result.reviewSeq = last ? last->seq : 0;
        return result;
    });
}

}  // namespace vigie::usecases
