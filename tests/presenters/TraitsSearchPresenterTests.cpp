// « Correction des traits INS »: search as you type (name, birth date, IPP), stale answers
// dropped, a picked row opens that identity.
#include <boost/test/unit_test.hpp>

#include "app/presenters/TraitsSearchPresenter.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;

namespace {
Identity Found(IdentityId id, const std::string& name, const std::string& first, IdentityStatus status) {
    Identity i = test::IdentityWith(status, test::Traits(name, first, {1980, 2, 1}));
    i.id = id;
    return i;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(TraitsSearchPresenterSuite)

BOOST_AUTO_TEST_CASE(TypedTextBecomesStoreCriteria) {
    TraitsSearchPresenter p;
    BOOST_TEST(!p.OnTyped("D"));  // one letter: nothing yet
    BOOST_TEST(!p.View().searching);
    auto byName = p.OnTyped("dup jean");
    BOOST_REQUIRE(byName);
    BOOST_TEST(byName->query.text == "dup jean");
    BOOST_TEST(byName->query.limit == TraitsSearchPresenter::kLimit);
    BOOST_TEST(p.View().searching);
    auto byDate = p.OnTyped("01/02/1980");
    BOOST_REQUIRE(byDate);
    BOOST_TEST(byDate->query.text.empty());
    BOOST_TEST((byDate->query.birthDate == Date{1980, 2, 1}));
    auto byIpp = p.OnTyped("12");
    BOOST_REQUIRE(byIpp);
    BOOST_TEST(byIpp->query.text == "12");
    BOOST_TEST(byIpp->generation > byDate->generation);
}

BOOST_AUTO_TEST_CASE(RowsAndPickOpenTheIdentity) {
    TraitsSearchPresenter p;
    const auto r = p.OnTyped("dupont");
    BOOST_REQUIRE(r);
    BOOST_TEST(p.OnResults(r->generation, {Found(7, "DUPONT", "JEAN", IdentityStatus::Qualifiee),
                                           Found(9, "DUPONTEL", "ANNE", IdentityStatus::Provisoire)}));
    const auto& v = p.View();
    BOOST_TEST(!v.searching);
    BOOST_TEST(v.summary == "2 patients trouvés");
    BOOST_REQUIRE_EQUAL(v.lines.size(), 2u);
    BOOST_TEST(v.lines[0] == "n° 7 — DUPONT JEAN — 01/02/1980 — Identité qualifiée");
    BOOST_TEST(v.lines[0].find("180026322012345") == std::string::npos);  // never the INS in a list
    BOOST_TEST(p.Pick(1).value_or(0) == 9);
    BOOST_TEST(!p.Pick(2));
    BOOST_TEST(!p.Pick(-1));
}

BOOST_AUTO_TEST_CASE(StaleAnswersAreDropped) {
    TraitsSearchPresenter p;
    const auto first = p.OnTyped("dup");
    const auto second = p.OnTyped("dupont");
    BOOST_REQUIRE(first && second);
    BOOST_TEST(!p.OnResults(first->generation, {Found(1, "DUPRE", "LUC", IdentityStatus::Provisoire)}));
    BOOST_TEST(p.View().rows.empty());
    BOOST_TEST(p.View().searching);
    BOOST_TEST(p.OnResults(second->generation, {}));
    BOOST_TEST(p.View().summary == "Aucun patient trouvé");
    // Cleared text: an answer still on its way is dropped too.
    const auto third = p.OnTyped("martin");
    BOOST_REQUIRE(third);
    BOOST_TEST(!p.OnTyped(""));
    BOOST_TEST(!p.OnResults(third->generation, {Found(2, "MARTIN", "ANNE", IdentityStatus::Provisoire)}));
    BOOST_TEST(p.View().rows.empty());
    BOOST_TEST(p.View().summary.empty());
    p.OnFailed(third->generation, "base occupée");
    BOOST_TEST(p.View().summary.empty());
}

BOOST_AUTO_TEST_SUITE_END()
