#include <boost/test/unit_test.hpp>

#include "core/domain/TraitComparison.h"
#include "tests/support/Builders.h"

using namespace vigie::domain;
using vigie::test::Traits;

namespace {
TraitVerdict VerdictOf(const TraitComparison& c, const std::string& code) {
    for (const auto& l : c.lines)
        if (l.code == code) return l.verdict;
    BOOST_FAIL("no line " + code);
    return TraitVerdict::Differs;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(TraitComparisonSuite)

BOOST_AUTO_TEST_CASE(IdenticalTraitsAreEqualOnEveryLine) {
    auto c = CompareTraits(Traits(), Traits());
    BOOST_TEST(c.lines.size() == 6u);
    for (const auto& l : c.lines) BOOST_TEST((l.verdict == TraitVerdict::Equal), l.code);
    BOOST_TEST(c.NoDifference());
}

BOOST_AUTO_TEST_CASE(HyphensApostrophesAndCaseDoNotCountAsDifferences) {
    auto c = CompareTraits(Traits("DARTAGNAN DE LHERAULT", "PIERRE ALAIN"), Traits("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN"));
    BOOST_TEST((VerdictOf(c, "birth_name") == TraitVerdict::Differs));  // a missing apostrophe is a letter-level change
    auto same = CompareTraits(Traits("D ARTAGNAN", "PIERRE ALAIN"), Traits("D'ARTAGNAN", "PIERRE-ALAIN"));
    BOOST_TEST((VerdictOf(same, "birth_name") == TraitVerdict::Equal));
    BOOST_TEST((VerdictOf(same, "first_names") == TraitVerdict::Equal));
}

BOOST_AUTO_TEST_CASE(FirstNamesCoherentWhenTheLocalValueStartsTheInsList) {
    auto c = CompareTraits(Traits("ECETINSI", "PIERRE-ALAIN"), Traits("ECETINSI", "PIERRE ALAIN MURIEL FLORIANT"));
    BOOST_TEST((VerdictOf(c, "first_names") == TraitVerdict::Coherent));
    BOOST_TEST(c.NoDifference());
    auto wrong = CompareTraits(Traits("ECETINSI", "MURIEL"), Traits("ECETINSI", "PIERRE ALAIN MURIEL FLORIANT"));
    BOOST_TEST((VerdictOf(wrong, "first_names") == TraitVerdict::Differs));
    BOOST_TEST(!wrong.NoDifference());
}

BOOST_AUTO_TEST_CASE(DatesSexAndPlace) {
    auto c = CompareTraits(Traits("A", "B", {1980, 2, 1}, Sex::Male, ""),
                           Traits("A", "B", {1980, 1, 2}, Sex::Female, "63220"));
    BOOST_TEST((VerdictOf(c, "birth_date") == TraitVerdict::Differs));
    BOOST_TEST((VerdictOf(c, "sex") == TraitVerdict::Differs));
    BOOST_TEST((VerdictOf(c, "birth_place") == TraitVerdict::Unknown));  // unknown locally: not a difference
    auto place = CompareTraits(Traits("A", "B", {1980, 2, 1}, Sex::Male, "99999"), Traits("A", "B", {1980, 2, 1}, Sex::Male, "63220"));
    BOOST_TEST((VerdictOf(place, "birth_place") == TraitVerdict::Unknown));
    auto other = CompareTraits(Traits("A", "B", {1980, 2, 1}, Sex::Male, "75056"), Traits("A", "B", {1980, 2, 1}, Sex::Male, "63220"));
    BOOST_TEST((VerdictOf(other, "birth_place") == TraitVerdict::Differs));
}

BOOST_AUTO_TEST_SUITE_END()
