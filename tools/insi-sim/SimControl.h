#pragma once
// The simulator's runtime knobs: set from the command line, changed by tests through
// POST /_sim/control. Thread-safe: every accessor locks.

#include <mutex>
#include <string>
#include <string_view>

namespace vigie::sim {

enum class Hostile { None, Truncated, NotXml, Huge, Fault200, Slow, WrongContentType };

std::string_view HostileName(Hostile mode);
bool ParseHostile(std::string_view text, Hostile& mode);

struct ControlSettings {
    bool outage = false;        // every /lps answer is desir_1020
    int latencyMs = 0;          // added before every /lps answer
    double failureRate = 0.0;   // probability of an injected desir_1020, 0..1
    int maxRate = 0;            // admitted /lps requests per sliding second, 0 = unlimited
    Hostile hostile = Hostile::None;
};

class SimControl {
public:
    explicit SimControl(ControlSettings initial = {}) : m_settings(initial) {}

    ControlSettings Get() const;
    // Applies a JSON object {"outage":bool,"latency_ms":int,"failure_rate":number,"max_rate":int,
    // "hostile":"none|truncated|not-xml|huge|fault-200|slow|wrong-content-type"}; every field is
    // optional. All or nothing: throws std::invalid_argument (with a message) on any bad field,
    // leaving the settings unchanged. Returns the new settings.
    ControlSettings ApplyJson(std::string_view json);
    std::string ToJson() const;

private:
    mutable std::mutex m_mutex;
    ControlSettings m_settings;
};

}  // namespace vigie::sim
