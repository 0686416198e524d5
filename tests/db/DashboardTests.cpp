// The Tableau de bord use-case over a real store: the trend replayed over several days and
// cached, the active window, the INSi metrics, and the metering decorator.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/usecases/Dashboard.h"
#include "core/usecases/MeteredInsiService.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "core/usecases/StatusTrend.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"
#include "tests/support/FakeInsi.h"

using namespace vigie;
using namespace vigie::usecases;
using domain::IdentityStatus;
using ports::IStoreTransaction;
using ports::TransactionMode;
using vigie::test::StoreBackends;
namespace bdata = boost::unit_test::data;

namespace {

struct World {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store;
    test::FixedClock clock;
    domain::Operator claire, paul;
    explicit World(const test::StoreBackend& backend) : store(backend.open(dir.Path())) {
        At("2025-01-01T08:00:00.000Z");  // the journal's clock only moves forward in these tests
        OperatorService ops(*store, clock);
        claire = *ops.Add(std::nullopt, "claire", domain::Role::Titulaire).op;
        paul = *ops.Add("claire", "paul", domain::Role::Comptoir).op;
    }
    void At(std::string now) { clock.now = std::move(now); }
    PatientService Patients() { return PatientService(*store, clock); }
    domain::IdentityId Create(domain::StrictTraits t) {
        auto r = Patients().Create(paul, CreateRequest{std::move(t), "", "", true});
        BOOST_REQUIRE(r.Ok());
        return r.identity->id;
    }
    Dashboard Board() { return Dashboard(*store, clock); }
};

std::string Row(const ports::StatusDayCounts& c) {
    return c.day + " " + std::to_string(c.prov) + "/" + std::to_string(c.recup) + "/" + std::to_string(c.vali) + "/" +
           std::to_string(c.qual);
}
std::vector<std::string> Rows(const std::vector<TrendPoint>& points) {
    std::vector<std::string> out;
    for (const auto& p : points) out.push_back(Row(p.counts));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DashboardSuite)

BOOST_DATA_TEST_CASE(TrendReplaysTheJournalDayByDayAndCachesPastDays, bdata::make(StoreBackends()), backend) {
    World w(backend);
    w.At("2026-11-18T08:00:00.000Z");
    const auto a = w.Create(test::EcetinsiTraits());
    w.Create(test::Traits("MARTIN"));
    w.At("2026-11-19T15:00:00.000Z");
    BOOST_REQUIRE(w.Patients().CheckDocument(w.paul, a, "passeport", std::nullopt).Ok());
    // 2026-11-20: nothing happens.
    w.At("2026-11-21T09:30:00.000Z");
    BOOST_REQUIRE(w.Patients().AcceptIns(w.paul, a, test::EcetinsiTraits(), test::EcetinsiIns()).Ok());
    w.Create(test::Traits("BERNARD"));
    w.At("2026-11-22T10:00:00.000Z");
    w.Create(test::Traits("PETIT"));

    auto r = w.Board().Load(w.claire, {5, 365});
    BOOST_REQUIRE(!r.refusal);
    BOOST_TEST(!r.data.weekly);
    BOOST_TEST(Rows(r.data.trend) == (std::vector<std::string>{"2026-11-18 2/0/0/0", "2026-11-19 1/0/1/0",
                                                               "2026-11-20 1/0/1/0", "2026-11-21 2/0/0/1",
                                                               "2026-11-22 3/0/0/1"}),
               boost::test_tools::per_element());
    // The past days are cached; today is not.
    auto head = ports::RunInTransaction(*w.store, TransactionMode::Read,
                                        [](IStoreTransaction& tx) { return tx.GetStatusSnapshotHead(); });
    BOOST_REQUIRE(head);
    BOOST_TEST(head->day == "2026-11-21");

    // The next day: only the newer entries are replayed, and the result is the full replay's.
    w.At("2026-11-23T08:00:00.000Z");
    w.Create(test::Traits("DURAND"));
    r = w.Board().Load(w.claire, {3, 365});
    BOOST_TEST(Rows(r.data.trend) == (std::vector<std::string>{"2026-11-21 2/0/0/1", "2026-11-22 3/0/0/1",
                                                               "2026-11-23 4/0/0/1"}),
               boost::test_tools::per_element());
    StatusReplay full("2026-11-23", std::nullopt, std::nullopt);
    ports::RunInTransaction(*w.store, TransactionMode::Read, [&](IStoreTransaction& tx) {
        tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
            full.Apply(e);
            return true;
        });
    });
    const auto cached = ports::RunInTransaction(*w.store, TransactionMode::Read,
                                                [](IStoreTransaction& tx) { return tx.StatusSnapshotsFrom(""); });
    const auto replayed = full.TakeCompletedDays();
    BOOST_REQUIRE(cached.size() == replayed.size());
    for (std::size_t i = 0; i < cached.size(); ++i) BOOST_TEST(Row(cached[i]) == Row(replayed[i]));
}

BOOST_DATA_TEST_CASE(SharesCountOnlyIdentitiesActiveInTheLastYear, bdata::make(StoreBackends()), backend) {
    World w(backend);
    w.At("2025-01-10T08:00:00.000Z");
    w.Create(test::Traits("ANCIEN"));                       // not seen since: inactive
    const auto revu = w.Create(test::EcetinsiTraits());
    w.At("2026-10-01T08:00:00.000Z");
    BOOST_REQUIRE(w.Patients().CheckDocument(w.paul, revu, "passeport", std::nullopt).Ok());
    BOOST_REQUIRE(w.Patients().AcceptIns(w.paul, revu, test::EcetinsiTraits(), test::EcetinsiIns()).Ok());
    w.At("2026-11-22T10:00:00.000Z");
    w.Create(test::Traits("RECENT"));

    const auto r = w.Board().Load(w.claire);
    BOOST_REQUIRE(!r.refusal);
    BOOST_TEST(r.data.activeSince == "2025-11-22T10:00:00.000Z");
    BOOST_TEST(r.data.activeTotal == 2);
    BOOST_REQUIRE(r.data.shares.size() == 4u);
    BOOST_TEST((r.data.shares[0].status == IdentityStatus::Provisoire));
    BOOST_TEST(r.data.shares[0].count == 1);
    BOOST_TEST(r.data.shares[0].percent == 50.0);
    BOOST_TEST(r.data.shares[3].count == 1);
    BOOST_TEST(r.data.qualifiedPercent == 50.0);
    // The trend counts the whole file (3 identities), daily points over the default 90 days.
    BOOST_TEST(Row(r.data.trend.back().counts) == "2026-11-22 2/0/0/1");
    BOOST_TEST(r.data.trend.size() == 90u);
    // Weekly points over a longer span, ending today.
    bool weekly = false;
    const auto points = w.Board().Trend(365, &weekly);
    BOOST_TEST(weekly);
    BOOST_TEST(points.back().day == "2026-11-22");
    BOOST_REQUIRE(points.size() >= 2u);
    BOOST_TEST(DaysBetween(points[points.size() - 2].day, points.back().day) == 7);
}

BOOST_DATA_TEST_CASE(OnlyTheTitulaireOpensIt, bdata::make(StoreBackends()), backend) {
    World w(backend);
    const auto r = w.Board().Load(w.paul);
    BOOST_REQUIRE(r.refusal);
    BOOST_TEST(r.refusal->code == "rule.role");
    BOOST_TEST(r.refusal->message.find("titulaire") != std::string::npos);
}

BOOST_DATA_TEST_CASE(InsiMetricsOverSevenAndThirtyDays, bdata::make(StoreBackends()), backend) {
    World w(backend);
    w.At("2026-11-22T10:00:00.000Z");
    ports::RunInTransaction(*w.store, TransactionMode::Write, [](IStoreTransaction& tx) {
        for (int i = 1; i <= 20; ++i)  // this week: 10, 20, …, 200 ms
            tx.InsertInsiCall({"2026-11-21T09:00:00.000Z", "RECVITALE", "operator", "00", false, i * 10});
        tx.InsertInsiCall({"2026-11-20T09:00:00.000Z", "RECVITALE", "batch", "desir_1020", true, 5000});
        tx.InsertInsiCall({"2026-11-01T09:00:00.000Z", "RECSANSVITALE", "batch", "01", false, 1000});
        tx.InsertInsiCall({"2026-11-01T09:00:00.000Z", "RECSANSVITALE", "batch", "insi.timeout", true, 30000});
        tx.InsertInsiCall({"2026-11-02T09:00:00.000Z", "RECSANSVITALE", "batch", "insi.timeout", true, 30000});
        tx.InsertInsiCall({"2026-09-01T09:00:00.000Z", "RECSANSVITALE", "batch", "00", false, 99999});  // too old
    });
    const auto r = w.Board().Load(w.claire);
    const auto& w7 = r.data.insi7;
    BOOST_TEST(w7.calls == 21);
    BOOST_TEST(w7.failed == 1);
    BOOST_TEST(*w7.p50Ms == 100);   // nearest rank: 10th of 20
    BOOST_TEST(*w7.p95Ms == 190);   // 19th of 20
    BOOST_REQUIRE(w7.failuresByCode.size() == 1u);
    BOOST_TEST(w7.failuresByCode[0].first == "desir_1020");
    const auto& w30 = r.data.insi30;
    BOOST_TEST(w30.calls == 24);
    BOOST_TEST(w30.failed == 3);
    BOOST_TEST(*w30.p95Ms == 200);   // 20th of 21 answered: 10…200 and 1000
    BOOST_REQUIRE(w30.failuresByCode.size() == 2u);
    BOOST_TEST(w30.failuresByCode[0].first == "insi.timeout");
    BOOST_TEST(w30.failuresByCode[0].second == 2);
    BOOST_TEST(!Dashboard::Window({}, "", 7).p50Ms);
}

BOOST_DATA_TEST_CASE(MeteredInsiRecordsOutcomesAndFailuresNeverANir, bdata::make(StoreBackends()), backend) {
    World w(backend);
    w.At("2026-11-22T10:00:00.000Z");
    test::FakeInsi fake;
    int calls = 0;
    fake.onVitale = [&](const ports::InsiVitaleQuery&) -> ports::InsiResult {
        if (++calls == 1) return test::FakeInsi::Found(test::EcetinsiTraits(), test::EcetinsiIns());
        ports::InsiFault fault{"Receiver", "siram_40", "desir_1020", "erreur", "m1", "Service indisponible",
                               "NIR 180026322012345 refusé"};
        throw ports::InsiError("insi.fault", "Service indisponible 180026322012345", true, fault);
    };
    fake.onTraits = [](const ports::InsiTraitsQuery&) -> ports::InsiResult {
        throw ports::InsiError("insi.timeout", "Délai dépassé", true);
    };
    MeteredInsiService metered(fake, *w.store, w.clock);
    ports::InsiVitaleQuery q;
    q.insuredNir = {"1800263220123", "45"};
    q.birthName = "ECETINSI";
    q.rawBirthDate = "20090714";
    BOOST_TEST(metered.SearchWithVitale(q, ports::InsiCallMode::Operator).code == "00");
    BOOST_CHECK_THROW(metered.SearchWithVitale(q, ports::InsiCallMode::Batch), ports::InsiError);
    BOOST_CHECK_EXCEPTION(metered.SearchByTraits({}, ports::InsiCallMode::Operator), ports::InsiError,
                          [](const ports::InsiError& e) { return e.Code() == "insi.timeout"; });
    BOOST_TEST(metered.DroppedRecords() == 0);

    const auto records = ports::RunInTransaction(*w.store, TransactionMode::Read,
                                                 [](IStoreTransaction& tx) { return tx.InsiCallsSince(""); });
    BOOST_REQUIRE(records.size() == 3u);
    BOOST_TEST(records[0].operation == "RECVITALE");
    BOOST_TEST(records[0].outcome == "00");
    BOOST_TEST(!records[0].failed);
    BOOST_TEST(records[1].mode == "batch");
    BOOST_TEST(records[1].outcome == "desir_1020");
    BOOST_TEST(records[1].failed);
    BOOST_TEST(records[2].operation == "RECSANSVITALE");
    BOOST_TEST(records[2].outcome == "insi.timeout");
    for (const auto& rec : records) {
        BOOST_TEST(rec.at == "2026-11-22T10:00:00.000Z");
        BOOST_TEST(rec.durationMs >= 0);
        for (const std::string& field : {rec.at, rec.operation, rec.mode, rec.outcome}) {
            BOOST_TEST(field.find("1800263220123") == std::string::npos);
            BOOST_TEST(field.find("ECETINSI") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
