#pragma once
// Operators: who may act, and under which role every journal entry is recorded.
// Bootstrap rule: on an empty référentiel the first operator must be a titulaire (created
// without an actor); after that only a titulaire adds operators.

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
    OperatorService(ports::IStore& store, const ports::IClock& clock) : m_store(store), m_clock(clock) {}

    // `actor` is empty only for the bootstrap (first operator).
    OperatorResult Add(const std::optional<std::string>& actor, const std::string& name, domain::Role role);
    std::vector<domain::Operator> List();
    // The active operator of that name; BadInputError when unknown or inactive.
    domain::Operator Authenticate(const std::string& name);

    static bool IsValidName(const std::string& name);

private:
    ports::IStore& m_store;
    const ports::IClock& m_clock;
};

}  // namespace vigie::usecases
