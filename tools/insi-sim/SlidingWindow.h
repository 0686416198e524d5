#pragma once
// Events of the last second, for the rate limit and the peak-rate statistic. Not thread-safe:
// the owner locks.

#include <chrono>
#include <cstddef>
#include <deque>

namespace vigie::sim {

class SlidingWindow {
public:
    using Clock = std::chrono::steady_clock;

    explicit SlidingWindow(Clock::duration width = std::chrono::seconds(1)) : m_width(width) {}

    // Events in (now - width, now].
    std::size_t CountAt(Clock::time_point now) {
        while (!m_events.empty() && m_events.front() <= now - m_width) {
            m_events.pop_front();
        }
        return m_events.size();
    }

    // Records an event and returns the count including it.
    std::size_t Push(Clock::time_point now) {
        CountAt(now);
        m_events.push_back(now);
        return m_events.size();
    }

    void Clear() { m_events.clear(); }

private:
    Clock::duration m_width;
    std::deque<Clock::time_point> m_events;
};

}  // namespace vigie::sim
