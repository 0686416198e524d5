#pragma once
// Test helper: one vigie-vcard process (a card in a virtual reader). Its stderr is appended to
// a log file; its stdin is a pipe (for --interactive). The destructor always ends and reaps it;
// if the test process dies, the child gets SIGKILL (PR_SET_PDEATHSIG).

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace vigie::pcsctest {

class VcardProcess {
public:
    VcardProcess(const std::vector<std::string>& args, const std::string& logFile);
    ~VcardProcess();
    VcardProcess(const VcardProcess&) = delete;
    VcardProcess& operator=(const VcardProcess&) = delete;

    void WriteLine(const std::string& line);
    // SIGTERM (= card removed), then the exit code (128+signal when killed), nullopt on timeout.
    std::optional<int> Stop(std::chrono::milliseconds timeout = std::chrono::milliseconds(3000));
    std::optional<int> Wait(std::chrono::milliseconds timeout);
    pid_t Pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    int m_stdin = -1;
    std::optional<int> m_exit;
};

std::string VcardPath();   // the vigie-vcard binary under test
std::string CardsDir();    // tools/vcard/cards of the source tree

}  // namespace vigie::pcsctest
