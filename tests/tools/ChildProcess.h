#pragma once
// Test helper: a child process with its stdout (and stderr) captured through a pipe. The
// destructor always ends and reaps it (SIGTERM, then SIGKILL after a grace period), so a
// failing test never leaves a simulator or a curl behind; if the test process itself is killed,
// the child gets SIGKILL (PR_SET_PDEATHSIG).

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace vigie::sim::test {

class ChildProcess {
public:
    // Starts argv[0] (a path, no PATH search). `mergeStderr` also captures stderr; otherwise it
    // is inherited. Throws std::runtime_error when the process cannot be started.
    explicit ChildProcess(const std::vector<std::string>& argv, bool mergeStderr = true);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // One line of output without its '\n'; nullopt on EOF or timeout.
    std::optional<std::string> ReadLine(std::chrono::milliseconds timeout);
    // Waits for the exit (reading all output); the exit code, 128+signal, or nullopt on timeout.
    std::optional<int> Wait(std::chrono::milliseconds timeout);
    void Signal(int signal) const;
    const std::string& Output() const { return m_output; }
    pid_t Pid() const { return m_pid; }

private:
    bool Pump(std::chrono::milliseconds timeout);  // reads what is there; false on EOF
    bool Reap(bool block);

    pid_t m_pid = -1;
    int m_fd = -1;
    std::string m_output;  // everything read so far
    std::size_t m_consumed = 0;  // by ReadLine
    std::optional<int> m_exit;
};

struct RunResult {
    int exitCode = -1;
    std::string output;
};

// Runs to completion (killed after `timeout`).
RunResult Run(const std::vector<std::string>& argv, std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace vigie::sim::test
