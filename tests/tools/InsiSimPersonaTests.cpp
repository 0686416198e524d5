// The personas file loader: the official file as it is, the project's extended copy, and a
// clear error (file:line: column: problem) for every kind of malformed row.

#include "tests/tools/SimTestData.h"
#include "tools/insi-sim/PersonaStore.h"

#include <boost/test/unit_test.hpp>

namespace sim = vigie::sim;
namespace t = vigie::sim::test;

namespace {

const std::string kHeader = "source,birth_name,birth_first_names,sex,birth_date,birth_place,nir13,key,oid,history,notes";
const std::string kGoodRow = "official,ADRUN,ZOE,F,1975-12-31,63220,2751263220749,74,1.2.250.1.213.1.4.8,,";

// Parses and expects a PersonaFileError at `line` whose message contains `fragment`.
void ExpectError(const std::string& csv, int line, const std::string& fragment) {
    try {
        sim::PersonaStore::Parse(csv, "test.csv");
        BOOST_ERROR("no error for:\n" << csv);
    } catch (const sim::PersonaFileError& e) {
        const std::string message = e.what();
        BOOST_TEST(e.Line() == line, message);
        BOOST_TEST(message.find("test.csv:" + std::to_string(line) + ":") != std::string::npos, message);
        BOOST_TEST(message.find(fragment) != std::string::npos, message << " lacks " << fragment);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(InsiSimPersonas)

BOOST_AUTO_TEST_CASE(project_file_loads_with_the_official_rows_unchanged) {
    const auto store = sim::PersonaStore::LoadFile(t::ProjectPersonas());
    BOOST_TEST(store.All().size() == 20u);
    if (std::filesystem::exists(t::OfficialPersonas())) {
        // The first 11 columns of the project's copy start with the official file, byte for byte.
        const std::string official = t::ReadText(t::OfficialPersonas());
        const std::string shaped = t::OfficialShape(t::ReadText(t::ProjectPersonas()));
        BOOST_TEST(shaped.substr(0, official.size()) == official);
    }
}

BOOST_AUTO_TEST_CASE(official_shape_loads_without_billing_columns) {
    const auto store = sim::PersonaStore::Parse(kHeader + "\n" + kGoodRow + "\n");
    BOOST_TEST_REQUIRE(store.All().size() == 1u);
    const auto& p = store.All()[0];
    BOOST_TEST(p.birthName == "ADRUN");
    BOOST_TEST(p.CoveringNir() == "2751263220749");
    BOOST_TEST(p.birthRank == 1);
    BOOST_TEST(p.DateOnCard() == "1975-12-31");
    BOOST_TEST(p.line == 2);
}

BOOST_AUTO_TEST_CASE(optional_columns_in_any_order_may_be_left_out_of_a_row) {
    const std::string csv = kHeader + ",birth_rank,insured_nir\n" + kGoodRow + "\n" + kGoodRow + ",2,2770763220829\n";
    const auto store = sim::PersonaStore::Parse(csv);
    BOOST_TEST_REQUIRE(store.All().size() == 2u);
    BOOST_TEST(store.All()[0].birthRank == 1);
    BOOST_TEST(store.All()[1].birthRank == 2);
    BOOST_TEST(store.All()[1].CoveringNir() == "2770763220829");
}

BOOST_AUTO_TEST_CASE(quotes_comments_blank_lines_crlf_and_bom_are_accepted) {
    const std::string csv = "\xEF\xBB\xBF" + kHeader + "\r\n# a comment\r\n\r\n" +
                            "official,ADRUN,ZOE,F,1975-12-31,63220,2751263220749,74,1.2.250.1.213.1.4.8,,"
                            "\"a note, with a comma and \"\"quotes\"\"\"\r\n";
    const auto store = sim::PersonaStore::Parse(csv);
    BOOST_TEST_REQUIRE(store.All().size() == 1u);
    BOOST_TEST(store.All()[0].notes == "a note, with a comma and \"quotes\"");
    BOOST_TEST(store.All()[0].line == 4);
}

BOOST_AUTO_TEST_CASE(fault_rows_need_no_ins) {
    const auto store = sim::PersonaStore::Parse(kHeader + "\nfault:insi_102,D'AEION,COEUR,M,1987-01-25,,,,,,\n");
    BOOST_TEST(store.All()[0].IsFault());
    BOOST_TEST(store.All()[0].faultCode == "insi_102");
}

BOOST_AUTO_TEST_CASE(malformed_rows_are_reported_with_their_line) {
    const std::string head = kHeader + "\n" + kGoodRow + "\n";
    ExpectError(head + "official,ADRUN,ZOE,F,1975-12-31,63220\n", 3, "6 fields, expected 11 to 11");
    ExpectError(head + kGoodRow + ",extra\n", 3, "12 fields");
    ExpectError(head + "official,ADRUN,ZOE,X,1975-12-31,63220,2751263220749,74,1.2.250.1.213.1.4.8,,\n", 3,
                "column sex");
    ExpectError(head + "official,ADRUN,ZOE,F,1975-02-30,63220,2751263220749,74,1.2.250.1.213.1.4.8,,\n", 3,
                "column birth_date");
    ExpectError(head + "official,ADRUN,ZOE,F,1975-12-31,632,2751263220749,74,1.2.250.1.213.1.4.8,,\n", 3,
                "column birth_place");
    ExpectError(head + "official,ADRUN,ZOE,F,1975-12-31,63220,27512632207,74,1.2.250.1.213.1.4.8,,\n", 3,
                "column nir13");
    ExpectError(head + "official,ADRUN,ZOE,F,1975-12-31,63220,2751263220749,7,1.2.250.1.213.1.4.8,,\n", 3,
                "column key");
    ExpectError(head + "official,ADRUN,ZOE,F,1975-12-31,63220,2751263220749,74,,,\n", 3, "column oid");
    ExpectError(head + "official,,ZOE,F,1975-12-31,63220,2751263220749,74,1.2.250.1.213.1.4.8,,\n", 3,
                "column birth_name");
    ExpectError(head + "official,ADRUN,ZOE,F,1975-12-31,63220,2751263220749,74,1.2.250.1.213.1.4.8,2751263220749:74,\n",
                3, "column history");
    ExpectError(head + "official,ADRUN,ZOE,F,1975-12-31,63220,2751263220749,74,1.2.250.1.213.1.4.8,"
                       "2751263220749:74:2019-13-01:,\n",
                3, "invalid date");
    ExpectError(head + "fault:boom,ADRUN,ZOE,F,1975-12-31,,,,,,\n", 3, "unknown fault");
    ExpectError(head + "official,ADRUN,ZOE,F,1975-12-31,63220,2751263220749,74,1.2.250.1.213.1.4.8,,\"open\n", 3,
                "unclosed quote");
}

BOOST_AUTO_TEST_CASE(malformed_billing_columns_are_reported) {
    const std::string head = kHeader + ",insured_nir,insured_key,birth_rank,card_birth_date\n";
    ExpectError(head + kGoodRow + ",277076322082,10,1,\n", 2, "column insured_nir");
    ExpectError(head + kGoodRow + ",2770763220829,1O,1,\n", 2, "column insured_key");
    ExpectError(head + kGoodRow + ",2770763220829,10,0,\n", 2, "column birth_rank");
    ExpectError(head + kGoodRow + ",2770763220829,10,1,1977-7-14\n", 2, "column card_birth_date");
}

BOOST_AUTO_TEST_CASE(bad_headers_are_reported_on_line_1) {
    ExpectError("", 1, "no header");
    ExpectError("source,birth_name\n", 1, "at least the 11 official columns");
    ExpectError("source,name,birth_first_names,sex,birth_date,birth_place,nir13,key,oid,history,notes\n", 1,
                "column 2 is 'name'");
    ExpectError(kHeader + ",colour\n", 1, "unknown column 'colour'");
    ExpectError(kHeader + ",birth_rank,birth_rank\n", 1, "appears twice");
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_error) {
    BOOST_CHECK_THROW(sim::PersonaStore::LoadFile("/nonexistent/personas.csv"), sim::PersonaFileError);
}

BOOST_AUTO_TEST_SUITE_END()
