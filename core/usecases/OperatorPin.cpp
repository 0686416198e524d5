// OperatorService, PIN part (issue #6): set/reset a PIN, switch operator with it, lockout.
// The PIN never leaves this file: only its salted PBKDF2 record reaches the store, and the
// journal records who did what, never the PIN or the record.
#include "core/domain/Pin.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "core/util/Json.h"
#include "core/util/Pbkdf2.h"

namespace vigie::usecases {

using namespace vigie::domain;
using ports::IStoreTransaction;

namespace {

Operator ActiveOperator(IStoreTransaction& tx, const std::string& name, const char* code) {
    auto op = tx.FindOperator(name);
    if (!op) throw BadInputError(code, "Opérateur inconnu : « " + name + " » (voir « operator add »).");
    if (!op->active) throw BadInputError(code, "Opérateur désactivé : « " + name + " ».");
    return *op;
}

std::string NameJson(const std::string& name) {
    util::JsonWriter w;
    w.BeginObject().Field("name", name).EndObject();
    return w.Str();
}

Refusal LockedRefusal(const std::string& name, int minutes) {
    return Refusal{"rule.operator_locked", "« " + name + " » est verrouillé après " + std::to_string(kPinMaxFailures) +
                                               " codes PIN erronés : réessayer dans " + std::to_string(minutes) +
                                               " min, ou demander au titulaire de redéfinir le code."};
}

}  // namespace

OperatorResult OperatorService::SetPin(const std::string& actorName, const std::string& name, const std::string& pin) {
    if (auto bad = PinRuleViolation(pin)) {
        if (bad->code.starts_with("input.")) throw BadInputError(bad->code, bad->message);
        return OperatorResult{std::nullopt, bad};
    }
    // Hashed before the write transaction: ~50 ms that need not hold the store's write lock.
    const std::string record = util::MakePbkdf2Record(pin, m_pinIterations);
    return ports::RunInTransaction(m_store, ports::TransactionMode::Write, [&](IStoreTransaction& tx) {
        OperatorResult r;
        const Operator actor = ActiveOperator(tx, actorName, "input.actor");
        const Operator target = actorName == name ? actor : ActiveOperator(tx, name, "input.unknown_operator");
        const bool own = actor.id == target.id;
        if (!own && !HasPermission(actor.role, Permission::ManageOperators)) {
            r.refusal = Refusal{"rule.permission", "Seul le titulaire peut redéfinir le code PIN d'un autre opérateur (profil " +
                                                       std::string(RoleLabel(actor.role)) + ")."};
            return r;
        }
        tx.SaveOperatorPin(name, PinState{record, m_clock.NowUtc(), 0, ""});
        Journal(tx, m_clock, actor, own ? "operator.pin_set" : "operator.pin_reset", std::nullopt, "", NameJson(name));
        r.op = target;
        return r;
    });
}

OperatorResult OperatorService::SwitchTo(const std::string& name, const std::string& pin,
                                         const std::optional<std::string>& from) {
    // Verified outside any transaction (the PBKDF2 cost would hold the write lock), then the
    // outcome is recorded against the state as it is then: if the PIN was changed meanwhile by
    // another counter, verify again against the new record.
    for (int attempt = 0;; ++attempt) {
        const auto loaded = ports::RunInTransaction(m_store, ports::TransactionMode::Read, [&](IStoreTransaction& tx) {
            return std::make_pair(ActiveOperator(tx, name, "input.unknown_operator"), tx.GetOperatorPin(name));
        });
        const Operator& op = loaded.first;
        const std::optional<PinState>& before = loaded.second;
        if (!before)
            return OperatorResult{std::nullopt, Refusal{"rule.no_pin", "Aucun code PIN pour « " + name +
                                                                           " » : le titulaire doit d'abord en définir un."}};
        const std::string now = m_clock.NowUtc();
        if (IsLocked(*before, now))
            return OperatorResult{std::nullopt, LockedRefusal(name, MinutesUntil(now, before->lockedUntil))};
        const bool match = util::VerifyPbkdf2Record(pin, before->hash);
        std::optional<OperatorResult> result = ports::RunInTransaction(
            m_store, ports::TransactionMode::Write, [&](IStoreTransaction& tx) -> std::optional<OperatorResult> {
                auto state = tx.GetOperatorPin(name);
                if (!state || state->hash != before->hash) return std::nullopt;  // changed meanwhile
                const std::string at = m_clock.NowUtc();
                if (IsLocked(*state, at))
                    return OperatorResult{std::nullopt, LockedRefusal(name, MinutesUntil(at, state->lockedUntil))};
                if (!state->lockedUntil.empty()) state->lockedUntil.clear();  // an expired lock
                if (match) {
                    state->failedAttempts = 0;
                    tx.SaveOperatorPin(name, *state);
                    util::JsonWriter w;
                    w.BeginObject().Field("name", name);
                    if (from) w.Field("from", *from);
                    w.EndObject();
                    Journal(tx, m_clock, op, "operator.switch", std::nullopt, "", w.Str());
                    return OperatorResult{op, std::nullopt};
                }
                ++state->failedAttempts;
                util::JsonWriter w;
                w.BeginObject().Field("name", name).Field("failed_attempts", std::int64_t{state->failedAttempts}).EndObject();
                Journal(tx, m_clock, op, "operator.pin_failed", std::nullopt, "", w.Str());
                if (state->failedAttempts >= kPinMaxFailures) {
                    state->failedAttempts = 0;
                    state->lockedUntil = AddMinutesUtc(at, kPinLockMinutes);
                    util::JsonWriter l;
                    l.BeginObject().Field("name", name).Field("until", state->lockedUntil).EndObject();
                    Journal(tx, m_clock, op, "operator.locked", std::nullopt, "", l.Str());
                    tx.SaveOperatorPin(name, *state);
                    return OperatorResult{std::nullopt, LockedRefusal(name, kPinLockMinutes)};
                }
                tx.SaveOperatorPin(name, *state);
                const int left = kPinMaxFailures - state->failedAttempts;
                return OperatorResult{std::nullopt,
                                      Refusal{"rule.pin_wrong", "Code PIN erroné pour « " + name + " » : encore " +
                                                                    std::to_string(left) + (left > 1 ? " essais" : " essai") +
                                                                    " avant verrouillage pour " +
                                                                    std::to_string(kPinLockMinutes) + " minutes."}};
            });
        if (result) return *result;
        if (attempt >= 2)
            throw ports::TransientStoreError("store.busy", "Le code PIN de « " + name + " » change sans cesse : recommencer.");
    }
}

bool OperatorService::HasPin(const std::string& name) {
    return ports::RunInTransaction(m_store, ports::TransactionMode::Read,
                                   [&](IStoreTransaction& tx) { return tx.GetOperatorPin(name).has_value(); });
}

}  // namespace vigie::usecases
