// The bulk verification engine over the real SQLite store and a scripted INSi: outcomes go
// through the state machine, each item is applied exactly once across pause/resume, failures
// leave identities unchanged.
#include <boost/test/unit_test.hpp>
#include <map>
#include <optional>
#include <mutex>
#include <thread>

#include "core/domain/Status.h"
#include "core/usecases/BulkVerification.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::ports;
using namespace vigie::usecases;

namespace bulk {

// Thread-safe scripted INSi: answers by birth name; counts calls per birth name.
class ScriptedInsi final : public IInsiService {
public:
    std::map<std::string, std::function<InsiResult(const InsiTraitsQuery&)>> byName;
    std::map<std::string, int> calls;
    std::mutex mutex;
    std::chrono::milliseconds latency{0};
    std::optional<std::chrono::steady_clock::time_point> firstCall;

    InsiResult SearchByTraits(const InsiTraitsQuery& q, InsiCallMode mode) override {
        BOOST_TEST_REQUIRE((mode == InsiCallMode::Batch));  // bulk work uses the INSI-AUTO certificate
        std::function<InsiResult(const InsiTraitsQuery&)> answer;
        {
            std::lock_guard lock(mutex);
            if (!firstCall) firstCall = std::chrono::steady_clock::now();
            ++calls[q.birthName];
            answer = byName.at(q.birthName);
        }
        std::this_thread::sleep_for(latency);
        return answer(q);
    }
    InsiResult SearchWithVitale(const InsiVitaleQuery&, InsiCallMode) override { throw std::logic_error("unused"); }
};

struct World {
    test::TempDir dir;
    std::unique_ptr<IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    test::FixedClock clock;
    Operator titulaire, vigilance, counter;
    ScriptedInsi insi;
    std::map<std::string, IdentityId> ids;

    World() {
        OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "t", Role::Titulaire).op;
        vigilance = *ops.Add("t", "v", Role::Identitovigilance).op;
        counter = *ops.Add("t", "c", Role::Comptoir).op;
    }
    // A QUAL identity whose INS INSi returns for its traits.
    void AddQualified(const std::string& name, int n, std::function<InsiResult(const InsiTraitsQuery&)> answer = {}) {
        PatientService p(*store, clock);
        StrictTraits t = test::Traits(name, "JEAN", {1950 + n % 50, 1 + n % 12, 1 + n % 28});
        auto created = p.Create(counter, {t, "", "", true});
        BOOST_REQUIRE(created.Ok());
        InsData ins;
        char matricule[32];
        std::snprintf(matricule, sizeof matricule, "1%012d%02d", n, 11);
        ins.active = {matricule, "1.2.250.1.213.1.4.10", "", ""};
        BOOST_REQUIRE(p.AcceptIns(counter, created.identity->id, t, ins).Ok());
        BOOST_REQUIRE(p.CheckDocument(counter, created.identity->id, "passeport", std::nullopt).Ok());
        ids[name] = created.identity->id;
        if (!answer) answer = [t, ins](const InsiTraitsQuery&) {
            return InsiResult{InsiOutcome::Found, "00", "OK", InsiIdentity{t, ins}};
        };
        insi.byName[name] = std::move(answer);
    }
    Identity Get(const std::string& name) { return PatientService(*store, clock).Get(ids.at(name)).identity; }
    int JournalCount(const std::string& action, IdentityId id) {
        int n = 0;
        for (const auto& e : PatientService(*store, clock).History(id)) n += e.action == action;
        return n;
    }
};

std::string Name(int i) { return "BULK" + std::string(1, static_cast<char>('A' + i / 26)) + std::string(1, static_cast<char>('A' + i % 26)); }

}  // namespace bulk

BOOST_AUTO_TEST_SUITE(BulkVerificationSuite)

BOOST_AUTO_TEST_CASE(OutcomesGoThroughTheStateMachine) {
    bulk::World w;
    w.AddQualified("CONFIRME", 1);
    w.AddQualified("DISPARU", 2, [](const InsiTraitsQuery&) { return InsiResult{InsiOutcome::NotFound, "01", "", {}}; });
    w.AddQualified("PANNE", 3, [](const InsiTraitsQuery&) -> InsiResult {
        throw InsiError("insi.technical", "Erreur technique (insi_102).", false);
    });
    w.AddQualified("CHANGE", 4, [](const InsiTraitsQuery& q) {
        StrictTraits t = test::Traits(q.birthName, "JEAN", q.birthDate);
        t.birthPlace = "75056";
        return InsiResult{InsiOutcome::Found, "00", "OK", InsiIdentity{t, InsData{{"100000000000411", "1.2.250.1.213.1.4.10", "", ""}, {}, ""}}};
    });
    BulkVerification engine(*w.store, w.insi, w.clock);
    BOOST_TEST(BulkVerification::CheckAllowed(w.counter).has_value());  // comptoir may not
    BOOST_CHECK_THROW(engine.CreateRun(w.counter), BusinessError);
    const auto runId = engine.CreateRun(w.vigilance);
    std::atomic<bool> stop{false};
    const BulkReport r = engine.Run(w.vigilance, runId, {2, 4}, stop);
    BOOST_TEST(!r.quietPeriod);  // nothing called before: no silence to keep
    BOOST_TEST(!r.paused);
    BOOST_TEST(r.run.state == "done");
    BOOST_TEST(r.counts.done == 3);
    BOOST_TEST(r.counts.failed == 1);
    BOOST_TEST(StatusCode(w.Get("CONFIRME").status) == "QUAL");
    BOOST_TEST(w.JournalCount("identity.ins_verified", w.ids["CONFIRME"]) == 1);
    BOOST_TEST(StatusCode(w.Get("DISPARU").status) == "VALI");  // INS removed, document check kept
    BOOST_TEST(!w.Get("DISPARU").HasIns());
    BOOST_TEST(w.JournalCount("identity.ins_invalidated", w.ids["DISPARU"]) == 1);
    BOOST_TEST(StatusCode(w.Get("CHANGE").status) == "VALI");
    BOOST_TEST(StatusCode(w.Get("PANNE").status) == "QUAL");  // technical failure: unchanged
    BOOST_TEST(w.JournalCount("identity.ins_invalidated", w.ids["PANNE"]) == 0);
    // A second run cannot start while… nothing is unfinished: it can, and covers the 2 still holding an INS.
    const auto second = engine.CreateRun(w.vigilance);
    const BulkReport r2 = engine.Run(w.vigilance, second, {1, 4}, stop);
    BOOST_TEST(r2.run.total == 2);
}

BOOST_AUTO_TEST_CASE(PauseAndResumeApplyEveryItemExactlyOnce) {
    bulk::World w;
    const int n = 60;
    for (int i = 0; i < n; ++i) w.AddQualified(bulk::Name(i), i);
    w.insi.latency = std::chrono::milliseconds(5);
    BulkVerification engine(*w.store, w.insi, w.clock);
    const auto runId = engine.CreateRun(w.vigilance);
    BOOST_CHECK_THROW(engine.CreateRun(w.vigilance), BusinessError);  // one unfinished run at a time

    struct StopAfter final : IBulkProgressSink {
        std::atomic<bool>& stop;
        std::int64_t last = 0;
        explicit StopAfter(std::atomic<bool>& s) : stop(s) {}
        void OnProgress(const BulkProgress& p) override {
            BOOST_TEST(p.finished >= last);  // monotonic
            last = p.finished;
            if (p.finished >= 20) stop = true;
        }
    };
    std::atomic<bool> stop{false};
    StopAfter sink(stop);
    const BulkReport first = engine.Run(w.vigilance, runId, {3, 8}, stop, &sink);
    BOOST_TEST(first.paused);
    BOOST_TEST(!first.quietPeriod);
    BOOST_TEST(first.run.state == "paused");
    BOOST_TEST(first.counts.claimed == 0);  // nothing left claimed by a clean pause
    BOOST_TEST(first.counts.done >= 20);
    BOOST_TEST(first.counts.done < n);
    BOOST_TEST(engine.UnfinishedRun().has_value());

    std::atomic<bool> go{false};
    const BulkReport second = engine.Run(w.vigilance, runId, {3, 8}, go);
    BOOST_TEST(!second.paused);
    BOOST_TEST(second.quietPeriod);  // resumed after calls: one rate window of silence first
    BOOST_TEST(second.counts.done == n);
    BOOST_TEST(second.run.inDoubt == 0);
    for (int i = 0; i < n; ++i) {
        BOOST_TEST(w.insi.calls[bulk::Name(i)] == 1, bulk::Name(i));  // called once…
        BOOST_TEST(w.JournalCount("identity.ins_verified", w.ids[bulk::Name(i)]) == 1);  // …applied once
    }
    BOOST_TEST(!engine.UnfinishedRun().has_value());
}

BOOST_AUTO_TEST_CASE(ClaimedItemsOfAnAbruptStopAreVerifiedAgainAndCounted) {
    bulk::World w;
    for (int i = 0; i < 10; ++i) w.AddQualified(bulk::Name(i), i);
    BulkVerification engine(*w.store, w.insi, w.clock);
    const auto runId = engine.CreateRun(w.vigilance);
    // Simulate a crash: 4 items claimed, never finished.
    RunInTransaction(*w.store, TransactionMode::Write, [&](IStoreTransaction& tx) { tx.ClaimVerificationItems(runId, 4); });
    std::atomic<bool> go{false};
    const auto started = std::chrono::steady_clock::now();
    const BulkReport r = engine.Run(w.vigilance, runId, {2, 3}, go);
    // The crashed process may have called an instant ago: the first call of the resumed run
    // comes one full rate window later (a lower bound: a slow machine only makes it later).
    BOOST_TEST(r.quietPeriod);
    BOOST_REQUIRE(w.insi.firstCall.has_value());
    BOOST_TEST((*w.insi.firstCall - started >= kResumeQuietPeriod));
    BOOST_TEST(r.run.inDoubt == 4);
    BOOST_TEST(r.counts.done == 10);
}

BOOST_AUTO_TEST_CASE(AnIdentityChangedDuringTheCallIsNotOverwritten) {
    bulk::World w;
    // INSi answers "not found", but while it answers, a counter changes the used name.
    w.AddQualified("MOUVANT", 5, [&w](const InsiTraitsQuery&) {
        PatientService p(*w.store, w.clock);
        const Identity current = p.Get(w.ids.at("MOUVANT")).identity;
        p.EditTraits(w.counter, current.id, event::EditTraits{current.traits, "NOUVEAU", ""});
        return InsiResult{InsiOutcome::NotFound, "01", "", {}};
    });
    BulkVerification engine(*w.store, w.insi, w.clock);
    std::atomic<bool> go{false};
    const BulkReport r = engine.Run(w.vigilance, engine.CreateRun(w.vigilance), {1, 1}, go);
    BOOST_TEST(r.counts.failed == 1);
    BOOST_TEST(StatusCode(w.Get("MOUVANT").status) == "QUAL");  // the stale verdict was not applied
    BOOST_TEST(w.Get("MOUVANT").usedName == "NOUVEAU");
}

BOOST_AUTO_TEST_SUITE_END()
