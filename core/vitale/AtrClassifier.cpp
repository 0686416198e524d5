#include "core/vitale/AtrClassifier.h"

#include <algorithm>
#include <array>

namespace vigie::vitale {
namespace {

bool StartsWith(std::span<const std::uint8_t> atr, std::span<const std::uint8_t> prefix) {
    return atr.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), atr.begin());
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

ports::CardKind ClassifyAtr(std::span<const std::uint8_t> atr) {
    static constexpr std::array<std::uint8_t, 5> kVitale2Prefix{0x3B, 0x75, 0x13, 0x00, 0x00};
    static constexpr std::array<std::uint8_t, 3> kVitale1Prefix{0x3F, 0x65, 0x25};
    static constexpr std::array<std::uint8_t, 5> kCpsPrefix{0x3B, 0xAC, 0x00, 0x40, 0x2A};
    if (atr.size() == 10 && StartsWith(atr, kVitale2Prefix) && (atr[5] & 0xF0) == 0x40 && atr[6] == 0x09 &&
        (atr[7] == 0xEA || atr[7] == 0xFA) && atr[8] == 0x90 && atr[9] == 0x00)
        return ports::CardKind::Vitale2;
    if (StartsWith(atr, kVitale1Prefix)) return ports::CardKind::Vitale1;
    if (StartsWith(atr, kCpsPrefix)) return ports::CardKind::Cps;
    return ports::CardKind::Unknown;
}

ports::CardKind ClassifyAtrHex(std::string_view hex) {
    const auto bytes = AtrFromHex(hex);
    return bytes ? ClassifyAtr(*bytes) : ports::CardKind::Unknown;
}

std::string AtrToHex(std::span<const std::uint8_t> atr) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(atr.size() * 3);
    for (std::uint8_t b : atr) {
        if (!out.empty()) out.push_back(' ');
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0F]);
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> AtrFromHex(std::string_view hex) {
    std::vector<std::uint8_t> out;
    int high = -1;
    for (char c : hex) {
        if (c == ' ' || c == ':' || c == '-' || c == '\t') {
            if (high >= 0) return std::nullopt;  // a lone nibble before a separator
            continue;
        }
        const int d = HexDigit(c);
        if (d < 0) return std::nullopt;
        if (high < 0) {
            high = d;
        } else {
            out.push_back(static_cast<std::uint8_t>((high << 4) | d));
            high = -1;
        }
    }
    if (high >= 0) return std::nullopt;
    return out;
}

}  // namespace vigie::vitale
