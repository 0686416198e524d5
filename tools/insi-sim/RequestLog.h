#pragma once
// --log FILE: one JSON object per /lps request, appended and flushed line by line, so a test
// can count the requests that reached the service even after killing the client.
// Thread-safe.

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>

namespace vigie::sim {

struct LogEntry {
    std::string cn;
    std::string operation;    // RECSANSVITALE / RECVITALE, "" when unreadable
    std::string birthName;
    std::string firstNames;   // "" for RECVITALE
    std::string birthDate;
    std::string messageId;
    std::string result;       // 00, 01, 02, fault:<code>
};

class RequestLog {
public:
    // Opens for appending; throws vigie::EnvironmentError when the file cannot be opened.
    explicit RequestLog(const std::filesystem::path& path);
    ~RequestLog();
    RequestLog(const RequestLog&) = delete;
    RequestLog& operator=(const RequestLog&) = delete;

    // {"t_ms":<ms since the epoch>,"cn":…,"operation":…,"birth_name":…,"first_names":…,
    //  "birth_date":…,"message_id":…,"result":…}
    void Write(const LogEntry& entry);

private:
    std::mutex m_mutex;
    std::FILE* m_file = nullptr;
};

}  // namespace vigie::sim
