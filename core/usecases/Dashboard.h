#pragma once
// The Tableau de bord of the pharmacy owner (issue #6): where the patient file stands on the
// way to full qualification, and how the INSi teleservice behaves.
//
//  - Status shares of the *active* patients. Active = an identity with at least one journal
//    entry in the last 365 days (creation, counter card read, INSi search, printing, document
//    check, status change…): the file of a pharmacy keeps people seen once years ago, who say
//    nothing about today's work.
//  - The trend: identities per status at the end of each UTC day (all identities of the file,
//    not only the active ones: a past day must never change once cached), rebuilt by replaying
//    the journal (usecases/StatusTrend). Completed days are cached in the store
//    (status_snapshots); each load replays only the entries after the cached head, in chunks of
//    kReplayChunk entries, one read transaction each. Weekly points beyond kDailySpanDays.
//  - INSi: answer times (p50/p95, nearest rank, over answered calls 00/01/02) and failed calls
//    over the last 7 and 30 days, from the records of MeteredInsiService.
//
// Only the titulaire opens it (a refusal value otherwise). Thread affinity: any thread (the GUI
// loads it on its worker). Store failures throw.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"

namespace vigie::usecases {

struct StatusShare {
    domain::IdentityStatus status = domain::IdentityStatus::Provisoire;
    std::int64_t count = 0;
    double percent = 0;  // of the active identities; 0 when there are none
};

struct TrendPoint {
    std::string day;     // AAAA-MM-JJ (UTC); the last day of the week for weekly points
    ports::StatusDayCounts counts;
};

struct InsiWindow {
    int days = 0;                       // 7 or 30
    std::int64_t calls = 0;
    std::int64_t failed = 0;
    std::optional<std::int64_t> p50Ms;  // none when no call was answered
    std::optional<std::int64_t> p95Ms;
    std::vector<std::pair<std::string, std::int64_t>> failuresByCode;  // most frequent first
};

struct DashboardData {
    std::string computedAt;             // UTC
    std::string activeSince;            // UTC: the start of the activity window
    std::int64_t activeTotal = 0;
    std::vector<StatusShare> shares;    // always the four statuses, PROV RECUP VALI QUAL
    double qualifiedPercent = 0;
    bool weekly = false;
    std::vector<TrendPoint> trend;      // oldest first; the last point is today (live)
    InsiWindow insi7, insi30;
};

struct DashboardResult {
    std::optional<domain::Refusal> refusal;
    DashboardData data;
};

struct DashboardOptions {
    int trendDays = 90;                 // span of the trend, today included
    int activeDays = 365;
};

class Dashboard {
public:
    static constexpr int kReplayChunk = 2000;
    static constexpr int kDailySpanDays = 120;

    Dashboard(ports::IStore& store, const ports::IClock& clock) : m_store(store), m_clock(clock) {}

    static std::optional<domain::Refusal> CheckAllowed(const domain::Operator& op);
    DashboardResult Load(const domain::Operator& op, const DashboardOptions& options = {});

    // Parts, public for the CLI and the tests (no permission check).
    std::vector<TrendPoint> Trend(int trendDays, bool* weekly = nullptr);  // refreshes the cache
    std::vector<StatusShare> Shares(const std::string& sinceUtc);
    static InsiWindow Window(const std::vector<ports::InsiCallRecord>& calls, const std::string& sinceUtc, int days);

private:
    ports::StatusDayCounts RefreshTrendCache(const std::string& today);

    ports::IStore& m_store;
    const ports::IClock& m_clock;
};

// nearest-rank percentile of sorted values (p in 0..100); none for an empty list.
std::optional<std::int64_t> Percentile(const std::vector<std::int64_t>& sorted, double p);

}  // namespace vigie::usecases
