#pragma once
// One background thread running jobs in order (card reads, INSi calls, store writes): the GUI
// thread never waits on them. Jobs report back through CallAfter (GuiBridge.h).
// Thread affinity: Post() from any thread; the destructor (GUI thread) finishes the running job,
// drops the queued ones and joins.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace vigie::gui {

class Worker {
public:
    Worker();
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    void Post(std::function<void()> job);
    bool Idle() const;  // nothing queued, nothing running

private:
    void Loop();
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_running = false;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace vigie::gui
