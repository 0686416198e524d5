#pragma once
// Operators: who may act, and under which role every journal entry is recorded.
// Bootstrap rule: on an empty référentiel the first operator must be a titulaire (created
// without an actor); after that only a titulaire adds operators.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/IdentityStateMachine.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"

namespace vigie::usecases {

struct OperatorResult {
    std::optional<domain::Operator> op;
    std::optional<domain::Refusal> refusal;
};

class OperatorService {
public:
    // PBKDF2 iterations of a newly set PIN, for ~50 ms per verification: measured by
    // tests/core/PinTests "Pbkdf2Cost" on the reference machine (AMD EPYC, 2 cores): 60,000
    // iterations cost 11 ms with SHA-NI, 31 ms portable, so 270,000 ≈ 50 ms (≈ 140 ms on a PC
    // without SHA extensions). A PIN has at most 10^8 values: the hash only slows an offline
    // attack on a copied database; the real protection is the lockout and the file's permissions.
    static constexpr std::uint32_t kPinIterations = 270'000;

    // `pinIterations`: tests pass a small count; the record stores its own count, so PINs set
    // with another count stay verifiable.
    OperatorService(ports::IStore& store, const ports::IClock& clock, std::uint32_t pinIterations = kPinIterations)
        : m_store(store), m_clock(clock), m_pinIterations(pinIterations) {}

    // `actor` is empty only for the bootstrap (first operator).
    OperatorResult Add(const std::optional<std::string>& actor, const std::string& name, domain::Role role);
    std::vector<domain::Operator> List();
    // The active operator of that name; BadInputError when unknown or inactive.
    domain::Operator Authenticate(const std::string& name);

    static bool IsValidName(const std::string& name);

    // --- PINs (issue #6) ---
    // `actor` sets his own PIN (journal operator.pin_set), or a titulaire resets anyone's
    // (operator.pin_reset; clears a lockout). BadInputError for an unknown actor/operator or a
    // PIN that is not 4–8 digits; a refusal for a trivial PIN or a missing right.
    OperatorResult SetPin(const std::string& actor, const std::string& name, const std::string& pin);
    // The operator when `pin` is his (journal operator.switch, `from` recorded when given);
    // otherwise a French refusal: no PIN set, wrong PIN (operator.pin_failed), locked
    // (operator.locked on the 5th failure in a row; refused without checking for 5 minutes).
    // BadInputError for an unknown or inactive operator.
    OperatorResult SwitchTo(const std::string& name, const std::string& pin,
                            const std::optional<std::string>& from = std::nullopt);
    bool HasPin(const std::string& name);

private:
    ports::IStore& m_store;
    const ports::IClock& m_clock;
    std::uint32_t m_pinIterations;
};

}  // namespace vigie::usecases
