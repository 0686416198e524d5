#pragma once
// SHA-256 (FIPS 180-4) for the journal's hash chain. The domain computes the chain itself so that
// every store backend produces and verifies the same hashes. Portable C++, with the x86 SHA
// extensions used when the processor has them (compiler intrinsics, chosen once at run time):
// the chain is hashed for every journaled change, a bulk import included.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::util {

class Sha256 {
public:
    Sha256();
    void Update(std::string_view data);
    std::array<std::uint8_t, 32> Final();
    static std::string HexDigest(std::string_view data);
    static std::string ToHex(const std::array<std::uint8_t, 32>& digest);
    // True when the SHA extensions are in use (VIGIE_SHA256_PORTABLE=1 forces the portable code).
    static bool HardwareAccelerated();

private:
    void Blocks(const std::uint8_t* p, std::size_t count);
    std::array<std::uint32_t, 8> m_h;
    std::array<std::uint8_t, 64> m_buf{};
    std::size_t m_bufLen = 0;
    std::uint64_t m_total = 0;
};

}  // namespace vigie::util
