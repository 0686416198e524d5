#pragma once
// The embedded SQLite référentiel (the default store). WAL, foreign keys, synchronous=FULL,
// 16 KiB pages for a new file, numbered migrations from db/migrations/sqlite applied in one
// transaction at open. Large imports: see SqliteTransaction::PrepareBulkInsert.
// One connection serialised by a mutex: a transaction holds it from Begin() to its end.

#include <memory>
#include <string>

#include "core/ports/IStore.h"

namespace vigie::db {

struct SqliteOptions {
    bool synchronousFull = true;  // FULL survives power loss; NORMAL is enough for a process crash
    int cacheMegabytes = 64;      // page cache: index pages of a large référentiel stay in memory
};

// Opens (creating if needed) the database file and brings its schema up to date.
// Throws EnvironmentError with a French message when the file is unusable.
std::unique_ptr<ports::IStore> OpenSqliteStore(const std::string& path, const SqliteOptions& options = {});

// The schema version this build knows (number of the last embedded migration).
int SqliteSchemaVersion();

}  // namespace vigie::db
