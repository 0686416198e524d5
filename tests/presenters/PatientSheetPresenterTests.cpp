// The Patients screen's sheet over the real store: status, INS shown only when qualifiée, the
// billing identities apart, the journal timeline, « Récupérer l'INS » by traits then accept.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <ctime>

#include "app/presenters/PatientSheetPresenter.h"
#include "core/usecases/CounterFlow.h"
#include "core/usecases/InsiRetrieval.h"
#include "core/usecases/OperatorService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"
#include "tests/presenters/PresenterWorld.h"
#include "tests/support/FakeInsi.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::ports;
using namespace vigie::presenters;
using namespace vigie::usecases;

namespace {

struct Sheet : test::PresenterWorld {
    Sheet() {
        insi.onTraits = [](const InsiTraitsQuery&) { return test::FakeInsi::Found(test::EcetinsiTraits(), test::EcetinsiIns()); };
        insi.onVitale = [](const InsiVitaleQuery&) { return test::FakeInsi::NotFound(); };
    }
    void Load(PatientSheetPresenter& p, IdentityId id) { p.OnLoaded(Patients().Get(id), Patients().History(id)); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(PatientSheetPresenterSuite)

BOOST_AUTO_TEST_CASE(TimelineInLocalTime) {
    const char* before = std::getenv("TZ");
    const std::string saved = before ? before : "";
    setenv("TZ", "Europe/Paris", 1);
    tzset();
    BOOST_TEST(PatientSheetPresenter::Timestamp("2026-11-22T10:00:00.000Z") == "22/11/2026 11:00");
    BOOST_TEST(PatientSheetPresenter::Timestamp("2026-07-01T22:30:00.000Z") == "02/07/2026 00:30");
    BOOST_TEST(PatientSheetPresenter::Timestamp("n/a") == "n/a");
    if (before) setenv("TZ", saved.c_str(), 1);
    else unsetenv("TZ");
    tzset();
}

BOOST_AUTO_TEST_CASE(RetrieveByTraitsAcceptThenQualify) {
    Sheet s;
    // Typed at the counter without the card (INS traits, slightly different first names).
    const auto created = s.Patients().Create(
        s.counter, CreateRequest{test::Traits("ECETINSI", "PIERRE-ALAIN", {2009, 7, 14}, Sex::Male, "63220"), "", "", true});
    BOOST_REQUIRE(created.Ok());
    const IdentityId id = created.identity->id;
    PatientSheetPresenter p(s.counter);
    s.Load(p, id);
    SheetView v = p.View();
    BOOST_TEST(v.shown);
    BOOST_TEST(v.title == "ECETINSI PIERRE-ALAIN — né(e) le 14/07/2009");
    BOOST_TEST(v.badge.text == "Identité provisoire");
    BOOST_TEST(v.ins == "Aucun INS récupéré");
    BOOST_TEST(v.canRetrieve);
    BOOST_TEST(!v.canAccept);
    BOOST_REQUIRE(!v.timeline.empty());
    BOOST_TEST(v.timeline.front() == PatientSheetPresenter::Timestamp(s.clock.now) + " — paul — Identité créée");
    BOOST_TEST(v.traits.front().label == "Nom de naissance");
    BOOST_TEST(v.traits.front().value == "ECETINSI");

    InsiRetrieval retrieval(*s.store, s.insi, s.clock);
    p.OnBusy();
    BOOST_TEST(!p.View().canRetrieve);
    p.OnRetrieved(retrieval.Retrieve(s.counter, id));
    v = p.View();
    BOOST_TEST(v.retrievalOutcome == "Identité INS trouvée : vérifier avec le patient avant d'accepter");
    BOOST_TEST(v.canAccept);
    BOOST_REQUIRE_GE(v.retrievalRows.size(), 2u);
    BOOST_TEST(v.retrievalRows[1].local == "PIERRE-ALAIN");
    BOOST_TEST(v.retrievalRows[1].ins == "PIERRE-ALAIN MURIEL FLORIANT");

    p.OnAccepted(retrieval.Accept(s.counter, *p.Proposal()));
    s.Load(p, id);
    v = p.View();
    BOOST_TEST(v.badge.text == "Identité récupérée");
    BOOST_TEST(!v.canAccept);
    BOOST_TEST(v.message.rfind("INS accepté", 0) == 0u);
    BOOST_TEST(v.ins.find("109076322083489") == std::string::npos);  // not qualifiée: no matricule
    BOOST_TEST(v.insHistory.size() == 1u);
    BOOST_TEST(v.insHistory[0] == "2 INS antérieur(s) au téléservice");

    BOOST_REQUIRE(s.Patients().CheckDocument(s.counter, id, "passeport", std::nullopt).Ok());
    s.Load(p, id);
    v = p.View();
    BOOST_TEST(v.badge.text == "Identité qualifiée");
    BOOST_TEST(v.ins == "INS : 109076322083489 (NIR)");
    BOOST_TEST(v.insHistory.size() == 2u);
    BOOST_TEST(v.documentCheck == "Vérifiée sur pièce : Passeport");
    BOOST_TEST(v.timeline.front() == PatientSheetPresenter::Timestamp(s.clock.now) + " — paul — Identité vérifiée sur pièce");
}

BOOST_AUTO_TEST_CASE(BillingIdentitiesApartAndDouteuseBlocksRetrieval) {
    Sheet s;
    s.insi.onVitale = [](const InsiVitaleQuery&) { return test::FakeInsi::Found(test::EcetinsiTraits(), test::EcetinsiIns()); };
    CarteVitale card;
    card.insuredNir = "1090763220834";
    card.insuredNirKey = "89";
    card.beneficiaries = {{"ECETINSI", "PIERRE-ALAIN", "20090714", "109076322083489", 1, ""}};
    CounterFlow flow(*s.store, s.insi, s.clock);
    const auto created = flow.CreateFromIns(s.counter, flow.Prepare(s.counter, card, 0));
    BOOST_REQUIRE(created.Ok());
    const IdentityId id = created.identity->id;
    PatientSheetPresenter p(s.counter);
    s.Load(p, id);
    SheetView v = p.View();
    BOOST_REQUIRE_EQUAL(v.billing.size(), 1u);
    BOOST_TEST(v.billing[0] == "ECETINSI PIERRE-ALAIN — né(e) le 14/07/2009 — rang 1 — assuré 1090763220834 89 — lue le 22/11/2026");
    bool linked = false;
    for (const auto& t : v.timeline) linked |= t.find("Identité de facturation rattachée") != std::string::npos;
    BOOST_TEST(linked);

    BOOST_REQUIRE(s.Patients().SetAttribute(s.titulaire, id, event::AttributeName::Douteuse, true).Ok());
    s.Load(p, id);
    v = p.View();
    BOOST_TEST(!v.canRetrieve);
    BOOST_TEST(v.retrieveBlocked == "Appel INSi impossible : identité douteuse.");
    BOOST_TEST(v.attributes.size() == 1u);
    BOOST_TEST(PatientSheetPresenter::ActionLabel("unknown.action") == "unknown.action");
}

BOOST_AUTO_TEST_SUITE_END()
