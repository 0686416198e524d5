// SQLite-specific behaviour: migrations, pragmas, the append-only triggers, unusable files, and a
// process killed in the middle of writes.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "core/usecases/IdentityJson.h"
#include "core/usecases/JournalChain.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using ports::TransactionMode;

namespace {

// Raw access to check what the store wrote, bypassing it.
class RawDb {
public:
    explicit RawDb(const std::string& path) { sqlite3_open(path.c_str(), &m_db); }
    ~RawDb() { sqlite3_close(m_db); }
    int Exec(const std::string& sql) { return sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr); }
    std::string Scalar(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        std::string out;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
            const auto* t = sqlite3_column_text(s, 0);
            out = t ? reinterpret_cast<const char*>(t) : "";
        }
        sqlite3_finalize(s);
        return out;
    }

private:
    sqlite3* m_db = nullptr;
};

std::string ReadFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SqliteStoreSuite)

BOOST_AUTO_TEST_CASE(MigrationsAreAppliedOnceAndRecorded) {
    test::TempDir dir;
    const std::string path = (dir.Path() / "v.db").string();
    { auto store = db::OpenSqliteStore(path); BOOST_TEST(store->Capabilities().schemaVersion == db::SqliteSchemaVersion()); }
    { auto again = db::OpenSqliteStore(path); BOOST_TEST(again->Capabilities().backend == "sqlite"); }
    RawDb raw(path);
    BOOST_TEST(raw.Scalar("SELECT COUNT(*) FROM schema_migrations") == std::to_string(db::SqliteSchemaVersion()));
    BOOST_TEST(raw.Scalar("PRAGMA journal_mode") == "wal");
}

// A migration merged late under a lower number than one already applied is still applied (the
// runner compares sets of versions, not the highest one), and the numbers stay 1..N.
BOOST_AUTO_TEST_CASE(AMigrationMissingBelowTheHighestIsStillApplied) {
    test::TempDir dir;
    const std::string path = (dir.Path() / "v.db").string();
    db::OpenSqliteStore(path);
    {
        RawDb raw(path);
        raw.Exec("DROP TABLE label_rules");  // as if 0004 had never run on this database
        raw.Exec("DELETE FROM schema_migrations WHERE version = 4");
    }
    auto store = db::OpenSqliteStore(path);
    RawDb raw(path);
    BOOST_TEST(raw.Scalar("SELECT COUNT(*) FROM schema_migrations WHERE version = 4") == "1");
    BOOST_TEST(raw.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'label_rules'") == "1");
    BOOST_TEST(raw.Scalar("SELECT MIN(version) || '-' || MAX(version) || '-' || COUNT(*) FROM schema_migrations") ==
               "1-" + std::to_string(db::SqliteSchemaVersion()) + "-" + std::to_string(db::SqliteSchemaVersion()));
}

BOOST_AUTO_TEST_CASE(ANewerSchemaIsRefused) {
    test::TempDir dir;
    const std::string path = (dir.Path() / "v.db").string();
    db::OpenSqliteStore(path);
    RawDb(path).Exec("INSERT INTO schema_migrations (version, name) VALUES (999, '0999_future.sql')");
    try {
        db::OpenSqliteStore(path);
        BOOST_FAIL("newer schema accepted");
    } catch (const EnvironmentError& e) {
        BOOST_TEST(e.Code() == "store.too_new");
    }
}

BOOST_AUTO_TEST_CASE(ANonDatabaseFileIsRefusedAndLeftUntouched) {
    test::TempDir dir;
    const auto path = dir.Path() / "notes.txt";
    std::ofstream(path) << "Liste de courses : doliprane, sirop. Ceci n'est pas une base SQLite, loin de là.\n";
    const std::string before = ReadFile(path);
    BOOST_CHECK_THROW(db::OpenSqliteStore(path.string()), EnvironmentError);
    BOOST_TEST(ReadFile(path) == before);
    BOOST_CHECK_THROW(db::OpenSqliteStore(dir.Path().string()), EnvironmentError);  // a directory
}

BOOST_AUTO_TEST_CASE(TheJournalRefusesUpdatesAndDeletes) {
    test::TempDir dir;
    const std::string path = (dir.Path() / "v.db").string();
    {
        auto store = db::OpenSqliteStore(path);
        test::FixedClock clock;
        usecases::OperatorService(*store, clock).Add(std::nullopt, "t", Role::Titulaire);
    }
    RawDb raw(path);
    BOOST_TEST(raw.Exec("UPDATE journal SET operator = 'x'") != SQLITE_OK);
    BOOST_TEST(raw.Exec("DELETE FROM journal") != SQLITE_OK);
    BOOST_TEST(raw.Scalar("SELECT operator FROM journal WHERE seq = 1") == "(installation)");
}

BOOST_AUTO_TEST_CASE(TamperingThatBypassesTheTriggersBreaksTheChain) {
    test::TempDir dir;
    const std::string path = (dir.Path() / "v.db").string();
    auto store = db::OpenSqliteStore(path);
    test::FixedClock clock;
    auto op = *usecases::OperatorService(*store, clock).Add(std::nullopt, "t", Role::Titulaire).op;
    usecases::PatientService p(*store, clock);
    for (int i = 0; i < 3; ++i)
        BOOST_REQUIRE(p.Create(op, {test::Traits("DUPONT", "JEAN", {1980, 2, 1 + i}), "", "", true}).Ok());
    auto verify = [&] {
        return ports::RunInTransaction(*store, TransactionMode::Read,
                                       [](ports::IStoreTransaction& tx) { return usecases::JournalChain::Verify(tx); });
    };
    BOOST_TEST(verify().ok);
    RawDb raw(path);
    BOOST_REQUIRE(raw.Exec("DROP TRIGGER journal_no_update") == SQLITE_OK);
    BOOST_REQUIRE(raw.Exec("UPDATE journal SET after = replace(after, 'DUPONT', 'DURAND') WHERE seq = 3") == SQLITE_OK);
    auto v = verify();
    BOOST_TEST(!v.ok);
    BOOST_TEST(v.firstBadSeq.value_or(0) == 3);
    BOOST_TEST(v.message.find("n° 3") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(DeletingAnEntryIsDetected) {
    test::TempDir dir;
    const std::string path = (dir.Path() / "v.db").string();
    auto store = db::OpenSqliteStore(path);
    test::FixedClock clock;
    usecases::OperatorService ops(*store, clock);
    ops.Add(std::nullopt, "t", Role::Titulaire);
    ops.Add("t", "a", Role::Comptoir);
    ops.Add("t", "b", Role::Comptoir);
    RawDb raw(path);
    BOOST_REQUIRE(raw.Exec("DROP TRIGGER journal_no_delete") == SQLITE_OK);
    BOOST_REQUIRE(raw.Exec("DELETE FROM journal WHERE seq = 2") == SQLITE_OK);
    auto v = ports::RunInTransaction(*store, TransactionMode::Read,
                                     [](ports::IStoreTransaction& tx) { return usecases::JournalChain::Verify(tx); });
    BOOST_TEST(!v.ok);
    BOOST_TEST(v.firstBadSeq.value_or(0) == 3);
}

// A writer killed with SIGKILL at random moments: the database must open, pass integrity_check,
// have an intact journal chain, and every identity's current state must equal the "after" of its
// last journal entry (no change without its journal entry, no entry without its change).
BOOST_AUTO_TEST_CASE(AProcessKilledMidWriteLeavesAConsistentDatabase) {
    test::TempDir dir;
    const std::string path = (dir.Path() / "crash.db").string();
    {
        auto store = db::OpenSqliteStore(path);
        test::FixedClock clock;
        usecases::OperatorService(*store, clock).Add(std::nullopt, "t", Role::Titulaire);
    }
    const int delaysMs[] = {40, 90, 150, 230};
    for (int round = 0; round < 4; ++round) {
        const pid_t pid = fork();
        BOOST_REQUIRE(pid >= 0);
        if (pid == 0) {
            // Child: write as fast as possible until killed. No Boost.Test in here.
            try {
                auto store = db::OpenSqliteStore(path, db::SqliteOptions{false});
                ports::SystemClock clock;
                usecases::OperatorService ops(*store, clock);
                const Operator op = ops.Authenticate("t");
                usecases::PatientService p(*store, clock);
                std::mt19937 rng(static_cast<unsigned>(round));
                for (int i = 0;; ++i) {
                    auto r = p.Create(op, {test::Traits("KILL", "ROUND", {1950 + round, 1 + i % 12, 1 + i % 28}), "", "", true});
                    if (r.identity && i % 2 == 0) p.CheckDocument(op, r.identity->id, "passeport", std::nullopt);
                    if (r.identity && i % 3 == 0) p.SetAttribute(op, r.identity->id, event::AttributeName::Homonyme, true);
                    if (i % 50 == 0) {
                        std::vector<usecases::CreateRequest> batch(200, {test::Traits("BATCH", "X", {1990, 1, 1}), "", "", true});
                        p.Import(op, batch);
                    }
                }
            } catch (...) {
                _exit(3);
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delaysMs[round]));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        BOOST_TEST_REQUIRE(WIFSIGNALED(status), "the writer stopped before being killed (status " << status << ")");

        auto store = db::OpenSqliteStore(path);
        {
            RawDb raw(path);
            BOOST_TEST(raw.Scalar("PRAGMA integrity_check") == "ok");
        }
        auto v = ports::RunInTransaction(*store, TransactionMode::Read,
                                         [](ports::IStoreTransaction& tx) { return usecases::JournalChain::Verify(tx); });
        BOOST_TEST(v.ok, v.message);
        // Every identity equals the "after" of its last journal entry.
        ports::RunInTransaction(*store, TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
            std::map<IdentityId, std::string> lastAfter;
            tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
                if (e.identityId && !e.after.empty() && e.action != "identity.ins_collision") lastAfter[*e.identityId] = e.after;
                return true;
            });
            BOOST_TEST(static_cast<std::int64_t>(lastAfter.size()) == tx.CountIdentities());
            int checked = 0;
            for (const auto& [id, after] : lastAfter) {
                auto identity = tx.GetIdentity(id);
                BOOST_REQUIRE(identity);
                BOOST_TEST(usecases::IdentityToJson(*identity, usecases::InsVisibility::Full) == after, "identity " << id);
                if (++checked > 2000) break;  // plenty; keeps the test fast
            }
        });
    }
    auto store = db::OpenSqliteStore(path);
    auto n = ports::RunInTransaction(*store, TransactionMode::Read, [](ports::IStoreTransaction& tx) { return tx.CountIdentities(); });
    BOOST_TEST(n > 0);  // the writers really wrote
}

BOOST_AUTO_TEST_SUITE_END()
