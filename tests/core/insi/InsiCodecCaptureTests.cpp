// INSi SOAP codec, real answers (insi.md §4): every capture from the qualification platform
// parses to the right values, concurrently too; oversized and truncated ones are refused.
#include <boost/test/unit_test.hpp>

#include <set>
#include <thread>

#include "tests/core/insi/InsiCodecSupport.h"

namespace fs = std::filesystem;
namespace utf = boost::unit_test;
using namespace vigie;
using namespace vigie::insi;
using namespace vigie::insi::codec_test;

// ---------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(InsiCodecCaptures, *utf::precondition(CapturesAvailable))

BOOST_AUTO_TEST_CASE(AdrtroisDominiqueCorsicanNir) {
    const auto& id = Found(ParseResult(Capture("adrtrois-dominique_cr00.xml")));
    BOOST_TEST(id.ins.active.matricule == "297022A02077878");
    BOOST_TEST(id.ins.active.oid == kOidNir);
    BOOST_TEST(id.ins.history.empty());
    CheckTraits(id.traits, "ADRTROIS", "DOMINIQUE", "DOMINIQUE", domain::Sex::Female, "1997-02-26", "2A020");
}

BOOST_AUTO_TEST_CASE(AdrtroisToussaint) {
    const auto& id = Found(ParseResult(Capture("adrtrois-toussaint_cr00.xml")));
    BOOST_TEST(id.ins.active.matricule == "160012B02077713");
    BOOST_TEST(id.ins.active.oid == kOidNir);
    BOOST_TEST(id.ins.history.empty());
    CheckTraits(id.traits, "ADRTROIS", "TOUSSAINT", "TOUSSAINT", domain::Sex::Male, "1960-01-01", "2B020");
}

// Two history entries, the first with DateDeb/DateFin *before* IdIndividu (not XSD order), and
// DateDeb after DateFin: both kept exactly as received.
void CheckEcetinsiWithTwoHistories(const std::string& file) {
    const auto& id = Found(ParseResult(Capture(file)));
    BOOST_TEST(id.ins.active.matricule == "109076322083489");
    BOOST_TEST(id.ins.active.oid == kOidNir);
    BOOST_TEST(id.ins.active.startDate.empty());
    BOOST_REQUIRE(id.ins.history.size() == 2u);
    BOOST_TEST(id.ins.history[0].matricule == "209076322083439");
    BOOST_TEST(id.ins.history[0].oid == kOidNir);
    BOOST_TEST(id.ins.history[0].startDate == "2019-03-01");
    BOOST_TEST(id.ins.history[0].endDate == "2019-02-28");
    BOOST_TEST(id.ins.history[1].matricule == "209066322012355");
    BOOST_TEST(id.ins.history[1].startDate.empty());
    BOOST_TEST(id.ins.history[1].endDate.empty());
    CheckTraits(id.traits, "ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "PIERRE-ALAIN", domain::Sex::Male,
                "2009-07-14", "63220");
}
BOOST_AUTO_TEST_CASE(Cnda204Cas2History) { CheckEcetinsiWithTwoHistories("cnda-2.04-cas2_history.xml"); }
BOOST_AUTO_TEST_CASE(EcetinsiQualification) { CheckEcetinsiWithTwoHistories("ecetinsi-pierre-alain_cr00.xml"); }

BOOST_AUTO_TEST_CASE(EcetinsiLiveHistoryDatesAfterOid) {
    const auto& id = Found(ParseResult(Capture("ecetinsi-pierre-alain_cr00_live.xml")));
    BOOST_TEST(id.ins.active.matricule == "109076322083489");
    BOOST_REQUIRE(id.ins.history.size() == 1u);
    BOOST_TEST(id.ins.history[0].matricule == "209076322083439");
    BOOST_TEST(id.ins.history[0].oid == kOidNir);
    BOOST_TEST(id.ins.history[0].startDate == "2019-03-01");
    BOOST_TEST(id.ins.history[0].endDate == "2019-02-28");
    CheckTraits(id.traits, "ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "PIERRE-ALAIN", domain::Sex::Male,
                "2009-07-14", "63220");
}

BOOST_AUTO_TEST_CASE(Cnda205NiaPrettyPrintedWithComment) {
    const auto& id = Found(ParseResult(Capture("cnda-2.05_nia.xml")));
    BOOST_TEST(id.ins.active.matricule == "109076322088835");
    BOOST_TEST(id.ins.active.oid == "1.2.250.1.213.1.4.9");
    BOOST_TEST(id.ins.history.empty());
    CheckTraits(id.traits, "PROVISOIRE", "MATRICULE", "MATRICULE", domain::Sex::Male, "2009-07-01", "63220");
}

BOOST_AUTO_TEST_CASE(Cnda208Cas1HistorySameAsActive) {
    const auto& id = Found(ParseResult(Capture("cnda-2.08-cas1_history-same.xml")));
    BOOST_TEST(id.ins.active.matricule == "180032B02040123");
    BOOST_REQUIRE(id.ins.history.size() == 1u);
    BOOST_TEST(id.ins.history[0].matricule == "180032B02040123");
    BOOST_TEST(id.ins.history[0].oid == kOidNir);
    CheckTraits(id.traits, "CORSE", "ANTHONY", "ANTHONY", domain::Sex::Male, "1980-03-02", "2B020");
}

BOOST_AUTO_TEST_CASE(Cnda208Cas2BadKeysKeptVerbatim) {
    // Keys 60 and 10 are not the mod-97 keys (76 and 26): the codec keeps what INSi said.
    const auto& id = Found(ParseResult(Capture("cnda-2.08-cas2_history-bad-keys.xml")));
    BOOST_TEST(id.ins.active.matricule == "181036322045660");
    BOOST_REQUIRE(id.ins.history.size() == 2u);
    BOOST_TEST(id.ins.history[0].matricule == "181036322045660");
    BOOST_TEST(id.ins.history[1].matricule == "281036322045610");
    CheckTraits(id.traits, "HERMANN", "GATIEN", "GATIEN", domain::Sex::Male, "1981-03-24", "63220");
}

BOOST_AUTO_TEST_CASE(TchitchiCatarinaTwoFirstNames) {
    const auto& id = Found(ParseResult(Capture("tchitchi-catarina_cr00.xml")));
    BOOST_TEST(id.ins.active.matricule == "236066322083656");
    BOOST_TEST(id.ins.history.empty());
    CheckTraits(id.traits, "TCHITCHI", "CATARINA BELLA", "CATARINA", domain::Sex::Female, "1936-06-21", "63220");
}

BOOST_AUTO_TEST_CASE(Cr01NoIdentity) {
    const auto r = ParseResult(Capture("cr01_no-identity.xml"));
    BOOST_TEST((r.outcome == ports::InsiOutcome::NotFound));
    BOOST_TEST(r.code == "01");
    BOOST_TEST(r.label == "Aucune identite trouvee");
    BOOST_TEST(!r.identity.has_value());
}

ports::InsiFault ParseFault(const std::string& file) {
    ParsedResponse p = ParseResponse(Capture(file));
    BOOST_REQUIRE(p.fault.has_value());
    BOOST_REQUIRE(!p.result.has_value());
    return *p.fault;
}

BOOST_AUTO_TEST_CASE(FaultUnknownIdam) {
    const auto f = ParseFault("fault_siram100_desir550.xml");
    BOOST_TEST(f.code == "Sender");
    BOOST_TEST(f.subcode == "siram_100");
    BOOST_TEST(f.errorCode == "desir_550");
    BOOST_TEST(f.severity == "erreur");
    BOOST_TEST(f.messageId == "uuid:b3549edd-4ae9-472a-b26f-fd2fb4ef397f");
    BOOST_TEST(f.reason == "L'accès par ce progiciel au service n'est pas autorisé. Contactez l'éditeur du "
                           "progiciel ou votre responsable informatique.");
    BOOST_TEST(f.detail == "Numéro d'autorisation du logiciel inconnu.");
}

BOOST_AUTO_TEST_CASE(FaultServiceUnavailable) {
    const auto f = ParseFault("fault_siram40_desir1020.xml");
    BOOST_TEST(f.code == "Sender");
    BOOST_TEST(f.subcode == "siram_40");
    BOOST_TEST(f.errorCode == "desir_1020");
    BOOST_TEST(f.severity == "fatale");
    BOOST_TEST(f.messageId == "uuid:b3549edd-4ae9-472a-b26f-fd2fb4ef397f");
    BOOST_TEST(f.reason.rfind("Le service est temporairement inaccessible. Veuillez renouveler", 0) == 0);
    BOOST_TEST(f.detail == "Le service appelé est temporairement indisponible");
}

BOOST_AUTO_TEST_CASE(EveryCaptureParsesAndTheProjectCopyMatchesShared) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(CapturesDir())) {
        if (entry.path().extension() != ".xml") continue;
        ++count;
        const ParsedResponse p = ParseResponse(ReadFile(entry.path()));
        BOOST_TEST((p.result.has_value() != p.fault.has_value()), entry.path());
        const fs::path shared = kSharedCaptures / entry.path().filename();
        if (fs::exists(shared) && CapturesDir() != kSharedCaptures)
            BOOST_TEST(ReadFile(shared) == ReadFile(entry.path()), "project copy differs: " << shared);
    }
    BOOST_TEST(count == 12);
}

BOOST_AUTO_TEST_CASE(ParsesConcurrently) {
    // Bulk verification parses on several threads (xmlInitParser once, no shared state).
    const std::string answer = Capture("cnda-2.04-cas2_history.xml");
    std::vector<std::thread> threads;
    std::vector<int> ok(8, 0);
    for (std::size_t t = 0; t < ok.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                try {
                    const auto p = ParseResponse(answer);
                    if (p.result && p.result->identity && p.result->identity->ins.history.size() == 2) ++ok[t];
                } catch (...) {  // counted as a failure below; no Boost macro off the main thread
                }
            }
        });
    for (auto& th : threads) th.join();
    for (int n : ok) BOOST_TEST(n == 200);
}

BOOST_AUTO_TEST_CASE(OversizedCaptureRefusedButLimitItselfAccepted) {
    std::string answer = Capture("tchitchi-catarina_cr00.xml");
    answer.append(kMaxResponseBytes - answer.size(), '\n');  // trailing white space is legal XML
    BOOST_TEST(ParseResponse(answer).result.has_value());
    answer += ' ';
    BOOST_TEST(Refused(answer).find("trop volumineuse") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(TruncatedCapturesRefused) {
    const std::string answer = Capture("cnda-2.05_nia.xml");
    for (std::size_t cut : {std::size_t{1}, std::size_t{40}, answer.size() / 2, answer.size() - 12})
        Refused(answer.substr(0, cut));
}

BOOST_AUTO_TEST_SUITE_END()
