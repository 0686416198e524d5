// The real binary over real mutual TLS: `vigie-insi-sim pki`, then the server on port 0, driven
// with the curl CLI (an independent TLS client). Each test starts its own simulator; the
// ChildProcess destructor stops it even when a check fails.

#include "tests/tools/ChildProcess.h"
#include "tests/tools/SimRequests.h"
#include "tests/tools/SimTestData.h"
#include "tests/tools/TempDir.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <signal.h>

#include <fstream>
#include <memory>
#include <thread>

namespace t = vigie::sim::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

const std::string kSim = VIGIE_SIM_PATH;
const std::string kCurl = VIGIE_CURL_PATH;
const std::string kMarker = "\n@@vigie-curl@@";

struct CurlReply {
    int exitCode = -1;
    int status = 0;  // 0 when no HTTP answer (e.g. TLS refused)
    std::string contentType;
    std::string body;
};

struct Client {
    std::vector<std::string> tlsArgs;  // --cert/--key or nothing
};

class SimFixture {
public:
    SimFixture() {
        BOOST_TEST_REQUIRE(!kCurl.empty(), "the curl command-line tool is needed (apt-get install curl)");
        const auto pki = t::Run({kSim, "pki", "--out", Pki().string(), "--days", "2"});
        BOOST_TEST_REQUIRE(pki.exitCode == 0, pki.output);
    }

    fs::path Pki() const { return m_dir.Path() / "pki"; }
    fs::path Log() const { return m_dir.Path() / "requests.jsonl"; }
    std::string Pem(const std::string& name) const { return (Pki() / name).string(); }

    // Starts a simulator; returns its port.
    int Start(std::vector<std::string> extra = {}) {
        std::vector<std::string> argv = {kSim,         "--listen", "127.0.0.1:0",  "--pki",
                                         Pki().string(), "--personas", t::ProjectPersonas().string(),
                                         "--log",      Log().string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        m_sim = std::make_unique<t::ChildProcess>(argv, false);
        const auto line = m_sim->ReadLine(10s);
        BOOST_TEST_REQUIRE(line.has_value(), "no LISTENING line");
        BOOST_TEST_REQUIRE(line->rfind("LISTENING 127.0.0.1:", 0) == 0u, *line);
        m_port = std::stoi(line->substr(20));
        BOOST_TEST_REQUIRE(m_port > 0);
        return m_port;
    }

    Client Manu() const { return {{"--cert", Pem("insi-manu.pem"), "--key", Pem("insi-manu.key")}}; }
    Client Auto() const { return {{"--cert", Pem("insi-auto.pem"), "--key", Pem("insi-auto.key")}}; }
    Client WrongCn() const { return {{"--cert", Pem("wrong-cn.pem"), "--key", Pem("wrong-cn.key")}}; }
    Client OtherCa() const { return {{"--cert", Pem("other-client.pem"), "--key", Pem("other-client.key")}}; }
    Client P12() const { return {{"--cert-type", "P12", "--cert", Pem("insi-manu.p12") + ":vigie-test"}}; }
    Client NoCert() const { return {}; }

    std::vector<std::string> CurlArgs(const Client& client, const std::string& path, const std::string& body,
                                      const std::string& contentType, std::vector<std::string> extra = {}) {
        std::vector<std::string> argv = {kCurl,     "-sS",      "--noproxy", "*",           "--max-time", "20",
                                         "--cacert", Pem("ca.pem"), "-w",     kMarker + "%{http_code}|%{content_type}"};
        argv.insert(argv.end(), client.tlsArgs.begin(), client.tlsArgs.end());
        argv.insert(argv.end(), extra.begin(), extra.end());
        if (!body.empty()) {
            const fs::path file = m_dir.Path() / ("body-" + std::to_string(m_bodies++) + ".xml");
            std::ofstream(file, std::ios::binary) << body;
            argv.insert(argv.end(), {"-H", "Content-Type: " + contentType, "--data-binary", "@" + file.string()});
        }
        argv.push_back("https://127.0.0.1:" + std::to_string(m_port) + path);
        return argv;
    }

    static CurlReply Parse(int exitCode, const std::string& out) {
        CurlReply reply;
        reply.exitCode = exitCode;
        const auto at = out.rfind(kMarker);
        if (at == std::string::npos) {
            reply.body = out;
            return reply;
        }
        reply.body = out.substr(0, at);
        const std::string tail = out.substr(at + kMarker.size());
        reply.status = std::stoi(tail.substr(0, tail.find('|')));
        reply.contentType = tail.substr(tail.find('|') + 1);
        return reply;
    }

    CurlReply Curl(const Client& client, const std::string& path, const std::string& body = "",
                   const std::string& contentType = "", std::vector<std::string> extra = {}) {
        const auto r = t::Run(CurlArgs(client, path, body, contentType, std::move(extra)));
        return Parse(r.exitCode, r.output);
    }

    CurlReply Lps(const Client& client, const std::string& xml, std::vector<std::string> extra = {}) {
        return Curl(client, "/lps", xml, t::SoapContentType(t::kActionSans), std::move(extra));
    }

    nlohmann::json Stats() {
        const auto r = Curl(Manu(), "/_sim/stats");
        BOOST_TEST_REQUIRE(r.status == 200, r.body);
        return nlohmann::json::parse(r.body);
    }

    t::ChildProcess& Sim() { return *m_sim; }

private:
    t::TempDir m_dir;
    std::unique_ptr<t::ChildProcess> m_sim;
    int m_port = 0;
    int m_bodies = 0;
};

const std::string kAdrtrois = t::RecSans("ADRTROIS", "DOMINIQUE", "F", "1997-02-26");

}  // namespace

BOOST_FIXTURE_TEST_SUITE(InsiSimServer, SimFixture)

BOOST_AUTO_TEST_CASE(recsansvitale_over_mutual_tls_answers_00) {
    Start();
    const auto r = Lps(Manu(), kAdrtrois);
    BOOST_TEST(r.exitCode == 0, r.body);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.contentType == "application/soap+xml; charset=utf-8");
    BOOST_TEST(r.body.find("<CodeCR>00</CodeCR>") != std::string::npos, r.body);
    BOOST_TEST(r.body.find("<NumIdentifiant>297022A020778</NumIdentifiant><Cle>78</Cle>") != std::string::npos);
    // The PKCS#12 of INSI-MANU works too, and TLS 1.2 is accepted.
    BOOST_TEST(Lps(P12(), kAdrtrois).status == 200);
    BOOST_TEST(Lps(Auto(), kAdrtrois, {"--tls-max", "1.2"}).status == 200);
}

BOOST_AUTO_TEST_CASE(wrong_cn_gets_desir_560) {
    Start();
    const auto r = Lps(WrongCn(), kAdrtrois);
    BOOST_TEST(r.status == 500);
    BOOST_TEST(r.contentType == "application/soap+xml; charset=utf-8");
    BOOST_TEST(r.body.find("code=\"DESIR_560\"") != std::string::npos, r.body);
}

BOOST_AUTO_TEST_CASE(no_client_certificate_or_another_ca_fails_the_handshake) {
    Start();
    const auto none = Lps(NoCert(), kAdrtrois);
    BOOST_TEST(none.exitCode != 0);
    BOOST_TEST(none.status == 0);
    const auto other = Lps(OtherCa(), kAdrtrois);
    BOOST_TEST(other.exitCode != 0);
    BOOST_TEST(other.status == 0);
    BOOST_TEST(Stats()["total"] == 0);  // nothing reached the service
}

BOOST_AUTO_TEST_CASE(stats_and_log_count_every_request) {
    Start();
    Lps(Manu(), kAdrtrois);
    Lps(Auto(), kAdrtrois);
    Lps(Manu(), t::RecSans("DE VINCI", "LEONARDO", "M", "2014-02-01"));
    Lps(WrongCn(), kAdrtrois);
    const auto vit = Curl(Auto(), "/lps", t::RecVit("", "2770763220829", "NESSI", "2010-08-07", "1"),
                          t::SoapContentType(t::kActionVit));
    BOOST_TEST(vit.body.find("<NumIdentifiant>1100863220830</NumIdentifiant>") != std::string::npos, vit.body);
    const auto s = Stats();
    BOOST_TEST(s["total"] == 5);
    BOOST_TEST(s["by_cn"]["INSI-MANU"] == 2);
    BOOST_TEST(s["by_cn"]["INSI-AUTO"] == 2);
    BOOST_TEST(s["by_cn"]["INSI-OTHER"] == 1);
    BOOST_TEST(s["by_operation"]["RECSANSVITALE"] == 4);
    BOOST_TEST(s["by_operation"]["RECVITALE"] == 1);
    BOOST_TEST(s["by_code"]["00"] == 3);
    BOOST_TEST(s["by_code"]["02"] == 1);
    BOOST_TEST(s["by_code"]["fault:DESIR_560"] == 1);
    BOOST_TEST(s["max_requests_in_any_second"].get<int>() >= 1);
    BOOST_TEST(t::Lines(t::ReadText(Log())).size() == 5u);
}

BOOST_AUTO_TEST_CASE(runtime_control_injects_an_outage) {
    Start();
    auto control = [&](const std::string& json) {
        return Curl(Manu(), "/_sim/control", json, "application/json");
    };
    const auto on = control(R"({"outage":true})");
    BOOST_TEST(on.status == 200, on.body);
    BOOST_TEST(nlohmann::json::parse(on.body)["outage"] == true);
    const auto r = Lps(Manu(), kAdrtrois);
    BOOST_TEST(r.status == 500);
    BOOST_TEST(r.body.find("code=\"desir_1020\"") != std::string::npos);
    BOOST_TEST(r.body.find("messageID=\"uuid:0b6a3f0e-8f0c-4c43-9d55-6f7f2f0f9a01\"") != std::string::npos);
    BOOST_TEST(control(R"({"outage":"yes"})").status == 400);
    BOOST_TEST(control(R"({"outage":false,"reset_stats":true})").status == 200);
    BOOST_TEST(Lps(Manu(), kAdrtrois).status == 200);
    BOOST_TEST(Stats()["total"] == 1);
}

BOOST_AUTO_TEST_CASE(wrong_server_name_is_rejected_by_the_client) {
    Start({"--server-identity", "wrong-name"});
    const auto r = Lps(Manu(), kAdrtrois);
    BOOST_TEST(r.exitCode != 0);
    BOOST_TEST(r.status == 0);
}

BOOST_AUTO_TEST_CASE(parallel_requests_are_served_at_once) {
    Start({"--latency-ms", "300"});
    std::vector<std::unique_ptr<t::ChildProcess>> clients;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) {
        clients.push_back(std::make_unique<t::ChildProcess>(CurlArgs(i % 2 ? Manu() : Auto(), "/lps", kAdrtrois,
                                                                     t::SoapContentType(t::kActionSans))));
    }
    for (auto& c : clients) {
        const auto code = c->Wait(20s);
        BOOST_TEST_REQUIRE(code.has_value());
        BOOST_TEST(Parse(*code, c->Output()).status == 200);
    }
    // Ten 300 ms answers in parallel, not one after the other.
    BOOST_TEST((std::chrono::steady_clock::now() - start < 2500ms));
    BOOST_TEST(Stats()["max_requests_in_any_second"].get<int>() >= 5);
}

BOOST_AUTO_TEST_CASE(sigterm_stops_promptly_even_with_a_slow_answer_pending) {
    Start();
    BOOST_TEST(Curl(Manu(), "/_sim/control", R"({"hostile":"slow"})", "application/json").status == 200);
    t::ChildProcess slow(CurlArgs(Manu(), "/lps", kAdrtrois, t::SoapContentType(t::kActionSans)));
    std::this_thread::sleep_for(500ms);
    BOOST_TEST(Stats()["total"] == 1);  // the slow request is in, and other connections are served
    const auto before = std::chrono::steady_clock::now();
    Sim().Signal(SIGTERM);
    const auto code = Sim().Wait(8s);
    BOOST_TEST_REQUIRE(code.has_value());
    BOOST_TEST(*code == 0);
    BOOST_TEST((std::chrono::steady_clock::now() - before < 5s));
    BOOST_TEST(slow.Wait(10s).has_value());
}

BOOST_AUTO_TEST_CASE(refuses_a_non_loopback_address_and_an_existing_pki) {
    const auto r = t::Run({kSim, "--listen", "0.0.0.0:0", "--pki", Pki().string(), "--personas",
                           t::ProjectPersonas().string()});
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(r.output.find("loopback") != std::string::npos, r.output);
    const auto again = t::Run({kSim, "pki", "--out", Pki().string()});
    BOOST_TEST(again.exitCode == 1);
    BOOST_TEST(again.output.find("--force") != std::string::npos, again.output);
    const auto bad = t::Run({kSim, "--listen", "127.0.0.1:0", "--pki", Pki().string(), "--personas",
                             (Pki() / "ca.pem").string()});
    BOOST_TEST(bad.exitCode == 2, bad.output);
}

BOOST_AUTO_TEST_SUITE_END()
