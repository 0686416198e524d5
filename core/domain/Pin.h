#pragma once
// Operator PINs (issue #6): what a PIN may be, and the lockout after repeated failures. The
// PIN itself never leaves the use-case that receives it: the store keeps a salted PBKDF2 record
// (util/Pbkdf2.h), the journal neither.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/IdentityStateMachine.h"

namespace vigie::domain {

inline constexpr std::size_t kPinMinDigits = 4;
inline constexpr std::size_t kPinMaxDigits = 8;
inline constexpr int kPinMaxFailures = 5;        // in a row, then the operator is locked…
inline constexpr int kPinLockMinutes = 5;        // …for this long

// The PIN state of one operator as stored.
struct PinState {
    std::string hash;            // pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>, never the PIN
    std::string setAt;           // UTC
    int failedAttempts = 0;      // consecutive failures since the last success, set or lock
    std::string lockedUntil;     // UTC; "" when not locked
};

// nullopt when `pin` is acceptable; otherwise the French reason, with code "input.pin_format"
// (not 4–8 digits) or "rule.pin_trivial" (one digit repeated, or a run such as 1234 / 9876).
std::optional<Refusal> PinRuleViolation(std::string_view pin);

// `utc` (ISO 8601, as IClock::NowUtc gives it) plus `minutes`, in the same format.
// BadInputError when `utc` is not of that form.
std::string AddMinutesUtc(const std::string& utc, int minutes);
// Whole minutes from `fromUtc` to `untilUtc`, rounded up; 0 when `untilUtc` is not later.
int MinutesUntil(const std::string& fromUtc, const std::string& untilUtc);

// True while `state` is locked at `nowUtc` (ISO strings of one format compare as text).
inline bool IsLocked(const PinState& state, const std::string& nowUtc) {
    return !state.lockedUntil.empty() && nowUtc < state.lockedUntil;
}

}  // namespace vigie::domain
