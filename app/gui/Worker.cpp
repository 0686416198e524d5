#include "app/gui/Worker.h"

#include <cstdio>
#include <exception>

namespace vigie::gui {

Worker::Worker() : m_thread([this] { Loop(); }) {}

Worker::~Worker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

void Worker::Post(std::function<void()> job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_all();
}

bool Worker::Idle() const {
    std::lock_guard lock(m_mutex);
    return m_jobs.empty() && !m_running;
}

void Worker::Loop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_stop) return;
        auto job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_running = true;
        lock.unlock();
        try {
            job();  // jobs catch their own errors and report them; this is the last line of defence
        } catch (const std::exception& e) {
            std::fprintf(stderr, "vigie : erreur dans une tâche de fond : %s\n", e.what());
        }
        lock.lock();
        m_running = false;
    }
}

}  // namespace vigie::gui
