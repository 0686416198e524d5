// The certified search strategy (insi.md §5) and the verification of a held INS.
#include <boost/test/unit_test.hpp>

#include "core/usecases/InsiSearch.h"
#include "tests/support/Builders.h"
#include "tests/support/FakeInsi.h"

using namespace vigie;
using namespace vigie::ports;
using namespace vigie::usecases;
using test::FakeInsi;

namespace {
const InsiCallMode kOp = InsiCallMode::Operator;

InsiTraitsQuery Query(std::string name, std::string first, std::string place = "") {
    return InsiTraitsQuery{std::move(name), std::move(first), domain::Sex::Male, domain::Date{2009, 7, 14}, std::move(place)};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(InsiSearchSuite)

BOOST_AUTO_TEST_CASE(BadCharactersAreRefusedBeforeAnyCall) {
    FakeInsi insi;
    auto out = SearchInsByTraits(insi, Query("D'ÆION", "CŒUR"), kOp);
    BOOST_REQUIRE(out.refusal);
    BOOST_TEST(out.refusal->message.find("D'AEION") != std::string::npos);  // the proposal is given
    BOOST_TEST(insi.traitsCalls.empty());
    // Case and spaces are fixed silently and the call goes out.
    insi.onTraits = [](const InsiTraitsQuery&) { return FakeInsi::NotFound(); };
    auto fixed = SearchInsByTraits(insi, Query("  ecetinsi ", "pierre-alain"), kOp);
    BOOST_TEST(!fixed.refusal);
    BOOST_REQUIRE(insi.traitsCalls.size() == 1u);
    BOOST_TEST(insi.traitsCalls[0].birthName == "ECETINSI");
    BOOST_TEST(insi.traitsCalls[0].firstNames == "PIERRE-ALAIN");
}

BOOST_AUTO_TEST_CASE(OneCallPerFirstNameUntilFound) {
    FakeInsi insi;  // TCHITCHI: OLA gives 01, CATARINA gives 00 (CNDA 2.07 cas 1)
    insi.onTraits = [](const InsiTraitsQuery& q) {
        return q.firstNames == "CATARINA" ? FakeInsi::Found(test::Traits("TCHITCHI", "CATARINA BELLA"), test::EcetinsiIns())
                                          : FakeInsi::NotFound();
    };
    auto out = SearchInsByTraits(insi, Query("TCHITCHI", "OLA CATARINA BELLA"), kOp);
    BOOST_TEST(out.Found());
    BOOST_REQUIRE(out.attempts.size() == 2u);
    BOOST_TEST(out.attempts[0].firstNames == "OLA");
    BOOST_TEST(out.attempts[0].code == "01");
    BOOST_TEST(out.attempts[1].firstNames == "CATARINA");
}

BOOST_AUTO_TEST_CASE(AllFirstNamesTogetherLast) {
    FakeInsi insi;
    insi.onTraits = [](const InsiTraitsQuery&) { return FakeInsi::NotFound(); };
    auto out = SearchInsByTraits(insi, Query("HOUILLES", "PIERRE PAUL JACQUES"), kOp);
    BOOST_TEST(!out.Found());
    BOOST_REQUIRE(insi.traitsCalls.size() == 4u);
    BOOST_TEST(insi.traitsCalls[3].firstNames == "PIERRE PAUL JACQUES");
    BOOST_TEST(out.result->code == "01");
    // A single first name: exactly one call.
    FakeInsi single;
    single.onTraits = insi.onTraits;
    SearchInsByTraits(single, Query("HOUILLES", "PIERRE"), kOp);
    BOOST_TEST(single.traitsCalls.size() == 1u);
}

BOOST_AUTO_TEST_CASE(SeveralIsRetriedWithTheBirthPlace) {
    FakeInsi insi;  // DE VINCI LEONARDO: 02 without birth place, 00 with 63220 (CNDA 2.06)
    insi.onTraits = [](const InsiTraitsQuery& q) {
        if (q.birthPlace.empty()) return FakeInsi::Several();
        return q.birthPlace == "63220" ? FakeInsi::Found(test::Traits("DE VINCI", "LEONARDO"), test::EcetinsiIns())
                                       : FakeInsi::NotFound();
    };
    auto out = SearchInsByTraits(insi, Query("DE VINCI", "LEONARDO", "63220"), kOp);
    BOOST_TEST(out.Found());
    BOOST_REQUIRE(out.attempts.size() == 2u);
    BOOST_TEST(!out.attempts[0].withBirthPlace);
    BOOST_TEST(out.attempts[1].withBirthPlace);
    // The birth place is not sent at first even when known.
    BOOST_TEST(insi.traitsCalls[0].birthPlace.empty());
    // Without a known birth place: 02 stays, no retry.
    FakeInsi noPlace;
    noPlace.onTraits = insi.onTraits;
    auto several = SearchInsByTraits(noPlace, Query("DE VINCI", "LEONARDO", "99999"), kOp);
    BOOST_TEST(several.result->code == "02");
    BOOST_TEST(noPlace.traitsCalls.size() == 1u);
}

BOOST_AUTO_TEST_CASE(SeveralIsReportedOverNone) {
    FakeInsi insi;
    insi.onTraits = [](const InsiTraitsQuery& q) {
        return q.firstNames == "LEONARDO" ? FakeInsi::Several() : FakeInsi::NotFound();
    };
    auto out = SearchInsByTraits(insi, Query("DE VINCI", "LEONARDO PIERO"), kOp);
    BOOST_TEST(out.result->code == "02");
    BOOST_TEST(out.attempts.size() == 3u);
}

BOOST_AUTO_TEST_CASE(CardSearchThenUsualNameThenTraits) {
    FakeInsi insi;
    insi.onVitale = [](const InsiVitaleQuery& q) {
        return q.birthName == "MARTIN" ? FakeInsi::Found(test::Traits("MARTIN", "ZOE"), test::EcetinsiIns())
                                       : FakeInsi::NotFound();
    };
    InsiVitaleQuery card{std::nullopt, {"2751263220749", "74"}, "DURAND", "19751231", 1};
    auto out = SearchInsWithCard(insi, card, "MARTIN", std::nullopt, kOp);
    BOOST_TEST(out.Found());
    BOOST_REQUIRE(insi.vitaleCalls.size() == 2u);
    BOOST_TEST(insi.vitaleCalls[1].birthName == "MARTIN");

    FakeInsi fallback;
    fallback.onVitale = [](const InsiVitaleQuery&) { return FakeInsi::NotFound(); };
    fallback.onTraits = [](const InsiTraitsQuery&) { return FakeInsi::Found(test::Traits("ADRUN", "ZOE"), test::EcetinsiIns()); };
    auto viaTraits = SearchInsWithCard(fallback, card, "", Query("ADRUN", "ZOE"), kOp);
    BOOST_TEST(viaTraits.Found());
    BOOST_TEST(fallback.vitaleCalls.size() == 1u);  // no usual name: no second RECVITALE
    BOOST_TEST(fallback.traitsCalls.size() == 1u);
    BOOST_REQUIRE(viaTraits.attempts.size() == 2u);
    BOOST_TEST(viaTraits.attempts[1].operation == "RECSANSVITALE");
}

BOOST_AUTO_TEST_CASE(VerificationVerdicts) {
    domain::Identity held = test::IdentityWith(domain::IdentityStatus::Qualifiee, test::EcetinsiTraits());
    held.ins = test::EcetinsiIns();
    FakeInsi insi;
    insi.onTraits = [](const InsiTraitsQuery&) { return FakeInsi::Found(test::EcetinsiTraits(), test::EcetinsiIns()); };
    BOOST_TEST(VerdictCode(VerifyIns(insi, held, kOp).verdict) == "confirmed");

    insi.onTraits = [](const InsiTraitsQuery&) {
        auto ins = test::EcetinsiIns();
        ins.active.matricule = "109076322099911";
        return FakeInsi::Found(test::EcetinsiTraits(), ins);
    };
    BOOST_TEST(VerdictCode(VerifyIns(insi, held, kOp).verdict) == "ins_changed");

    insi.onTraits = [](const InsiTraitsQuery&) {
        auto t = test::EcetinsiTraits();
        t.birthPlace = "63113";
        return FakeInsi::Found(t, test::EcetinsiIns());
    };
    auto differ = VerifyIns(insi, held, kOp);
    BOOST_TEST(VerdictCode(differ.verdict) == "traits_differ");
    BOOST_TEST(!differ.reason.empty());

    insi.onTraits = [](const InsiTraitsQuery&) { return FakeInsi::NotFound(); };
    BOOST_TEST(VerdictCode(VerifyIns(insi, held, kOp).verdict) == "not_found");
    insi.onTraits = [](const InsiTraitsQuery&) { return FakeInsi::Several(); };
    BOOST_TEST(VerdictCode(VerifyIns(insi, held, kOp).verdict) == "several");
}

BOOST_AUTO_TEST_CASE(FaultsPropagate) {
    FakeInsi insi;
    insi.onTraits = [](const InsiTraitsQuery&) -> InsiResult {
        throw InsiError("insi.unavailable", "indisponible", true);
    };
    BOOST_CHECK_THROW(SearchInsByTraits(insi, Query("ADRUN", "ZOE"), kOp), InsiError);
}

BOOST_AUTO_TEST_SUITE_END()
