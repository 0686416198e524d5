// SqliteTransaction, part 5: the journal read by action (issue #6, INS collisions under review).
// Migration 0007 adds a partial index on journal (action, seq) covering only the actions the
// Identitovigilance screen lists; SQLite uses a partial index only when the query repeats its
// WHERE literally, so those actions get a statement that does.
#include <array>
#include <string_view>

#include "db/sqlite/SqliteTransaction.h"

namespace vigie::db {

namespace {
constexpr std::array<std::string_view, 2> kIndexedActions = {"identity.ins_collision", "identity.collision_reviewed"};
}  // namespace

std::vector<ports::JournalEntry> SqliteTransaction::JournalEntriesByAction(const std::string& action,
                                                                           std::int64_t beforeSeq, int limit) {
    bool indexed = false;
    for (auto a : kIndexedActions) indexed = indexed || a == action;
    auto& s = m_conn.Prepare(
        std::string("SELECT ") + kJournalColumns + " FROM journal WHERE action = ? AND seq < ? " +
        (indexed ? "AND action IN ('identity.ins_collision', 'identity.collision_reviewed') " : "") +
        "ORDER BY seq DESC LIMIT ?");
    s.Bind(1, action).Bind(2, beforeSeq).Bind(3, limit);
    std::vector<ports::JournalEntry> out;
    while (s.Step()) out.push_back(ReadJournalRow(s));
    return out;
}

}  // namespace vigie::db
