// libFuzzer target for the carte Vitale identity file parser: the bytes come from a card, so
// anything but a value or a CardError (another exception, a crash, a leak, UB) is a finding.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
//     tests/fuzz/FuzzVitaleTlv.cpp core/vitale/VitaleTlv.cpp -o fuzz-vitale-tlv
//   ./fuzz-vitale-tlv -max_total_time=30 -max_len=1024 corpus/
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/vitale/VitaleTlv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const vigie::ports::CarteVitale card = vigie::vitale::ParseVitaleTlv(std::span<const std::uint8_t>(data, size));
        // The contract: at least one beneficiary, the insured's NIR split 13 + 2 from the first one,
        // and what was parsed encodes and parses back to the same thing.
        if (card.beneficiaries.empty() || card.insuredNir.size() != 13 || card.insuredNirKey.size() != 2) __builtin_trap();
        if (card.beneficiaries.front().nir != card.insuredNir + card.insuredNirKey) __builtin_trap();
        const vigie::ports::CarteVitale again = vigie::vitale::ParseVitaleTlv(vigie::vitale::EncodeVitaleTlv(card));
        if (again.beneficiaries.size() != card.beneficiaries.size()) __builtin_trap();
        for (std::size_t i = 0; i < card.beneficiaries.size(); ++i) {
            const auto& a = card.beneficiaries[i];
            const auto& b = again.beneficiaries[i];
            if (a.lastName != b.lastName || a.firstName != b.firstName || a.rawBirthDate != b.rawBirthDate ||
                a.nir != b.nir)
                __builtin_trap();
        }
    } catch (const vigie::ports::CardError&) {
        // Expected for malformed input.
    }
    return 0;
}
