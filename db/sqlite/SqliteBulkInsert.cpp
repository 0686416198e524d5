// The bulk-import side of a SQLite write transaction (issue #2): PrepareBulkInsert and what
// Commit and the destructor undo. See SqliteTransaction.h for the transaction itself.
#include <string>
#include <utility>
#include <vector>

#include "db/sqlite/SqliteTransaction.h"

namespace vigie::db {

// Bulk import. What a large import into SQLite spends its time on (measured, issue #2):
//  - random inserts into the secondary search indexes (names, phonetic keys, birth date): once
//    those indexes outgrow the page cache every insert reads pages back from the OS, and each
//    commit rewrites almost every index page into the WAL, then again at the checkpoint;
//  - none of it is needed row by row when the batch is large compared to the table: sorting the
//    whole table once (CREATE INDEX) costs less than that many random inserts.
// So when the batch is at least as large as the table, its plain (non-unique, non-partial)
// indexes are dropped here and recreated from their own stored definitions in Commit(), inside
// the same transaction: a rollback or a crash restores them untouched, and other connections
// keep reading the last committed state, indexes included. The unique INS index stays (checked
// row by row as always); partial indexes stay too (few rows, and a rebuild would scan the whole
// table for them). Every bulk transaction also gets a larger page cache, so that the index
// pages it touches are read from disk once.
namespace {
constexpr std::size_t kBulkMinRows = 2000;          // below this, nothing changes
constexpr double kRebuildRatio = 1.0;               // batch rows / rows already stored
constexpr std::int64_t kBulkCacheKib = 512 * 1024;  // page cache during a bulk transaction
}  // namespace

void SqliteTransaction::PrepareBulkInsert(std::size_t rows) {
    if (rows < kBulkMinRows || m_bulk || !m_write) return;
    m_bulk = true;
    auto& current = m_conn.Prepare("PRAGMA cache_size");
    current.Step();
    const std::int64_t saved = current.Int(0);
    current.Reset();
    // Negative values are KiB, positive ones pages: only ever grow the cache.
    if (saved < 0 && -saved < kBulkCacheKib) {
        m_conn.Exec("PRAGMA cache_size = -" + std::to_string(kBulkCacheKib));
        m_savedCacheSize = saved;
    }
    // Identities are never deleted, so the highest id is the row count, read from the end of
    // the table instead of counting a million rows before every batch.
    auto& last = m_conn.Prepare("SELECT COALESCE(MAX(id), 0) FROM identities");
    last.Step();
    const double stored = static_cast<double>(last.Int(0));
    last.Reset();
    if (static_cast<double>(rows) < kRebuildRatio * stored) return;
    auto& list = m_conn.Prepare(
        "SELECT s.name, s.sql FROM sqlite_schema AS s JOIN pragma_index_list('identities') AS l ON l.name = s.name "
        "WHERE s.type = 'index' AND s.sql IS NOT NULL AND l.\"unique\" = 0 AND l.partial = 0 ORDER BY s.name");
    std::vector<std::pair<std::string, std::string>> indexes;
    while (list.Step()) indexes.emplace_back(list.Text(0), list.Text(1));
    list.Reset();
    for (const auto& [name, sql] : indexes) {
        m_conn.Exec("DROP INDEX \"" + name + "\"");
        m_suspendedIndexes.emplace_back(name, sql);  // recorded only once really dropped
    }
}

void SqliteTransaction::RebuildSuspendedIndexes() {
    while (!m_suspendedIndexes.empty()) {
        m_conn.Exec(m_suspendedIndexes.back().second);
        m_suspendedIndexes.pop_back();
    }
}

void SqliteTransaction::RestoreCacheSize() noexcept {
    if (m_savedCacheSize == 0) return;
    try {
        m_conn.Exec("PRAGMA cache_size = " + std::to_string(m_savedCacheSize));
    } catch (...) {
        // The larger cache stays: slower to release memory, never wrong.
    }
    m_savedCacheSize = 0;
}

}  // namespace vigie::db
