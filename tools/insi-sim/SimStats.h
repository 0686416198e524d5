#pragma once
// Counts of /lps requests, exposed by GET /_sim/stats so tests can check a client's behaviour
// (rate cap, retries, certificate choice). Thread-safe.

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

#include "tools/insi-sim/SlidingWindow.h"

namespace vigie::sim {

class SimStats {
public:
    // Called once per /lps request when it arrives (before any check): feeds the peak rate.
    void RecordArrival(SlidingWindow::Clock::time_point now);
    // Called once per /lps request with its outcome. `operation` "" when unreadable;
    // `result` "00", "01", "02" or "fault:<code>".
    void RecordResult(const std::string& cn, const std::string& operation, const std::string& result);
    void Reset();

    // {"total":n,"by_cn":{…},"by_operation":{…},"by_code":{…},"max_requests_in_any_second":n}
    std::string ToJson() const;

private:
    mutable std::mutex m_mutex;
    std::size_t m_total = 0;
    std::map<std::string, std::size_t> m_byCn;
    std::map<std::string, std::size_t> m_byOperation;
    std::map<std::string, std::size_t> m_byCode;
    SlidingWindow m_arrivals;
    std::size_t m_peak = 0;
};

}  // namespace vigie::sim
