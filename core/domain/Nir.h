#pragma once
// NIR / NIA (the matricule INS) and the INS OIDs (identity-rules.md §7).

#include <optional>
#include <string>
#include <string_view>

namespace vigie::domain {

enum class InsOidKind { Nir, Nia, NirTest, NirDemo, Unknown };

inline constexpr std::string_view kOidInsNir = "1.2.250.1.213.1.4.8";
inline constexpr std::string_view kOidInsNia = "1.2.250.1.213.1.4.9";
inline constexpr std::string_view kOidInsNirTest = "1.2.250.1.213.1.4.10";
inline constexpr std::string_view kOidInsNirDemo = "1.2.250.1.213.1.4.11";

InsOidKind ClassifyOid(std::string_view oid);
// Test and demo OIDs must be visibly flagged and refused in production mode.
bool IsTestOrDemoOid(std::string_view oid);
// "NIR" or "NIA" (for `INS : <matricule> (NIR|NIA)`); test/demo NIR OIDs give "NIR".
std::string_view OidNature(std::string_view oid);

// Key of the 13 first characters: 97 − (N mod 97), 2A→19, 2B→18. nullopt when the 13
// characters are not digits (with 2A/2B allowed at positions 6–7).
std::optional<int> ComputeNirKey(std::string_view first13);

struct NirCheck {
    bool ok = false;
    std::string value;          // 15 characters, upper-cased, spaces removed (when structurally OK)
    std::string message;        // French explanation when !ok, e.g. « clé incorrecte : 17 attendue »
    std::optional<int> expectedKey;
};

// Accepts 15 characters, or 13 characters plus a separate key; spaces are ignored.
// Checks: length, digits (2A/2B only as department, only for years ≥ 76 is *not* enforced —
// older registrations exist), sex digit 1/2/3/4/7/8, month 01–12 or 20/30–42/50–99, the key.
NirCheck CheckNir(std::string_view nir, std::optional<std::string_view> separateKey = std::nullopt);

}  // namespace vigie::domain
