// « Nouveau patient »: the form's checks, then duplicates shown before creating, then the
// explicit « Créer quand même », against the real store.
#include <boost/test/unit_test.hpp>

#include "tests/presenters/PresenterWorld.h"
#include "app/presenters/NewPatientPresenter.h"
#include "core/usecases/OperatorService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;
using namespace vigie::usecases;

BOOST_AUTO_TEST_SUITE(NewPatientPresenterSuite)

BOOST_AUTO_TEST_CASE(FormChecksInFrench) {
    auto b = NewPatientPresenter::Build({"dupont", "jean  marc", "12/03/1980", "m", "63220", "", ""});
    BOOST_REQUIRE(b.request.has_value());
    BOOST_TEST(b.request->traits.birthName == "DUPONT");
    BOOST_TEST(b.request->traits.birthFirstNames == "JEAN MARC");
    BOOST_TEST(b.request->traits.firstBirthFirstName == "JEAN");
    BOOST_TEST(b.request->traits.birthDate.ToIso() == "1980-03-12");
    BOOST_TEST(!b.request->force);

    b = NewPatientPresenter::Build({"DUP/ONT", "", "31/02/1980", "X", "6322", "", ""});
    BOOST_TEST(!b.request.has_value());
    BOOST_REQUIRE_EQUAL(b.errors.size(), 5u);
    BOOST_TEST(b.errors[0].rfind("Nom de naissance refusé : ", 0) == 0u);
    BOOST_TEST(b.errors[1] == "Prénom(s) de naissance : obligatoire.");
    NewPatientPresenter p;
    p.OnInvalid(b.errors);
    BOOST_TEST(p.View().message == "Corriger la saisie avant de créer.");
    BOOST_TEST(!p.View().canForce);
}

BOOST_AUTO_TEST_CASE(DuplicatesBeforeCreatingThenForce) {
    test::PresenterWorld w;
    const Operator op = w.counter;
    PatientService patients = w.Patients();

    NewPatientPresenter p;
    auto request = *NewPatientPresenter::Build({"DUPONT", "JEAN", "12/03/1980", "M", "", "", ""}).request;
    p.OnResult(patients.Create(op, request));
    BOOST_REQUIRE(p.View().created.has_value());
    BOOST_TEST(p.View().message == "Dossier n° " + std::to_string(*p.View().created) + " créé (identité provisoire).");

    NewPatientPresenter again;
    request = *NewPatientPresenter::Build({"DUPONT", "JEAN", "12/03/1980", "M", "", "", ""}).request;
    again.OnResult(patients.Create(op, request));
    NewPatientView v = again.View();
    BOOST_TEST(!v.created.has_value());
    BOOST_TEST(v.canForce);
    BOOST_REQUIRE_EQUAL(v.duplicates.size(), 1u);
    BOOST_TEST(v.duplicates[0].rfind("Dossier n° " + std::to_string(*p.View().created) + " — DUPONT JEAN — né(e) le 12/03/1980", 0) == 0u);
    BOOST_TEST(v.message.rfind("Refusé : 1 doublon(s) potentiel(s)", 0) == 0u);

    request.force = true;  // « Créer quand même »
    again.OnResult(patients.Create(op, request));
    v = again.View();
    BOOST_REQUIRE(v.created.has_value());
    BOOST_TEST(!v.canForce);
    BOOST_TEST(v.message.find("malgré 1 doublon(s)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
