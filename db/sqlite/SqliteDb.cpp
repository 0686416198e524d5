#include "db/sqlite/SqliteDb.h"

#include <sqlite3.h>

#include "core/ports/IStore.h"

namespace vigie::db {

namespace {
constexpr int kBusyTimeoutMs = 5000;
}

void ThrowSqlite(sqlite3* db, int rc, const std::string& context) {
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        throw ports::TransientStoreError("store.busy", "Base de données occupée (" + context + ") : " + detail);
    if (primary == SQLITE_CONSTRAINT) {
        if (detail.find("identities.ins_matricule") != std::string::npos)
            throw BusinessError("store.ins_collision", "Cet INS est déjà porté par une autre identité.");
        throw BusinessError("store.constraint", "Contrainte d'intégrité refusée (" + context + ") : " + detail);
    }
    if (primary == SQLITE_FULL)
        throw EnvironmentError("store.disk_full", "Disque plein : écriture impossible, rien n'a été enregistré.");
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_PERM || primary == SQLITE_READONLY)
        throw EnvironmentError("store.access", "Base de données inaccessible : droits d'accès ou chemin incorrects (détail : " +
                                                   detail + ").");
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        throw EnvironmentError("store.corrupt", "Fichier de base de données illisible ou corrompu : " + detail);
    throw EnvironmentError("store.io", "Erreur de base de données (" + context + ") : " + detail);
}

Statement& Statement::Bind(int index, const std::string& value) {
    const int rc = sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) ThrowSqlite(m_db, rc, "bind");
    return *this;
}
Statement& Statement::BindView(int index, std::string_view value) {
    const int rc = sqlite3_bind_text(m_stmt, index, value.empty() ? "" : value.data(), static_cast<int>(value.size()),
                                     SQLITE_STATIC);
    if (rc != SQLITE_OK) ThrowSqlite(m_db, rc, "bind");
    return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) ThrowSqlite(m_db, rc, "bind");
    return *this;
}
Statement& Statement::BindNull(int index) {
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) ThrowSqlite(m_db, rc, "bind");
    return *this;
}
Statement& Statement::Bind(int index, const std::optional<std::string>& value) {
    return value ? Bind(index, *value) : BindNull(index);
}

bool Statement::Step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(m_stmt);
    ThrowSqlite(m_db, rc, "step");
}

void Statement::Run() {
    while (Step()) {
    }
}

std::string Statement::Text(int column) const {
    const auto* p = sqlite3_column_text(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string();
}
std::optional<std::string> Statement::OptText(int column) const {
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL) return std::nullopt;
    return Text(column);
}
std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(m_stmt, column); }

void Statement::Reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

Connection::Connection(const std::string& path) {
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw EnvironmentError("store.access", "Impossible d'ouvrir la base « " + path +
                                                   " » : chemin, dossier ou droits d'accès incorrects (détail : " +
                                                   msg + ").");
    }
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(m_db, 1);
}

Connection::~Connection() {
    m_cache.clear();
    for (auto& [sql, stmt] : m_raw) sqlite3_finalize(stmt);
    sqlite3_close_v2(m_db);
}

void Connection::Exec(const std::string& sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        sqlite3_free(err);
        ThrowSqlite(m_db, rc, "exec");
    }
}

Statement& Connection::Prepare(const std::string& sql) {
    auto it = m_cache.find(sql);
    if (it != m_cache.end()) {
        it->second->Reset();
        return *it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                      nullptr);
    if (rc != SQLITE_OK) ThrowSqlite(m_db, rc, "prepare");
    m_raw[sql] = stmt;
    auto& slot = m_cache[sql];
    slot = std::make_unique<Statement>(m_db, stmt);
    return *slot;
}

bool Connection::TryTruncateWal() {
    sqlite3_busy_timeout(m_db, 0);
    const int rc = sqlite3_wal_checkpoint_v2(m_db, "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    return rc == SQLITE_OK;
}

std::int64_t Connection::LastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
int Connection::Changes() const { return sqlite3_changes(m_db); }

}  // namespace vigie::db
