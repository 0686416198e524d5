#pragma once
// Runs vigie-insi-sim for a test: a fresh test PKI in a temporary directory, the server on a
// free loopback port, killed when the object goes away (even when the test fails).
// Control (outage, latency, hostile answers) and statistics go through the simulator's own
// HTTPS endpoints with the test client certificate.

#include <filesystem>
#include <string>
#include <vector>

#include "core/insi/InsiSettings.h"

namespace vigie::test {

class SimProcess {
public:
    struct Options {
        std::string personas;                     // default: the project's personas file
        std::vector<std::string> extraArgs;       // e.g. {"--server-identity", "wrong-name"}
        std::string logFile;                      // --log, when not empty
    };
    SimProcess();  // default options
    explicit SimProcess(Options options);
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    int Port() const { return m_port; }
    const std::filesystem::path& Pki() const { return m_pki; }
    std::string Endpoint() const { return "https://127.0.0.1:" + std::to_string(m_port) + "/lps"; }
    // Client settings pointing at this simulator (INSI-MANU / INSI-AUTO, test mode).
    insi::InsiSettings Settings() const;
    // POST /_sim/control with a JSON body; GET /_sim/stats as JSON text.
    // Writes a vigie.conf (the format InsiSettings::FromConfig reads) pointing at this simulator.
    void WriteConfig(const std::filesystem::path& path, double rateCap = 10) const;
    void Control(const std::string& json) const;
    std::string Stats() const;
    void Stop();

private:
    void Start(const Options& options);
    std::filesystem::path m_dir;
    std::filesystem::path m_pki;
    int m_pid = -1;
    int m_port = 0;
};

// Paths of the built tools (compile definitions from CMake).
std::string SimBinary();
std::string ProjectPersonas();

}  // namespace vigie::test
