#pragma once
// One SQLite transaction (BEGIN DEFERRED for reads, BEGIN IMMEDIATE for writes, so two writers
// never deadlock on a lock upgrade). Holds the store's connection lock for its whole life.

#include <cstdint>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/ports/IStore.h"
#include "db/sqlite/SqliteDb.h"

namespace vigie::db {

// The journal's columns in the order ReadJournalRow expects them (SELECT <these> FROM journal …),
// shared by the files that read the journal (SqliteTransaction*.cpp, SqliteJournalQueries.cpp,
// SqliteDashboard.cpp).
inline constexpr const char* kJournalColumns = "seq, at, operator, role, action, identity_id, before, after, prev_hash, hash";
ports::JournalEntry ReadJournalRow(const Statement& s);

class SqliteTransaction final : public ports::IStoreTransaction {
public:
    SqliteTransaction(Connection& conn, std::unique_lock<std::mutex> lock, ports::TransactionMode mode);
    ~SqliteTransaction() override;

    domain::IdentityId InsertIdentity(const domain::Identity& identity) override;
    std::optional<domain::Identity> GetIdentity(domain::IdentityId id) override;
    void UpdateIdentity(const domain::Identity& identity) override;
    std::vector<domain::Identity> Search(const ports::SearchQuery& query) override;
    std::vector<domain::Identity> FindDuplicatePool(const ports::DuplicateProbe& probe, int limit) override;
    std::optional<domain::IdentityId> FindIdentityByIns(const std::string& matricule, const std::string& oid) override;
    std::int64_t CountIdentities() override;
    std::vector<std::pair<std::string, std::int64_t>> CountByStatus() override;

    std::int64_t SaveBillingIdentity(const domain::BillingIdentity& billing) override;
    std::vector<domain::BillingIdentity> BillingIdentitiesOf(domain::IdentityId id) override;
    std::optional<domain::BillingIdentity> FindBillingIdentity(const std::string& insuredNir, const std::string& lastName,
                                                               const std::string& firstName,
                                                               const std::string& rawBirthDate) override;

    void AddDocumentCheck(domain::IdentityId id, const domain::DocumentCheck& check) override;
    std::vector<domain::DocumentCheck> DocumentChecksOf(domain::IdentityId id) override;

    std::optional<ports::JournalEntry> LastJournalEntry() override;
    void InsertJournalEntry(const ports::JournalEntry& entry) override;
    std::vector<ports::JournalEntry> JournalOf(domain::IdentityId id) override;
    void ForEachJournalEntry(const std::function<bool(const ports::JournalEntry&)>& visit) override;

    std::int64_t InsertOperator(const domain::Operator& op) override;
    std::optional<domain::Operator> FindOperator(const std::string& name) override;
    std::vector<domain::Operator> ListOperators() override;

    std::vector<domain::IdentityId> IdentitiesHoldingIns() override;
    std::vector<domain::IdentityId> IdentityIdsAfter(domain::IdentityId after, int limit) override;
    std::int64_t CreateVerificationRun(const ports::VerificationRun& run, const std::vector<domain::IdentityId>& items) override;
    std::optional<ports::VerificationRun> GetVerificationRun(std::int64_t runId) override;
    std::optional<ports::VerificationRun> LatestUnfinishedRun() override;
    void SetVerificationRunState(std::int64_t runId, const std::string& state, const std::string& at) override;
    std::vector<domain::IdentityId> ClaimVerificationItems(std::int64_t runId, int max) override;
    std::int64_t ReleaseClaimedItems(std::int64_t runId) override;
    void AddInDoubt(std::int64_t runId, std::int64_t count) override;
    void FinishVerificationItem(std::int64_t runId, domain::IdentityId id, bool failed, const std::string& outcome,
                                const std::string& detail, const std::string& at) override;
    ports::VerificationCounts CountVerificationItems(std::int64_t runId) override;

    std::optional<std::string> GetSetting(const std::string& key) override;
    void SetSetting(const std::string& key, const std::string& value) override;

    // SqliteLabelRules.cpp
    std::vector<ports::StoredLabelRules> ListLabelRules() override;
    std::optional<ports::StoredLabelRules> GetLabelRules(const std::string& name) override;
    std::int64_t SaveLabelRules(const ports::StoredLabelRules& rules, std::int64_t expectedVersion) override;
    void DeleteLabelRules(const std::string& name, std::int64_t expectedVersion) override;

    // Bulk import: see IStore.h and the comment above the definition.
    void PrepareBulkInsert(std::size_t rows) override;

    void Commit() override;

    // SqliteOperatorPin.cpp (issue #6)
    std::optional<domain::PinState> GetOperatorPin(const std::string& operatorName) override;
    void SaveOperatorPin(const std::string& operatorName, const domain::PinState& state) override;

    // SqliteDashboard.cpp (issue #6, migration 0005)
    std::vector<std::pair<std::string, std::int64_t>> CountActiveByStatus(const std::string& sinceUtc) override;
    std::vector<ports::JournalEntry> JournalEntriesAfter(std::int64_t afterSeq, int limit) override;
    std::optional<ports::StatusSnapshotHead> GetStatusSnapshotHead() override;
    std::vector<ports::StatusDayCounts> StatusSnapshotsFrom(const std::string& fromDay) override;
    void AppendStatusSnapshots(const std::vector<ports::StatusDayCounts>& days, std::int64_t lastSeq) override;
    void InsertInsiCall(const ports::InsiCallRecord& call) override;
    std::vector<ports::InsiCallRecord> InsiCallsSince(const std::string& sinceUtc) override;

    // SqliteJournalQueries.cpp (issue #6, migration 0007)
    std::vector<ports::JournalEntry> JournalEntriesByAction(const std::string& action, std::int64_t beforeSeq,
                                                            int limit) override;

private:
    std::vector<domain::Identity> QueryIdentities(const std::string& where, const std::vector<std::string>& params,
                                                  int limit);
    void WriteInsHistory(domain::IdentityId id, const domain::Identity& identity);
    void LoadInsHistory(domain::Identity& identity);

    void RebuildSuspendedIndexes();
    void RestoreCacheSize() noexcept;

    Connection& m_conn;
    std::unique_lock<std::mutex> m_lock;
    bool m_done = false;
    bool m_write = false;
    // Bulk import: PrepareBulkInsert was honoured; the indexes it dropped (name, CREATE
    // statement), recreated in Commit(); the page cache size to restore when the transaction
    // ends (0: unchanged).
    bool m_bulk = false;
    std::vector<std::pair<std::string, std::string>> m_suspendedIndexes;
    std::int64_t m_savedCacheSize = 0;
};

}  // namespace vigie::db
