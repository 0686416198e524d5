#pragma once
// SHA-256 (FIPS 180-4) in portable C++, for the journal's hash chain. The domain computes the
// chain itself so that every store backend produces and verifies the same hashes.

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

private:
    void Block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> m_h;
    std::array<std::uint8_t, 64> m_buf{};
    std::size_t m_bufLen = 0;
    std::uint64_t m_total = 0;
};

}  // namespace vigie::util
