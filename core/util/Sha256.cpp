#include "core/util/Sha256.h"

#include <algorithm>
#include <cstdlib>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace vigie::util {
namespace {
constexpr std::uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t Rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
}  // namespace

Sha256::Sha256()
    : m_h{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

namespace {
void PortableBlock(std::uint32_t* state, const std::uint8_t* p) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = std::uint32_t(p[4 * i]) << 24 | std::uint32_t(p[4 * i + 1]) << 16 |
               std::uint32_t(p[4 * i + 2]) << 8 | std::uint32_t(p[4 * i + 3]);
    for (int i = 16; i < 64; ++i) {
        const std::uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + kK[i] + w[i];
        const std::uint32_t t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d; state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The SHA-NI compression of `count` blocks (Intel SHA extensions). Message schedule in groups of
// four words: W[i] = msg2(msg1(W[i-4], W[i-3]) + alignr(W[i-1], W[i-2], 4), W[i-1]).
__attribute__((target("sha,sse4.1"))) void ShaNiBlocks(std::uint32_t* state, const std::uint8_t* p,
                                                       std::size_t count) {
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));
    __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));
    tmp = _mm_shuffle_epi32(tmp, 0xB1);           // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);     // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);  // CDGH
    for (; count > 0; --count, p += 64) {
        const __m128i abefSave = state0, cdghSave = state1;
        __m128i w[4];
        for (int i = 0; i < 16; ++i) {
            __m128i& wi = w[i % 4];
            if (i < 4) {
                wi = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i)), byteSwap);
            } else {
                const __m128i& w4 = w[i % 4];  // W[i-4] (overwritten below)
                const __m128i& w3 = w[(i + 1) % 4];
                const __m128i& w2 = w[(i + 2) % 4];
                const __m128i& w1 = w[(i + 3) % 4];
                wi = _mm_sha256msg2_epu32(
                    _mm_add_epi32(_mm_sha256msg1_epu32(w4, w3), _mm_alignr_epi8(w1, w2, 4)), w1);
            }
            __m128i msg = _mm_add_epi32(wi, _mm_loadu_si128(reinterpret_cast<const __m128i*>(&kK[4 * i])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
            msg = _mm_shuffle_epi32(msg, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        }
        state0 = _mm_add_epi32(state0, abefSave);
        state1 = _mm_add_epi32(state1, cdghSave);
    }
    tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);     // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), state1);
}

bool CpuHasShaNi() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    const bool sha = (b >> 29) & 1;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    const bool sse41 = (c >> 19) & 1, ssse3 = (c >> 9) & 1;
    return sha && sse41 && ssse3;
}
#endif

using BlocksFn = void (*)(std::uint32_t*, const std::uint8_t*, std::size_t);

void PortableBlocks(std::uint32_t* state, const std::uint8_t* p, std::size_t count) {
    for (; count > 0; --count, p += 64) PortableBlock(state, p);
}

BlocksFn ChooseBlocks() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (std::getenv("VIGIE_SHA256_PORTABLE") == nullptr && CpuHasShaNi()) return &ShaNiBlocks;
#endif
    return &PortableBlocks;
}

const BlocksFn g_blocks = ChooseBlocks();

}  // namespace

bool Sha256::HardwareAccelerated() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    return g_blocks == &ShaNiBlocks;
#else
    return false;
#endif
}

void Sha256::Blocks(const std::uint8_t* p, std::size_t count) { g_blocks(m_h.data(), p, count); }

void Sha256::Update(std::string_view data) {
    m_total += data.size();
    const auto* p = reinterpret_cast<const std::uint8_t*>(data.data());
    std::size_t n = data.size();
    if (m_bufLen > 0) {  // complete a pending block first
        const std::size_t take = std::min(n, std::size_t{64} - m_bufLen);
        std::copy(p, p + take, m_buf.begin() + static_cast<std::ptrdiff_t>(m_bufLen));
        m_bufLen += take;
        p += take;
        n -= take;
        if (m_bufLen < 64) return;
        Blocks(m_buf.data(), 1);
        m_bufLen = 0;
    }
    const std::size_t whole = n / 64;
    if (whole > 0) Blocks(p, whole);
    p += whole * 64;
    n -= whole * 64;
    std::copy(p, p + n, m_buf.begin());
    m_bufLen = n;
}

std::array<std::uint8_t, 32> Sha256::Final() {
    const std::uint64_t bits = m_total * 8;
    m_buf[m_bufLen++] = 0x80;
    if (m_bufLen > 56) {
        while (m_bufLen < 64) m_buf[m_bufLen++] = 0;
        Blocks(m_buf.data(), 1);
        m_bufLen = 0;
    }
    while (m_bufLen < 56) m_buf[m_bufLen++] = 0;
    for (int i = 7; i >= 0; --i) m_buf[m_bufLen++] = static_cast<std::uint8_t>(bits >> (8 * i));
    Blocks(m_buf.data(), 1);
    std::array<std::uint8_t, 32> out{};
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j) out[4 * i + j] = static_cast<std::uint8_t>(m_h[i] >> (24 - 8 * j));
    return out;
}

std::string Sha256::ToHex(const std::array<std::uint8_t, 32>& digest) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(64, '0');
    for (std::size_t i = 0; i < digest.size(); ++i) {
        out[2 * i] = kHex[digest[i] >> 4];
        out[2 * i + 1] = kHex[digest[i] & 15];
    }
    return out;
}

std::string Sha256::HexDigest(std::string_view data) {
    Sha256 s;
    s.Update(data);
    return ToHex(s.Final());
}

}  // namespace vigie::util
