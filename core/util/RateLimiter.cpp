#include "core/util/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace vigie::util {

void RateLimiter::SetRate(double perSecond) {
    std::lock_guard lock(m_mutex);
    m_rate = std::max(perSecond, 0.01);
    m_slots = static_cast<std::size_t>(std::max(1.0, std::floor(m_rate)));
    m_spacing = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / (kPacingShare * m_rate)));
}

double RateLimiter::Rate() const {
    std::lock_guard lock(m_mutex);
    return m_rate;
}

}  // namespace vigie::util
