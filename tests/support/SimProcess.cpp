#include "tests/support/SimProcess.h"

#include <curl/curl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

extern char** environ;

namespace vigie::test {

namespace fs = std::filesystem;

std::string SimBinary() { return VIGIE_INSI_SIM_PATH; }
std::string ProjectPersonas() { return std::string(VIGIE_SOURCE_DIR) + "/tools/insi-sim/personas.csv"; }

namespace {

int RunToEnd(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::size_t Collect(char* p, std::size_t s, std::size_t n, void* out) {
    static_cast<std::string*>(out)->append(p, s * n);
    return s * n;
}

std::string Request(const SimProcess& sim, const std::string& path, const std::string* postBody) {
    CURL* h = curl_easy_init();
    std::string body;
    const std::string url = "https://127.0.0.1:" + std::to_string(sim.Port()) + path;
    const std::string ca = (sim.Pki() / "ca.pem").string();
    const std::string cert = (sim.Pki() / "insi-manu.pem").string();
    const std::string key = (sim.Pki() / "insi-manu.key").string();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_CAINFO, ca.c_str());
    curl_easy_setopt(h, CURLOPT_SSLCERT, cert.c_str());
    curl_easy_setopt(h, CURLOPT_SSLKEY, key.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &Collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10000L);
    curl_slist* headers = nullptr;
    if (postBody) {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, postBody->c_str());
    }
    const CURLcode rc = curl_easy_perform(h);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
    if (rc != CURLE_OK || status != 200)
        throw std::runtime_error("simulator " + path + " failed: " + curl_easy_strerror(rc) + " HTTP " +
                                 std::to_string(status) + " " + body);
    return body;
}

}  // namespace

SimProcess::SimProcess() : SimProcess(Options{}) {}

SimProcess::SimProcess(Options options) {
    std::string tmpl = (fs::temp_directory_path() / "vigie-sim-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    m_dir = tmpl;
    m_pki = m_dir / "pki";
    try {
        Start(options);
    } catch (...) {
        Stop();
        throw;
    }
}

void SimProcess::Start(const Options& options) {
    if (RunToEnd({SimBinary(), "pki", "--out", m_pki.string()}) != 0) throw std::runtime_error("vigie-insi-sim pki failed");
    std::vector<std::string> args = {SimBinary(), "--listen", "127.0.0.1:0", "--pki", m_pki.string(), "--personas",
                                     options.personas.empty() ? ProjectPersonas() : options.personas};
    if (!options.logFile.empty()) {
        args.push_back("--log");
        args.push_back(options.logFile);
    }
    args.insert(args.end(), options.extraArgs.begin(), options.extraArgs.end());
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) {
        close(out[0]);
        throw std::runtime_error("cannot start vigie-insi-sim");
    }
    m_pid = pid;
    // Wait for "LISTENING 127.0.0.1:<port>" (10 s at most).
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd p{out[0], POLLIN, 0};
        if (poll(&p, 1, 200) <= 0) continue;
        char buf[256];
        const ssize_t n = read(out[0], buf, sizeof buf);
        if (n <= 0) break;
        line.append(buf, static_cast<std::size_t>(n));
    }
    close(out[0]);
    const auto at = line.find("LISTENING 127.0.0.1:");
    if (at == std::string::npos) throw std::runtime_error("vigie-insi-sim did not start: " + line);
    m_port = std::atoi(line.c_str() + at + 20);
}

SimProcess::~SimProcess() { Stop(); }

void SimProcess::Stop() {
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        int status = 0;
        for (int i = 0; i < 50 && waitpid(m_pid, &status, WNOHANG) == 0; ++i) usleep(20000);
        if (waitpid(m_pid, &status, WNOHANG) == 0) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, &status, 0);
        }
        m_pid = -1;
    }
    std::error_code ec;
    if (!m_dir.empty()) fs::remove_all(m_dir, ec);
}

insi::InsiSettings SimProcess::Settings() const {
    insi::InsiSettings s;
    s.endpoint = Endpoint();
    s.caFile = (m_pki / "ca.pem").string();
    s.manual = {(m_pki / "insi-manu.pem").string(), (m_pki / "insi-manu.key").string(), "", false};
    s.automatic = {(m_pki / "insi-auto.pem").string(), (m_pki / "insi-auto.key").string(), "", false};
    s.idam = "VIGIE0000001";
    s.softwareVersion = "test";
    s.connectTimeoutMs = 3000;
    s.timeoutMs = 5000;
    s.retries = 0;
    s.rateCap = 65;
    s.testMode = true;
    return s;
}

void SimProcess::WriteConfig(const std::filesystem::path& path, double rateCap) const {
    const insi::InsiSettings s = Settings();
    std::ofstream out(path);
    out << "# test configuration\n"
        << "insi.endpoint = " << s.endpoint << "\n"
        << "insi.ca_file = " << s.caFile << "\n"
        << "insi.cert_manu = " << s.manual.certFile << "\ninsi.key_manu = " << s.manual.keyFile << "\n"
        << "insi.cert_auto = " << s.automatic.certFile << "\ninsi.key_auto = " << s.automatic.keyFile << "\n"
        << "insi.idam = " << s.idam << "\n"
        << "insi.timeout_ms = 5000\ninsi.retries = 1\n"
        << "insi.rate_cap = " << rateCap << "\n"
        << "insi.test_mode = true\n";
}

void SimProcess::Control(const std::string& json) const { Request(*this, "/_sim/control", &json); }
std::string SimProcess::Stats() const { return Request(*this, "/_sim/stats", nullptr); }

}  // namespace vigie::test
