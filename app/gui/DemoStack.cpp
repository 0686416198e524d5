#include "app/gui/DemoStack.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "core/domain/Errors.h"

extern char** environ;

namespace fs = std::filesystem;

namespace vigie::gui {
namespace {

fs::path SelfDir() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path() : self.parent_path();
}

// Starts argv with stdout (and stderr) into files; returns the pid.
pid_t Spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw EnvironmentError("demo.spawn", "Impossible de lancer « " + args[0] + " ».");
    return pid;
}

std::string Slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

std::string DemoStack::SimulatorPath() {
    if (const char* env = std::getenv("VIGIE_INSI_SIM"); env && *env) return env;
    const fs::path beside = SelfDir() / "vigie-insi-sim";
    if (fs::exists(beside)) return beside.string();
#ifdef VIGIE_INSI_SIM_PATH
    return VIGIE_INSI_SIM_PATH;
#else
    return "vigie-insi-sim";
#endif
}

fs::path DemoStack::CardsDir() {
    if (const char* env = std::getenv("VIGIE_DEMO_CARDS"); env && *env) return env;
    const fs::path installed = SelfDir() / ".." / "share" / "vigie" / "cards";
    if (fs::exists(installed)) return installed;
    return fs::path(VIGIE_SOURCE_DIR) / "tools" / "vcard" / "cards";
}

DemoStack::DemoStack() {
    fs::path base = "/tmp";
    if (const char* rt = std::getenv("XDG_RUNTIME_DIR"); rt && *rt && fs::is_directory(rt)) base = rt;
    std::string tmpl = (base / "vigie-demo-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw EnvironmentError("demo.dir", "Impossible de créer le dossier de démonstration.");
    m_dir = tmpl;
    const std::string sim = SimulatorPath();
    // The test PKI and the configuration that points at it.
    const pid_t pki = Spawn({sim, "pki", "--out", Pki().string()}, m_dir / "pki.out", m_dir / "pki.err");
    int status = 0;
    waitpid(pki, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw EnvironmentError("demo.pki", "La PKI de test n'a pas pu être créée : " + Slurp(m_dir / "pki.err"));
    fs::path personas = SelfDir() / ".." / "share" / "vigie" / "personas.csv";
    if (!fs::exists(personas)) personas = fs::path(VIGIE_SOURCE_DIR) / "tools" / "insi-sim" / "personas.csv";
    m_pid = Spawn({sim, "--listen", "127.0.0.1:0", "--pki", Pki().string(), "--personas", personas.string(), "--log",
                   (m_dir / "insi-requests.log").string()},
                  m_dir / "sim.out", m_dir / "sim.err");
    // The simulator announces its port: "LISTENING 127.0.0.1:<port>".
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (m_port == 0 && std::chrono::steady_clock::now() < deadline) {
        const std::string out = Slurp(m_dir / "sim.out");
        if (const auto at = out.find("LISTENING 127.0.0.1:"); at != std::string::npos) m_port = std::atoi(out.c_str() + at + 20);
        else std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (m_port == 0) {
        const std::string err = Slurp(m_dir / "sim.err");
        Stop();
        std::error_code ec;
        fs::remove_all(m_dir, ec);
        throw EnvironmentError("demo.sim", "Le simulateur INSi n'a pas démarré : " + err);
    }
    // Point the configuration at the port.
    std::string conf = Slurp(Config());
    std::istringstream lines(conf);
    std::ostringstream rewritten;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("insi.endpoint", 0) == 0) line = "insi.endpoint = https://127.0.0.1:" + std::to_string(m_port) + "/lps";
        // At the counter a slow service must not hold the proposal long: the banner shows instead.
        if (line.rfind("insi.timeout_ms", 0) == 0) line = "insi.timeout_ms = 4000";
        if (line.rfind("insi.retries", 0) == 0) line = "insi.retries = 1";
        rewritten << line << '\n';
    }
    std::ofstream(Config()) << rewritten.str();
}

DemoStack::~DemoStack() {
    Stop();
    // The demo leaves nothing behind (a fresh référentiel and PKI each run); VIGIE_KEEP_DEMO keeps it.
    if (const char* keep = std::getenv("VIGIE_KEEP_DEMO"); !keep || !*keep) {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
}

void DemoStack::Stop() {
    if (m_pid <= 0) return;
    kill(m_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 50 && waitpid(m_pid, &status, WNOHANG) == 0; ++i) usleep(20000);
    if (waitpid(m_pid, &status, WNOHANG) == 0) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, &status, 0);
    }
    m_pid = -1;
}

}  // namespace vigie::gui
