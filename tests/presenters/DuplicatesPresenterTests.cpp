// « Doublons potentiels »: rows and the side-by-side view of the chosen pair.
#include <boost/test/unit_test.hpp>

#include "app/presenters/DuplicatesPresenter.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;

BOOST_AUTO_TEST_SUITE(DuplicatesPresenterSuite)

BOOST_AUTO_TEST_CASE(RowsAndSideBySide) {
    usecases::DuplicateReviewResult r;
    r.identitiesScanned = 12;
    Identity a = test::IdentityWith(IdentityStatus::Qualifiee, test::Traits("DUPONT", "JEAN"));
    a.id = 3;
    Identity b = test::IdentityWith(IdentityStatus::Provisoire, test::Traits("DUPOND", "JEAN"));
    b.id = 7;
    r.pairs.push_back({a, b, 90, {"même date de naissance", "noms proches"}});
    DuplicatesPresenter p;
    p.OnLoading();
    BOOST_TEST(p.View().loading);
    p.OnLoaded(r);
    const auto& v = p.View();
    BOOST_TEST(!v.loading);
    BOOST_TEST(v.summary == "1 paire(s) à examiner (12 identités parcourues)");
    BOOST_REQUIRE_EQUAL(v.rows.size(), 1u);
    BOOST_TEST(v.rows[0].first == "n° 3 — DUPONT JEAN — 01/02/1980");
    BOOST_TEST(v.rows[0].reasons == "même date de naissance, noms proches");
    BOOST_TEST(v.selection == 0);
    BOOST_TEST(v.left[0] == "Dossier n° 3");
    BOOST_TEST(v.left[1] == "Identité qualifiée");
    BOOST_TEST(v.right[1] == "Identité provisoire");
    BOOST_TEST(v.right[2] == "Nom de naissance : DUPOND");
}

BOOST_AUTO_TEST_SUITE_END()
