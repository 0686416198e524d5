// SqliteTransaction, part 2: the bulk verification work list (migration 0002). Kept apart from
// the identity and journal queries of SqliteTransaction.cpp.
#include <algorithm>

#include "db/sqlite/SqliteTransaction.h"

namespace vigie::db {

using domain::IdentityId;

std::vector<IdentityId> SqliteTransaction::IdentitiesHoldingIns() {
    auto& s = m_conn.Prepare("SELECT id FROM identities WHERE ins_matricule IS NOT NULL ORDER BY id");
    std::vector<IdentityId> out;
    while (s.Step()) out.push_back(s.Int(0));
    return out;
}

std::vector<IdentityId> SqliteTransaction::IdentityIdsAfter(IdentityId after, int limit) {
    auto& s = m_conn.Prepare("SELECT id FROM identities WHERE id > ? ORDER BY id LIMIT ?");
    s.Bind(1, after).Bind(2, std::max(limit, 0));
    std::vector<IdentityId> out;
    while (s.Step()) out.push_back(s.Int(0));
    return out;
}

namespace {
constexpr const char* kRunColumns = "id, created_at, operator, state, total, in_doubt, finished_at";
ports::VerificationRun ReadRun(const Statement& s) {
    return ports::VerificationRun{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4), s.Int(5), s.Text(6)};
}
}  // namespace

std::int64_t SqliteTransaction::CreateVerificationRun(const ports::VerificationRun& run,
                                                      const std::vector<IdentityId>& items) {
    m_conn.Prepare("INSERT INTO verification_runs (created_at, operator, state, total) VALUES (?, ?, ?, ?)")
        .Bind(1, run.createdAt)
        .Bind(2, run.operatorName)
        .Bind(3, run.state)
        .Bind(4, static_cast<std::int64_t>(items.size()))
        .Run();
    const std::int64_t runId = m_conn.LastInsertId();
    for (IdentityId id : items)
        m_conn.Prepare("INSERT INTO verification_items (run_id, identity_id, state) VALUES (?, ?, 'pending')")
            .Bind(1, runId)
            .Bind(2, id)
            .Run();
    return runId;
}

std::optional<ports::VerificationRun> SqliteTransaction::GetVerificationRun(std::int64_t runId) {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kRunColumns + " FROM verification_runs WHERE id = ?");
    s.Bind(1, runId);
    if (!s.Step()) return std::nullopt;
    auto run = ReadRun(s);
    s.Reset();
    return run;
}

std::optional<ports::VerificationRun> SqliteTransaction::LatestUnfinishedRun() {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kRunColumns +
                             " FROM verification_runs WHERE state <> 'done' ORDER BY id DESC LIMIT 1");
    if (!s.Step()) return std::nullopt;
    auto run = ReadRun(s);
    s.Reset();
    return run;
}

void SqliteTransaction::SetVerificationRunState(std::int64_t runId, const std::string& state, const std::string& at) {
    m_conn.Prepare("UPDATE verification_runs SET state = ?, finished_at = CASE WHEN ? = 'done' THEN ? ELSE finished_at END "
                   "WHERE id = ?")
        .Bind(1, state)
        .Bind(2, state)
        .Bind(3, at)
        .Bind(4, runId)
        .Run();
}

std::vector<IdentityId> SqliteTransaction::ClaimVerificationItems(std::int64_t runId, int max) {
    auto& s = m_conn.Prepare(
        "UPDATE verification_items SET state = 'claimed' WHERE run_id = ? AND identity_id IN "
        "(SELECT identity_id FROM verification_items WHERE run_id = ? AND state = 'pending' ORDER BY identity_id LIMIT ?) "
        "RETURNING identity_id");
    s.Bind(1, runId).Bind(2, runId).Bind(3, max);
    std::vector<IdentityId> out;
    while (s.Step()) out.push_back(s.Int(0));
    std::sort(out.begin(), out.end());
    return out;
}

std::int64_t SqliteTransaction::ReleaseClaimedItems(std::int64_t runId) {
    m_conn.Prepare("UPDATE verification_items SET state = 'pending' WHERE run_id = ? AND state = 'claimed'")
        .Bind(1, runId)
        .Run();
    return m_conn.Changes();
}

void SqliteTransaction::AddInDoubt(std::int64_t runId, std::int64_t count) {
    m_conn.Prepare("UPDATE verification_runs SET in_doubt = in_doubt + ? WHERE id = ?").Bind(1, count).Bind(2, runId).Run();
}

void SqliteTransaction::FinishVerificationItem(std::int64_t runId, IdentityId id, bool failed, const std::string& outcome,
                                               const std::string& detail, const std::string& at) {
    m_conn
        .Prepare("UPDATE verification_items SET state = ?, outcome = ?, detail = ?, updated_at = ? "
                 "WHERE run_id = ? AND identity_id = ? AND state = 'claimed'")
        .Bind(1, std::string(failed ? "failed" : "done"))
        .Bind(2, outcome)
        .Bind(3, detail)
        .Bind(4, at)
        .Bind(5, runId)
        .Bind(6, id)
        .Run();
    if (m_conn.Changes() != 1)
        throw InternalError("store.verification_item", "Élément de vérification non réservé : identité n° " +
                                                           std::to_string(id) + ".");
}

ports::VerificationCounts SqliteTransaction::CountVerificationItems(std::int64_t runId) {
    ports::VerificationCounts c;
    auto& s = m_conn.Prepare("SELECT state, COUNT(*) FROM verification_items WHERE run_id = ? GROUP BY state");
    s.Bind(1, runId);
    while (s.Step()) {
        const std::string state = s.Text(0);
        const std::int64_t n = s.Int(1);
        if (state == "pending") c.pending = n;
        else if (state == "claimed") c.claimed = n;
        else if (state == "done") c.done = n;
        else if (state == "failed") c.failed = n;
    }
    auto& o = m_conn.Prepare(
        "SELECT outcome, COUNT(*) FROM verification_items WHERE run_id = ? AND state IN ('done', 'failed') "
        "GROUP BY outcome ORDER BY outcome");
    o.Bind(1, runId);
    while (o.Step()) c.byOutcome.emplace_back(o.Text(0), o.Int(1));
    return c;
}

}  // namespace vigie::db
