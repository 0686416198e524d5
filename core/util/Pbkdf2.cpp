#include "core/util/Pbkdf2.h"

#include <random>
#include <vector>

#include "core/domain/Errors.h"
#include "core/util/Sha256.h"

namespace vigie::util {
namespace {

constexpr std::size_t kBlock = 64;
constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::uint32_t kMaxIterations = 10'000'000;

std::string_view AsView(const std::array<std::uint8_t, 32>& d) {
    return {reinterpret_cast<const char*>(d.data()), d.size()};
}

// HMAC with the key's inner and outer pads absorbed once: every further message costs two
// compressions only (PBKDF2's inner loop is nothing but HMACs under the same key).
class HmacKey {
public:
    explicit HmacKey(std::string_view key) {
        std::array<std::uint8_t, 32> hashed{};
        if (key.size() > kBlock) {
            Sha256 h;
            h.Update(key);
            hashed = h.Final();
            key = AsView(hashed);
        }
        std::array<char, kBlock> ipad{}, opad{};
        for (std::size_t i = 0; i < kBlock; ++i) {
            const auto k = static_cast<std::uint8_t>(i < key.size() ? key[i] : 0);
            ipad[i] = static_cast<char>(k ^ 0x36);
            opad[i] = static_cast<char>(k ^ 0x5c);
        }
        m_inner.Update({ipad.data(), ipad.size()});
        m_outer.Update({opad.data(), opad.size()});
    }
    std::array<std::uint8_t, 32> Mac(std::string_view message) const {
        Sha256 inner = m_inner;
        inner.Update(message);
        const auto innerDigest = inner.Final();
        Sha256 outer = m_outer;
        outer.Update(AsView(innerDigest));
        return outer.Final();
    }

private:
    Sha256 m_inner, m_outer;
};

}  // namespace

std::array<std::uint8_t, 32> HmacSha256(std::string_view key, std::string_view message) {
    return HmacKey(key).Mac(message);
}

std::string Pbkdf2HmacSha256(std::string_view password, std::string_view salt, std::uint32_t iterations,
                             std::size_t length) {
    if (iterations == 0) throw InternalError("internal.pbkdf2", "PBKDF2 : au moins une itération.");
    const HmacKey prf(password);
    std::string out;
    out.reserve(length);
    std::string first(salt);
    first.resize(salt.size() + 4);
    for (std::uint32_t block = 1; out.size() < length; ++block) {
        first[salt.size()] = static_cast<char>(block >> 24);
        first[salt.size() + 1] = static_cast<char>(block >> 16);
        first[salt.size() + 2] = static_cast<char>(block >> 8);
        first[salt.size() + 3] = static_cast<char>(block);
        auto u = prf.Mac(first);
        auto t = u;
        for (std::uint32_t i = 1; i < iterations; ++i) {
            u = prf.Mac(AsView(u));
            for (std::size_t k = 0; k < t.size(); ++k) t[k] ^= u[k];
        }
        out.append(AsView(t).substr(0, std::min(t.size(), length - out.size())));
    }
    return out;
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    // volatile: keeps the compiler from turning the loop into an early-exit comparison.
    volatile unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
    return diff == 0;
}

std::string RandomBytes(std::size_t count) {
    try {
        std::random_device device;
        std::string out(count, '\0');
        for (std::size_t i = 0; i < count;) {
            const auto word = device();  // 32 random bits
            for (int k = 0; k < 4 && i < count; ++k, ++i) out[i] = static_cast<char>((word >> (8 * k)) & 0xff);
        }
        return out;
    } catch (const std::exception& e) {
        throw EnvironmentError("env.random", std::string("Source d'aléa du système illisible : ") + e.what());
    }
}

std::string BytesToHex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += kDigits[c >> 4];
        out += kDigits[c & 0x0f];
    }
    return out;
}

std::optional<std::string> HexToBytes(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi << 4 | lo);
    }
    return out;
}

std::string MakePbkdf2Record(std::string_view secret, std::uint32_t iterations, std::optional<std::string> salt) {
    const std::string s = salt ? std::move(*salt) : RandomBytes(kPbkdf2SaltBytes);
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + BytesToHex(s) + "$" +
           BytesToHex(Pbkdf2HmacSha256(secret, s, iterations, 32));
}

std::optional<Pbkdf2Record> ParsePbkdf2Record(std::string_view record) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const auto end = record.find('$', start);
        parts.push_back(record.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    if (parts.size() != 4 || parts[0] != kScheme || parts[1].empty() || parts[1].size() > 8) return std::nullopt;
    Pbkdf2Record r;
    for (char c : parts[1]) {
        if (c < '0' || c > '9') return std::nullopt;
        r.iterations = r.iterations * 10 + static_cast<std::uint32_t>(c - '0');
    }
    auto salt = HexToBytes(parts[2]);
    auto hash = HexToBytes(parts[3]);
    // A tampered record must not buy minutes of CPU per attempt.
    if (r.iterations == 0 || r.iterations > kMaxIterations || !salt || salt->empty() || !hash || hash->size() != 32) return std::nullopt;
    r.salt = std::move(*salt);
    r.hash = std::move(*hash);
    return r;
}

bool VerifyPbkdf2Record(std::string_view secret, std::string_view record) {
    const auto r = ParsePbkdf2Record(record);
    if (!r) return false;
    return ConstantTimeEqual(Pbkdf2HmacSha256(secret, r->salt, r->iterations, r->hash.size()), r->hash);
}

}  // namespace vigie::util
