// The Comptoir screen logic over real proposals: the SQLite store, the counter flow and a
// scripted INSi (no wx, no thread).
#include <boost/test/unit_test.hpp>

#include "app/presenters/CounterPresenter.h"
#include "core/domain/Nir.h"
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

CarteVitale OneCard() {
    CarteVitale c;
    c.atr = "3B 75 13 00 00 44 09 EA 90 00";
    c.insuredNir = "1090763220834";
    c.insuredNirKey = "89";
    c.beneficiaries = {{"ECETINSI", "PIERRE-ALAIN", "20090714", "109076322083489", 1, ""}};
    return c;
}

CarteVitale FamilyCard() {
    CarteVitale c = OneCard();
    c.beneficiaries.push_back({"ECETINSI", "MARIE", "20120301", "", 1, ""});
    return c;
}

struct World : test::PresenterWorld {
    World() {
        insi.onVitale = [](const InsiVitaleQuery&) { return test::FakeInsi::Found(test::EcetinsiTraits(), test::EcetinsiIns()); };
        insi.onTraits = [](const InsiTraitsQuery&) { return test::FakeInsi::NotFound(); };
    }
    CounterFlow Flow() { return CounterFlow(*store, insi, clock); }
    // Inserts the card into the presenter and prepares the beneficiary as the frame would.
    void Insert(CounterPresenter& p, const CarteVitale& card) {
        p.OnReaderEvent({ReaderEvent::Type::ReaderAdded, "Lecteur simulé", "", CardKind::Unknown});
        p.OnReaderEvent({ReaderEvent::Type::CardInserted, "Lecteur simulé", card.atr, CardKind::Vitale2});
        p.OnCardRead(card);
    }
    void Prepare(CounterPresenter& p) {
        p.OnPreparing();
        p.OnProposal(Flow().Prepare(counter, *p.Card(), *p.Beneficiary()), "10:42:03");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(CounterPresenterSuite)

BOOST_AUTO_TEST_CASE(OneBeneficiaryGoesStraightToTheProposalThenCreateAndQualify) {
    World w;
    CounterPresenter p(w.counter);
    w.Insert(p, OneCard());
    BOOST_TEST(p.View().cardText == "Carte Vitale lue (1 bénéficiaire(s))");
    BOOST_TEST(!p.View().pickerNeeded);
    BOOST_REQUIRE(p.Beneficiary().has_value());
    w.Prepare(p);
    CounterView v = p.View();
    BOOST_TEST(v.proposalVisible);
    BOOST_TEST(v.insiOutcome == "Identité INS trouvée");
    BOOST_TEST(v.insiText == "INSi : joignable (dernière réponse 10:42:03)");
    BOOST_TEST(v.localText == "Aucun dossier local");
    BOOST_TEST(!v.badge.has_value());
    BOOST_TEST(v.canCreateFromIns);
    BOOST_TEST(!v.canTakeInsTraits);
    BOOST_TEST(!v.canValidate);
    BOOST_TEST(!v.canPrint);
    BOOST_TEST(!v.banner.has_value());
    BOOST_REQUIRE_EQUAL(v.rows.size(), 6u);
    BOOST_TEST(v.rows[0].label == "Nom de naissance");
    BOOST_TEST(v.rows[0].ins == "ECETINSI");
    BOOST_TEST(v.rows[0].local.empty());
    BOOST_TEST(!v.rows[0].differs);

    p.OnActionResult(CounterAction::CreateFromIns, w.Flow().CreateFromIns(w.counter, *p.Proposal()));
    v = p.View();
    BOOST_REQUIRE(v.badge.has_value());
    BOOST_TEST(v.badge->text == "Identité récupérée");
    BOOST_TEST(ToneCode(v.badge->tone) == "recuperee");
    BOOST_TEST(!v.canCreateFromIns);
    BOOST_TEST(v.canValidate);
    BOOST_TEST(v.rows[0].local == "ECETINSI");
    BOOST_TEST(v.message.find("créé avec les traits INS") != std::string::npos);

    const IdentityId id = *p.CurrentIdentityId();
    p.OnDocumentChecked("passeport", PatientService(*w.store, w.clock).CheckDocument(w.counter, id, "passeport", std::nullopt));
    v = p.View();
    BOOST_TEST(v.badge->text == "Identité qualifiée");
    BOOST_TEST(ToneCode(v.badge->tone) == "qualifiee");
    BOOST_TEST(!v.canValidate);
    BOOST_TEST(v.message == "Identité vérifiée sur pièce : Passeport.");
}

BOOST_AUTO_TEST_CASE(SeveralBeneficiariesAskForAChoice) {
    World w;
    CounterPresenter p(w.counter);
    w.Insert(p, FamilyCard());
    CounterView v = p.View();
    BOOST_TEST(v.pickerNeeded);
    BOOST_REQUIRE_EQUAL(v.beneficiaries.size(), 2u);
    BOOST_TEST(v.beneficiaries[1] == "ECETINSI MARIE — né(e) le 01/03/2012");
    BOOST_TEST(!p.Beneficiary().has_value());
    p.OnBeneficiaryChosen(5);  // out of range: ignored
    BOOST_TEST(!p.Beneficiary().has_value());
    p.OnBeneficiaryChosen(1);
    BOOST_TEST(!p.View().pickerNeeded);
    BOOST_TEST(*p.Beneficiary() == 1u);
}

BOOST_AUTO_TEST_CASE(InsiDownShowsABannerAndKeepsTheLocalIdentity) {
    World w;
    CounterPresenter p(w.counter);
    w.Insert(p, OneCard());
    w.Prepare(p);  // INSi answers: the card's holder gets a local identity
    p.OnActionResult(CounterAction::CreateFromIns, w.Flow().CreateFromIns(w.counter, *p.Proposal()));
    w.insi.onVitale = [](const InsiVitaleQuery&) -> InsiResult {
        throw InsiError("insi.transport", "connexion refusée", true);
    };
    w.Insert(p, OneCard());
    w.Prepare(p);
    const CounterView v = p.View();
    BOOST_REQUIRE(v.banner.has_value());
    BOOST_TEST(v.banner->find("Service INSi indisponible") == 0u);
    BOOST_TEST(v.banner->find("nouvelle tentative") != std::string::npos);
    BOOST_TEST(ToneCode(v.bannerTone) == "warning");
    BOOST_TEST(v.insiText == "INSi : indisponible");
    BOOST_TEST(v.localText.find("retrouvé par la carte") != std::string::npos);
    BOOST_TEST(v.badge->text == "Identité récupérée");  // the counter goes on with the local identity
    BOOST_TEST(v.canValidate);
    BOOST_TEST(p.InsiRetryWanted());
    p.OnReaderEvent({ReaderEvent::Type::CardRemoved, "Lecteur simulé", "", CardKind::Unknown});
    BOOST_TEST(!p.InsiRetryWanted());
    BOOST_TEST(!p.View().proposalVisible);
    BOOST_TEST(p.View().cardText == "Aucune carte");
}

BOOST_AUTO_TEST_CASE(ACoherentLocalRecordMayTakeTheInsTraits) {
    World w;
    // A local record whose first name is the start of the INS list: matched by the traits.
    auto local = test::EcetinsiTraits();
    local.birthFirstNames = "PIERRE-ALAIN";
    local.firstBirthFirstName = "PIERRE-ALAIN";
    BOOST_REQUIRE(PatientService(*w.store, w.clock).Create(w.counter, CreateRequest{local, "", "", true}).Ok());
    CounterPresenter p(w.counter);
    w.Insert(p, OneCard());
    w.Prepare(p);
    const CounterView v = p.View();
    BOOST_TEST(v.localText.find("Dossier local n° ") == 0u);
    BOOST_TEST(v.localText.find("retrouvé par les traits") != std::string::npos);
    BOOST_REQUIRE(v.badge.has_value());
    BOOST_TEST(v.badge->text == "Identité provisoire");
    BOOST_TEST(ToneCode(v.badge->tone) == "provisoire");
    BOOST_TEST(v.canTakeInsTraits);
    BOOST_TEST(!v.canCreateFromIns);
    BOOST_TEST(v.canValidate);
    for (const auto& r : v.rows) BOOST_TEST(!r.differs);  // coherent is not a difference
}

BOOST_AUTO_TEST_CASE(DifferencesAreFlagged) {
    World w;
    CounterPresenter first(w.counter);
    w.Insert(first, OneCard());
    w.Prepare(first);
    first.OnActionResult(CounterAction::CreateFromIns, w.Flow().CreateFromIns(w.counter, *first.Proposal()));
    // The service now answers another birth place for the same person.
    w.insi.onVitale = [](const InsiVitaleQuery&) {
        auto t = test::EcetinsiTraits();
        t.birthPlace = "75056";
        return test::FakeInsi::Found(t, test::EcetinsiIns());
    };
    CounterPresenter p(w.counter);
    w.Insert(p, OneCard());
    w.Prepare(p);
    const CounterView v = p.View();
    BOOST_TEST(v.localText.find("retrouvé par la carte") != std::string::npos);
    bool placeDiffers = false, nameDiffers = true;
    for (const auto& r : v.rows) {
        if (r.label == "Lieu de naissance (code INSEE)") placeDiffers = r.differs;
        if (r.label == "Nom de naissance") nameDiffers = r.differs;
    }
    BOOST_TEST(placeDiffers);
    BOOST_TEST(!nameDiffers);
}

BOOST_AUTO_TEST_CASE(ADoubtfulIdentityShowsTheInsiRefusal) {
    World w;
    CounterPresenter first(w.counter);
    w.Insert(first, OneCard());
    w.Prepare(first);
    first.OnActionResult(CounterAction::CreateFromIns, w.Flow().CreateFromIns(w.counter, *first.Proposal()));
    const IdentityId id = *first.CurrentIdentityId();
    BOOST_REQUIRE(PatientService(*w.store, w.clock).SetAttribute(w.titulaire, id, event::AttributeName::Douteuse, true).Ok());

    const auto callsBefore = w.insi.vitaleCalls.size();
    CounterPresenter p(w.counter);
    w.Insert(p, OneCard());
    w.Prepare(p);
    BOOST_TEST(w.insi.vitaleCalls.size() == callsBefore);  // never called for a douteuse identity
    const CounterView v = p.View();
    BOOST_REQUIRE(v.banner.has_value());
    BOOST_TEST(*v.banner == "Appel INSi impossible : identité douteuse.");
    BOOST_TEST(ToneCode(v.bannerTone) == "danger");
    BOOST_TEST(v.badge->text == "Identité provisoire");
    BOOST_REQUIRE_EQUAL(v.attributes.size(), 1u);
    BOOST_TEST(v.attributes[0] == "Identité douteuse");
    BOOST_TEST(!v.canValidate);
    BOOST_TEST(!v.canTakeInsTraits);
}

BOOST_AUTO_TEST_CASE(CardErrorsAndReaderStatesAreWorded) {
    World w;
    CounterPresenter p(w.counter);
    BOOST_TEST(p.View().readerText == "Aucun lecteur de cartes");
    BOOST_TEST(p.View().insiText == "INSi : pas encore interrogé");
    p.OnReaderEvent({ReaderEvent::Type::ReaderAdded, "Lecteur simulé", "", CardKind::Unknown});
    BOOST_TEST(p.View().readerText == "Lecteur simulé : prêt");
    p.OnReaderEvent({ReaderEvent::Type::CardInserted, "Lecteur simulé", "3B", CardKind::Cps});
    BOOST_TEST(p.View().busy);
    p.OnCardError("Carte CPS : ce n'est pas une carte Vitale.");
    const CounterView v = p.View();
    BOOST_TEST(!v.busy);
    BOOST_TEST(v.cardText == "Carte : Carte CPS : ce n'est pas une carte Vitale.");
    BOOST_TEST(ToneCode(v.bannerTone) == "danger");
    BOOST_TEST(!v.proposalVisible);
}

BOOST_AUTO_TEST_SUITE_END()
