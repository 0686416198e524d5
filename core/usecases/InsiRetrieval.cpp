#include "core/usecases/InsiRetrieval.h"

#include "core/util/Json.h"

namespace vigie::usecases {

using namespace vigie::domain;
using namespace vigie::ports;

void InsiRetrieval::JournalSearch(IStore& store, const IClock& clock, const Operator& op, std::optional<IdentityId> id,
                                  const InsiSearchOutcome& search) {
    util::JsonWriter w;
    w.BeginObject().Key("attempts").BeginArray();
    for (const auto& a : search.attempts)
        w.BeginObject().Field("operation", a.operation).Field("code", a.code).Field("with_birth_place", a.withBirthPlace)
            .EndObject();
    w.EndArray();
    if (search.refusal) w.Field("refused_locally", search.refusal->message);
    if (search.Found()) {
        const auto& ins = search.result->identity->ins.active;
        w.Field("matricule", ins.matricule).Field("oid", ins.oid);
    }
    w.EndObject();
    RunInTransaction(store, TransactionMode::Write,
                     [&](IStoreTransaction& tx) { Journal(tx, clock, op, "insi.search", id, "", w.Str()); });
}

RetrievalProposal InsiRetrieval::Retrieve(const Operator& op, IdentityId id) {
    RetrievalProposal p;
    p.local = PatientService(m_store, m_clock).Get(id).identity;
    if (!HasPermission(op.role, Permission::CallInsi)) {
        p.refusal = Refusal{"rule.permission", "Droit insuffisant pour " +
                                                   std::string(PermissionLabel(Permission::CallInsi)) + "."};
        return p;
    }
    if (auto r = IdentityStateMachine::CanCallInsi(p.local)) {
        p.refusal = *r;
        return p;
    }
    p.search = SearchInsByTraits(m_insi, TraitsQueryOf(p.local.traits), InsiCallMode::Operator);
    JournalSearch(m_store, m_clock, op, id, p.search);
    if (p.search.refusal) p.refusal = p.search.refusal;
    if (p.search.Found()) p.comparison = CompareTraits(p.local.traits, p.search.result->identity->traits);
    return p;
}

CommandResult InsiRetrieval::Accept(const Operator& op, const RetrievalProposal& p) {
    if (!p.search.Found()) {
        CommandResult r;
        r.refusal = Refusal{"rule.nothing_to_accept", "Aucune identité INS unique à accepter."};
        return r;
    }
    const InsiIdentity& found = *p.search.result->identity;
    return PatientService(m_store, m_clock).AcceptIns(op, p.local.id, found.traits, found.ins);
}

}  // namespace vigie::usecases
