#include <boost/test/unit_test.hpp>

#include "core/domain/Date.h"
#include "tests/support/Printers.h"

using namespace vigie::domain;

BOOST_AUTO_TEST_SUITE(DateSuite)

BOOST_AUTO_TEST_CASE(ParsesIsoAndFrenchForms) {
    BOOST_TEST((Date::Parse("1960-09-19") == Date{1960, 9, 19}));
    BOOST_TEST((Date::Parse("19/09/1960") == Date{1960, 9, 19}));
    BOOST_TEST(Date::Parse("1960-09-19")->ToFrench() == "19/09/1960");
    BOOST_TEST(Date::Parse("1960-09-19")->ToDmyHyphen() == "19-09-1960");
}

BOOST_AUTO_TEST_CASE(RefusesImpossibleDates) {
    for (const char* bad : {"1980-02-30", "1981-02-29", "1900-02-29", "1980-13-01", "1980-00-10", "1980-01-00",
                            "19800101", "1980-1-1", "", "abcd-ef-gh", "1799-12-31"})
        BOOST_TEST(!Date::Parse(bad).has_value(), bad);
    BOOST_TEST(Date::Parse("2000-02-29").has_value());  // divisible by 400
    BOOST_TEST(Date::Parse("1980-02-29").has_value());
}

BOOST_AUTO_TEST_CASE(CompletesUnknownPartsAndFlagsThem) {
    auto both = ParseBirthDateWithUnknowns("1960-00-00");
    BOOST_REQUIRE(both);
    BOOST_TEST((both->date == Date{1960, 12, 31}));
    BOOST_TEST(both->completed);
    auto day = ParseBirthDateWithUnknowns("1960-05-00");
    BOOST_TEST((day->date == Date{1960, 5, 1}));
    BOOST_TEST(day->completed);
    auto month = ParseBirthDateWithUnknowns("00/00/1960");
    BOOST_TEST((month->date == Date{1960, 12, 31}));
    auto full = ParseBirthDateWithUnknowns("1960-05-07");
    BOOST_TEST(!full->completed);
    BOOST_TEST(!ParseBirthDateWithUnknowns("1960-02-31").has_value());
}

BOOST_AUTO_TEST_CASE(OrdersChronologically) {
    BOOST_TEST((Date{2026, 11, 21} < Date{2026, 11, 22}));
    BOOST_TEST((Date{2025, 12, 31} < Date{2026, 1, 1}));
}

BOOST_AUTO_TEST_SUITE_END()
