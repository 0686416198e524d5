#include "db/sqlite/SqliteStore.h"

#include <mutex>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "db/sqlite/SqliteDb.h"
#include "db/sqlite/SqliteTransaction.h"

namespace vigie::db {
// Generated from db/migrations/sqlite/*.sql (cmake/VigieEmbed.cmake).
extern const std::vector<std::pair<std::string_view, std::string_view>> kSqliteMigrations;

namespace {

constexpr int kPageSize = 16384;

int MigrationNumber(std::string_view fileName) {
    int n = 0;
    for (char c : fileName) {
        if (c < '0' || c > '9') break;
        n = n * 10 + (c - '0');
    }
    return n;
}

class SqliteStore final : public ports::IStore {
public:
    SqliteStore(const std::string& path, const SqliteOptions& options) : m_conn(path) {
        m_conn.Exec("PRAGMA foreign_keys = ON");
        // Only takes effect on a new, empty database file (an existing one keeps its page size).
        // 16 KiB pages: a quarter of the system calls and page headers of the 4 KiB default for
        // the same bytes, which is what a bulk import and its checkpoint spend their time on.
        m_conn.Exec("PRAGMA page_size = " + std::to_string(kPageSize));
        m_conn.Prepare("PRAGMA journal_mode = WAL").Run();
        m_conn.Exec(options.synchronousFull ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        m_conn.Exec("PRAGMA cache_size = -" + std::to_string(std::max(options.cacheMegabytes, 2) * 1024));
        // A WAL grown by a large import is cut back to this size when it restarts.
        m_conn.Exec("PRAGMA journal_size_limit = " + std::to_string(64 * 1024 * 1024));
        Migrate();
    }

    ports::StoreCapabilities Capabilities() const override {
        return ports::StoreCapabilities{"sqlite", m_schemaVersion, false};
    }

    std::unique_ptr<ports::IStoreTransaction> Begin(ports::TransactionMode mode) override {
        std::unique_lock lock(m_mutex);
        return std::make_unique<SqliteTransaction>(m_conn, std::move(lock), mode);
    }

private:
    void Migrate() {
        m_conn.Exec("BEGIN IMMEDIATE");
        try {
            m_conn.Exec(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
            auto& current = m_conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
            current.Step();
            int version = static_cast<int>(current.Int(0));
            current.Reset();
            const int known = SqliteSchemaVersion();
            if (version > known)
                throw EnvironmentError("store.too_new", "Base créée par une version plus récente de Vigie (schéma " +
                                                            std::to_string(version) + ", connu : " +
                                                            std::to_string(known) + ").");
            // Every migration not recorded yet is applied, in order — not only those above the
            // highest recorded one, so a migration merged late under a lower number is never
            // skipped on a database that already has the higher ones.
            std::set<int> applied;
            auto& recorded = m_conn.Prepare("SELECT version FROM schema_migrations");
            while (recorded.Step()) applied.insert(static_cast<int>(recorded.Int(0)));
            for (const auto& [name, sql] : kSqliteMigrations) {
                const int n = MigrationNumber(name);
                if (applied.count(n)) continue;
                m_conn.Exec(std::string(sql));
                m_conn.Prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)")
                    .Bind(1, n)
                    .Bind(2, std::string(name))
                    .Run();
                version = std::max(version, n);
            }
            m_conn.Exec("COMMIT");
            m_schemaVersion = version;
        } catch (...) {
            try {
                m_conn.Exec("ROLLBACK");
            } catch (...) {
            }
            throw;
        }
    }

    Connection m_conn;
    std::mutex m_mutex;
    int m_schemaVersion = 0;
};

}  // namespace

int SqliteSchemaVersion() {
    int v = 0;
    for (const auto& [name, sql] : kSqliteMigrations) v = std::max(v, MigrationNumber(name));
    return v;
}

std::unique_ptr<ports::IStore> OpenSqliteStore(const std::string& path, const SqliteOptions& options) {
    return std::make_unique<SqliteStore>(path, options);
}

}  // namespace vigie::db
