#include "core/usecases/PatientService.h"

#include "core/domain/TraitText.h"
#include "core/usecases/AcceptedDocuments.h"
#include "core/usecases/IdentityJson.h"
#include "core/usecases/JournalChain.h"

namespace vigie::usecases {

using namespace vigie::domain;
using ports::IStoreTransaction;
using ports::TransactionMode;

namespace {

constexpr int kCandidatePoolLimit = 200;

Identity LoadOrThrow(IStoreTransaction& tx, IdentityId id) {
    auto identity = tx.GetIdentity(id);
    if (!identity) throw BadInputError("input.unknown_identity", "Identité n° " + std::to_string(id) + " introuvable.");
    return *identity;
}

std::string Snapshot(const Identity& id) { return IdentityToJson(id, InsVisibility::Full); }

CommandResult Refused(Refusal r) {
    CommandResult c;
    c.refusal = std::move(r);
    return c;
}

std::vector<DuplicateCandidate> Duplicates(IStoreTransaction& tx, const StrictTraits& traits,
                                           const std::string& usedName, IdentityId excludeId) {
    StrictTraits probe = traits;
    if (probe.firstBirthFirstName.empty()) probe.firstBirthFirstName = FirstOfList(probe.birthFirstNames);
    ports::DuplicateProbe p;
    p.birthDate = probe.birthDate;
    p.comparableBirthName = ComparableForm(probe.birthName);
    p.birthNamePrefix = p.comparableBirthName.substr(0, 3);
    p.birthNameKey = PhoneticKey(probe.birthName);
    p.firstNameKey = PhoneticKey(probe.firstBirthFirstName);
    p.comparableUsedName = ComparableForm(usedName);
    const std::vector<Identity> pool = tx.FindDuplicatePool(p, kCandidatePoolLimit);
    return RankDuplicates(probe, usedName, pool, excludeId);
}

}  // namespace

void Journal(IStoreTransaction& tx, const ports::IClock& clock, const Operator& op, const std::string& action,
             std::optional<IdentityId> id, std::string before, std::string after) {
    ports::JournalEntry e;
    e.at = clock.NowUtc();
    e.operatorName = op.name;
    e.role = std::string(RoleCode(op.role));
    e.action = action;
    e.identityId = id;
    e.before = std::move(before);
    e.after = std::move(after);
    JournalChain::Append(tx, std::move(e));
}

std::optional<Refusal> PatientService::CheckPermission(const Operator& op, Permission p) {
    if (!op.active) return Refusal{"rule.operator_inactive", "Opérateur désactivé : " + op.name + "."};
    if (!HasPermission(op.role, p))
        return Refusal{"rule.permission", "Droit insuffisant pour " + std::string(PermissionLabel(p)) + " (profil " +
                                              std::string(RoleLabel(op.role)) + ")."};
    return std::nullopt;
}

CommandResult PatientService::Create(const Operator& op, const CreateRequest& req) {
    if (auto r = CheckPermission(op, Permission::CreateIdentity)) return Refused(*r);
    return ports::RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        Outcome o = IdentityStateMachine::Apply(Identity{}, event::Create{req.traits, req.usedName, req.usedFirstName},
                                                op.role);
        if (!o.Allowed()) return Refused(*o.refusal);
        CommandResult result;
        result.duplicates = Duplicates(tx, o.after->traits, req.usedName, 0);
        if (!result.duplicates.empty() && !req.force) {
            result.refusal = Refusal{"rule.duplicates",
                                     std::to_string(result.duplicates.size()) +
                                         " doublon(s) potentiel(s) : vérifier avant de créer une nouvelle identité."};
            return result;
        }
        Identity created = *o.after;
        created.createdAt = created.updatedAt = m_clock.NowUtc();
        created.id = tx.InsertIdentity(created);
        created.version = 1;
        std::string action = o.action;
        if (!result.duplicates.empty()) {
            action = "identity.created_despite_duplicates";
            result.notes.push_back("Identité créée malgré " + std::to_string(result.duplicates.size()) +
                                   " doublon(s) potentiel(s) (tracé au journal).");
        }
        Journal(tx, m_clock, op, action, created.id, "", Snapshot(created));
        result.identity = created;
        return result;
    });
}

std::vector<DuplicateCandidate> PatientService::FindDuplicates(const StrictTraits& traits, const std::string& usedName,
                                                               IdentityId excludeId) {
    return ports::RunInTransaction(m_store, TransactionMode::Read,
                                   [&](IStoreTransaction& tx) { return Duplicates(tx, traits, usedName, excludeId); });
}

PatientFile PatientService::Get(IdentityId id) {
    return ports::RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) {
        PatientFile f;
        f.identity = LoadOrThrow(tx, id);
        f.billing = tx.BillingIdentitiesOf(id);
        f.documentChecks = tx.DocumentChecksOf(id);
        return f;
    });
}

std::vector<Identity> PatientService::Search(const ports::SearchQuery& query) {
    return ports::RunInTransaction(m_store, TransactionMode::Read,
                                   [&](IStoreTransaction& tx) { return tx.Search(query); });
}

std::vector<ports::JournalEntry> PatientService::History(IdentityId id) {
    return ports::RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) {
        LoadOrThrow(tx, id);
        return tx.JournalOf(id);
    });
}

CommandResult PatientService::ApplyEvent(const Operator& op, IdentityId id, const Event& ev, Permission permission,
                                        std::optional<std::int64_t> expectedVersion) {
    if (auto r = CheckPermission(op, permission)) {
        // Still fail on an unknown id, so the operator is not told "no right" for a typo.
        ports::RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) { LoadOrThrow(tx, id); });
        return Refused(*r);
    }
    return ports::RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        return ApplyIdentityEvent(tx, m_clock, op, id, ev, expectedVersion);
    });
}

CommandResult ApplyIdentityEvent(IStoreTransaction& tx, const ports::IClock& clock, const Operator& op, IdentityId id,
                                 const Event& ev, std::optional<std::int64_t> expectedVersion) {
    const Identity before = LoadOrThrow(tx, id);
    if (expectedVersion && before.version != *expectedVersion)
        throw BusinessError("store.stale", "L'identité n° " + std::to_string(id) +
                                               " a été modifiée entre-temps à un autre poste : recommencer.");
    Outcome o = IdentityStateMachine::Apply(before, ev, op.role);
    if (!o.Allowed()) return Refused(*o.refusal);
    if (const auto* accepted = std::get_if<event::InsAccepted>(&ev)) {
        // One matricule INS (+OID) = at most one identity: a collision is blocked and
        // journaled for the identity-vigilance review.
        const auto holder = tx.FindIdentityByIns(accepted->ins.active.matricule, accepted->ins.active.oid);
        if (holder && *holder != id) {
            Journal(tx, clock, op, "identity.ins_collision", id, Snapshot(before),
                    "{\"other_identity\":" + std::to_string(*holder) + "}");
            return Refused(Refusal{"rule.ins_collision", "Cet INS est déjà porté par l'identité n° " +
                                                             std::to_string(*holder) +
                                                             " : doublon potentiel signalé à l'identitovigilance."});
        }
    }
    Identity after = *o.after;
    after.updatedAt = clock.NowUtc();
    tx.UpdateIdentity(after);
    after.version = before.version + 1;
    if (const auto* checked = std::get_if<event::DocumentChecked>(&ev)) tx.AddDocumentCheck(id, checked->check);
    Journal(tx, clock, op, o.action, id, Snapshot(before), Snapshot(after));
    CommandResult result;
    result.identity = std::move(after);
    result.notes = std::move(o.notes);
    return result;
}

CommandResult PatientService::CheckDocument(const Operator& op, IdentityId id, const std::string& documentType,
                                            std::optional<Date> expiry) {
    DocumentCheck check{documentType, expiry, op.name, m_clock.NowUtc()};
    const event::DocumentChecked ev{check, m_clock.Today()};
    if (CheckPermission(op, Permission::CheckDocument)) return ApplyEvent(op, id, ev, Permission::CheckDocument);
    return ports::RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        // Only the documents the pharmacy accepts (Réglages › Pièces d'identité).
        if (auto r = RefuseUnacceptedDocument(tx, documentType)) {
            LoadOrThrow(tx, id);
            return Refused(*r);
        }
        return ApplyIdentityEvent(tx, m_clock, op, id, ev, std::nullopt);
    });
}

CommandResult PatientService::WithdrawDocument(const Operator& op, IdentityId id) {
    return ApplyEvent(op, id, event::DocumentWithdrawn{}, Permission::CheckDocument);
}

CommandResult PatientService::SetAttribute(const Operator& op, IdentityId id, event::AttributeName attribute, bool on) {
    return ApplyEvent(op, id, event::SetAttribute{attribute, on}, Permission::SetAttribute);
}

CommandResult PatientService::EditTraits(const Operator& op, IdentityId id, const event::EditTraits& edit,
                                        std::optional<std::int64_t> expectedVersion) {
    return ApplyEvent(op, id, edit, Permission::EditTraits, expectedVersion);
}

CommandResult PatientService::AcceptIns(const Operator& op, IdentityId id, const StrictTraits& insTraits,
                                        const InsData& ins) {
    return ApplyEvent(op, id, event::InsAccepted{insTraits, ins}, Permission::CallInsi);
}

CommandResult PatientService::InvalidateIns(const Operator& op, IdentityId id, const std::string& reason) {
    return ApplyEvent(op, id, event::InsInvalidated{reason}, Permission::CallInsi);
}

}  // namespace vigie::usecases
