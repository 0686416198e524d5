// libFuzzer target for the INSi answer parser: the bytes come from the network, so anything but
// a value or an InsiError (another exception, a crash, a leak, UB) is a finding.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. -I/usr/include/libxml2 \
//     tests/fuzz/FuzzInsiResponse.cpp core/insi/InsiCodec.cpp core/insi/XmlDoc.cpp \
//     core/domain/Date.cpp -lxml2 -o fuzz-insi
//   ./fuzz-insi -max_total_time=60 -max_len=4096 corpus/ tests/data/insi-captures/
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/insi/InsiCodec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const vigie::insi::ParsedResponse parsed = vigie::insi::ParseResponse(bytes);
        // The contract: exactly one of result/fault, and an identity only with CR 00.
        if (parsed.result.has_value() == parsed.fault.has_value()) __builtin_trap();
        if (parsed.result && parsed.result->identity.has_value() != (parsed.result->code == "00")) __builtin_trap();
    } catch (const vigie::ports::InsiError&) {
        // Expected for malformed input.
    }
    return 0;
}
