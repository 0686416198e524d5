// Search as you type: typed text → store criteria → rows, against the real SQLite store.
#include <boost/test/unit_test.hpp>

#include "tests/presenters/PresenterWorld.h"
#include "app/presenters/PatientSearchPresenter.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;
using namespace vigie::usecases;

BOOST_AUTO_TEST_SUITE(PatientSearchPresenterSuite)

BOOST_AUTO_TEST_CASE(TypedTextBecomesCriteria) {
    BOOST_TEST(!PatientSearchPresenter::Parse("").has_value());
    BOOST_TEST(!PatientSearchPresenter::Parse("  d ").has_value());
    auto q = PatientSearchPresenter::Parse("dupont");
    BOOST_REQUIRE(q.has_value());
    BOOST_TEST(q->text == "dupont");
    BOOST_TEST(!q->birthDate.has_value());
    q = PatientSearchPresenter::Parse("12/03/1980");
    BOOST_REQUIRE(q.has_value());
    BOOST_TEST(q->birthDate->ToIso() == "1980-03-12");
    BOOST_TEST(q->text.empty());
    q = PatientSearchPresenter::Parse("1980-03-12 de la tour");
    BOOST_TEST(q->birthDate->ToIso() == "1980-03-12");
    BOOST_TEST(q->text == "de la tour");
    q = PatientSearchPresenter::Parse("42");
    BOOST_TEST(q->text == "42");
    q = PatientSearchPresenter::Parse("31/02/1980");  // not a date: searched as text
    BOOST_TEST(!q->birthDate.has_value());
    BOOST_TEST(q->text == "31/02/1980");
    BOOST_TEST(PatientSearchPresenter::Summary(0) == "Aucun patient trouvé");
    BOOST_TEST(PatientSearchPresenter::Summary(1) == "1 patient trouvé");
    BOOST_TEST(PatientSearchPresenter::Summary(3) == "3 patients trouvés");
}

BOOST_AUTO_TEST_CASE(SearchRowsFromTheStore) {
    test::PresenterWorld w;
    const Operator op = w.counter;
    PatientService patients = w.Patients();
    const auto a = patients.Create(op, CreateRequest{test::Traits("DUPONT", "JEAN", {1980, 3, 12}), "", "", true});
    patients.Create(op, CreateRequest{test::Traits("DURAND", "MARIE", {1975, 1, 2}, Sex::Female), "", "", true});
    BOOST_REQUIRE(a.Ok());

    auto rows = PatientSearchPresenter::Rows(patients.Search(*PatientSearchPresenter::Parse("du")));
    BOOST_TEST(rows.size() == 2u);
    rows = PatientSearchPresenter::Rows(patients.Search(*PatientSearchPresenter::Parse("12/03/1980")));
    BOOST_REQUIRE_EQUAL(rows.size(), 1u);
    BOOST_TEST(rows[0].birthName == "DUPONT");
    BOOST_TEST(rows[0].birthDate == "12/03/1980");
    BOOST_TEST(rows[0].badge.text == "Identité provisoire");
    rows = PatientSearchPresenter::Rows(patients.Search(*PatientSearchPresenter::Parse(std::to_string(a.identity->id))));
    BOOST_REQUIRE_EQUAL(rows.size(), 1u);
    BOOST_TEST(rows[0].ipp == std::to_string(a.identity->id));
}

BOOST_AUTO_TEST_SUITE_END()
