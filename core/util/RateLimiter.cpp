#include "core/util/RateLimiter.h"

#include <cmath>

namespace vigie::util {

RateLimiter::RateLimiter(double perSecond, std::chrono::milliseconds margin) : m_margin(margin) { SetRate(perSecond); }

void RateLimiter::SetRate(double perSecond) {
    std::lock_guard lock(m_mutex);
    // Below 1/s, one start per 1/rate seconds; otherwise `rate` starts per second.
    if (perSecond >= 1.0) {
        m_slots = static_cast<std::size_t>(std::floor(perSecond));
        m_window = std::chrono::seconds(1) + m_margin;
    } else {
        m_slots = 1;
        m_window = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / std::max(perSecond, 0.01))) + m_margin;
    }
}

double RateLimiter::Rate() const {
    std::lock_guard lock(m_mutex);
    return static_cast<double>(m_slots) / std::chrono::duration<double>(m_window - m_margin).count();
}

}  // namespace vigie::util
