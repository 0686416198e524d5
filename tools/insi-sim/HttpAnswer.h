#pragma once
// What the transport must send back for one request, independent of the HTTP library.

#include <chrono>
#include <string>

namespace vigie::sim {

inline constexpr const char* kSoapContentType = "application/soap+xml; charset=utf-8";

struct HttpAnswer {
    int status = 200;
    std::string contentType = kSoapContentType;
    std::string body;
    std::chrono::milliseconds delay{0};  // to wait before answering (latency, slow mode)
};

}  // namespace vigie::sim
