// SqliteTransaction, part 5: the operators' PIN state (issue #6, migration 0006), one row per
// operator who has a PIN, keyed by the operator's id.
#include "db/sqlite/SqliteTransaction.h"

namespace vigie::db {

std::optional<domain::PinState> SqliteTransaction::GetOperatorPin(const std::string& operatorName) {
    auto& s = m_conn.Prepare(
        "SELECT p.pin_hash, p.set_at, p.failed_attempts, p.locked_until FROM operator_pins p "
        "JOIN operators o ON o.id = p.operator_id WHERE o.name = ?");
    s.Bind(1, operatorName);
    if (!s.Step()) return std::nullopt;
    domain::PinState state{s.Text(0), s.Text(1), static_cast<int>(s.Int(2)), s.Text(3)};
    s.Reset();
    return state;
}

void SqliteTransaction::SaveOperatorPin(const std::string& operatorName, const domain::PinState& state) {
    m_conn
        .Prepare("INSERT INTO operator_pins (operator_id, pin_hash, set_at, failed_attempts, locked_until) "
                 "SELECT id, ?, ?, ?, ? FROM operators WHERE name = ? "
                 "ON CONFLICT (operator_id) DO UPDATE SET pin_hash = excluded.pin_hash, set_at = excluded.set_at, "
                 "failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until")
        .Bind(1, state.hash)
        .Bind(2, state.setAt)
        .Bind(3, state.failedAttempts)
        .Bind(4, state.lockedUntil)
        .Bind(5, operatorName)
        .Run();
    if (m_conn.Changes() != 1)
        throw BusinessError("store.unknown_operator", "Opérateur inconnu : « " + operatorName + " ».");
}

}  // namespace vigie::db
