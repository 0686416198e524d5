#include "core/usecases/OperatorService.h"

#include "core/usecases/PatientService.h"
#include "core/util/Json.h"

namespace vigie::usecases {

using namespace vigie::domain;
using ports::IStoreTransaction;

bool OperatorService::IsValidName(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

OperatorResult OperatorService::Add(const std::optional<std::string>& actorName, const std::string& name, Role role) {
    if (!IsValidName(name))
        throw BadInputError("input.operator_name",
                            "Nom d'opérateur invalide : lettres, chiffres, « . », « _ » ou « - », 64 caractères au plus.");
    return ports::RunInTransaction(m_store, ports::TransactionMode::Write, [&](IStoreTransaction& tx) {
        OperatorResult r;
        const bool bootstrap = tx.ListOperators().empty();
        Operator actor;
        if (bootstrap) {
            if (role != Role::Titulaire) {
                r.refusal = Refusal{"rule.bootstrap", "Le premier opérateur doit être le titulaire de la pharmacie."};
                return r;
            }
            actor.name = "(installation)";
            actor.role = Role::Titulaire;
        } else {
            if (!actorName)
                throw BadInputError("input.actor", "Opérateur requis pour ajouter un opérateur (--user).");
            auto found = tx.FindOperator(*actorName);
            if (!found || !found->active)
                throw BadInputError("input.actor", "Opérateur inconnu : " + *actorName + ".");
            actor = *found;
            if (!HasPermission(actor.role, Permission::ManageOperators)) {
                r.refusal = Refusal{"rule.permission", "Droit insuffisant pour gérer les opérateurs (profil " +
                                                           std::string(RoleLabel(actor.role)) + ")."};
                return r;
            }
        }
        if (tx.FindOperator(name)) {
            r.refusal = Refusal{"rule.operator_exists", "L'opérateur « " + name + " » existe déjà."};
            return r;
        }
        Operator op;
        op.name = name;
        op.role = role;
        op.createdAt = m_clock.NowUtc();
        op.id = tx.InsertOperator(op);
        util::JsonWriter w;
        w.BeginObject().Field("name", name).Field("role", RoleCode(role)).EndObject();
        Journal(tx, m_clock, actor, "operator.added", std::nullopt, "", w.Str());
        r.op = op;
        return r;
    });
}

std::vector<Operator> OperatorService::List() {
    return ports::RunInTransaction(m_store, ports::TransactionMode::Read,
                                   [](IStoreTransaction& tx) { return tx.ListOperators(); });
}

Operator OperatorService::Authenticate(const std::string& name) {
    auto op = ports::RunInTransaction(m_store, ports::TransactionMode::Read,
                                      [&](IStoreTransaction& tx) { return tx.FindOperator(name); });
    if (!op) throw BadInputError("input.unknown_operator", "Opérateur inconnu : « " + name + " » (voir « operator add »).");
    if (!op->active) throw BadInputError("input.inactive_operator", "Opérateur désactivé : « " + name + " ».");
    return *op;
}

}  // namespace vigie::usecases
