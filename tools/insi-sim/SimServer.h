#pragma once
// The HTTPS front of the simulator: TLS ≥ 1.2 with the test PKI, a client certificate required
// and verified against DIR/ca.pem (none, or one from another CA → handshake refused), then
//   POST /lps            → InsiSimService
//   POST /_sim/control   → SimControl (JSON; "reset_stats":true also clears the statistics)
//   GET  /_sim/control   → the current settings
//   GET  /_sim/stats     → SimStats
// cpp-httplib stays behind the pimpl. Threading: Bind and Run from one thread; Stop from any
// thread (e.g. a signal-waiting one), idempotent; it also wakes answers waiting on a delay,
// so a slow-mode request never holds up shutdown.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "tools/insi-sim/InsiSimService.h"

namespace vigie::sim {

struct ServerOptions {
    std::string host = "127.0.0.1";   // must be an IPv4 loopback address
    int port = 0;                     // 0 = any free port
    std::filesystem::path pkiDir;
    bool wrongNameIdentity = false;   // serve server-wrong-name.pem instead of server.pem
    std::size_t threads = 64;         // concurrent connections served (slow answers hold one each)
};

class SimServer {
public:
    // Loads the TLS material; throws vigie::EnvironmentError when it cannot.
    SimServer(ServerOptions options, InsiSimService& service, SimControl& control, SimStats& stats);
    ~SimServer();
    SimServer(const SimServer&) = delete;
    SimServer& operator=(const SimServer&) = delete;

    // Binds and listens; returns the port. Throws vigie::EnvironmentError (port in use…).
    int Bind();
    // Serves until Stop(). Returns at once if Stop() came first.
    void Run();
    void Stop();

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace vigie::sim
