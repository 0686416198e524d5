#pragma once
// The simulated INSi behind POST /lps, independent of the HTTP library (so it is unit-tested
// without sockets). Checks, in this order, like a real front end then service:
//   1. Content-Type application/soap+xml (else HTTP 415), readable SOAP 1.2 request and an
//      `action` parameter equal to wsa:Action and to the body's operation (else the
//      simulator's own fault sim_requete_invalide);
//   2. client certificate CN INSI-AUTO / INSI-MANU (else DESIR_560);
//   3. ContexteLPS IDAM in the allow-list (else siram_100 / desir_550);
//   4. outage, then the rate limit (admitted requests in the sliding second), then the injected
//      failure rate (each → siram_40 / desir_1020);
//   5. the search (Matcher): 00 / 01 / 02, or siram_40 / insi_102 for invalid traits and for
//      `fault:insi_102` personas.
// Then the hostile mode, if any, rewrites the answer; latency is returned as a delay.
// Thread-safe: HandleLps may run on many threads at once.

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "tools/insi-sim/HttpAnswer.h"
#include "tools/insi-sim/Matcher.h"
#include "tools/insi-sim/RequestLog.h"
#include "tools/insi-sim/SimDefaults.h"
#include "tools/insi-sim/SimControl.h"
#include "tools/insi-sim/SimStats.h"
#include "tools/insi-sim/SlidingWindow.h"
#include "tools/insi-sim/SoapWriter.h"

namespace vigie::sim {

struct ServiceOptions {
    std::vector<std::string> idamAllowList{kDefaultIdam};
    ResponseStyle style = ResponseStyle::Live;
    std::optional<std::uint64_t> seed;  // for the failure rate; random when absent
};

struct LpsRequest {
    std::string contentType;
    std::string body;
    std::string clientCn;  // subject CN of the verified client certificate
};

class InsiSimService {
public:
    // `log` may be null; `control`, `stats` and `log` must outlive the service.
    InsiSimService(Matcher matcher, ServiceOptions options, SimControl& control, SimStats& stats,
                   RequestLog* log);

    HttpAnswer HandleLps(const LpsRequest& request);

private:
    struct Handled {
        HttpAnswer answer;
        LogEntry log;
    };
    Handled Process(const LpsRequest& request, const ControlSettings& settings, SlidingWindow::Clock::time_point now);
    HttpAnswer FaultAnswer(std::string_view errorCode, const std::string& messageId, std::string_view comment,
                           LogEntry& log) const;
    bool Admit(int maxRate, SlidingWindow::Clock::time_point now);
    bool InjectFailure(double rate);

    Matcher m_matcher;
    ServiceOptions m_options;
    SoapWriter m_writer;
    SimControl& m_control;
    SimStats& m_stats;
    RequestLog* m_log;

    std::mutex m_mutex;  // guards the two below
    SlidingWindow m_admitted;
    std::mt19937_64 m_random;
};

}  // namespace vigie::sim
