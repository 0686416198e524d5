// SqliteTransaction, part 4: the Tableau de bord (issue #6, migration 0005) — active identities
// per status, the journal read in chunks, the status trend cache and the INSi call metrics.
#include "db/sqlite/SqliteTransaction.h"

namespace vigie::db {

namespace {
constexpr const char* kStatuses[] = {"PROV", "RECUP", "VALI", "QUAL"};

std::int64_t& CountOf(ports::StatusDayCounts& d, const std::string& status) {
    if (status == "PROV") return d.prov;
    if (status == "RECUP") return d.recup;
    if (status == "VALI") return d.vali;
    if (status == "QUAL") return d.qual;
    throw InternalError("store.status", "Statut inconnu dans status_snapshots : " + status);
}
std::int64_t CountOf(const ports::StatusDayCounts& d, int index) {
    const std::int64_t values[] = {d.prov, d.recup, d.vali, d.qual};
    return values[index];
}
}  // namespace

std::vector<std::pair<std::string, std::int64_t>> SqliteTransaction::CountActiveByStatus(const std::string& sinceUtc) {
    // journal_at (at, identity_id) covers the sub-query: only the window's index entries are read.
    auto& s = m_conn.Prepare(
        "SELECT status, COUNT(*) FROM identities WHERE id IN "
        "(SELECT identity_id FROM journal WHERE at >= ? AND identity_id IS NOT NULL) "
        "GROUP BY status ORDER BY status");
    s.Bind(1, sinceUtc);
    std::vector<std::pair<std::string, std::int64_t>> out;
    while (s.Step()) out.emplace_back(s.Text(0), s.Int(1));
    return out;
}

std::vector<ports::JournalEntry> SqliteTransaction::JournalEntriesAfter(std::int64_t afterSeq, int limit) {
    auto& s = m_conn.Prepare(
        std::string("SELECT ") + kJournalColumns + " FROM journal WHERE seq > ? ORDER BY seq LIMIT ?");
    s.Bind(1, afterSeq).Bind(2, limit);
    std::vector<ports::JournalEntry> out;
    while (s.Step()) out.push_back(ReadJournalRow(s));
    return out;
}

std::optional<ports::StatusSnapshotHead> SqliteTransaction::GetStatusSnapshotHead() {
    auto& s = m_conn.Prepare("SELECT day, last_seq FROM status_snapshot_head WHERE id = 1");
    if (!s.Step()) return std::nullopt;
    ports::StatusSnapshotHead head{s.Text(0), s.Int(1)};
    s.Reset();
    return head;
}

std::vector<ports::StatusDayCounts> SqliteTransaction::StatusSnapshotsFrom(const std::string& fromDay) {
    auto& s = m_conn.Prepare("SELECT day, status, count FROM status_snapshots WHERE day >= ? ORDER BY day, status");
    s.Bind(1, fromDay);
    std::vector<ports::StatusDayCounts> out;
    while (s.Step()) {
        const std::string day = s.Text(0);
        if (out.empty() || out.back().day != day) out.push_back(ports::StatusDayCounts{day});
        CountOf(out.back(), s.Text(1)) = s.Int(2);
    }
    return out;
}

void SqliteTransaction::AppendStatusSnapshots(const std::vector<ports::StatusDayCounts>& days, std::int64_t lastSeq) {
    if (days.empty()) return;
    const auto head = GetStatusSnapshotHead();
    for (std::size_t i = 0; i < days.size(); ++i) {
        const bool ordered = i == 0 ? (!head || days[i].day > head->day) : days[i].day > days[i - 1].day;
        if (!ordered)
            throw BusinessError("store.exists", "Jour déjà figé dans l'historique des statuts : " + days[i].day);
        for (int k = 0; k < 4; ++k)
            m_conn.Prepare("INSERT INTO status_snapshots (day, status, count) VALUES (?, ?, ?)")
                .Bind(1, days[i].day)
                .Bind(2, std::string(kStatuses[k]))
                .Bind(3, CountOf(days[i], k))
                .Run();
    }
    m_conn.Prepare("INSERT INTO status_snapshot_head (id, day, last_seq) VALUES (1, ?, ?) "
                   "ON CONFLICT (id) DO UPDATE SET day = excluded.day, last_seq = excluded.last_seq")
        .Bind(1, days.back().day)
        .Bind(2, lastSeq)
        .Run();
}

void SqliteTransaction::InsertInsiCall(const ports::InsiCallRecord& c) {
    m_conn
        .Prepare("INSERT INTO insi_calls (at, operation, mode, outcome, failed, duration_ms) VALUES (?, ?, ?, ?, ?, ?)")
        .Bind(1, c.at)
        .Bind(2, c.operation)
        .Bind(3, c.mode)
        .Bind(4, c.outcome)
        .Bind(5, c.failed ? 1 : 0)
        .Bind(6, c.durationMs)
        .Run();
}

std::vector<ports::InsiCallRecord> SqliteTransaction::InsiCallsSince(const std::string& sinceUtc) {
    auto& s = m_conn.Prepare(
        "SELECT at, operation, mode, outcome, failed, duration_ms FROM insi_calls WHERE at >= ? ORDER BY at, id");
    s.Bind(1, sinceUtc);
    std::vector<ports::InsiCallRecord> out;
    while (s.Step())
        out.push_back(ports::InsiCallRecord{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4) != 0, s.Int(5)});
    return out;
}

}  // namespace vigie::db
