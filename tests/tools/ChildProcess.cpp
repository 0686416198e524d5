#include "tests/tools/ChildProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace vigie::sim::test {

using Clock = std::chrono::steady_clock;

ChildProcess::ChildProcess(const std::vector<std::string>& argv, bool mergeStderr) {
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    const pid_t parent = ::getpid();
    m_pid = ::fork();
    if (m_pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw std::runtime_error("fork failed");
    }
    if (m_pid == 0) {
        // Child: only async-signal-safe calls until exec. Signals blocked by the test runner
        // must not stay blocked in the child.
        // Dies with the test process even when that one is SIGKILLed (CTest timeout), where
        // no destructor runs.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) {
            ::_exit(127);
        }
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::dup2(fds[1], STDOUT_FILENO);
        if (mergeStderr) {
            ::dup2(fds[1], STDERR_FILENO);
        }
        const int devNull = ::open("/dev/null", O_RDONLY);
        ::dup2(devNull, STDIN_FILENO);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    m_fd = fds[0];
}

ChildProcess::~ChildProcess() {
    if (!m_exit && m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        if (!Wait(std::chrono::seconds(5))) {
            ::kill(m_pid, SIGKILL);
            Reap(true);
        }
    }
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

bool ChildProcess::Pump(std::chrono::milliseconds timeout) {
    if (m_fd < 0) {
        return false;
    }
    pollfd p{m_fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) {
        return true;  // nothing yet
    }
    char buffer[65536];
    const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
    if (n <= 0) {
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    m_output.append(buffer, static_cast<std::size_t>(n));
    return true;
}

std::optional<std::string> ChildProcess::ReadLine(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const auto eol = m_output.find('\n', m_consumed);
        if (eol != std::string::npos) {
            std::string line = m_output.substr(m_consumed, eol - m_consumed);
            m_consumed = eol + 1;
            return line;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0 || !Pump(std::min(left, std::chrono::milliseconds(100)))) {
            return std::nullopt;
        }
    }
}

bool ChildProcess::Reap(bool block) {
    int status = 0;
    const pid_t r = ::waitpid(m_pid, &status, block ? 0 : WNOHANG);
    if (r != m_pid) {
        return false;
    }
    m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return true;
}

std::optional<int> ChildProcess::Wait(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!m_exit) {
        if (Reap(false)) {
            break;
        }
        if (Clock::now() >= deadline) {
            return std::nullopt;
        }
        if (!Pump(std::chrono::milliseconds(20))) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    while (Pump(std::chrono::milliseconds(0)) && m_fd >= 0) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, 0) <= 0) {
            break;
        }
    }
    return m_exit;
}

void ChildProcess::Signal(int signal) const {
    if (!m_exit && m_pid > 0) {
        ::kill(m_pid, signal);
    }
}

RunResult Run(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
    ChildProcess child(argv);
    const auto code = child.Wait(timeout);
    return RunResult{code.value_or(-1), child.Output()};
}

}  // namespace vigie::sim::test
