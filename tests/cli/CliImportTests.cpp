// vigie-cli patient import FILE.csv (issue #2): the patient file of another software, checked
// line by line with the trait rules of `patient create`, then imported all-or-nothing.
#include "tests/cli/CliFixture.h"

using namespace vigie::cli_test;

namespace {

fs::path Write(const fs::path& dir, const std::string& name, const std::string& content) {
    const fs::path p = dir / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_import, CliFixture)

BOOST_AUTO_TEST_CASE(a_valid_file_is_imported_in_one_go_and_journaled) {
    AddOperators();
    // A BOM, columns in another order and case, quotes, an apostrophe, an empty line, a CRLF line,
    // a date with an unknown day, a used name.
    const fs::path csv = Write(dir, "export.csv",
                               "\xEF\xBB\xBFSexe;Nom_Naissance;prenoms_naissance;date_naissance;lieu_naissance;nom_utilise\n"
                               "M;DUPONT;JEAN PIERRE;1980-01-31;75056;\n"
                               "F;\"LE GALL\";marie;12/03/1975;;MARTIN\r\n"
                               "\n"
                               "F;\"D'ARTOIS\";\"ANNE SOPHIE\";1990-05-00;99134;\n");
    const json dry = Json(Bob({"patient", "import", csv.string(), "--dry-run"}), 0);
    BOOST_TEST(dry["valid"] == 3);
    BOOST_TEST(Search({"--text", "DUPONT"}).empty());  // a dry run writes nothing

    const json j = Json(Bob({"patient", "import", csv.string()}), 0);
    BOOST_TEST(j["imported"] == 3);
    const json gall = Search({"--text", "LE GALL"});
    BOOST_TEST_REQUIRE(gall.size() == 1u);
    BOOST_TEST(gall[0]["status"] == "PROV");
    BOOST_TEST(gall[0]["birth_first_names"] == "MARIE");  // case fixed at the boundary
    BOOST_TEST(gall[0]["used_name"] == "MARTIN");
    const json artois = Search({"--birth-name", "D'ARTOIS"});
    BOOST_TEST_REQUIRE(artois.size() == 1u);
    BOOST_TEST(artois[0]["birth_date"] == "1990-05-01");  // unknown day completed…
    BOOST_TEST(artois[0]["birth_date_completed"] == true);  // …and flagged
    const std::string id = Id(artois[0]);
    BOOST_TEST(History(id).size() == 1u);
    BOOST_TEST(History(id)[0]["action"] == "identity.imported");
    BOOST_TEST(History(id)[0]["operator"] == "bob");
    BOOST_TEST(Json({"journal", "verify"}, 0)["ok"] == true);
}

BOOST_AUTO_TEST_CASE(a_file_with_bad_lines_imports_nothing_and_lists_them) {
    AddOperators();
    const fs::path csv = Write(dir, "bad.csv",
                               "nom_naissance;prenoms_naissance;sexe;date_naissance\n"
                               "DUPONT;JEAN;M;1980-01-31\n"
                               "DUP0NT;JEAN;M;1980-01-31\n"
                               "MARTIN;PAUL;Z;1980-01-31\n"
                               "PETIT;LUC;M\n"
                               "ROUX;\"ANNE;M;1980-01-31\n");
    const Args args = Bob({"patient", "import", csv.string()});
    const CliResult r = Run(args);
    BOOST_TEST(r.code == 2, r.out << r.err);
    BOOST_TEST(Contains(r.err, "Ligne 3 : Nom de naissance refusé"), r.err);
    BOOST_TEST(Contains(r.err, "Ligne 4 : Sexe invalide : « Z »"), r.err);
    BOOST_TEST(Contains(r.err, "Ligne 5 : 3 champ(s) au lieu de 4."), r.err);
    BOOST_TEST(Contains(r.err, "Ligne 6 : guillemet ouvert jamais refermé."), r.err);
    BOOST_TEST(Contains(r.err, "4 ligne(s) en erreur"), r.err);
    BOOST_TEST(Contains(r.err, "rien importé"), r.err);
    BOOST_TEST(Search({"--text", "DUPONT"}).empty());  // the good line was not kept either
    Refused(args, 2, "input.csv");
}

BOOST_AUTO_TEST_CASE(header_problems_and_permissions) {
    AddOperators();
    const std::string good = "nom_naissance;prenoms_naissance;sexe;date_naissance\nDUPONT;JEAN;M;1980-01-31\n";
    Refused(Bob({"patient", "import", Write(dir, "a.csv", "nom;prenoms;sexe;date\n").string()}), 2, "input.csv");
    Refused(Bob({"patient", "import", Write(dir, "b.csv", "nom_naissance;sexe;date_naissance\n").string()}), 2,
            "input.csv");
    Refused(Bob({"patient", "import", Write(dir, "c.csv", "").string()}), 2, "input.csv");
    Refused(Bob({"patient", "import", (dir / "absent.csv").string()}), 2, "input.file");
    Refused(Bob({"patient", "import", Write(dir, "d.csv", good).string(), "--separator", "x"}), 2, "input.separator");
    // Another separator, as chosen.
    const fs::path comma = Write(dir, "e.csv", "nom_naissance,prenoms_naissance,sexe,date_naissance\nDUPONT,JEAN,M,1980-01-31\n");
    BOOST_TEST(Json(Bob({"patient", "import", comma.string(), "--separator", ","}), 0)["imported"] == 1);
    // The préparateur may not create identities: a business refusal, nothing written.
    const fs::path other = Write(dir, "f.csv", "nom_naissance;prenoms_naissance;sexe;date_naissance\nMARTIN;PAUL;M;1970-02-02\n");
    const json refused = Json({"--user", "paul", "patient", "import", other.string()}, 1);
    BOOST_TEST(refused["ok"] == false);
    BOOST_TEST(Search({"--text", "MARTIN"}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
