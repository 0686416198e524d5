#include <boost/test/unit_test.hpp>

#include "core/domain/DuplicateFinder.h"
#include "tests/support/Builders.h"

using namespace vigie::domain;
using vigie::test::IdentityWith;
using vigie::test::Traits;

namespace {
Identity Stored(IdentityId id, StrictTraits t, std::string usedName = "") {
    Identity i = IdentityWith(IdentityStatus::Provisoire, std::move(t));
    i.id = id;
    i.usedName = std::move(usedName);
    return i;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(DuplicateFinderSuite)

BOOST_AUTO_TEST_CASE(SameBirthDateAndSimilarNameIsACandidate) {
    std::vector<Identity> pool = {Stored(1, Traits("DUPONT", "JEAN")), Stored(2, Traits("MARTIN", "JEAN")),
                                  Stored(3, Traits("DUPUIS", "JEAN"))};
    auto c = RankDuplicates(Traits("DUPOND", "JEAN"), "", pool);
    BOOST_REQUIRE(c.size() == 2u);  // DUPONT (phonetic) then DUPUIS (prefix DUP); never MARTIN
    BOOST_TEST(c[0].identity.id == 1);
    BOOST_TEST(c[1].identity.id == 3);
    BOOST_TEST(c[0].score > c[1].score);
    BOOST_TEST(c[0].reasons.front() == "même date de naissance");
}

BOOST_AUTO_TEST_CASE(TwinsWithTheSameNameAreCandidatesToo) {
    std::vector<Identity> pool = {Stored(1, Traits("DUPONT", "PAUL"))};
    BOOST_TEST(RankDuplicates(Traits("DUPONT", "PIERRE"), "", pool).size() == 1u);
}

BOOST_AUTO_TEST_CASE(SwappedDayAndMonthWithTheSameNamesIsACandidate) {
    std::vector<Identity> pool = {Stored(1, Traits("DUPONT", "JEAN", {1980, 1, 2})),
                                  Stored(2, Traits("DUPONT", "JEAN", {1975, 6, 30})),
                                  Stored(3, Traits("DURAND", "JEAN", {1980, 1, 2}))};
    auto c = RankDuplicates(Traits("DUPONT", "JEAN", {1980, 2, 1}), "", pool);
    BOOST_REQUIRE(c.size() == 1u);
    BOOST_TEST(c[0].identity.id == 1);
    BOOST_TEST(c[0].reasons.front().find("date de naissance proche") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(UsedNameCrossedWithBirthName) {
    // Married name entered as birth name by mistake.
    std::vector<Identity> pool = {Stored(1, Traits("LEGRAND", "MARIE", {1970, 5, 5}, Sex::Female), "ZIMMER")};
    auto c = RankDuplicates(Traits("ZIMMER", "MARIE", {1970, 5, 5}, Sex::Female), "", pool);
    BOOST_REQUIRE(c.size() == 1u);
    BOOST_TEST(c[0].reasons[1] == "nom utilisé et nom de naissance croisés");
}

BOOST_AUTO_TEST_CASE(ExcludesTheIdentityItself) {
    std::vector<Identity> pool = {Stored(7, Traits())};
    BOOST_TEST(RankDuplicates(Traits(), "", pool, 7).empty());
    BOOST_TEST(RankDuplicates(Traits(), "", pool).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
