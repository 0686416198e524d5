#include "tools/insi-sim/RequestLog.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "core/domain/Errors.h"

namespace vigie::sim {

RequestLog::RequestLog(const std::filesystem::path& path) : m_file(std::fopen(path.c_str(), "a")) {
    if (m_file == nullptr) {
        throw EnvironmentError("sim.log", "cannot open the request log " + path.string());
    }
}

RequestLog::~RequestLog() {
    if (m_file != nullptr) {
        std::fclose(m_file);
    }
}

void RequestLog::Write(const LogEntry& entry) {
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    // The fields come from the request: dump() replaces invalid UTF-8 instead of throwing.
    const nlohmann::ordered_json line = {{"t_ms", ms},
                                 {"cn", entry.cn},
                                 {"operation", entry.operation},
                                 {"birth_name", entry.birthName},
                                 {"first_names", entry.firstNames},
                                 {"birth_date", entry.birthDate},
                                 {"message_id", entry.messageId},
                                 {"result", entry.result}};
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard lock(m_mutex);
    std::fwrite(text.data(), 1, text.size(), m_file);
    std::fflush(m_file);
}

}  // namespace vigie::sim
