// The production INSi client against vigie-insi-sim over real mutual TLS on loopback:
// every official test case, TLS refusals, faults, hostile answers, the batch rate cap.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "core/insi/InsiClient.h"
#include "core/usecases/InsiSearch.h"
#include "tests/support/Builders.h"
#include "tests/support/SimProcess.h"

using namespace vigie;
using namespace vigie::ports;
using namespace vigie::usecases;
using test::SimProcess;
namespace bdata = boost::unit_test::data;

namespace e2e {

struct TestCase {
    std::string birthName, firstNames, sex, birthDate, birthPlace, expected, notes;
};
std::ostream& operator<<(std::ostream& os, const TestCase& c) {
    return os << c.birthName << " / " << c.firstNames << " → " << c.expected;
}

std::vector<TestCase> LoadCases() {
    std::ifstream in(std::string(VIGIE_SOURCE_DIR) + "/tests/data/insi-test-cases.csv");
    std::vector<TestCase> out;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string field;
        while (f.size() < 6 && std::getline(ss, field, ',')) f.push_back(field);
        std::getline(ss, field);
        f.push_back(field);
        if (f.size() == 7) out.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6]});
    }
    return out;
}

// One simulator for the whole suite (started on first use).
SimProcess& Sim() {
    static SimProcess sim;
    return sim;
}

InsiTraitsQuery QueryOf(const TestCase& c) {
    InsiTraitsQuery q;
    q.birthName = c.birthName;
    q.firstNames = c.firstNames;
    q.sex = c.sex == "M" ? domain::Sex::Male : domain::Sex::Female;
    q.birthDate = *domain::Date::Parse(c.birthDate);
    q.birthPlace = c.birthPlace;
    return q;
}

InsiTraitsQuery Adrtrois() {
    return {"ADRTROIS", "DOMINIQUE", domain::Sex::Female, domain::Date{1997, 2, 26}, ""};
}

std::string ErrorCodeOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const InsiError& e) {
        return e.Code();
    }
    return "none";
}

}  // namespace e2e

BOOST_AUTO_TEST_SUITE(InsiEndToEnd)

BOOST_AUTO_TEST_CASE(TheTestCasesFileIsThere) { BOOST_TEST(e2e::LoadCases().size() >= 17u); }

BOOST_DATA_TEST_CASE(EveryOfficialTestCase, bdata::make(e2e::LoadCases()), c) {
    test::FixedClock clock;
    insi::InsiClient client(e2e::Sim().Settings(), "00000000-0000-4000-8000-000000000001", clock);
    const InsiTraitsQuery q = e2e::QueryOf(c);
    if (c.expected == "refused locally") {
        auto out = SearchInsByTraits(client, q, InsiCallMode::Operator);
        BOOST_TEST(out.refusal.has_value());
        BOOST_TEST(out.attempts.empty());
        return;
    }
    if (c.expected.rfind("fault", 0) == 0) {  // "fault siram_40 insi_102"
        try {
            SearchInsByTraits(client, q, InsiCallMode::Operator);
            BOOST_FAIL("a fault was expected");
        } catch (const InsiError& e) {
            BOOST_REQUIRE(e.Fault().has_value());
            BOOST_TEST(e.Fault()->subcode == "siram_40");
            BOOST_TEST(e.Fault()->errorCode == "insi_102");
            BOOST_TEST(!e.Transient());
        }
        return;
    }
    auto out = SearchInsByTraits(client, q, InsiCallMode::Operator);
    BOOST_REQUIRE(out.result.has_value());
    BOOST_TEST(out.result->code == c.expected.substr(0, 2));
    if (c.expected.size() > 2) {  // "00 <nir13> <key>"
        std::stringstream ss(c.expected);
        std::string code, nir, key;
        ss >> code >> nir >> key;
        BOOST_REQUIRE(out.result->identity.has_value());
        BOOST_TEST(out.result->identity->ins.active.matricule == nir + key);
        BOOST_TEST(!out.result->identity->ins.retrievedAt.empty());
    }
}

BOOST_AUTO_TEST_CASE(RequestsCarryTheSoapContext) {
    test::FixedClock clock;
    insi::InsiClient client(e2e::Sim().Settings(), "00000000-0000-4000-8000-000000000001", clock);
    const std::string request = client.RenderTraitsRequest(e2e::Adrtrois(), InsiCallMode::Operator);
    BOOST_TEST(request.find("VIGIE0000001") != std::string::npos);                          // IDAM
    BOOST_TEST(request.find("00000000-0000-4000-8000-000000000001") != std::string::npos);  // instance
    BOOST_TEST(request.find("urn:lps:Vigie:test") != std::string::npos);
    BOOST_TEST(request.find("rechercherInsAvecTraitsIdentite") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(InsHistoryAndNiaComeThrough) {
    test::FixedClock clock;
    insi::InsiClient client(e2e::Sim().Settings(), "i", clock);
    auto r = client.SearchByTraits({"ECETINSI", "PIERRE-ALAIN", domain::Sex::Male, {2009, 7, 14}, ""}, InsiCallMode::Operator);
    BOOST_REQUIRE(r.identity.has_value());
    BOOST_TEST(r.identity->traits.birthFirstNames == "PIERRE-ALAIN MURIEL FLORIANT");
    BOOST_TEST(r.identity->ins.history.size() == 2u);
    auto nia = client.SearchByTraits({"PROVISOIRE", "MATRICULE", domain::Sex::Male, {2009, 7, 1}, ""}, InsiCallMode::Operator);
    BOOST_REQUIRE(nia.identity.has_value());
    BOOST_TEST(nia.identity->ins.active.oid == "1.2.250.1.213.1.4.9");
}

BOOST_AUTO_TEST_CASE(CardSearchFindsAChildOnAParentsCard) {
    test::FixedClock clock;
    insi::InsiClient client(e2e::Sim().Settings(), "i", clock);
    InsiVitaleQuery card{std::nullopt, {"2770763220829", "10"}, "NESSI", "20100807", 1};
    auto out = SearchInsWithCard(client, card, "", std::nullopt, InsiCallMode::Operator);
    BOOST_REQUIRE(out.Found());
    BOOST_TEST(out.result->identity->traits.birthFirstNames == "MICHELANGELO ANTHONY");
    BOOST_TEST(out.result->identity->ins.active.matricule == "110086322083060");  // the child's own
}

BOOST_AUTO_TEST_CASE(AProductionClientRefusesTestOids) {
    test::FixedClock clock;
    auto settings = e2e::Sim().Settings();
    settings.testMode = false;
    insi::InsiClient client(settings, "i", clock);
    // DE VINCI is a simulator persona with the test OID …4.10.
    BOOST_TEST(e2e::ErrorCodeOf([&] {
                   client.SearchByTraits({"DE VINCI", "LEONARDO", domain::Sex::Male, {2014, 2, 1}, "63220"},
                                         InsiCallMode::Operator);
               }) == "insi.test_oid");
    BOOST_TEST(client.SearchByTraits(e2e::Adrtrois(), InsiCallMode::Operator).code == "00");  // real OID: fine
}

BOOST_AUTO_TEST_CASE(TlsRefusals) {
    test::FixedClock clock;
    const auto& sim = e2e::Sim();
    auto call = [&](insi::InsiSettings s) {
        return e2e::ErrorCodeOf([&] { insi::InsiClient(s, "i", clock).SearchByTraits(e2e::Adrtrois(), InsiCallMode::Operator); });
    };
    auto untrusted = sim.Settings();
    untrusted.caFile = (sim.Pki() / "other-ca.pem").string();
    BOOST_TEST(call(untrusted) == "insi.tls_server");

    auto wrongCn = sim.Settings();
    wrongCn.manual = {(sim.Pki() / "wrong-cn.pem").string(), (sim.Pki() / "wrong-cn.key").string(), "", false};
    BOOST_TEST(call(wrongCn) == "insi.rights");  // DESIR_560

    auto otherCa = sim.Settings();
    otherCa.manual = {(sim.Pki() / "other-client.pem").string(), (sim.Pki() / "other-client.key").string(), "", false};
    const std::string refused = call(otherCa);
    BOOST_TEST((refused == "insi.tls_handshake" || refused == "insi.network"), refused);

    auto missing = sim.Settings();
    missing.manual = {(sim.Pki() / "absent.pem").string(), (sim.Pki() / "absent.key").string(), "", false};
    BOOST_TEST(call(missing) == "insi.tls_client");

    auto p12 = sim.Settings();
    p12.manual = {(sim.Pki() / "insi-manu.p12").string(), "", "vigie-test", true};
    BOOST_TEST(call(p12) == "none");  // PKCS#12 works
    p12.manual.password = "wrong";
    BOOST_TEST(call(p12) == "insi.tls_client");

    auto plain = sim.Settings();
    plain.endpoint = "http://127.0.0.1:" + std::to_string(sim.Port()) + "/lps";
    BOOST_TEST(call(plain) == "insi.protocol");  // never plain HTTP
}

BOOST_AUTO_TEST_CASE(WrongServerNameIsRefused) {
    SimProcess wrongName(SimProcess::Options{"", {"--server-identity", "wrong-name"}, ""});
    test::FixedClock clock;
    insi::InsiClient client(wrongName.Settings(), "i", clock);
    BOOST_TEST(e2e::ErrorCodeOf([&] { client.SearchByTraits(e2e::Adrtrois(), InsiCallMode::Operator); }) ==
               "insi.tls_server");
}

BOOST_AUTO_TEST_CASE(UnknownIdamIsReported) {
    test::FixedClock clock;
    auto s = e2e::Sim().Settings();
    s.idam = "UNKNOWN00001";
    insi::InsiClient client(s, "i", clock);
    BOOST_TEST(e2e::ErrorCodeOf([&] { client.SearchByTraits(e2e::Adrtrois(), InsiCallMode::Operator); }) == "insi.idam");
}

BOOST_AUTO_TEST_CASE(OutageIsTransientAndRetriedWithBackOff) {
    SimProcess sim;
    sim.Control(R"({"outage":true})");
    test::FixedClock clock;
    auto s = sim.Settings();
    s.retries = 2;
    insi::InsiClient client(s, "i", clock);
    const auto start = std::chrono::steady_clock::now();
    try {
        client.SearchByTraits(e2e::Adrtrois(), InsiCallMode::Operator);
        BOOST_FAIL("outage not reported");
    } catch (const InsiError& e) {
        BOOST_TEST(e.Code() == "insi.unavailable");
        BOOST_TEST(e.Transient());
        BOOST_TEST(e.Fault()->errorCode == "desir_1020");
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(seconds >= 0.4);  // 200 ms + 400 ms back-off, ±25 %
    const auto stats = nlohmann::json::parse(sim.Stats());
    BOOST_TEST(stats["total"].get<int>() == 3);  // 1 + 2 retries
    sim.Control(R"({"outage":false})");
    BOOST_TEST(client.SearchByTraits(e2e::Adrtrois(), InsiCallMode::Operator).code == "00");
}

struct Hostile {
    const char* mode;
    const char* expected;
};
std::ostream& operator<<(std::ostream& os, const Hostile& h) { return os << h.mode; }
const Hostile kHostile[] = {
    {"truncated", "insi.malformed"},     {"not-xml", "insi.content_type"}, {"huge", "insi.too_large"},
    {"fault-200", "insi.unavailable"},   {"slow", "insi.timeout"},         {"wrong-content-type", "insi.content_type"},
};

BOOST_DATA_TEST_CASE(HostileAnswersEndInAClearError, bdata::make(kHostile), h) {
    SimProcess sim;
    sim.Control(std::string(R"({"hostile":")") + h.mode + "\"}");
    test::FixedClock clock;
    auto s = sim.Settings();
    s.timeoutMs = 1500;  // the slow mode answers after 30 s
    insi::InsiClient client(s, "i", clock);
    const auto start = std::chrono::steady_clock::now();
    const std::string code = e2e::ErrorCodeOf([&] { client.SearchByTraits(e2e::Adrtrois(), InsiCallMode::Operator); });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(code == h.expected);
    BOOST_TEST(seconds < 4.0);  // never a hang
}

BOOST_AUTO_TEST_CASE(BatchCallsNeverExceedTheRateCap) {
    SimProcess sim;
    test::FixedClock clock;
    auto s = sim.Settings();
    s.rateCap = 8;
    insi::InsiClient client(s, "i", clock);
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < 6; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 5; ++i)
                if (client.SearchByTraits(e2e::Adrtrois(), InsiCallMode::Batch).code == "00") ++ok;
        });
    for (auto& t : threads) t.join();
    BOOST_TEST(ok.load() == 30);
    const auto stats = nlohmann::json::parse(sim.Stats());
    BOOST_TEST(stats["max_requests_in_any_second"].get<int>() <= 8);
    BOOST_TEST(stats["by_cn"]["INSI-AUTO"].get<int>() == 30);  // batch work uses INSI-AUTO
}

BOOST_AUTO_TEST_SUITE_END()
