#pragma once
// The identity use-cases. Each public method is one store transaction: load, decide through
// the IdentityStateMachine, save, journal (before/after), commit. Refusals come back as values;
// an unknown identity id is bad input (BadInputError); store failures throw.
//
// Thread affinity: any thread; the object holds no mutable state of its own.

#include <optional>
#include <string>
#include <vector>

#include "core/domain/DuplicateFinder.h"
#include "core/domain/IdentityStateMachine.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"

namespace vigie::usecases {

struct CreateRequest {
    domain::StrictTraits traits;
    std::string usedName;
    std::string usedFirstName;
    bool force = false;  // create even when duplicate candidates exist (journaled)
};

struct CommandResult {
    std::optional<domain::Identity> identity;           // the identity after the command
    std::optional<domain::Refusal> refusal;             // why nothing changed
    std::vector<std::string> notes;                     // French, what else happened
    std::vector<domain::DuplicateCandidate> duplicates; // creation: candidates found
    bool Ok() const { return !refusal.has_value(); }
};

struct PatientFile {
    domain::Identity identity;
    std::vector<domain::BillingIdentity> billing;       // kept apart, linked by id
    std::vector<domain::DocumentCheck> documentChecks;  // history, newest last
};

class PatientService {
public:
    PatientService(ports::IStore& store, const ports::IClock& clock) : m_store(store), m_clock(clock) {}

    CommandResult Create(const domain::Operator& op, const CreateRequest& request);
    std::vector<domain::DuplicateCandidate> FindDuplicates(const domain::StrictTraits& traits,
                                                           const std::string& usedName,
                                                           domain::IdentityId excludeId = 0);
    PatientFile Get(domain::IdentityId id);
    std::vector<domain::Identity> Search(const ports::SearchQuery& query);
    std::vector<ports::JournalEntry> History(domain::IdentityId id);

    CommandResult CheckDocument(const domain::Operator& op, domain::IdentityId id, const std::string& documentType,
                                std::optional<domain::Date> expiry);
    CommandResult WithdrawDocument(const domain::Operator& op, domain::IdentityId id);
    CommandResult SetAttribute(const domain::Operator& op, domain::IdentityId id,
                               domain::event::AttributeName attribute, bool on);
    // `expectedVersion`: the version the edit was prepared from; a newer stored version (changed
    // at another counter meanwhile) is refused with "store.stale" rather than overwritten.
    CommandResult EditTraits(const domain::Operator& op, domain::IdentityId id, const domain::event::EditTraits& edit,
                             std::optional<std::int64_t> expectedVersion = std::nullopt);
    // INSi gave exactly one identity and the operator confirmed it is this person.
    CommandResult AcceptIns(const domain::Operator& op, domain::IdentityId id, const domain::StrictTraits& insTraits,
                            const domain::InsData& ins);
    CommandResult InvalidateIns(const domain::Operator& op, domain::IdentityId id, const std::string& reason);

    // Bulk creation (migration from another software, benchmark): one transaction per call,
    // every identity journaled, no duplicate check (duplicates are reviewed afterwards).
    // All-or-nothing: the first invalid request refuses the whole batch.
    CommandResult Import(const domain::Operator& op, const std::vector<CreateRequest>& requests,
                         std::vector<domain::IdentityId>* createdIds = nullptr);

private:
    CommandResult ApplyEvent(const domain::Operator& op, domain::IdentityId id, const domain::Event& event,
                             domain::Permission permission, std::optional<std::int64_t> expectedVersion = std::nullopt);
    static std::optional<domain::Refusal> CheckPermission(const domain::Operator& op, domain::Permission p);

    ports::IStore& m_store;
    const ports::IClock& m_clock;
};

// Applies `event` to identity `id` inside the caller's transaction (load, decide, save, journal),
// for use-cases that must commit other rows atomically with it (bulk verification).
// Permissions are the caller's business. BadInputError for an unknown id.
CommandResult ApplyIdentityEvent(ports::IStoreTransaction& tx, const ports::IClock& clock, const domain::Operator& op,
                                 domain::IdentityId id, const domain::Event& event,
                                 std::optional<std::int64_t> expectedVersion = std::nullopt);

// Journals `action` on `id` under `op` inside `tx` (before/after are JSON snapshots or "").
void Journal(ports::IStoreTransaction& tx, const ports::IClock& clock, const domain::Operator& op,
             const std::string& action, std::optional<domain::IdentityId> id, std::string before, std::string after);

}  // namespace vigie::usecases
