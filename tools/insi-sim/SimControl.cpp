#include "tools/insi-sim/SimControl.h"

#include <array>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

namespace vigie::sim {

namespace {

constexpr std::array<std::pair<Hostile, std::string_view>, 7> kHostileNames = {{
    {Hostile::None, "none"},
    {Hostile::Truncated, "truncated"},
    {Hostile::NotXml, "not-xml"},
    {Hostile::Huge, "huge"},
    {Hostile::Fault200, "fault-200"},
    {Hostile::Slow, "slow"},
    {Hostile::WrongContentType, "wrong-content-type"},
}};

}  // namespace

std::string_view HostileName(Hostile mode) {
    for (const auto& [value, name] : kHostileNames) {
        if (value == mode) {
            return name;
        }
    }
    return "none";
}

bool ParseHostile(std::string_view text, Hostile& mode) {
    for (const auto& [value, name] : kHostileNames) {
        if (name == text) {
            mode = value;
            return true;
        }
    }
    return false;
}

ControlSettings SimControl::Get() const {
    std::lock_guard lock(m_mutex);
    return m_settings;
}

ControlSettings SimControl::ApplyJson(std::string_view json) {
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        throw std::invalid_argument("the body must be a JSON object");
    }
    std::lock_guard lock(m_mutex);
    ControlSettings next = m_settings;
    for (const auto& [field, value] : doc.items()) {
        if (field == "outage" && value.is_boolean()) {
            next.outage = value.get<bool>();
        } else if (field == "latency_ms" && value.is_number_integer() && value.get<long long>() >= 0 &&
                   value.get<long long>() <= 600000) {
            next.latencyMs = value.get<int>();
        } else if (field == "failure_rate" && value.is_number() && value.get<double>() >= 0.0 &&
                   value.get<double>() <= 1.0) {
            next.failureRate = value.get<double>();
        } else if (field == "max_rate" && value.is_number_integer() && value.get<long long>() >= 0 &&
                   value.get<long long>() <= 1000000) {
            next.maxRate = value.get<int>();
        } else if (field == "hostile" && value.is_string() && ParseHostile(value.get<std::string>(), next.hostile)) {
            // parsed into next.hostile
        } else if (field == "reset_stats" && value.is_boolean()) {
            // handled by the server (statistics are not settings)
        } else {
            throw std::invalid_argument("bad or unknown field '" + field + "': " + value.dump());
        }
    }
    m_settings = next;
    return m_settings;
}

std::string SimControl::ToJson() const {
    const ControlSettings s = Get();
    const nlohmann::ordered_json out = {{"outage", s.outage},
                          {"latency_ms", s.latencyMs},
                          {"failure_rate", s.failureRate},
                          {"max_rate", s.maxRate},
                          {"hostile", std::string(HostileName(s.hostile))}};
    return out.dump();
}

}  // namespace vigie::sim
