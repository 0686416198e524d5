#pragma once
// Minimal RAII over the sqlite3 C API (SQLiteCpp's habit): a connection, prepared statements
// cached per connection, and errors turned into vigie::Error. Destructors never throw.
// Not thread-safe: SqliteStore serialises access to one connection.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::db {

class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Statement& Bind(int index, const std::string& value);  // copied by SQLite
    // Bound without a copy (SQLITE_STATIC): the caller keeps the bytes alive until the statement
    // has run. Used on the hot insert paths, where copies were a third of SQLite's work.
    Statement& BindView(int index, std::string_view value);
    Statement& Bind(int index, std::int64_t value);
    Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    Statement& BindNull(int index);
    Statement& Bind(int index, const std::optional<std::string>& value);
    bool Step();           // true while a row is available
    void Run();            // steps to completion; for statements without rows
    std::string Text(int column) const;
    std::optional<std::string> OptText(int column) const;
    std::int64_t Int(int column) const;
    void Reset();          // reset + clear bindings (called when handed out again)

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
};

class Connection {
public:
    explicit Connection(const std::string& path);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void Exec(const std::string& sql);
    // A reset statement from the per-connection cache; valid until the connection closes.
    Statement& Prepare(const std::string& sql);
    // Checkpoints the WAL and truncates it to zero bytes, without waiting: false (nothing done)
    // when another connection still reads an older snapshot or writes.
    bool TryTruncateWal();
    std::int64_t LastInsertId() const;
    int Changes() const;
    sqlite3* Raw() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::map<std::string, std::unique_ptr<Statement>> m_cache;
    std::map<std::string, sqlite3_stmt*> m_raw;
};

// Throws the right vigie::Error for an sqlite3 result code (busy → TransientStoreError,
// constraint → BusinessError, others → EnvironmentError).
[[noreturn]] void ThrowSqlite(sqlite3* db, int rc, const std::string& context);

}  // namespace vigie::db
