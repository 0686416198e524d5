// The INSi commands of vigie-cli, end to end against vigie-insi-sim over mTLS.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/db/StoreFixture.h"
#include "tests/support/SimProcess.h"

extern char** environ;
using nlohmann::json;

namespace cliinsi {

struct Result {
    int exit = -1;
    std::string out, err;
};

// Runs vigie-cli with the test database and configuration; stdout/stderr captured via files.
struct Cli {
    vigie::test::TempDir dir;
    vigie::test::SimProcess sim;
    std::string db = (dir.Path() / "vigie.db").string();
    std::string config = (dir.Path() / "vigie.conf").string();
    Cli() {
        sim.WriteConfig(config);
        Run({"operator", "add", "titulaire", "--role", "titulaire"});
        Run({"--user", "titulaire", "operator", "add", "paul", "--role", "comptoir"});
    }
    Result Run(std::vector<std::string> args, const std::string& user = "") {
        std::vector<std::string> full = {VIGIE_CLI_PATH, "--db", db, "--config", config};
        if (!user.empty()) full.insert(full.end(), {"--user", user});
        full.insert(full.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : full) argv.push_back(a.data());
        argv.push_back(nullptr);
        const std::string outFile = (dir.Path() / "out").string(), errFile = (dir.Path() / "err").string();
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        pid_t pid = 0;
        Result r;
        if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0) {
            int status = 0;
            waitpid(pid, &status, 0);
            r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        posix_spawn_file_actions_destroy(&fa);
        auto slurp = [](const std::string& p) {
            std::ifstream in(p);
            std::stringstream ss;
            ss << in.rdbuf();
            return ss.str();
        };
        r.out = slurp(outFile);
        r.err = slurp(errFile);
        return r;
    }
    json Json(std::vector<std::string> args, const std::string& user, int expectedExit) {
        args.insert(args.begin(), "--json");
        const Result r = Run(args, user);
        BOOST_TEST(r.exit == expectedExit, "exit " << r.exit << "\nstdout: " << r.out << "\nstderr: " << r.err);
        auto j = json::parse(r.out, nullptr, false);
        BOOST_REQUIRE_MESSAGE(!j.is_discarded(), "not JSON: " << r.out);
        return j;
    }
    int SimTotal() { return json::parse(sim.Stats())["total"].get<int>(); }
};

const std::vector<std::string> kAdrtrois = {"--birth-name", "ADRTROIS", "--first-names", "DOMINIQUE", "--sex", "F",
                                            "--birth-date", "1997-02-26"};

std::vector<std::string> Cat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace cliinsi

using cliinsi::Cat;
using cliinsi::kAdrtrois;

namespace cliinsi {
std::string WriteFamilyCard(const std::filesystem::path& dir) {
    const auto path = dir / "nessi.json";
    std::ofstream(path) << R"({"description":"Famille NESSI","atr":"3B 75 13 00 00 45 09 EA 90 00",
      "insured_nir":"2770763220829","insured_key":"10","beneficiaries":[
      {"last_name":"NESSI","first_name":"NATHALIE","birth_date":"19770714","nir":"277076322082910","rank":1},
      {"last_name":"NESSI","first_name":"MICHELANGELO","birth_date":"20100807","nir":"","rank":1}]})";
    return path.string();
}
std::vector<json> Lines(const std::string& out) {
    std::vector<json> lines;
    std::stringstream ss(out);
    std::string line;
    while (std::getline(ss, line)) lines.push_back(json::parse(line));
    return lines;
}
}  // namespace cliinsi

BOOST_AUTO_TEST_SUITE(CliInsi)

BOOST_AUTO_TEST_CASE(SearchShowsTheInsOnlyOnRequestAndIsJournaled) {
    cliinsi::Cli cli;
    const json hidden = cli.Json(Cat({"insi", "search"}, kAdrtrois), "paul", 0);
    BOOST_TEST(hidden["code"] == "00");
    BOOST_TEST(hidden["identity"]["birth_name"] == "ADRTROIS");
    BOOST_TEST(!hidden["identity"].contains("matricule"));
    const json shown = cli.Json(Cat({"insi", "search", "--show-ins"}, kAdrtrois), "paul", 0);
    BOOST_TEST(shown["identity"]["matricule"] == "297022A02077878");
    // Without an operator: no call.
    const int before = cli.SimTotal();
    BOOST_TEST(cli.Run(Cat({"insi", "search"}, kAdrtrois)).exit == 2);
    BOOST_TEST(cli.SimTotal() == before);
    // The calls are in the journal.
    const auto verify = cli.Json({"journal", "verify"}, "", 0);
    BOOST_TEST(verify["entries"].get<int>() == 4);  // 2 operators + 2 searches
}

BOOST_AUTO_TEST_CASE(PrintRequestSendsNothing) {
    cliinsi::Cli cli;
    const int before = cli.SimTotal();
    const auto r = cli.Run(Cat({"insi", "search", "--print-request"}, kAdrtrois));
    BOOST_TEST(r.exit == 0);
    BOOST_TEST(r.out.find("RECSANSVITALE") != std::string::npos);
    BOOST_TEST(r.out.find("<wsa:Action") != std::string::npos);
    BOOST_TEST(cli.SimTotal() == before);
}

BOOST_AUTO_TEST_CASE(CardSearchAndParse) {
    cliinsi::Cli cli;
    const json card = cli.Json({"insi", "vitale", "--insured-nir", "277076322082910", "--birth-name", "NESSI",
                                "--birth-date", "20100807", "--rank", "1"},
                               "paul", 0);
    BOOST_TEST(card["code"] == "00");
    BOOST_TEST(card["identity"]["birth_first_names"] == "MICHELANGELO ANTHONY");
    const std::string capture = std::string(VIGIE_SOURCE_DIR) + "/tests/data/insi-captures/fault_siram40_desir1020.xml";
    const json fault = cli.Json({"insi", "parse", capture}, "", 0);
    BOOST_TEST(fault["type"] == "fault");
    BOOST_TEST(fault["error_code"] == "desir_1020");
    BOOST_TEST(cli.Json({"insi", "parse", "/nonexistent.xml"}, "", 2)["ok"] == false);
}

BOOST_AUTO_TEST_CASE(RetrieveAcceptValidateGivesAQualifiedIdentity) {
    cliinsi::Cli cli;
    const json created = cli.Json({"patient", "create", "--birth-name", "ECETINSI", "--first-names", "PIERRE-ALAIN", "--sex",
                                   "M", "--birth-date", "2009-07-14"},
                                  "paul", 0);
    const std::string id = std::to_string(created["identity"]["id"].get<int>());
    const json proposal = cli.Json({"patient", "retrieve", id}, "paul", 0);
    BOOST_TEST(proposal["code"] == "00");
    bool coherent = false;
    for (const auto& line : proposal["comparison"])
        if (line["trait"] == "first_names") coherent = line["verdict"] == "coherent";
    BOOST_TEST(coherent);  // PIERRE-ALAIN starts PIERRE-ALAIN MURIEL FLORIANT
    BOOST_TEST(cli.Json({"patient", "show", id}, "", 0)["identity"]["status"] == "PROV");  // nothing accepted yet
    BOOST_TEST(cli.Json({"datamatrix", id, "--payload"}, "", 1)["code"] == "rule.not_qualified");  // PROV: no code
    const json accepted = cli.Json({"patient", "retrieve", id, "--accept"}, "paul", 0);
    BOOST_TEST(accepted["accepted"]["identity"]["status"] == "RECUP");
    BOOST_TEST(accepted["accepted"]["identity"]["birth_first_names"] == "PIERRE-ALAIN MURIEL FLORIANT");
    BOOST_TEST(accepted["accepted"]["identity"]["ins"].contains("hidden"));  // not qualified yet: INS hidden
    cli.Json({"patient", "validate", id, "--document", "passeport"}, "paul", 0);
    const json shown = cli.Json({"patient", "show", id}, "", 0);
    BOOST_TEST(shown["identity"]["status"] == "QUAL");
    BOOST_TEST(shown["identity"]["ins"]["matricule"] == "109076322083489");  // qualified: shown
    BOOST_TEST(shown["identity"]["ins"]["history"].size() == 2u);
    const json dm = cli.Json({"datamatrix", id, "--payload"}, "", 0);  // qualified: the Datamatrix INS payload
    BOOST_TEST(dm["escaped"] == "IS010000000000000000000000S1109076322083489S21.2.250.1.213.1.4.8<GS>"
                                "S3PIERRE-ALAIN MURIEL FLORIANT<GS>S4ECETINSI<GS>S5MS614-07-2009S763220");
    // A doubtful identity is never sent to INSi.
    cli.Json({"patient", "set-attribute", id, "douteuse"}, "paul", 0);
    const int before = cli.SimTotal();
    const json refused = cli.Json({"patient", "retrieve", id}, "paul", 1);
    BOOST_TEST(refused["message"] == "Appel INSi impossible : identité douteuse.");
    BOOST_TEST(cli.SimTotal() == before);
}

// Printing a qualified identity from the CLI: the document carries « INS : … (NIR) » and a
// Datamatrix that zxing-cpp reads back, from the rasterised PDF page, as the exact payload;
// the label never carries the INS. Then the owner's rule sets round-trip through a file.
BOOST_AUTO_TEST_CASE(QualifiedIdentityPrintsItsInsOnDocumentsNeverOnLabels) {
    cliinsi::Cli cli;
    const json created = cli.Json({"patient", "create", "--birth-name", "ECETINSI", "--first-names", "PIERRE-ALAIN", "--sex",
                                   "M", "--birth-date", "2009-07-14"},
                                  "paul", 0);
    const std::string id = std::to_string(created["identity"]["id"].get<int>());
    cli.Json({"patient", "retrieve", id, "--accept"}, "paul", 0);
    cli.Json({"patient", "validate", id, "--document", "passeport"}, "paul", 0);
    const std::string payload = cli.Json({"datamatrix", id, "--payload"}, "", 0)["payload"];
    const auto dir = cli.dir.Path();
    const std::string fiche = (dir / "fiche.pdf").string(), label = (dir / "label.pdf").string();
    const json doc = cli.Json({"print", "document", id, "--template", "fiche", "--out", fiche}, "paul", 0);
    BOOST_TEST(doc["ins"] == true);
    const json lab = cli.Json({"print", "label", id, "--out", label}, "paul", 0);
    BOOST_TEST(lab["ins"] == false);
    auto capture = [](const std::string& command) {
        std::string out;
        if (FILE* p = popen(command.c_str(), "r")) {
            char buf[4096];
            std::size_t n = 0;
            while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
            pclose(p);
        }
        return out;
    };
    if (std::system("command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null && command -v ZXingReader >/dev/null") != 0) {
        BOOST_TEST_MESSAGE("skipped the decode part: poppler-utils or zxing-cpp-tools missing");
        return;
    }
    const std::string text = capture("pdftotext '" + fiche + "' -");
    BOOST_TEST(text.find("INS : 109076322083489 (NIR)") != std::string::npos, text);
    BOOST_TEST(text.find("INS à scanner") != std::string::npos);
    BOOST_TEST(capture("pdftotext '" + label + "' -").find("109076322083489") == std::string::npos);
    const std::string png = (dir / "page").string();
    // The top-right quarter of page 1 at 300 dpi, where the identity block puts the symbol (zxing's
    // Data Matrix detector searches outwards from the image centre, as a scanner aimed at it does).
    BOOST_REQUIRE(std::system(("pdftoppm -r 300 -gray -png -singlefile -f 1 -l 1 -x 1236 -y 0 -W 1200 -H 1200 '" + fiche +
                               "' '" + png + "'").c_str()) == 0);
    BOOST_TEST(capture("ZXingReader -format DataMatrix -bytes '" + png + ".png'") == payload);

    // The standalone symbol, as a file.
    const std::string symbol = (dir / "dm.png").string();
    cli.Json({"datamatrix", id, "--out", symbol, "--module-mm", "0.5"}, "", 0);
    BOOST_TEST(capture("ZXingReader -format DataMatrix -bytes '" + symbol + "'") == payload);
    BOOST_TEST(cli.Json({"datamatrix", id, "--out", symbol, "--module-mm", "3"}, "", 2)["code"].get<std::string>().size() > 0);

    // Label rule sets: export, edit, import as the owner (refused to the counter), show.
    const std::string rules = (dir / "rules.json").string();
    BOOST_TEST(cli.Run({"label-rules", "export", "boite", "--out", rules}).exit == 0);
    std::ifstream in(rules);
    json edited = json::parse(in);
    edited["ruleSets"][0]["stock"]["widthMm"] = 62;
    edited["ruleSets"][0]["stock"]["heightMm"] = 29;
    std::ofstream(rules) << edited.dump();
    BOOST_TEST(cli.Json({"label-rules", "import", rules}, "paul", 1)["code"] == "rule.permission");
    BOOST_TEST(cli.Json({"label-rules", "import", rules}, "titulaire", 0)["saved"][0] == "boite");
    BOOST_TEST(cli.Run({"label-rules", "show", "boite"}).out.find("62×29 mm") != std::string::npos);
    edited["ruleSets"][0]["fields"].erase(0);  // the birth name, part of the RNIV minimum
    std::ofstream(rules) << edited.dump();
    const json bad = cli.Json({"label-rules", "import", rules}, "titulaire", 2);
    BOOST_TEST(bad["message"].get<std::string>().find("nom de naissance") != std::string::npos, bad.dump());
}

BOOST_AUTO_TEST_CASE(ServiceUnavailableIsAClearEnvironmentError) {
    cliinsi::Cli cli;
    cli.sim.Control(R"({"outage":true})");
    const json r = cli.Json(Cat({"insi", "search"}, kAdrtrois), "paul", 3);
    BOOST_TEST(r["code"] == "insi.unavailable");
    BOOST_TEST(r["message"].get<std::string>().find("temporairement indisponible") != std::string::npos);
    // A missing configuration file is reported too.
    cli.config = (cli.dir.Path() / "absent.conf").string();
    const json missing = cli.Json(Cat({"insi", "search"}, kAdrtrois), "paul", 3);
    BOOST_TEST(missing["code"] == "config.missing");
}


BOOST_AUTO_TEST_CASE(CardReadFromASimulatedReader) {
    cliinsi::Cli cli;
    const std::string card = cliinsi::WriteFamilyCard(cli.dir.Path());
    const json r = cli.Json({"card", "read", "--simulated", card}, "", 0);
    BOOST_TEST(r["card"]["insured_nir"] == "2770763220829");
    BOOST_TEST(r["card"]["beneficiaries"].size() == 2u);
    BOOST_TEST(r["card"]["beneficiaries"][1]["raw_birth_date"] == "20100807");
    std::ofstream(cli.dir.Path() / "bad.json") << R"({"atr":"3B 75 13 00 00 45 09 EA 90 00","insured_nir":"1","beneficiaries":[{"last_name":"X"}]})";
    const json bad = cli.Json({"card", "read", "--simulated", (cli.dir.Path() / "bad.json").string()}, "", 2);
    BOOST_TEST(bad["message"].get<std::string>().find("$.beneficiaries[0]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(CardWatchPrintsReaderEventsAsJsonLines) {
    cliinsi::Cli cli;
    const std::string card = cliinsi::WriteFamilyCard(cli.dir.Path());
    const auto r = cli.Run({"card", "watch", "--simulated", card, "--seconds", "1"});
    BOOST_TEST(r.exit == 0);
    const auto events = cliinsi::Lines(r.out);
    BOOST_REQUIRE(events.size() >= 2u);
    BOOST_TEST(events[0]["event"] == "reader_added");
    BOOST_TEST(events[1]["event"] == "card_inserted");
    BOOST_TEST(events[1]["card"] == "vitale2");
}

BOOST_AUTO_TEST_CASE(HeadlessCounterQualifiesAChildFromTheFamilyCard) {
    cliinsi::Cli cli;
    const std::string card = cliinsi::WriteFamilyCard(cli.dir.Path());
    // Several beneficiaries and no choice: the counter asks.
    auto ask = cliinsi::Lines(cli.Run({"--json", "counter", "--simulated", card}, "paul").out);
    BOOST_REQUIRE(!ask.empty());
    BOOST_TEST(ask.back()["event"] == "choose_beneficiary");
    BOOST_TEST(ask.back()["count"] == 2);
    // The child chosen, accepted, passport checked: qualified.
    const std::vector<std::string> args = {"--json", "counter", "--simulated", card, "--beneficiary", "2",
                                           "--auto-accept", "--document", "passeport"};
    const auto r = cli.Run(args, "paul");
    BOOST_TEST(r.exit == 0, r.err);
    const auto events = cliinsi::Lines(r.out);
    std::vector<std::string> names;
    for (const auto& e : events) names.push_back(e["event"].get<std::string>());
    const std::vector<std::string> expected = {"reader_added", "card_inserted", "beneficiaries", "beneficiary_chosen",
                                               "proposal", "created_from_ins", "document_checked"};
    BOOST_REQUIRE(names.size() == expected.size());
    BOOST_TEST(names == expected, boost::test_tools::per_element());
    BOOST_TEST(events[4]["insi"] == "00");
    BOOST_TEST(events[5]["identity"]["status"] == "RECUP");
    BOOST_TEST(events[6]["identity"]["status"] == "QUAL");
    BOOST_TEST(events[6]["identity"]["ins"]["matricule"] == "110086322083060");
}

BOOST_AUTO_TEST_SUITE_END()
