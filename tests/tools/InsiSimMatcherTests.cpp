// The simulated INSi search (insi.md §7) against every row of the official test cases
// (tests/data/insi-test-cases.csv) and the RECVITALE rules (own NIR, insured NIR + name + date +
// rank, family cards).

#include "core/domain/Nir.h"
#include "tests/tools/SimTestData.h"
#include "tools/insi-sim/FaultCatalog.h"
#include "tools/insi-sim/Matcher.h"

#include <boost/test/unit_test.hpp>

namespace sim = vigie::sim;
namespace t = vigie::sim::test;

namespace {

const sim::Matcher& ProjectMatcher() {
    static const sim::Matcher matcher(sim::PersonaStore::LoadFile(t::ProjectPersonas()));
    return matcher;
}

std::string Describe(const sim::MatchOutcome& outcome) {
    if (outcome.kind == sim::MatchKind::Found) {
        return "00 " + outcome.persona->active.nir + " " + outcome.persona->active.key;
    }
    if (outcome.kind == sim::MatchKind::Fault) {
        return "fault " + sim::FaultCatalog::For(outcome.faultCode).subcode.substr(5) + " " + outcome.faultCode;
    }
    return outcome.ResultLabel();
}

// Runs every test case row against `matcher`; returns how many rows were checked.
int RunOfficialCases(const sim::Matcher& matcher) {
    const auto lines = t::Lines(t::ReadText(t::TestCasesCsv()));
    BOOST_TEST_REQUIRE(lines.size() > 1u);
    BOOST_TEST(lines[0] == "query_birth_name,query_first_names,sex,birth_date,birth_place,expected,notes");
    int checked = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = t::SplitComma(lines[i]);
        BOOST_TEST_REQUIRE(f.size() >= 6u);
        if (f[5] == "refused locally") {
            continue;  // the client's job: such traits never reach the service
        }
        const sim::TraitsQuery query{f[0], f[1], f[2], f[3], f[4]};
        BOOST_TEST_CONTEXT("test case line " << i + 1 << ": " << lines[i]) {
            BOOST_TEST(Describe(matcher.MatchTraits(query)) == f[5]);
        }
        ++checked;
    }
    return checked;
}

sim::MatchOutcome Vitale(const std::string& own, const std::string& insured, const std::string& name,
                         const std::string& date, const std::string& rank) {
    return ProjectMatcher().MatchVitale(sim::VitaleQuery{own, insured, name, date, rank});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(InsiSimMatcher)

BOOST_AUTO_TEST_CASE(every_official_case_with_the_project_personas) {
    BOOST_TEST(RunOfficialCases(ProjectMatcher()) == 16);
}

BOOST_AUTO_TEST_CASE(every_official_case_with_a_file_of_the_official_shape) {
    const sim::Matcher matcher(sim::PersonaStore::Parse(t::OfficialShape(t::ReadText(t::ProjectPersonas()))));
    BOOST_TEST(RunOfficialCases(matcher) == 16);
}

BOOST_AUTO_TEST_CASE(every_official_case_with_the_official_file_itself) {
    if (!std::filesystem::exists(t::OfficialPersonas())) {
        BOOST_TEST_MESSAGE("shared/ reference folder absent: skipped");
        return;
    }
    const sim::Matcher matcher(sim::PersonaStore::LoadFile(t::OfficialPersonas()));
    BOOST_TEST(RunOfficialCases(matcher) == 16);
}

BOOST_AUTO_TEST_CASE(unknown_person_gives_01_for_each_first_name_and_the_whole_list) {
    for (const char* first : {"PIERRE", "PAUL", "JACQUES", "PIERRE PAUL JACQUES"}) {
        BOOST_TEST(ProjectMatcher().MatchTraits({"HOUILLES", first, "M", "1993-01-27", ""}).ResultLabel() == "01");
    }
}

BOOST_AUTO_TEST_CASE(whole_first_name_list_matches_and_a_partial_list_does_not) {
    const auto& m = ProjectMatcher();
    BOOST_TEST(m.MatchTraits({"ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14", ""}).ResultLabel() == "00");
    BOOST_TEST(m.MatchTraits({"ECETINSI", "MURIEL", "M", "2009-07-14", ""}).ResultLabel() == "00");
    BOOST_TEST(m.MatchTraits({"ECETINSI", "PIERRE", "M", "2009-07-14", ""}).ResultLabel() == "01");
    BOOST_TEST(m.MatchTraits({"ECETINSI", "MURIEL FLORIANT", "M", "2009-07-14", ""}).ResultLabel() == "01");
}

BOOST_AUTO_TEST_CASE(sex_date_and_birth_place_must_be_equal) {
    const auto& m = ProjectMatcher();
    BOOST_TEST(m.MatchTraits({"ADRTROIS", "DOMINIQUE", "M", "1997-02-26", ""}).ResultLabel() == "01");
    BOOST_TEST(m.MatchTraits({"ADRTROIS", "DOMINIQUE", "F", "1997-02-27", ""}).ResultLabel() == "01");
    BOOST_TEST(m.MatchTraits({"ADRTROIS", "DOMINIQUE", "F", "1997-02-26", "2A020"}).ResultLabel() == "00");
    BOOST_TEST(m.MatchTraits({"ADRTROIS", "DOMINIQUE", "F", "1997-02-26", "20020"}).ResultLabel() == "01");
}

BOOST_AUTO_TEST_CASE(characters_outside_the_insi_set_give_insi_102) {
    const auto& m = ProjectMatcher();
    for (const sim::TraitsQuery& q : std::vector<sim::TraitsQuery>{{"ADRTROIS", "DOMINIQUE", "F", "1997-02-26", ""},
                                                                   {"adrtrois", "DOMINIQUE", "F", "1997-02-26", ""},
                                                                   {"ADRTRÖIS", "DOMINIQUE", "F", "1997-02-26", ""},
                                                                   {"ADRTROIS", "DOMINIQUE2", "F", "1997-02-26", ""},
                                                                   {"ADRTROIS", "DOMI.NIQUE", "F", "1997-02-26", ""},
                                                                   {"ADRTROIS", "", "F", "1997-02-26", ""},
                                                                   {"ADRTROIS", "DOMINIQUE", "X", "1997-02-26", ""},
                                                                   {"ADRTROIS", "DOMINIQUE", "F", "26/02/1997", ""}}) {
        const auto outcome = m.MatchTraits(q);
        const bool valid = q.birthName == "ADRTROIS" && q.firstNames == "DOMINIQUE" && q.sex == "F" &&
                           q.birthDate == "1997-02-26";
        BOOST_TEST_CONTEXT(q.birthName << " / " << q.firstNames << " / " << q.sex << " / " << q.birthDate) {
            BOOST_TEST(outcome.ResultLabel() == (valid ? "00" : "fault:insi_102"));
        }
    }
}

BOOST_AUTO_TEST_CASE(found_identity_carries_ins_history_and_traits) {
    const auto outcome = ProjectMatcher().MatchTraits({"ECETINSI", "FLORIANT", "M", "2009-07-14", ""});
    BOOST_TEST_REQUIRE(outcome.persona != nullptr);
    const auto& p = *outcome.persona;
    BOOST_TEST(p.active.oid == "1.2.250.1.213.1.4.8");
    BOOST_TEST_REQUIRE(p.history.size() == 2u);
    BOOST_TEST(p.history[0].nir == "2090763220834");
    BOOST_TEST(p.history[0].key == "39");
    BOOST_TEST(p.history[0].startDate == "2019-03-01");
    BOOST_TEST(p.history[0].endDate == "2019-02-28");
    BOOST_TEST(p.history[1].startDate.empty());
    BOOST_TEST(p.birthPlace == "63220");
}

BOOST_AUTO_TEST_CASE(vitale_matches_the_beneficiary_own_nir) {
    BOOST_TEST(Describe(Vitale("1100863220830", "2770763220829", "", "", "")) == "00 1100863220830 60");
    BOOST_TEST(Describe(Vitale("2770763220829", "2770763220829", "NESSI", "1977-07-14", "1")) == "00 2770763220829 10");
    BOOST_TEST(Vitale("1999999999999", "2770763220829", "NESSI", "2010-08-07", "1").ResultLabel() == "01");
}

BOOST_AUTO_TEST_CASE(vitale_family_card_by_insured_nir_name_date_and_rank) {
    // NESSI NATHALIE's card covers her son MICHELANGELO (rank 1).
    BOOST_TEST(Describe(Vitale("", "2770763220829", "NESSI", "2010-08-07", "1")) == "00 1100863220830 60");
    BOOST_TEST(Describe(Vitale("", "2770763220829", "NESSI", "1977-07-14", "1")) == "00 2770763220829 10");
    BOOST_TEST(Vitale("", "2770763220829", "NESSI", "2010-08-07", "2").ResultLabel() == "01");
    BOOST_TEST(Vitale("", "2770763220829", "NESSY", "2010-08-07", "1").ResultLabel() == "01");
    BOOST_TEST(Vitale("", "2770763220829", "NESSI", "2010-08-08", "1").ResultLabel() == "01");
    // The child is not covered by an unrelated insured.
    BOOST_TEST(Vitale("", "2751263220749", "NESSI", "2010-08-07", "1").ResultLabel() == "01");
}

BOOST_AUTO_TEST_CASE(vitale_date_as_on_the_card_or_iso) {
    // The client sends the card's AAAAMMJJ verbatim; ISO and JJ/MM/AAAA compare the same.
    BOOST_TEST(Describe(Vitale("", "2770763220829", "NESSI", "20100807", "1")) == "00 1100863220830 60");
    BOOST_TEST(Describe(Vitale("", "2770763220829", "NESSI", "07/08/2010", "1")) == "00 1100863220830 60");
    BOOST_TEST(Vitale("", "2770763220829", "NESSI", "20100708", "1").ResultLabel() == "01");
}

BOOST_AUTO_TEST_CASE(vitale_official_rows_are_their_own_insured) {
    BOOST_TEST(Describe(Vitale("", "297022A020778", "ADRTROIS", "1997-02-26", "1")) == "00 297022A020778 78");
    BOOST_TEST(Describe(Vitale("", "2360663220836", "TCHITCHI", "1936-06-21", "")) == "00 2360663220836 56");
}

BOOST_AUTO_TEST_CASE(vitale_twins_are_told_apart_by_rank) {
    BOOST_TEST(Describe(Vitale("", "2840963113045", "MOREAU", "2012-04-18", "1")) == "00 1120463113112 43");
    BOOST_TEST(Describe(Vitale("", "2840963113045", "MOREAU", "2012-04-18", "2")) == "00 1120463113113 42");
    BOOST_TEST(Describe(Vitale("", "2840963113045", "MOREAU", "2012-04-18", "02")) == "00 1120463113113 42");
    BOOST_TEST(Vitale("", "2840963113045", "MOREAU", "2012-04-18", "").ResultLabel() == "02");
    BOOST_TEST(Describe(Vitale("", "2840963113045", "MOREAU", "2016-11-05", "1")) == "00 216112A004087 27");
}

BOOST_AUTO_TEST_CASE(vitale_invalid_input_gives_insi_102) {
    BOOST_TEST(Vitale("", "2840963113045", "MOREAÜ", "2012-04-18", "1").ResultLabel() == "fault:insi_102");
    BOOST_TEST(Vitale("", "", "MOREAU", "2012-04-18", "1").ResultLabel() == "fault:insi_102");
    BOOST_TEST(Vitale("", "2840963113045", "MOREAU", "2012/04/18", "1").ResultLabel() == "fault:insi_102");
    BOOST_TEST(Vitale("", "2840963113045", "MOREAU", "2012-04-18", "X").ResultLabel() == "fault:insi_102");
    BOOST_TEST(Vitale("12345", "", "", "", "").ResultLabel() == "fault:insi_102");
}

BOOST_AUTO_TEST_CASE(vitale_lunar_card_date_compares_verbatim) {
    const std::string csv = t::ReadText(t::ProjectPersonas()) +
                            "simulator,LUNAIRE,ALI,M,1960-01-01,99350,1600199350123,45,1.2.250.1.213.1.4.10,,"
                            "born on an unknown day,,,,19600035\n";
    const sim::Matcher matcher(sim::PersonaStore::Parse(csv));
    BOOST_TEST(matcher.MatchVitale({"", "1600199350123", "LUNAIRE", "19600035", "1"}).ResultLabel() == "00");
    BOOST_TEST(matcher.MatchVitale({"", "1600199350123", "LUNAIRE", "1960-00-35", "1"}).ResultLabel() == "00");
    BOOST_TEST(matcher.MatchVitale({"", "1600199350123", "LUNAIRE", "19600101", "1"}).ResultLabel() == "01");
    BOOST_TEST(matcher.MatchTraits({"LUNAIRE", "ALI", "M", "1960-01-01", ""}).ResultLabel() == "00");
}

BOOST_AUTO_TEST_CASE(invented_personas_use_the_test_oid_and_valid_keys) {
    int invented = 0;
    for (const auto& p : ProjectMatcher().Store().All()) {
        if (p.source != "simulator" || p.IsFault()) {
            continue;
        }
        ++invented;
        BOOST_TEST_CONTEXT("personas line " << p.line) {
            BOOST_TEST(p.active.oid == std::string(vigie::domain::kOidInsNirTest));
            const auto key = vigie::domain::ComputeNirKey(p.active.nir);
            BOOST_TEST_REQUIRE(key.has_value());
            BOOST_TEST(std::stoi(p.active.key) == *key);
        }
    }
    BOOST_TEST(invented >= 7);
}

BOOST_AUTO_TEST_SUITE_END()
