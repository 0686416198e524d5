// The store contract of the Tableau de bord (migration 0005): INSi call records, the status
// trend cache (append-only, with a head), the journal read in chunks, active identities.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using ports::IStoreTransaction;
using ports::TransactionMode;
using vigie::test::StoreBackends;
namespace bdata = boost::unit_test::data;

namespace {
ports::InsiCallRecord Call(std::string at, std::string outcome, bool failed, std::int64_t ms) {
    return ports::InsiCallRecord{std::move(at), "RECSANSVITALE", "operator", std::move(outcome), failed, ms};
}
template <class F>
auto Write(ports::IStore& store, F&& f) {
    return ports::RunInTransaction(store, TransactionMode::Write, std::forward<F>(f));
}
template <class F>
auto Read(ports::IStore& store, F&& f) {
    return ports::RunInTransaction(store, TransactionMode::Read, std::forward<F>(f));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(DashboardStore)

BOOST_DATA_TEST_CASE(InsiCallsKeepEveryFieldInTimeOrder, bdata::make(StoreBackends()), backend) {
    test::TempDir dir;
    auto store = backend.open(dir.Path());
    Write(*store, [](IStoreTransaction& tx) {
        tx.InsertInsiCall(Call("2026-11-20T09:00:00.000Z", "00", false, 180));
        tx.InsertInsiCall(Call("2026-11-01T09:00:00.000Z", "01", false, 90));
        auto batch = Call("2026-11-21T09:00:00.000Z", "desir_1020", true, 3000);
        batch.operation = "RECVITALE";
        batch.mode = "batch";
        tx.InsertInsiCall(batch);
    });
    const auto calls =
        Read(*store, [](IStoreTransaction& tx) { return tx.InsiCallsSince("2026-11-15T00:00:00.000Z"); });
    BOOST_REQUIRE(calls.size() == 2u);
    BOOST_TEST(calls[0].outcome == "00");
    BOOST_TEST(calls[0].durationMs == 180);
    BOOST_TEST(!calls[0].failed);
    BOOST_TEST(calls[1].operation == "RECVITALE");
    BOOST_TEST(calls[1].mode == "batch");
    BOOST_TEST(calls[1].outcome == "desir_1020");
    BOOST_TEST(calls[1].failed);
    // The schema's last line of defence: only the two operations and the two modes.
    auto bad = Call("2026-11-21T09:00:00.000Z", "00", false, 1);
    bad.mode = "robot";
    BOOST_CHECK_THROW(Write(*store, [&](IStoreTransaction& tx) { tx.InsertInsiCall(bad); }), Error);
}

BOOST_DATA_TEST_CASE(StatusSnapshotsAreAppendOnlyBehindAHead, bdata::make(StoreBackends()), backend) {
    test::TempDir dir;
    auto store = backend.open(dir.Path());
    BOOST_TEST(!Read(*store, [](IStoreTransaction& tx) { return tx.GetStatusSnapshotHead(); }));
    Write(*store, [](IStoreTransaction& tx) {
        tx.AppendStatusSnapshots({{"2026-11-18", 2, 0, 0, 0}, {"2026-11-19", 1, 0, 1, 0}}, 7);
    });
    auto head = Read(*store, [](IStoreTransaction& tx) { return tx.GetStatusSnapshotHead(); });
    BOOST_REQUIRE(head);
    BOOST_TEST(head->day == "2026-11-19");
    BOOST_TEST(head->lastSeq == 7);
    // A cached day is never rewritten.
    BOOST_CHECK_EXCEPTION(
        Write(*store, [](IStoreTransaction& tx) { tx.AppendStatusSnapshots({{"2026-11-19", 5, 5, 5, 5}}, 9); }),
        BusinessError, [](const BusinessError& e) { return e.Code() == "store.exists"; });
    {
        auto tx = store->Begin(TransactionMode::Write);
        tx->AppendStatusSnapshots({{"2026-11-20", 1, 0, 0, 1}}, 8);
    }  // not committed
    Write(*store, [](IStoreTransaction& tx) { tx.AppendStatusSnapshots({{"2026-11-21", 0, 1, 0, 2}}, 12); });
    const auto days = Read(*store, [](IStoreTransaction& tx) { return tx.StatusSnapshotsFrom("2026-11-19"); });
    BOOST_REQUIRE(days.size() == 2u);
    BOOST_TEST(days[0].day == "2026-11-19");
    BOOST_TEST(days[0].prov == 1);
    BOOST_TEST(days[0].vali == 1);
    BOOST_TEST(days[1].day == "2026-11-21");
    BOOST_TEST(days[1].recup == 1);
    BOOST_TEST(days[1].qual == 2);
    BOOST_TEST(Read(*store, [](IStoreTransaction& tx) { return tx.GetStatusSnapshotHead(); })->lastSeq == 12);
}

BOOST_DATA_TEST_CASE(JournalChunksAndActiveIdentities, bdata::make(StoreBackends()), backend) {
    test::TempDir dir;
    auto store = backend.open(dir.Path());
    test::FixedClock clock;
    clock.now = "2025-01-10T08:00:00.000Z";
    usecases::OperatorService ops(*store, clock);
    const auto titulaire = *ops.Add(std::nullopt, "claire", domain::Role::Titulaire).op;
    usecases::PatientService patients(*store, clock);
    auto create = [&](std::string name) {
        auto r = patients.Create(titulaire, {test::Traits(std::move(name)), "", "", true});
        BOOST_REQUIRE(r.Ok());
        return r.identity->id;
    };
    create("ANCIEN");
    const auto revu = create("REVU");
    clock.now = "2026-11-20T08:00:00.000Z";
    BOOST_REQUIRE(patients.CheckDocument(titulaire, revu, "passeport", std::nullopt).Ok());
    create("RECENT");

    const auto active =
        Read(*store, [](IStoreTransaction& tx) { return tx.CountActiveByStatus("2025-11-22T00:00:00.000Z"); });
    BOOST_REQUIRE(active.size() == 2u);
    BOOST_TEST(active[0].first == "PROV");
    BOOST_TEST(active[0].second == 1);
    BOOST_TEST(active[1].first == "VALI");
    BOOST_TEST(active[1].second == 1);

    // operator.added + 3 creations + 1 document check, read two at a time.
    std::vector<std::int64_t> seqs;
    for (std::int64_t after = 0;;) {
        const auto chunk = Read(*store, [&](IStoreTransaction& tx) { return tx.JournalEntriesAfter(after, 2); });
        for (const auto& e : chunk) seqs.push_back(e.seq);
        if (chunk.size() < 2u) break;
        after = chunk.back().seq;
    }
    BOOST_TEST(seqs == (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
    const auto last = Read(*store, [](IStoreTransaction& tx) { return tx.JournalEntriesAfter(3, 10); });
    BOOST_REQUIRE(last.size() == 2u);
    BOOST_TEST(last[0].action == "identity.document_checked");
    BOOST_TEST(last[0].after.find("\"status\":\"VALI\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
