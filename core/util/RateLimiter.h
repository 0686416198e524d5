#pragma once
// Caps how many operations start per second (the INSi service allows about 65 transactions/s for
// everybody; batch work is capped lower by configuration).
//
// Starts are *paced*, evenly spaced at 1/(share × rate): a burst allowance (token bucket) or a
// window counted at the client cannot bound what the server sees, because the first requests of a
// burst are delayed by connection set-up while later ones on warm connections are not. Spacing
// at 97 % of the cap tolerates ~30 ms of arrival jitter in every 1-second window at the server,
// and still runs at ≥ 95 % of the cap.
// Thread-safe; Acquire() blocks the caller until it may start.

#include <chrono>
#include <mutex>
#include <thread>

namespace vigie::util {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr double kPacingShare = 0.97;

    explicit RateLimiter(double perSecond) { SetRate(perSecond); }

    // Waits for the next start slot; returns false (without taking one) if `cancelled` becomes
    // true first (checked at least every 50 ms).
    template <class Cancelled>
    bool Acquire(Cancelled&& cancelled);
    void Acquire() { Acquire([] { return false; }); }
    void SetRate(double perSecond);
    double Rate() const;  // the configured cap

private:
    mutable std::mutex m_mutex;
    double m_rate = 1;
    Clock::duration m_spacing{};
    Clock::time_point m_next{};  // earliest start of the next operation
};

template <class Cancelled>
bool RateLimiter::Acquire(Cancelled&& cancelled) {
    Clock::time_point slot;
    {
        std::lock_guard lock(m_mutex);
        const auto now = Clock::now();
        slot = std::max(now, m_next);
        m_next = slot + m_spacing;  // reserve the slot: callers queue in order
    }
    for (;;) {
        const auto now = Clock::now();
        if (now >= slot) return true;
        if (cancelled()) return false;  // the reserved slot is simply left unused
        std::this_thread::sleep_for(std::min<Clock::duration>(slot - now, std::chrono::milliseconds(50)));
    }
}

}  // namespace vigie::util
