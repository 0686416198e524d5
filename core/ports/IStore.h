#pragma once
// The whole référentiel behind one interface (Orthanc's habit): a store hands out transaction
// objects; every use-case runs inside exactly one of them (see RunInTransaction).
//
// Threading: a store may be shared between threads; a transaction belongs to the thread that
// began it. Ownership: Begin() returns a unique_ptr; destroying an uncommitted transaction rolls
// it back and never throws. Errors: store failures throw vigie::Error (EnvironmentError for I/O,
// TransientStoreError when the same work may simply be retried, BusinessError "store.ins_collision"
// when a unique INS would be violated, "store.stale" when an identity changed under us).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/BillingIdentity.h"
#include "core/domain/Errors.h"
#include "core/domain/Identity.h"
#include "core/domain/Operator.h"
#include "core/domain/Pin.h"  // operator PINs (issue #6)

namespace vigie::ports {

using domain::IdentityId;

struct StoreCapabilities {
    std::string backend;           // "sqlite", later "postgresql"
    int schemaVersion = 0;         // highest migration applied
    bool sharedBetweenCounters = false;
};

// Busy database, serialization conflict: the caller may retry the whole transaction.
struct TransientStoreError : EnvironmentError {
    using EnvironmentError::EnvironmentError;
};

struct SearchQuery {
    std::string birthNamePrefix;               // compared in ComparableForm
    std::optional<domain::Date> birthDate;
    std::string text;                          // name prefix (birth or used), or an IPP
    int limit = 50;
};

// What a duplicate search looks for (domain/DuplicateFinder.h ranks the pool):
//  - same birth date and (birth name starting with the same 3 characters, same phonetic key of
//    the birth name, or birth/used names crossed);
//  - same phonetic keys of birth name and first name, and a near birth date (one of year, month,
//    day different, or day and month swapped).
struct DuplicateProbe {
    domain::Date birthDate;
    std::string birthNamePrefix;   // first 3 characters of the comparable birth name
    std::string birthNameKey;      // PhoneticKey(birth name)
    std::string firstNameKey;      // PhoneticKey(first birth first name)
    std::string comparableBirthName;
    std::string comparableUsedName;  // "" when none
};

struct JournalEntry {
    std::int64_t seq = 0;                      // 1, 2, 3… with no gap
    std::string at;                            // UTC timestamp
    std::string operatorName;
    std::string role;
    std::string action;                        // identity.created, identity.document_checked…
    std::optional<IdentityId> identityId;
    std::string before;                        // JSON snapshot, "" when none
    std::string after;
    std::string prevHash;                      // hash of entry seq-1 (64 zeros for the first)
    std::string hash;                          // SHA-256 over the fields above (JournalChain.h)
};

// Bulk verification work list (see usecases/BulkVerification.h).
struct VerificationRun {
    std::int64_t id = 0;
    std::string createdAt;
    std::string operatorName;
    std::string state;          // running, paused, done
    std::int64_t total = 0;
    std::int64_t inDoubt = 0;   // claimed items found after an abrupt stop (verified again)
    std::string finishedAt;
};

// A label rule set as stored: the JSON document of printing/model/LabelRulesJson, kept whole.
struct StoredLabelRules {
    std::string name;
    std::string body;
    std::int64_t version = 0;   // 1 on creation, +1 on every save
    std::string updatedAt;
    std::string updatedBy;
};

// --- dashboard (issue #6, migration 0005) ---
// Identities per status at the end of one UTC day (the trend cache, see usecases/Dashboard.h).
struct StatusDayCounts {
    std::string day;                           // AAAA-MM-JJ (UTC)
    std::int64_t prov = 0, recup = 0, vali = 0, qual = 0;
};
// How far the cached days were replayed: the last cached day and the last journal seq applied.
struct StatusSnapshotHead {
    std::string day;
    std::int64_t lastSeq = 0;
};
// One INSi call as measured by usecases/MeteredInsiService: no NIR, no name, by construction.
struct InsiCallRecord {
    std::string at;                            // UTC, start of the call
    std::string operation;                     // RECSANSVITALE, RECVITALE
    std::string mode;                          // operator, batch
    std::string outcome;                       // "00"/"01"/"02", or an error code (desir_1020, insi.timeout…)
    bool failed = false;
    std::int64_t durationMs = 0;
};

struct VerificationCounts {
    std::int64_t pending = 0, claimed = 0, done = 0, failed = 0;
    std::vector<std::pair<std::string, std::int64_t>> byOutcome;
};

class IStoreTransaction {
public:
    virtual ~IStoreTransaction() = default;

    // --- identities (INS identity; the billing identity has its own table) ---
    virtual IdentityId InsertIdentity(const domain::Identity& identity) = 0;
    virtual std::optional<domain::Identity> GetIdentity(IdentityId id) = 0;
    // Replaces the stored identity whose id and version match; bumps the version.
    virtual void UpdateIdentity(const domain::Identity& identity) = 0;
    virtual std::vector<domain::Identity> Search(const SearchQuery& query) = 0;
    // The candidate pool for a duplicate search, filtered in the store so that no limit can hide
    // a real candidate behind a common name (see DuplicateProbe).
    virtual std::vector<domain::Identity> FindDuplicatePool(const DuplicateProbe& probe, int limit) = 0;
    virtual std::optional<IdentityId> FindIdentityByIns(const std::string& matricule, const std::string& oid) = 0;
    virtual std::int64_t CountIdentities() = 0;
    virtual std::vector<std::pair<std::string, std::int64_t>> CountByStatus() = 0;

    // --- billing identities (never merged into identities; linked by id) ---
    virtual std::int64_t SaveBillingIdentity(const domain::BillingIdentity& billing) = 0;  // insert or update by id
    virtual std::vector<domain::BillingIdentity> BillingIdentitiesOf(IdentityId id) = 0;
    // The stored billing identity of this beneficiary of this card, if it was read before
    // (same insured NIR, names and raw birth date as on the card).
    virtual std::optional<domain::BillingIdentity> FindBillingIdentity(const std::string& insuredNir,
                                                                       const std::string& lastName,
                                                                       const std::string& firstName,
                                                                       const std::string& rawBirthDate) = 0;

    // --- document checks (history; the identity holds the last one) ---
    virtual void AddDocumentCheck(IdentityId id, const domain::DocumentCheck& check) = 0;
    virtual std::vector<domain::DocumentCheck> DocumentChecksOf(IdentityId id) = 0;

    // --- append-only journal ---
    virtual std::optional<JournalEntry> LastJournalEntry() = 0;
    virtual void InsertJournalEntry(const JournalEntry& entry) = 0;  // use JournalChain::Append
    virtual std::vector<JournalEntry> JournalOf(IdentityId id) = 0;
    // Visits entries in seq order; stop early by returning false.
    virtual void ForEachJournalEntry(const std::function<bool(const JournalEntry&)>& visit) = 0;

    // --- operators ---
    virtual std::int64_t InsertOperator(const domain::Operator& op) = 0;
    virtual std::optional<domain::Operator> FindOperator(const std::string& name) = 0;
    virtual std::vector<domain::Operator> ListOperators() = 0;

    // --- bulk verification work list ---
    virtual std::vector<IdentityId> IdentitiesHoldingIns() = 0;
    // Every identity id above `after`, in id order, at most `limit`: a cursor over the whole file
    // (duplicate review) that stays cheap on any size (primary key range).
    virtual std::vector<IdentityId> IdentityIdsAfter(IdentityId after, int limit) = 0;
    virtual std::int64_t CreateVerificationRun(const VerificationRun& run, const std::vector<IdentityId>& items) = 0;
    virtual std::optional<VerificationRun> GetVerificationRun(std::int64_t runId) = 0;
    virtual std::optional<VerificationRun> LatestUnfinishedRun() = 0;
    virtual void SetVerificationRunState(std::int64_t runId, const std::string& state, const std::string& at) = 0;
    // pending → claimed, at most `max`, in identity order; returns the claimed ids.
    virtual std::vector<IdentityId> ClaimVerificationItems(std::int64_t runId, int max) = 0;
    // claimed → pending; returns how many (resume after an abrupt stop, or a pause).
    virtual std::int64_t ReleaseClaimedItems(std::int64_t runId) = 0;
    virtual void AddInDoubt(std::int64_t runId, std::int64_t count) = 0;
    virtual void FinishVerificationItem(std::int64_t runId, IdentityId id, bool failed, const std::string& outcome,
                                        const std::string& detail, const std::string& at) = 0;
    virtual VerificationCounts CountVerificationItems(std::int64_t runId) = 0;

    // --- installation settings (instance UUID, document list…) ---
    virtual std::optional<std::string> GetSetting(const std::string& key) = 0;
    virtual void SetSetting(const std::string& key, const std::string& value) = 0;

    // --- label rule sets (issue #5; validated by printing/ before they get here) ---
    virtual std::vector<StoredLabelRules> ListLabelRules() = 0;
    virtual std::optional<StoredLabelRules> GetLabelRules(const std::string& name) = 0;
    // Creates the set when expectedVersion is 0, else replaces it when the stored version matches
    // (BusinessError "store.stale" otherwise, "store.exists" when creating an existing name).
    // Returns the new version.
    virtual std::int64_t SaveLabelRules(const StoredLabelRules& rules, std::int64_t expectedVersion) = 0;
    // BusinessError "store.stale" when the version does not match.
    virtual void DeleteLabelRules(const std::string& name, std::int64_t expectedVersion) = 0;

    // --- bulk import (issue #2; used by PatientService::Import) ---
    // Announces that about `rows` identities are about to be inserted by this write transaction.
    // A store may then stop maintaining its secondary *search* indexes row by row and rebuild
    // them inside Commit(), before the transaction ends: a rollback or a crash leaves them as they
    // were, and every index is complete again when Commit() returns. Queries made inside the
    // transaction meanwhile stay correct (only slower). Uniqueness (INS), CHECK constraints,
    // foreign keys and triggers are never suspended. Default: nothing to prepare.
    virtual void PrepareBulkInsert(std::size_t rows) { static_cast<void>(rows); }

    // --- dashboard (issue #6, migration 0005; SqliteDashboard.cpp) ---
    // Per status code, identities with at least one journal entry at or after `sinceUtc`
    // (ISO timestamps compare as text). Statuses without any identity are left out.
    virtual std::vector<std::pair<std::string, std::int64_t>> CountActiveByStatus(const std::string& sinceUtc) = 0;
    // Up to `limit` journal entries with seq > `afterSeq`, in seq order (replay in chunks, so a
    // read transaction never holds the store for a whole journal).
    virtual std::vector<JournalEntry> JournalEntriesAfter(std::int64_t afterSeq, int limit) = 0;
    virtual std::optional<StatusSnapshotHead> GetStatusSnapshotHead() = 0;
    // Cached days with day >= fromDay, in day order.
    virtual std::vector<StatusDayCounts> StatusSnapshotsFrom(const std::string& fromDay) = 0;
    // Appends days after the head (past days are immutable: BusinessError "store.exists" for a day
    // already cached) and moves the head to {last day, lastSeq}.
    virtual void AppendStatusSnapshots(const std::vector<StatusDayCounts>& days, std::int64_t lastSeq) = 0;
    virtual void InsertInsiCall(const InsiCallRecord& call) = 0;
    virtual std::vector<InsiCallRecord> InsiCallsSince(const std::string& sinceUtc) = 0;  // in time order

    // --- journal by action (issue #6, INS collisions; SqliteJournalQueries.cpp, migration 0007) ---
    // Up to `limit` entries whose action is `action` and seq < `beforeSeq`, newest first (page
    // backwards by passing the last seq returned). Indexed for identity.ins_collision and
    // identity.collision_reviewed; any other action is answered too, only without an index.
    virtual std::vector<JournalEntry> JournalEntriesByAction(const std::string& action, std::int64_t beforeSeq,
                                                             int limit) = 0;

    virtual void Commit() = 0;

    // --- operator PINs (issue #6; migration 0006) ---
    // The PIN state of the operator of that name (nullopt when no PIN was ever set or the
    // operator is unknown). The store only ever sees the salted PBKDF2 record, never a PIN.
    virtual std::optional<domain::PinState> GetOperatorPin(const std::string& operatorName) = 0;
    // Creates or replaces the whole state; BusinessError "store.unknown_operator" when there is
    // no operator of that name.
    virtual void SaveOperatorPin(const std::string& operatorName, const domain::PinState& state) = 0;
};

enum class TransactionMode { Read, Write };



class IStore {
public:
    virtual ~IStore() = default;
    virtual StoreCapabilities Capabilities() const = 0;
    virtual std::unique_ptr<IStoreTransaction> Begin(TransactionMode mode) = 0;
};

// Runs `work(tx)` in one transaction and commits; retries the whole function on
// TransientStoreError (bounded, with a short back-off). Refusals returned as values commit
// nothing when `work` does not write.
template <class F>
auto RunInTransaction(IStore& store, TransactionMode mode, F&& work) -> decltype(work(std::declval<IStoreTransaction&>()));

}  // namespace vigie::ports

#include "core/ports/RunInTransaction.inl"
