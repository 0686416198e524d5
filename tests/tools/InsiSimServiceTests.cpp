// The simulated service without sockets: the order of its checks, the injected failures, the
// rate limit, the hostile modes, the statistics and the request log.

#include "tests/tools/SimRequests.h"
#include "tests/tools/SimTestData.h"
#include "tests/tools/XmlShape.h"
#include "tools/insi-sim/HostileResponder.h"
#include "tools/insi-sim/InsiSimService.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>
#include <unistd.h>

namespace sim = vigie::sim;
namespace t = vigie::sim::test;

namespace {

struct ServiceFixture {
    explicit ServiceFixture(sim::ServiceOptions options = {}, bool withLog = false) {
        if (withLog) {
            logPath = std::filesystem::temp_directory_path() / ("vigie-sim-log-" + std::to_string(::getpid()) + ".jsonl");
            std::filesystem::remove(logPath);
            log = std::make_unique<sim::RequestLog>(logPath);
        }
        service = std::make_unique<sim::InsiSimService>(sim::Matcher(sim::PersonaStore::LoadFile(t::ProjectPersonas())),
                                                         options, control, stats, log.get());
    }
    ~ServiceFixture() {
        service.reset();
        log.reset();
        if (!logPath.empty()) {
            std::filesystem::remove(logPath);
        }
    }

    sim::HttpAnswer Post(const std::string& xml, const std::string& cn = "INSI-MANU",
                         std::optional<std::string> contentType = std::nullopt) {
        const std::string action = xml.find("RECVITALE xmlns") != std::string::npos ? t::kActionVit : t::kActionSans;
        return service->HandleLps({contentType.value_or(t::SoapContentType(action)), xml, cn});
    }
    sim::HttpAnswer Adrtrois(const std::string& cn = "INSI-MANU", t::RequestHeader h = {}) {
        return Post(t::RecSans("ADRTROIS", "DOMINIQUE", "F", "1997-02-26", "", h), cn);
    }
    nlohmann::json Stats() const { return nlohmann::json::parse(stats.ToJson()); }

    sim::SimControl control;
    sim::SimStats stats;
    std::filesystem::path logPath;
    std::unique_ptr<sim::RequestLog> log;
    std::unique_ptr<sim::InsiSimService> service;
};

bool Has(const std::string& text, const std::string& fragment) { return text.find(fragment) != std::string::npos; }

bool IsFault(const sim::HttpAnswer& a, const std::string& code) {
    return a.status == 500 && a.contentType == "application/soap+xml; charset=utf-8" &&
           Has(a.body, "<siram:Erreur code=\"" + code + "\"");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(InsiSimService)

BOOST_AUTO_TEST_CASE(a_good_request_is_answered_00) {
    ServiceFixture f;
    const auto a = f.Adrtrois();
    BOOST_TEST(a.status == 200);
    BOOST_TEST(a.contentType == "application/soap+xml; charset=utf-8");
    BOOST_TEST(Has(a.body, "<CodeCR>00</CodeCR>"));
    BOOST_TEST(Has(a.body, "<NumIdentifiant>297022A020778</NumIdentifiant><Cle>78</Cle>"));
    BOOST_TEST(a.delay.count() == 0);
    const auto recvit = f.Post(t::RecVit("", "2770763220829", "NESSI", "2010-08-07", "1"), "INSI-AUTO");
    BOOST_TEST(Has(recvit.body, "<NumIdentifiant>1100863220830</NumIdentifiant>"));
}

BOOST_AUTO_TEST_CASE(content_type_and_action_are_checked) {
    ServiceFixture f;
    const std::string xml = t::RecSans("ADRUN", "ZOE", "F", "1975-12-31");
    BOOST_TEST(f.Post(xml, "INSI-MANU", std::string("text/xml; charset=utf-8")).status == 415);
    BOOST_TEST(IsFault(f.Post(xml, "INSI-MANU", std::string("application/soap+xml; charset=utf-8")), "sim_requete_invalide"));
    BOOST_TEST(IsFault(f.Post(xml, "INSI-MANU", t::SoapContentType(t::kActionVit)), "sim_requete_invalide"));
    t::RequestHeader h;
    h.action = t::kActionVit;  // wsa:Action of the other operation, same in Content-Type
    const std::string mismatched = t::Envelope(h, t::RecSansBody("ADRUN", "ZOE", "F", "1975-12-31"));
    BOOST_TEST(IsFault(f.Post(mismatched, "INSI-MANU", t::SoapContentType(t::kActionVit)), "sim_requete_invalide"));
    BOOST_TEST(IsFault(f.Post("garbage"), "sim_requete_invalide"));
    BOOST_TEST(f.Stats()["by_code"]["http:415"] == 1);
    BOOST_TEST(f.Stats()["by_code"]["fault:sim_requete_invalide"] == 4);
}

BOOST_AUTO_TEST_CASE(certificate_cn_must_be_insi_auto_or_manu) {
    ServiceFixture f;
    BOOST_TEST(IsFault(f.Adrtrois("INSI-OTHER"), "DESIR_560"));
    BOOST_TEST(IsFault(f.Adrtrois(""), "DESIR_560"));
    BOOST_TEST(IsFault(f.Adrtrois("insi-manu"), "DESIR_560"));
    BOOST_TEST(f.Adrtrois("INSI-AUTO").status == 200);
    // The CN is checked before the IDAM.
    t::RequestHeader h;
    h.idam = "UNKNOWN00000";
    BOOST_TEST(IsFault(f.Adrtrois("INSI-OTHER", h), "DESIR_560"));
}

BOOST_AUTO_TEST_CASE(unknown_or_missing_idam_gives_siram_100_desir_550) {
    ServiceFixture f;
    t::RequestHeader h;
    h.idam = "UNKNOWN00000";
    h.messageId = "uuid:11111111-2222-4333-8444-555555555555";
    const auto a = f.Adrtrois("INSI-MANU", h);
    BOOST_TEST(IsFault(a, "desir_550"));
    BOOST_TEST(Has(a.body, "<soap:Value>soap:siram_100</soap:Value>"));
    BOOST_TEST(Has(a.body, "messageID=\"uuid:11111111-2222-4333-8444-555555555555\""));
    h.withIdam = false;
    BOOST_TEST(IsFault(f.Adrtrois("INSI-MANU", h), "desir_550"));
}

BOOST_AUTO_TEST_CASE(idam_allow_list_is_configurable) {
    sim::ServiceOptions options;
    options.idamAllowList = {"AAAAAAAAAAAA", "BBBBBBBBBBBB"};
    ServiceFixture f(options);
    BOOST_TEST(IsFault(f.Adrtrois(), "desir_550"));
    t::RequestHeader h;
    h.idam = "BBBBBBBBBBBB";
    BOOST_TEST(f.Adrtrois("INSI-MANU", h).status == 200);
}

BOOST_AUTO_TEST_CASE(outage_answers_desir_1020_echoing_the_message_id) {
    ServiceFixture f;
    f.control.ApplyJson(R"({"outage":true})");
    t::RequestHeader h;
    h.messageId = "uuid:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    const auto a = f.Adrtrois("INSI-MANU", h);
    BOOST_TEST(IsFault(a, "desir_1020"));
    BOOST_TEST(Has(a.body, "severite=\"fatale\" messageID=\"uuid:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\""));
    BOOST_TEST(Has(a.body, "<soap:Value>soap:siram_40</soap:Value>"));
    f.control.ApplyJson(R"({"outage":false})");
    BOOST_TEST(f.Adrtrois().status == 200);
}

BOOST_AUTO_TEST_CASE(above_the_max_rate_answers_desir_1020) {
    ServiceFixture f;
    f.control.ApplyJson(R"({"max_rate":3})");
    int ok = 0;
    int refused = 0;
    for (int i = 0; i < 6; ++i) {
        const auto a = f.Adrtrois();
        ok += a.status == 200 ? 1 : 0;
        refused += IsFault(a, "desir_1020") ? 1 : 0;
    }
    BOOST_TEST(ok == 3);
    BOOST_TEST(refused == 3);
    BOOST_TEST(f.Stats()["max_requests_in_any_second"] == 6);
    std::this_thread::sleep_for(std::chrono::milliseconds(1050));
    BOOST_TEST(f.Adrtrois().status == 200);  // the window slid
}

BOOST_AUTO_TEST_CASE(failure_rate_is_seeded_and_reproducible) {
    auto run = [](std::uint64_t seed) {
        sim::ServiceOptions options;
        options.seed = seed;
        ServiceFixture f(options);
        f.control.ApplyJson(R"({"failure_rate":0.5})");
        std::string pattern;
        for (int i = 0; i < 40; ++i) {
            pattern += f.Adrtrois().status == 200 ? '.' : 'F';
        }
        return pattern;
    };
    const std::string a = run(42);
    BOOST_TEST(a == run(42));
    BOOST_TEST(Has(a, "F"));
    BOOST_TEST(Has(a, "."));
    ServiceFixture f;
    f.control.ApplyJson(R"({"failure_rate":1})");
    BOOST_TEST(IsFault(f.Adrtrois(), "desir_1020"));
}

BOOST_AUTO_TEST_CASE(fault_personas_and_invalid_traits_give_insi_102) {
    ServiceFixture f;
    const auto a = f.Post(t::RecSans("D'AEION", "COEUR", "M", "1987-01-25"));
    BOOST_TEST(IsFault(a, "insi_102"));
    BOOST_TEST(Has(a.body, "severite=\"fatal\""));
    BOOST_TEST(IsFault(f.Post(t::RecSans("ADRTROIS", "DOMINIQUE", "f", "1997-02-26")), "insi_102"));
    BOOST_TEST(IsFault(f.Post(t::RecSans("ADRTROIS", "DOMINIQUE", "F", "")), "insi_102"));
}

BOOST_AUTO_TEST_CASE(latency_is_returned_as_a_delay) {
    ServiceFixture f;
    f.control.ApplyJson(R"({"latency_ms":250})");
    BOOST_TEST(f.Adrtrois().delay.count() == 250);
}

BOOST_AUTO_TEST_CASE(hostile_modes_break_the_answer_as_announced) {
    ServiceFixture f;
    auto with = [&](const char* mode) {
        f.control.ApplyJson(std::string(R"({"hostile":")") + mode + "\"}");
        return f.Adrtrois();
    };
    const auto truncated = with("truncated");
    BOOST_TEST(truncated.status == 200);
    BOOST_TEST(!t::IsWellFormed(truncated.body));
    const auto text = with("not-xml");
    BOOST_TEST(text.status == 200);
    BOOST_TEST(text.contentType == "text/plain; charset=utf-8");
    BOOST_TEST(!t::IsWellFormed(text.body));
    BOOST_TEST(text.body.find('<') == std::string::npos);
    const auto huge = with("huge");
    BOOST_TEST(huge.body.size() > sim::kHugeBodyBytes);
    BOOST_TEST(t::IsWellFormed(huge.body));
    const auto fault200 = with("fault-200");
    BOOST_TEST(fault200.status == 200);
    BOOST_TEST(Has(fault200.body, "code=\"desir_1020\""));
    const auto slow = with("slow");
    BOOST_TEST(slow.delay.count() >= 30000);
    BOOST_TEST(Has(slow.body, "<CodeCR>00</CodeCR>"));
    const auto html = with("wrong-content-type");
    BOOST_TEST(html.contentType == "text/html; charset=utf-8");
    const auto normal = with("none");
    BOOST_TEST(normal.contentType == "application/soap+xml; charset=utf-8");
    BOOST_TEST(t::IsWellFormed(normal.body));
}

BOOST_AUTO_TEST_CASE(control_json_is_validated_all_or_nothing) {
    sim::SimControl control;
    const auto s = control.ApplyJson(R"({"latency_ms":5,"failure_rate":0.25,"max_rate":7,"hostile":"slow"})");
    BOOST_TEST(s.latencyMs == 5);
    BOOST_TEST(s.failureRate == 0.25);
    BOOST_TEST(s.maxRate == 7);
    BOOST_TEST((s.hostile == sim::Hostile::Slow));
    for (const char* bad : {R"({"outage":1})", R"({"latency_ms":-1})", R"({"failure_rate":2})", R"({"hostile":"evil"})",
                            R"({"colour":"red"})", R"([1,2])", "not json", R"({"outage":true,"max_rate":"x"})"}) {
        BOOST_CHECK_THROW(control.ApplyJson(bad), std::invalid_argument);
    }
    BOOST_TEST(!control.Get().outage);
    const auto json = nlohmann::json::parse(control.ToJson());
    BOOST_TEST(json["hostile"] == "slow");
    BOOST_TEST(json["max_rate"] == 7);
}

BOOST_AUTO_TEST_CASE(statistics_count_by_cn_operation_and_code) {
    ServiceFixture f;
    f.Adrtrois();
    f.Adrtrois("INSI-AUTO");
    f.Post(t::RecSans("HOUILLES", "PIERRE", "M", "1993-01-27"));
    f.Post(t::RecSans("DE VINCI", "LEONARDO", "M", "2014-02-01"));
    f.Post(t::RecVit("", "2770763220829", "NESSI", "2010-08-07", "1"), "INSI-AUTO");
    f.Adrtrois("INSI-OTHER");
    const auto s = f.Stats();
    BOOST_TEST(s["total"] == 6);
    BOOST_TEST(s["by_cn"]["INSI-MANU"] == 3);
    BOOST_TEST(s["by_cn"]["INSI-AUTO"] == 2);
    BOOST_TEST(s["by_cn"]["INSI-OTHER"] == 1);
    BOOST_TEST(s["by_operation"]["RECSANSVITALE"] == 5);
    BOOST_TEST(s["by_operation"]["RECVITALE"] == 1);
    BOOST_TEST(s["by_code"]["00"] == 3);
    BOOST_TEST(s["by_code"]["01"] == 1);
    BOOST_TEST(s["by_code"]["02"] == 1);
    BOOST_TEST(s["by_code"]["fault:DESIR_560"] == 1);
    BOOST_TEST(s["max_requests_in_any_second"] == 6);
    f.stats.Reset();
    BOOST_TEST(f.Stats()["total"] == 0);
}

BOOST_AUTO_TEST_CASE(every_request_is_logged_as_one_json_line) {
    ServiceFixture f({}, true);
    t::RequestHeader h;
    h.messageId = "uuid:log-1";
    f.Post(t::RecSans("ECETINSI", "PIERRE ALAIN", "M", "2009-07-14", "", h));
    f.Post(t::RecVit("", "2770763220829", "NESSI", "2010-08-07", "1"), "INSI-AUTO");
    f.control.ApplyJson(R"({"outage":true})");
    f.Adrtrois();
    const auto lines = t::Lines(t::ReadText(f.logPath));
    BOOST_TEST_REQUIRE(lines.size() == 3u);
    const auto first = nlohmann::json::parse(lines[0]);
    BOOST_TEST(first["t_ms"].get<long long>() > 1600000000000LL);
    BOOST_TEST(first["cn"] == "INSI-MANU");
    BOOST_TEST(first["operation"] == "RECSANSVITALE");
    BOOST_TEST(first["birth_name"] == "ECETINSI");
    BOOST_TEST(first["first_names"] == "PIERRE ALAIN");
    BOOST_TEST(first["birth_date"] == "2009-07-14");
    BOOST_TEST(first["message_id"] == "uuid:log-1");
    BOOST_TEST(first["result"] == "00");
    BOOST_TEST(nlohmann::json::parse(lines[1])["operation"] == "RECVITALE");
    BOOST_TEST(nlohmann::json::parse(lines[1])["first_names"] == "");
    BOOST_TEST(nlohmann::json::parse(lines[2])["result"] == "fault:desir_1020");
}

BOOST_AUTO_TEST_CASE(many_threads_at_once) {
    ServiceFixture f;
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            for (int j = 0; j < 50; ++j) {
                ok += f.Adrtrois(j % 2 ? "INSI-AUTO" : "INSI-MANU").status == 200 ? 1 : 0;
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    BOOST_TEST(ok == 400);
    BOOST_TEST(f.Stats()["total"] == 400);
    BOOST_TEST(f.Stats()["by_cn"]["INSI-AUTO"] == 200);
}

BOOST_AUTO_TEST_SUITE_END()
