#pragma once
// Caps how many operations start in any window of one second (the INSi service allows about
// 65 transactions/s for everybody; batch work is capped lower by configuration). A sliding
// window over the last `rate` start times guarantees the cap in *every* window, unlike a token
// bucket whose burst can exceed it. A small margin absorbs network jitter on the server side.
// Thread-safe; Acquire() blocks the caller until it may start.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace vigie::util {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    explicit RateLimiter(double perSecond, std::chrono::milliseconds margin = std::chrono::milliseconds(15));

    // Waits for a slot; returns false (without taking one) if `cancelled` becomes true first.
    template <class Cancelled>
    bool Acquire(Cancelled&& cancelled);
    void Acquire() { Acquire([] { return false; }); }
    void SetRate(double perSecond);
    double Rate() const;

private:
    mutable std::mutex m_mutex;
    std::deque<Clock::time_point> m_starts;
    std::size_t m_slots = 1;   // starts allowed per window
    Clock::duration m_window;  // ≥ 1 s
    std::chrono::milliseconds m_margin;
};

template <class Cancelled>
bool RateLimiter::Acquire(Cancelled&& cancelled) {
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (cancelled()) return false;
        const auto now = Clock::now();
        while (!m_starts.empty() && now - m_starts.front() >= m_window) m_starts.pop_front();
        if (m_starts.size() < m_slots) {
            m_starts.push_back(now);
            return true;
        }
        const auto wake = m_starts.front() + m_window;
        lock.unlock();
        // Short sleeps so that cancellation is noticed quickly.
        std::this_thread::sleep_for(std::min<Clock::duration>(wake - now, std::chrono::milliseconds(50)));
        lock.lock();
    }
}

}  // namespace vigie::util
