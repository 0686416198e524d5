#include "tools/insi-sim/SimStats.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace vigie::sim {

void SimStats::RecordArrival(SlidingWindow::Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    m_peak = std::max(m_peak, m_arrivals.Push(now));
}

void SimStats::RecordResult(const std::string& cn, const std::string& operation, const std::string& result) {
    std::lock_guard lock(m_mutex);
    ++m_total;
    ++m_byCn[cn];
    if (!operation.empty()) {
        ++m_byOperation[operation];
    }
    ++m_byCode[result];
}

void SimStats::Reset() {
    std::lock_guard lock(m_mutex);
    m_total = 0;
    m_byCn.clear();
    m_byOperation.clear();
    m_byCode.clear();
    m_arrivals.Clear();
    m_peak = 0;
}

std::string SimStats::ToJson() const {
    std::lock_guard lock(m_mutex);
    nlohmann::ordered_json byOperation = {{"RECSANSVITALE", 0}, {"RECVITALE", 0}};
    for (const auto& [name, count] : m_byOperation) {
        byOperation[name] = count;
    }
    const nlohmann::ordered_json out = {{"total", m_total},
                                {"by_cn", m_byCn},
                                {"by_operation", byOperation},
                                {"by_code", m_byCode},
                                {"max_requests_in_any_second", m_peak}};
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vigie::sim
