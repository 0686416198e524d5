#pragma once
// Makes an /lps answer misbehave on demand (POST /_sim/control {"hostile": …}), to test that
// the client survives a broken or malicious service: truncated XML, plain text, a 5 MiB body,
// a fault with HTTP 200, a 30 s delay, a text/html content type.

#include <chrono>
#include <string_view>

#include "tools/insi-sim/HttpAnswer.h"
#include "tools/insi-sim/SimControl.h"
#include "tools/insi-sim/SoapWriter.h"

namespace vigie::sim {

inline constexpr std::size_t kHugeBodyBytes = 5 * 1024 * 1024;
inline constexpr std::chrono::seconds kSlowDelay{30};

class HostileResponder {
public:
    // Rewrites `answer` (already computed normally) according to `mode`.
    static void Apply(Hostile mode, HttpAnswer& answer, const SoapWriter& writer, std::string_view messageId);
};

}  // namespace vigie::sim
