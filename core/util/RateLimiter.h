#pragma once
// Caps how many operations start per second (the INSi service allows about 65 transactions/s for
// everybody; batch work is capped lower by configuration).
//
// Two rules together:
//  - starts are *paced*, evenly spaced at 1/(share × rate): never a burst (a token bucket's burst,
//    or the first requests of a burst delayed by connection set-up, crowd the server's windows);
//  - and a guard: at most `rate` recorded starts in any window of 1 s + 150 ms, so that requests
//    reaching the service late (a thread descheduled after its slot, a TLS handshake on a loaded
//    computer) cannot crowd `rate` + 1 into one second *as the service counts them*. A margin of
//    50 ms was not enough: the bulk-resume test saw 61 arrivals in one second against a cap of
//    60 on a loaded 2-core machine.
//    The pacing share (87 %) is the one at which pacing alone keeps `rate` starts within the
//    guard's window, so starts stay evenly spaced instead of pausing at every window.
// Thread-safe; Acquire() blocks the caller until it may start.

#include <chrono>
#include <deque>
#include <mutex>
#include <thread>

namespace vigie::util {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr double kPacingShare = 0.87;  // 1 / 1.15: `rate` starts span the guard window

    explicit RateLimiter(double perSecond) { SetRate(perSecond); }

    // Waits for the next start slot; returns false (without taking one) if `cancelled` becomes
    // true first (checked at least every 50 ms).
    template <class Cancelled>
    bool Acquire(Cancelled&& cancelled);
    void Acquire() { Acquire([] { return false; }); }
    void SetRate(double perSecond);
    double Rate() const;  // the configured cap

private:
    static constexpr std::chrono::milliseconds kWindowMargin{150};
    mutable std::mutex m_mutex;
    double m_rate = 1;
    std::size_t m_slots = 1;                  // starts allowed per window
    std::deque<Clock::time_point> m_starts;   // recorded starts, newest last
    Clock::duration m_spacing{};
    Clock::time_point m_next{};  // earliest start of the next operation
};

template <class Cancelled>
bool RateLimiter::Acquire(Cancelled&& cancelled) {
    Clock::time_point slot;
    {
        std::lock_guard lock(m_mutex);
        slot = std::max(Clock::now(), m_next);
        m_next = slot + m_spacing;  // reserve the slot: callers queue in order
    }
    const auto window = std::chrono::seconds(1) + kWindowMargin;
    for (;;) {
        if (cancelled()) return false;  // a reserved slot is simply left unused
        Clock::time_point wake;
        {
            std::lock_guard lock(m_mutex);
            const auto now = Clock::now();
            while (!m_starts.empty() && now - m_starts.front() >= window) m_starts.pop_front();
            if (now >= slot && m_starts.size() < m_slots) {
                m_starts.push_back(now);
                return true;
            }
            wake = now < slot ? slot : m_starts.front() + window;
        }
        std::this_thread::sleep_for(std::min<Clock::duration>(wake - Clock::now(), std::chrono::milliseconds(50)));
    }
}

}  // namespace vigie::util
