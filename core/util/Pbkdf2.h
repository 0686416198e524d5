#pragma once
// HMAC-SHA-256 (RFC 2104) and PBKDF2-HMAC-SHA-256 (RFC 8018) on util/Sha256, for the operators'
// PINs (issue #6), plus the self-describing record a PIN is stored as:
//     pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>
// The iteration count travels with the record, so raising the default later leaves the PINs
// already set verifiable. Pure standard library; any thread.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::util {

std::array<std::uint8_t, 32> HmacSha256(std::string_view key, std::string_view message);

// `length` bytes of derived key (any length; blocks of 32 bytes). iterations >= 1.
std::string Pbkdf2HmacSha256(std::string_view password, std::string_view salt, std::uint32_t iterations,
                             std::size_t length);

// Compares without an early exit: the time depends on the lengths only, never on where the
// first difference is.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

// `count` bytes from std::random_device (the OS source, /dev/urandom or getrandom, with libstdc++
// on Linux). EnvironmentError when the device cannot be read.
std::string RandomBytes(std::size_t count);

std::string BytesToHex(std::string_view bytes);
std::optional<std::string> HexToBytes(std::string_view hex);

struct Pbkdf2Record {
    std::uint32_t iterations = 0;
    std::string salt;   // raw bytes
    std::string hash;   // raw bytes (32)
};

// Builds the stored form of `secret` with a fresh 16-byte random salt (or the given one).
std::string MakePbkdf2Record(std::string_view secret, std::uint32_t iterations,
                             std::optional<std::string> salt = std::nullopt);
// nullopt when `record` is not a well-formed pbkdf2-sha256 record.
std::optional<Pbkdf2Record> ParsePbkdf2Record(std::string_view record);
// True when `secret` matches `record` (constant-time comparison); false for a malformed record.
bool VerifyPbkdf2Record(std::string_view secret, std::string_view record);

inline constexpr std::size_t kPbkdf2SaltBytes = 16;

}  // namespace vigie::util
