// « Vérification du fichier patients » (Identitovigilance screen): the background job over the
// real SQLite store and a scripted INSi, its progress and its report in the official words,
// pause (the stop flag) then resume from a fresh presenter, as after a restart of the app.
#include <boost/test/unit_test.hpp>
#include <mutex>

#include "app/presenters/BulkVerificationPresenter.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"
#include "tests/support/FakeInsi.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;
using namespace vigie::usecases;

namespace {

struct BulkWorld {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    test::FixedClock clock;
    Operator titulaire, referent, counter;
    test::FakeInsi insi;
    std::mutex insiMutex;  // FakeInsi records calls: keep it single-threaded
    std::map<std::string, std::pair<StrictTraits, InsData>> known;  // what INSi answers, by birth name

    BulkWorld() {
        OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "claire", Role::Titulaire).op;
        referent = *ops.Add("claire", "ines", Role::Identitovigilance).op;
        counter = *ops.Add("claire", "paul", Role::Comptoir).op;
        insi.onTraits = [this](const ports::InsiTraitsQuery& q) {
            auto it = known.find(q.birthName);
            if (it == known.end()) return test::FakeInsi::NotFound();
            return test::FakeInsi::Found(it->second.first, it->second.second);
        };
    }
    // A qualified identity; `insiKnowsIt`: INSi still returns the same INS for its traits.
    IdentityId AddQualified(const std::string& name, int n, bool insiKnowsIt) {
        PatientService p(*store, clock);
        const StrictTraits t = test::Traits(name, "JEAN", {1950 + n, 1 + n % 12, 1 + n % 28});
        auto created = p.Create(counter, {t, "", "", true});
        BOOST_REQUIRE(created.Ok());
        InsData ins;
        char matricule[32];
        std::snprintf(matricule, sizeof matricule, "1%012d%02d", n, 11);
        ins.active = {matricule, "1.2.250.1.213.1.4.10", "", ""};
        BOOST_REQUIRE(p.AcceptIns(counter, created.identity->id, t, ins).Ok());
        BOOST_REQUIRE(p.CheckDocument(counter, created.identity->id, "passeport", std::nullopt).Ok());
        if (insiKnowsIt) known[name] = {t, ins};
        return created.identity->id;
    }
    BulkJobResult Job(bool resume, const std::atomic<bool>& stop, IBulkProgressSink* sink = nullptr) {
        BulkOptions o;
        o.concurrency = 1;  // FakeInsi is not thread-safe
        o.claimChunk = 1;   // a pause leaves the rest pending at once
        return RunBulkJob(*store, insi, clock, referent, resume, o, stop, sink);
    }
};

// Forwards progress to the presenter (the dialog does it through CallAfter) and pauses after
// `pauseAfter` items, as the « Pause » button sets the flag.
struct PausingSink final : IBulkProgressSink {
    BulkVerificationPresenter& presenter;
    std::atomic<bool>& stop;
    std::int64_t pauseAfter;
    int calls = 0;
    PausingSink(BulkVerificationPresenter& p, std::atomic<bool>& s, std::int64_t n) : presenter(p), stop(s), pauseAfter(n) {}
    void OnProgress(const BulkProgress& p) override {
        ++calls;
        presenter.OnProgress(p);
        if (p.finished >= pauseAfter && !stop) {
            stop = true;
            presenter.OnPauseRequested();
        }
    }
};

const BulkReportLine* Line(const BulkVerificationView& v, const std::string& prefix) {
    for (const auto& l : v.report)
        if (l.label.rfind(prefix, 0) == 0) return &l;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(BulkVerificationPresenterSuite)

BOOST_AUTO_TEST_CASE(OnlyTheReferentOpensTheScreen) {
    BOOST_TEST(IdentitovigilanceAccess(Operator{1, "ines", Role::Identitovigilance, true, ""}).enabled);
    const auto counter = IdentitovigilanceAccess(Operator{2, "paul", Role::Comptoir, true, ""});
    BOOST_TEST(!counter.enabled);
    BOOST_TEST(counter.reason.find("identitovigilance") != std::string::npos);
    BOOST_TEST(!IdentitovigilanceAccess(Operator{3, "claire", Role::Titulaire, true, ""}).enabled);
    BOOST_TEST(!IdentitovigilanceAccess(Operator{4, "ines", Role::Identitovigilance, false, ""}).enabled);
    BulkVerificationPresenter p(Operator{2, "paul", Role::Comptoir, true, ""});
    p.OnLoaded(std::nullopt);
    BOOST_TEST(!p.View().canStart);
    BOOST_TEST(!p.View().allowed);
}

BOOST_AUTO_TEST_CASE(FrenchFormats) {
    BOOST_TEST(BulkVerificationPresenter::FormatRate(3.25) == "3,2 identités/s");
    BOOST_TEST(BulkVerificationPresenter::FormatDuration(42) == "42 s");
    BOOST_TEST(BulkVerificationPresenter::FormatDuration(65) == "1 min 05 s");
    BOOST_TEST(BulkVerificationPresenter::FormatDuration(3725) == "1 h 02 min");
}

BOOST_AUTO_TEST_CASE(ARunToTheEndReportsEachOutcome) {
    BulkWorld w;
    const IdentityId kept = w.AddQualified("ALPHA", 1, true);
    w.AddQualified("BRAVO", 2, true);
    const IdentityId lost = w.AddQualified("CHARLIE", 3, false);  // INSi no longer finds it

    BulkVerificationPresenter p(w.referent);
    p.OnLoaded(FindUnfinishedRun(*w.store, w.insi, w.clock));
    BOOST_TEST((p.View().phase == BulkPhase::Idle));
    BOOST_TEST(p.View().canStart);
    BOOST_TEST(!p.View().canResume);

    p.OnStartRequested(false);
    BOOST_TEST(p.View().canPause);
    std::atomic<bool> stop{false};
    PausingSink sink(p, stop, 1000);  // never pauses
    const auto result = w.Job(false, stop, &sink);
    BOOST_TEST(result.error == "");
    BOOST_TEST(sink.calls >= 3);
    BOOST_TEST(p.View().progressText == "3 / 3 identités vérifiées");
    BOOST_TEST(p.View().percent == 100);
    BOOST_TEST(p.View().rateText.find("identités/s") != std::string::npos);
    p.OnFinished(result);

    const auto& v = p.View();
    BOOST_TEST((v.phase == BulkPhase::Done));
    BOOST_TEST(v.canStart);
    BOOST_TEST(!v.canPause);
    BOOST_TEST(!v.canResume);
    BOOST_TEST(v.reportTitle == "Bilan — 3 / 3 identités vérifiées");
    BOOST_REQUIRE(Line(v, "INS confirmés"));
    BOOST_TEST(Line(v, "INS confirmés")->count == 2);
    const auto* removed = Line(v, "INS retirés");
    BOOST_REQUIRE(removed);
    BOOST_TEST(removed->count == 1);
    BOOST_TEST(removed->label.find("Identité qualifiée → Identité validée") != std::string::npos);
    BOOST_TEST(removed->detail == "aucune identité trouvée par INSi : 1");
    BOOST_TEST(Line(v, "Échecs techniques")->count == 0);
    BOOST_TEST(Line(v, "Douteuses")->count == 0);

    // The state machine did the regression; the confirmed identity kept its status.
    PatientService patients(*w.store, w.clock);
    BOOST_TEST((patients.Get(lost).identity.status == IdentityStatus::Validee));
    BOOST_TEST(!patients.Get(lost).identity.ins.has_value());
    BOOST_TEST((patients.Get(kept).identity.status == IdentityStatus::Qualifiee));
}

BOOST_AUTO_TEST_CASE(TechnicalFailuresLeaveTheIdentityUnchanged) {
    BulkWorld w;
    const IdentityId id = w.AddQualified("DELTA", 4, true);
    w.insi.onTraits = [](const ports::InsiTraitsQuery&) -> ports::InsiResult {
        throw ports::InsiError("insi.unreachable", "Téléservice INSi injoignable.", true);
    };
    BulkVerificationPresenter p(w.referent);
    p.OnLoaded(std::nullopt);
    p.OnStartRequested(false);
    std::atomic<bool> stop{false};
    p.OnFinished(w.Job(false, stop));
    const auto* failures = Line(p.View(), "Échecs techniques");
    BOOST_REQUIRE(failures);
    BOOST_TEST(failures->count == 1);
    BOOST_TEST(failures->detail == "insi.unreachable : 1");
    BOOST_TEST(p.View().failuresText == "Échecs techniques : 1");
    BOOST_TEST((PatientService(*w.store, w.clock).Get(id).identity.status == IdentityStatus::Qualifiee));
}

BOOST_AUTO_TEST_CASE(PauseThenResumeAfterARestart) {
    BulkWorld w;
    for (int i = 0; i < 6; ++i) w.AddQualified("NOM" + std::string(1, static_cast<char>('A' + i)), 10 + i, true);

    BulkVerificationPresenter first(w.referent);
    first.OnLoaded(FindUnfinishedRun(*w.store, w.insi, w.clock));
    first.OnStartRequested(false);
    std::atomic<bool> stop{false};
    PausingSink sink(first, stop, 2);
    first.OnFinished(w.Job(false, stop, &sink));
    const auto& paused = first.View();
    BOOST_TEST((paused.phase == BulkPhase::Paused));
    BOOST_TEST(paused.canResume);
    BOOST_TEST(!paused.canStart);
    BOOST_TEST(paused.finished >= 2);
    BOOST_TEST(paused.finished < 6);
    BOOST_TEST(paused.reportTitle.rfind("Bilan partiel", 0) == 0);
    BOOST_TEST(Line(paused, "Restant à vérifier")->count == 6 - paused.finished);
    const std::size_t callsBefore = w.insi.traitsCalls.size();

    // A new presenter, as when the app is started again: it offers « Reprendre ».
    BulkVerificationPresenter second(w.referent);
    const auto unfinished = FindUnfinishedRun(*w.store, w.insi, w.clock);
    BOOST_REQUIRE(unfinished.has_value());
    second.OnLoaded(unfinished);
    BOOST_TEST((second.View().phase == BulkPhase::Paused));
    BOOST_TEST(second.View().canResume);
    BOOST_TEST(second.View().stateText.find("interrompue") != std::string::npos);
    // A new run is refused while one is unfinished.
    std::atomic<bool> go{false};
    const auto refused = w.Job(false, go);
    BOOST_TEST(!refused.report.has_value());
    BOOST_TEST(refused.error.find("pas terminée") != std::string::npos);

    second.OnStartRequested(true);
    second.OnFinished(w.Job(true, go));
    BOOST_TEST((second.View().phase == BulkPhase::Done));
    BOOST_TEST(Line(second.View(), "INS confirmés")->count == 6);
    // Every identity asked exactly once over both sessions.
    BOOST_TEST(w.insi.traitsCalls.size() == 6u);
    BOOST_TEST(callsBefore == static_cast<std::size_t>(paused.finished));
    BOOST_TEST(!FindUnfinishedRun(*w.store, w.insi, w.clock).has_value());
}

BOOST_AUTO_TEST_CASE(ResumeWithoutAnUnfinishedRunIsExplained) {
    BulkWorld w;
    BulkVerificationPresenter p(w.referent);
    p.OnStartRequested(true);
    std::atomic<bool> stop{false};
    p.OnFinished(w.Job(true, stop));
    BOOST_TEST((p.View().phase == BulkPhase::Failed));
    BOOST_TEST(p.View().message == "Aucune vérification interrompue à reprendre.");
    BOOST_TEST(p.View().canStart);
}

BOOST_AUTO_TEST_SUITE_END()
