#include "tests/pcsc/VcardProcess.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

#ifndef VIGIE_VCARD_PATH
#error "VIGIE_VCARD_PATH must name the vigie-vcard binary"
#endif

namespace vigie::pcsctest {

std::string VcardPath() { return VIGIE_VCARD_PATH; }
std::string CardsDir() { return std::string(VIGIE_SOURCE_DIR) + "/tools/vcard/cards"; }

VcardProcess::VcardProcess(const std::vector<std::string>& args, const std::string& logFile) {
    int in[2];
    if (::pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    const int log = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log < 0) throw std::runtime_error("log " + logFile);
    std::vector<std::string> argv{VcardPath()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    const pid_t parent = ::getpid();
    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork");
    if (m_pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        ::dup2(in[0], 0);
        ::dup2(log, 1);
        ::dup2(log, 2);
        ::execv(raw[0], raw.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(log);
    m_stdin = in[1];
}

VcardProcess::~VcardProcess() {
    if (!m_exit && m_pid > 0) {
        if (!Stop()) {
            ::kill(m_pid, SIGKILL);
            Wait(std::chrono::milliseconds(2000));
        }
    }
    if (m_stdin >= 0) ::close(m_stdin);
}

void VcardProcess::WriteLine(const std::string& line) {
    const std::string text = line + "\n";
    if (::write(m_stdin, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        throw std::runtime_error("write to vigie-vcard");
}

std::optional<int> VcardProcess::Stop(std::chrono::milliseconds timeout) {
    if (m_exit) return m_exit;
    ::kill(m_pid, SIGTERM);
    return Wait(timeout);
}

std::optional<int> VcardProcess::Wait(std::chrono::milliseconds timeout) {
    if (m_exit) return m_exit;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int status = 0;
        const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
        if (r == m_pid) {
            m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            return m_exit;
        }
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

}  // namespace vigie::pcsctest
