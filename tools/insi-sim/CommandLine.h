#pragma once
// The two command lines of vigie-insi-sim:
//   vigie-insi-sim pki --out DIR [--port N] [--days N] [--force]
//   vigie-insi-sim --listen 127.0.0.1:PORT --pki DIR --personas FILE [--idam LIST]
//       [--server-identity default|wrong-name] [--latency-ms N] [--failure-rate P]
//       [--max-rate N] [--outage] [--log FILE] [--seed S] [--style live|cnda] [--threads N]

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tools/insi-sim/InsiSimService.h"
#include "tools/insi-sim/SimServer.h"
#include "tools/insi-sim/TestPki.h"

namespace vigie::sim {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ServeCommand {
    ServerOptions server;
    std::filesystem::path personas;
    ServiceOptions service;
    ControlSettings control;
    std::optional<std::filesystem::path> log;
};

struct CommandLine {
    enum class Mode { Help, Pki, Serve };
    Mode mode = Mode::Help;
    PkiOptions pki;
    ServeCommand serve;

    // Throws UsageError with a one-line explanation.
    static CommandLine Parse(const std::vector<std::string>& args);
    static std::string Usage();
};

// "127.0.0.1:8443" / "localhost:0" → host and port; throws UsageError for a non-loopback host.
void ParseLoopbackListen(const std::string& text, std::string& host, int& port);

}  // namespace vigie::sim
