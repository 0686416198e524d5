#pragma once
// Bulk verification of the patient file (insi.md §6): every identity holding an INS is checked
// again with INSi, from a work list persisted in the store, several requests in flight, at a
// capped rate (the INSi client caps batch calls), pausable and resumable, and safe across a
// crash: an item's outcome and its effect on the identity are committed in one transaction, so
// a finished item is never lost nor applied twice. Items that were claimed (possibly sent) when
// a run stopped abruptly are verified again on resume and counted as "in doubt".
//
// Outcomes go through the identity state machine: a failed verification removes the INS
// (QUAL→VALI, RECUP→PROV), journaled; a confirmed one is journaled as identity.ins_verified.
// Technical failures leave the identity unchanged and mark the item failed.
//
// Threading: Run() blocks its caller and uses `concurrency` worker threads; the progress sink is
// called from those threads, one call at a time. Stop by setting `stop` (a pause).

#include <atomic>
#include <chrono>
#include <optional>

#include "core/ports/IClock.h"
#include "core/ports/IInsiService.h"
#include "core/ports/IStore.h"
#include "core/usecases/InsiSearch.h"

namespace vigie::usecases {

// Silence before the first call of a resumed run: after a pause or an abrupt stop (see Run).
inline constexpr std::chrono::milliseconds kResumeQuietPeriod{1100};

struct BulkOptions {
    int concurrency = 4;   // requests in flight
    int claimChunk = 32;   // items claimed per transaction
};

struct BulkProgress {
    std::int64_t runId = 0;
    std::int64_t total = 0;
    std::int64_t finished = 0;      // done + failed, over the whole run
    std::int64_t failed = 0;
    double ratePerSecond = 0;       // this session
    double etaSeconds = 0;
};

class IBulkProgressSink {
public:
    virtual ~IBulkProgressSink() = default;
    virtual void OnProgress(const BulkProgress& progress) = 0;
};

struct BulkReport {
    ports::VerificationRun run;
    ports::VerificationCounts counts;
    double seconds = 0;
    double ratePerSecond = 0;
    bool paused = false;
    bool quietPeriod = false;  // the run was a resumption and kept kResumeQuietPeriod silent first
};

class BulkVerification {
public:
    BulkVerification(ports::IStore& store, ports::IInsiService& insi, const ports::IClock& clock)
        : m_store(store), m_insi(insi), m_clock(clock) {}

    static std::optional<domain::Refusal> CheckAllowed(const domain::Operator& op);
    std::optional<ports::VerificationRun> UnfinishedRun();
    // A new run over every identity holding an INS; BusinessError "rule.run_unfinished" when one
    // exists already (resume it instead).
    std::int64_t CreateRun(const domain::Operator& op);
    BulkReport Run(const domain::Operator& op, std::int64_t runId, const BulkOptions& options,
                   const std::atomic<bool>& stop, IBulkProgressSink* sink = nullptr);

private:
    void Process(const domain::Operator& op, std::int64_t runId, domain::IdentityId id);

    ports::IStore& m_store;
    ports::IInsiService& m_insi;
    const ports::IClock& m_clock;
};

}  // namespace vigie::usecases
