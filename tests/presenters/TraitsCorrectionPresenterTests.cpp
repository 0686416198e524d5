// « Correction des traits INS »: the regression explained before applying, applied through
// PatientService over the real SQLite store, refused to the counter, stale versions refused.
#include <boost/test/unit_test.hpp>

#include "app/presenters/TraitsCorrectionPresenter.h"
#include "core/usecases/OperatorService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;
using namespace vigie::usecases;

namespace {
struct CorrectionWorld {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    test::FixedClock clock;
    Operator titulaire, referent, counter;
    CorrectionWorld() {
        OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "claire", Role::Titulaire).op;
        referent = *ops.Add("claire", "ines", Role::Identitovigilance).op;
        counter = *ops.Add("claire", "paul", Role::Comptoir).op;
    }
    Identity Qualified() {
        PatientService p(*store, clock);
        auto created = p.Create(counter, {test::EcetinsiTraits(), "", "", true});
        BOOST_REQUIRE(created.Ok());
        BOOST_REQUIRE(p.AcceptIns(counter, created.identity->id, test::EcetinsiTraits(), test::EcetinsiIns()).Ok());
        auto checked = p.CheckDocument(counter, created.identity->id, "passeport", std::nullopt);
        BOOST_REQUIRE(checked.Ok());
        BOOST_REQUIRE((checked.identity->status == IdentityStatus::Qualifiee));
        return *checked.identity;
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(TraitsCorrectionPresenterSuite)

BOOST_AUTO_TEST_CASE(TheRegressionIsExplainedThenApplied) {
    CorrectionWorld w;
    const Identity before = w.Qualified();
    TraitsCorrectionPresenter p(w.referent, before);
    NewPatientForm form = TraitsCorrectionPresenter::FormOf(before);
    BOOST_TEST(form.birthName == "ECETINSI");
    BOOST_TEST(form.birthDate == "14/07/2009");
    form.birthPlace = "63113";
    const auto c = p.Prepare(form);
    BOOST_TEST(c.errors.empty());
    BOOST_TEST(!c.refusal.has_value());
    BOOST_REQUIRE(c.edit.has_value());
    BOOST_TEST(c.changesSomething);
    BOOST_TEST(c.confirmation.rfind("L'identité perdra son INS : Identité qualifiée → Identité validée.", 0) == 0);

    PatientService patients(*w.store, w.clock);
    p.OnResult(p.Apply(patients, *c.edit));
    BOOST_REQUIRE(p.View().identity.has_value());
    BOOST_TEST((p.View().messageTone == Tone::Info));
    const Identity after = patients.Get(before.id).identity;
    BOOST_TEST((after.status == IdentityStatus::Validee));
    BOOST_TEST(!after.ins.has_value());
    BOOST_TEST(after.traits.birthPlace == "63113");
}

BOOST_AUTO_TEST_CASE(TheCounterMayNotTouchInsTraits) {
    CorrectionWorld w;
    const Identity before = w.Qualified();
    TraitsCorrectionPresenter p(w.counter, before);
    NewPatientForm form = TraitsCorrectionPresenter::FormOf(before);
    form.birthPlace = "63113";
    const auto c = p.Prepare(form);
    BOOST_TEST(!c.edit.has_value());
    BOOST_REQUIRE(c.refusal.has_value());
}

BOOST_AUTO_TEST_CASE(InvalidFormsAndStaleVersionsAreRefused) {
    CorrectionWorld w;
    const Identity before = w.Qualified();
    TraitsCorrectionPresenter p(w.referent, before);
    NewPatientForm form = TraitsCorrectionPresenter::FormOf(before);
    form.birthDate = "31/02/2009";
    BOOST_TEST(!p.Prepare(form).errors.empty());

    form = TraitsCorrectionPresenter::FormOf(before);
    form.usedName = "MARTIN";
    const auto c = p.Prepare(form);
    BOOST_REQUIRE(c.edit.has_value());
    // Changed at a counter meanwhile: the correction prepared from the old version is refused.
    PatientService patients(*w.store, w.clock);
    BOOST_REQUIRE(patients.SetAttribute(w.referent, before.id, event::AttributeName::Homonyme, true).Ok());
    p.OnResult(p.Apply(patients, *c.edit));
    BOOST_TEST(!p.View().identity.has_value());
    BOOST_TEST((p.View().messageTone == Tone::Danger));
}

BOOST_AUTO_TEST_SUITE_END()
