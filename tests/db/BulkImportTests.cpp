// Bulk import (issue #2): a batch large compared to the table is inserted with the secondary
// search indexes suspended and rebuilt inside the same transaction (SqliteTransaction::
// PrepareBulkInsert). These tests check that this path gives the same answers as the row-by-row
// path, leaves every index in place, and never leaves half a batch behind (failure, crash).
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "core/domain/TraitText.h"
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

// Large enough for the bulk path (db/sqlite: at least 2,000 rows and half the stored rows).
constexpr int kBulkRows = 3000;

// Raw access to what the store wrote, bypassing it.
class RawDb {
public:
    explicit RawDb(const std::string& path) { sqlite3_open(path.c_str(), &m_db); }
    ~RawDb() { sqlite3_close(m_db); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    std::vector<std::string> Column(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        std::vector<std::string> out;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return {"prepare failed: " + sql};
        while (sqlite3_step(s) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(s); ++c) {
                const auto* t = sqlite3_column_text(s, c);
                row += (c ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
            }
            out.push_back(row);
        }
        sqlite3_finalize(s);
        return out;
    }
    std::string Scalar(const std::string& sql) {
        auto rows = Column(sql);
        return rows.empty() ? "" : rows.front();
    }

private:
    sqlite3* m_db = nullptr;
};

// The same deterministic people for every store: common names, shared birth dates, used names,
// so that searches and duplicate pools have several answers.
usecases::CreateRequest Person(int i) {
    static const char* const names[] = {"MARTIN", "DUPONT", "DUPOND", "LEFEBVRE", "LE GALL", "N'DIAYE",
                                        "DURAND", "MOREAU", "SAINT-MARTIN", "BERNARD", "PETIT", "ROUX"};
    static const char* const firstNames[] = {"JEAN", "MARIE", "JEAN-PIERRE", "PAUL", "ANNE SOPHIE", "LUC"};
    const std::string name = std::string(names[i % 12]) + (i % 5 == 0 ? "" : std::string(1, static_cast<char>('A' + i % 23)));
    usecases::CreateRequest r{test::Traits(name, firstNames[i % 6], {1930 + i % 80, 1 + i % 12, 1 + i % 28},
                                           i % 2 ? Sex::Male : Sex::Female),
                              i % 7 == 0 ? std::string(names[(i / 7) % 12]) : std::string(), "", true};
    return r;
}
std::vector<usecases::CreateRequest> People(int from, int count) {
    std::vector<usecases::CreateRequest> out;
    for (int i = from; i < from + count; ++i) out.push_back(Person(i));
    return out;
}

struct Store {
    test::TempDir dir;
    std::string path = (dir.Path() / "bulk.db").string();
    std::unique_ptr<ports::IStore> store = db::OpenSqliteStore(path);
    test::FixedClock clock;
    Operator op = *usecases::OperatorService(*store, clock).Add(std::nullopt, "titulaire", Role::Titulaire).op;

    usecases::PatientService Patients() { return usecases::PatientService(*store, clock); }
    void Import(int from, int count, int batch) {
        for (int done = 0; done < count; done += batch)
            BOOST_REQUIRE(Patients().Import(op, People(from + done, std::min(batch, count - done))).Ok());
    }
    std::int64_t Count() {
        return ports::RunInTransaction(*store, TransactionMode::Read,
                                       [](ports::IStoreTransaction& tx) { return tx.CountIdentities(); });
    }
    usecases::JournalVerification Verify() {
        return ports::RunInTransaction(*store, TransactionMode::Read,
                                       [](ports::IStoreTransaction& tx) { return usecases::JournalChain::Verify(tx); });
    }
};

std::vector<std::string> IndexDefinitions(const std::string& path) {
    return RawDb(path).Column("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name");
}

std::vector<IdentityId> Ids(const std::vector<Identity>& found) {
    std::vector<IdentityId> ids;
    for (const auto& i : found) ids.push_back(i.id);
    return ids;
}
std::vector<std::string> Ranked(const std::vector<DuplicateCandidate>& found) {
    std::vector<std::string> out;
    for (const auto& c : found) out.push_back(std::to_string(c.identity.id) + ":" + std::to_string(c.score));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(BulkImportSuite)

// Row by row (small batches) and through the rebuild path (one large batch into an empty store,
// then one into a non-empty store): same rows, same journal, same indexes, same answers.
BOOST_AUTO_TEST_CASE(RebuiltIndexesGiveTheSameAnswersAsRowByRowInserts) {
    Store rowByRow, bulk;
    rowByRow.Import(0, 1000, 500);
    rowByRow.Import(1000, kBulkRows, 500);
    bulk.Import(0, 1000, 1000);               // below 2,000 rows: row by row
    bulk.Import(1000, kBulkRows, kBulkRows);  // 3,000 into a store of 1,000: rebuild path
    BOOST_TEST(bulk.Count() == 1000 + kBulkRows);
    BOOST_TEST(bulk.Count() == rowByRow.Count());
    BOOST_TEST(IndexDefinitions(bulk.path) == IndexDefinitions(rowByRow.path), boost::test_tools::per_element());
    for (Store* s : {&rowByRow, &bulk}) {
        BOOST_TEST(RawDb(s->path).Scalar("PRAGMA integrity_check") == "ok");
        const auto v = s->Verify();
        BOOST_TEST(v.ok, v.message);
    }
    // Every imported identity journaled exactly once, with its own row as "after".
    ports::RunInTransaction(*bulk.store, TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
        std::map<IdentityId, int> entries;
        tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
            if (e.action == "identity.imported") {
                ++entries[*e.identityId];
                auto identity = tx.GetIdentity(*e.identityId);
                BOOST_REQUIRE(identity);
                BOOST_TEST(usecases::IdentityToJson(*identity, usecases::InsVisibility::Full) == e.after);
            }
            return true;
        });
        BOOST_TEST(static_cast<std::int64_t>(entries.size()) == tx.CountIdentities());
        for (const auto& [id, n] : entries) BOOST_TEST(n == 1, "identity " << id);
    });
    // The same answers for searches (prefix + date, prefix, free text with used names) and duplicates.
    auto a = rowByRow.Patients();
    auto b = bulk.Patients();
    for (int i = 0; i < 1000 + kBulkRows; i += 37) {
        const auto person = Person(i);
        ports::SearchQuery q;
        q.birthNamePrefix = person.traits.birthName.substr(0, 3);
        q.birthDate = person.traits.birthDate;
        BOOST_TEST(Ids(a.Search(q)) == Ids(b.Search(q)), boost::test_tools::per_element());
        BOOST_TEST(!b.Search(q).empty());
        ports::SearchQuery prefix;
        prefix.birthNamePrefix = person.traits.birthName.substr(0, 4);
        prefix.limit = 20;
        BOOST_TEST(Ids(a.Search(prefix)) == Ids(b.Search(prefix)), boost::test_tools::per_element());
        ports::SearchQuery text;
        text.text = (person.usedName.empty() ? person.traits.birthName : person.usedName) + " " +
                    person.traits.firstBirthFirstName;
        BOOST_TEST(Ids(a.Search(text)) == Ids(b.Search(text)), boost::test_tools::per_element());
        StrictTraits probe = person.traits;
        std::swap(probe.birthDate.day, probe.birthDate.month);  // often invalid: then the exact date
        if (!Date::IsValid(probe.birthDate.year, probe.birthDate.month, probe.birthDate.day))
            probe.birthDate = person.traits.birthDate;
        const auto dupA = a.FindDuplicates(probe, person.usedName);
        BOOST_TEST(Ranked(dupA) == Ranked(b.FindDuplicates(probe, person.usedName)), boost::test_tools::per_element());
    }
    // The rebuilt indexes are really used by the queries (not a full scan that happens to agree).
    RawDb raw(bulk.path);
    const std::string plan = raw.Column(
        "EXPLAIN QUERY PLAN SELECT id FROM identities WHERE birth_date = '1980-02-01' AND cmp_birth_name >= 'DUP' "
        "AND cmp_birth_name < 'DUQ'").back();
    BOOST_TEST(plan.find("INDEX identities_birth_date") != std::string::npos, plan);
    const std::string phonetic = raw.Column(
        "EXPLAIN QUERY PLAN SELECT id FROM identities WHERE phon_birth_name = 'X' AND phon_first_name = 'Y'").back();
    BOOST_TEST(phonetic.find("INDEX identities_phonetic") != std::string::npos, phonetic);
}

// A large batch that fails inside the store (here a CHECK constraint on its last row) rolls back
// everything: no row, no journal entry, and the suspended indexes are back.
BOOST_AUTO_TEST_CASE(AFailedBulkBatchLeavesNoHalfState) {
    Store s;
    s.Import(0, 500, 500);
    const auto indexesBefore = IndexDefinitions(s.path);
    const std::string journalBefore = RawDb(s.path).Scalar("SELECT COUNT(*) || '|' || MAX(seq) FROM journal");
    {
        auto tx = s.store->Begin(TransactionMode::Write);
        tx->PrepareBulkInsert(kBulkRows);
        usecases::JournalChain::Appender journal(*tx);
        for (int i = 0; i < kBulkRows; ++i) {
            Identity id;
            id.traits = Person(i).traits;
            id.createdAt = id.updatedAt = s.clock.NowUtc();
            id.id = tx->InsertIdentity(id);
            ports::JournalEntry e;
            e.at = s.clock.NowUtc();
            e.operatorName = "titulaire";
            e.role = "titulaire";
            e.action = "identity.imported";
            e.identityId = id.id;
            e.after = usecases::IdentityToJson(id, usecases::InsVisibility::Full);
            journal.Append(std::move(e));
        }
        Identity broken = test::IdentityWith(IdentityStatus::Qualifiee);
        broken.ins.reset();  // QUAL without INS: refused by the schema
        BOOST_CHECK_THROW(tx->InsertIdentity(broken), BusinessError);
    }  // destroyed without Commit
    BOOST_TEST(s.Count() == 500);
    BOOST_TEST(RawDb(s.path).Scalar("SELECT COUNT(*) || '|' || MAX(seq) FROM journal") == journalBefore);
    BOOST_TEST(IndexDefinitions(s.path) == indexesBefore, boost::test_tools::per_element());
    BOOST_TEST(RawDb(s.path).Scalar("PRAGMA integrity_check") == "ok");
    const auto v = s.Verify();
    BOOST_TEST(v.ok, v.message);
    // And the store still works normally afterwards, bulk path included.
    s.Import(500, kBulkRows, kBulkRows);
    BOOST_TEST(s.Count() == 500 + kBulkRows);
    BOOST_TEST(IndexDefinitions(s.path) == indexesBefore, boost::test_tools::per_element());
}

// The unique INS index is never suspended: a duplicate INS inside a bulk batch is refused at once.
BOOST_AUTO_TEST_CASE(TheUniqueInsIndexStaysDuringABulkBatch) {
    Store s;
    auto tx = s.store->Begin(TransactionMode::Write);
    tx->PrepareBulkInsert(kBulkRows);
    Identity a = test::IdentityWith(IdentityStatus::Recuperee);
    tx->InsertIdentity(a);
    Identity b = test::IdentityWith(IdentityStatus::Recuperee, test::Traits("AUTRE", "PAUL"));
    BOOST_CHECK_EXCEPTION(tx->InsertIdentity(b), BusinessError,
                          [](const BusinessError& e) { return std::string(e.Code()) == "store.ins_collision"; });
}

// Only a write transaction may suspend indexes; in a read transaction the hint is ignored.
BOOST_AUTO_TEST_CASE(AReadTransactionIgnoresTheBulkHint) {
    Store s;
    const auto indexes = IndexDefinitions(s.path);
    ports::RunInTransaction(*s.store, TransactionMode::Read, [](ports::IStoreTransaction& tx) {
        tx.PrepareBulkInsert(kBulkRows);
        BOOST_TEST(tx.CountIdentities() == 0);
    });
    BOOST_TEST(IndexDefinitions(s.path) == indexes, boost::test_tools::per_element());
}

// After a bulk import the WAL (as large as the batch) is checkpointed and cut back to nothing,
// but never by waiting for a reader still on an older snapshot: then it simply stays.
BOOST_AUTO_TEST_CASE(TheWalIsGivenBackAfterABulkImportWithoutWaitingForReaders) {
    Store s;
    const std::filesystem::path wal = s.path + "-wal";
    s.Import(0, kBulkRows, kBulkRows);
    BOOST_TEST(std::filesystem::file_size(wal) == 0u);
    {
        sqlite3* reader = nullptr;  // another connection in the middle of a read transaction
        BOOST_REQUIRE(sqlite3_open(s.path.c_str(), &reader) == SQLITE_OK);
        BOOST_REQUIRE(sqlite3_exec(reader, "BEGIN; SELECT COUNT(*) FROM journal;", nullptr, nullptr, nullptr) == SQLITE_OK);
        s.Import(kBulkRows, 2 * kBulkRows, 2 * kBulkRows);
        BOOST_TEST(std::filesystem::file_size(wal) > 0u);  // kept for the reader
        BOOST_TEST(RawDb(s.path).Scalar("SELECT COUNT(*) FROM identities") == std::to_string(3 * kBulkRows));
        sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(reader);
    }
    s.Import(3 * kBulkRows, 4 * kBulkRows, 4 * kBulkRows);
    BOOST_TEST(std::filesystem::file_size(wal) == 0u);
    BOOST_TEST(s.Count() == 7 * kBulkRows);
    const auto v = s.Verify();
    BOOST_TEST(v.ok, v.message);
}

// A writer killed while importing large batches (killed during the inserts, the index rebuild or
// the commit): the database opens, passes integrity_check,
// has every index, an intact journal chain, and exactly one journal entry per identity.
BOOST_AUTO_TEST_CASE(AProcessKilledDuringABulkImportLeavesACompleteDatabase) {
    test::TempDir dir;
    const std::string path = (dir.Path() / "crash.db").string();
    {
        auto store = db::OpenSqliteStore(path);
        test::FixedClock clock;
        usecases::OperatorService(*store, clock).Add(std::nullopt, "t", Role::Titulaire);
    }
    const auto indexes = IndexDefinitions(path);
    const int delaysMs[] = {150, 400, 700};
    for (int round = 0; round < 3; ++round) {
        const pid_t pid = fork();
        BOOST_REQUIRE(pid >= 0);
        if (pid == 0) {
            // Child: large batches as fast as possible until killed. No Boost.Test in here.
            try {
                auto store = db::OpenSqliteStore(path, db::SqliteOptions{false});
                ports::SystemClock clock;
                const Operator op = usecases::OperatorService(*store, clock).Authenticate("t");
                usecases::PatientService p(*store, clock);
                // Each batch at least as large as the table: always the rebuild path.
                for (int i = 0;;) {
                    const auto stored = ports::RunInTransaction(*store, TransactionMode::Read,
                                                                [](ports::IStoreTransaction& tx) { return tx.CountIdentities(); });
                    const int n = std::max(kBulkRows, static_cast<int>(stored));
                    p.Import(op, People(i, n));
                    i += n;
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
        BOOST_TEST(RawDb(path).Scalar("PRAGMA integrity_check") == "ok");
        BOOST_TEST(IndexDefinitions(path) == indexes, boost::test_tools::per_element());
        const auto v = ports::RunInTransaction(*store, TransactionMode::Read, [](ports::IStoreTransaction& tx) {
            return usecases::JournalChain::Verify(tx);
        });
        BOOST_TEST(v.ok, v.message);
        RawDb raw(path);
        BOOST_TEST(raw.Scalar("SELECT COUNT(*) FROM journal WHERE action = 'identity.imported'") ==
                   raw.Scalar("SELECT COUNT(*) FROM identities"));
        BOOST_TEST(raw.Scalar("SELECT COUNT(*) FROM identities i LEFT JOIN journal j ON j.identity_id = i.id "
                              "WHERE j.seq IS NULL") == "0");
    }
}

// The import is pipelined (core/usecases/PatientImport.cpp: validation and journal sealing on a
// second thread, chunk by chunk): over many chunks the ids come back in request order, each
// identity is journaled once, in order, and the chain verifies.
BOOST_AUTO_TEST_CASE(APipelinedImportKeepsRequestOrderAndTheChain) {
    Store s;
    s.Import(0, 10, 10);  // the chain does not start at the genesis
    std::vector<IdentityId> ids;
    const int rows = 7 * 1024 + 3;  // several chunks and a short last one
    BOOST_REQUIRE(s.Patients().Import(s.op, People(10, rows), &ids).Ok());
    BOOST_REQUIRE(ids.size() == static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) BOOST_REQUIRE(ids[static_cast<std::size_t>(i)] == 11 + i);
    const auto v = s.Verify();
    BOOST_TEST(v.ok, v.message);
    ports::RunInTransaction(*s.store, TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
        IdentityId expected = 1;
        std::int64_t seq = 0;
        tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
            BOOST_TEST(e.seq == ++seq);
            if (e.action == "identity.imported") BOOST_TEST(*e.identityId == expected++);
            return true;
        });
        BOOST_TEST(expected == 11 + rows);
        const auto last = tx.GetIdentity(ids.back());
        BOOST_REQUIRE(last);
        BOOST_TEST(last->traits.birthName == Person(10 + rows - 1).traits.birthName);
    });
}

// A refused line anywhere (first chunk, a middle chunk once earlier chunks are written, the very
// last line) refuses the whole batch with its line number; nothing of it is kept.
BOOST_AUTO_TEST_CASE(ARefusedLineRefusesTheWholePipelinedBatch) {
    Store s;
    s.Import(0, 100, 100);
    const auto before = RawDb(s.path).Scalar("SELECT COUNT(*) FROM journal");
    const auto indexes = IndexDefinitions(s.path);
    for (int bad : {0, 5000, 6999}) {
        auto batch = People(100, 7000);
        batch[static_cast<std::size_t>(bad)].traits.birthName = "DUP0NT";  // a digit: not a valid trait
        std::vector<IdentityId> ids{42};
        const auto r = s.Patients().Import(s.op, batch, &ids);
        BOOST_REQUIRE(!r.Ok());
        BOOST_TEST(r.refusal->message.rfind("Ligne " + std::to_string(bad + 1) + " : ", 0) == 0, r.refusal->message);
        BOOST_TEST(r.refusal->message.find("(rien importé)") != std::string::npos);
        BOOST_TEST(ids.empty());
        BOOST_TEST(s.Count() == 100);
        BOOST_TEST(RawDb(s.path).Scalar("SELECT COUNT(*) FROM journal") == before);
        BOOST_TEST(IndexDefinitions(s.path) == indexes, boost::test_tools::per_element());
    }
    BOOST_REQUIRE(s.Patients().Import(s.op, People(100, 7000)).Ok());  // the same batch, corrected
    BOOST_TEST(s.Count() == 7100);
    const auto v = s.Verify();
    BOOST_TEST(v.ok, v.message);
}

BOOST_AUTO_TEST_SUITE_END()
