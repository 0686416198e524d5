#include "core/usecases/Dashboard.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/domain/Status.h"
#include "core/usecases/StatusTrend.h"

namespace vigie::usecases {

using namespace vigie::ports;
using domain::IdentityStatus;

namespace {
constexpr IdentityStatus kStatuses[] = {IdentityStatus::Provisoire, IdentityStatus::Recuperee,
                                        IdentityStatus::Validee, IdentityStatus::Qualifiee};

// The same instant `days` days earlier (UTC text; the time of day is kept).
std::string DaysBefore(const std::string& nowUtc, int days) { return AddDays(nowUtc, -days) + nowUtc.substr(10); }
}  // namespace

std::optional<std::int64_t> Percentile(const std::vector<std::int64_t>& sorted, double p) {
    if (sorted.empty()) return std::nullopt;
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::optional<domain::Refusal> Dashboard::CheckAllowed(const domain::Operator& op) {
    if (op.role == domain::Role::Titulaire) return std::nullopt;
    return domain::Refusal{"rule.role", "Le tableau de bord est réservé au titulaire de la pharmacie."};
}

DashboardResult Dashboard::Load(const domain::Operator& op, const DashboardOptions& options) {
    DashboardResult r;
    if ((r.refusal = CheckAllowed(op))) return r;
    DashboardData& d = r.data;
    d.computedAt = m_clock.NowUtc();
    d.activeSince = DaysBefore(d.computedAt, options.activeDays);
    d.shares = Shares(d.activeSince);
    for (const auto& s : d.shares) {
        d.activeTotal += s.count;
        if (s.status == IdentityStatus::Qualifiee) d.qualifiedPercent = s.percent;
    }
    d.trend = Trend(options.trendDays, &d.weekly);
    const auto calls = RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) {
        return tx.InsiCallsSince(DaysBefore(d.computedAt, 30));
    });
    d.insi7 = Window(calls, DaysBefore(d.computedAt, 7), 7);
    d.insi30 = Window(calls, DaysBefore(d.computedAt, 30), 30);
    return r;
}

std::vector<StatusShare> Dashboard::Shares(const std::string& sinceUtc) {
    const auto counts = RunInTransaction(m_store, TransactionMode::Read,
                                         [&](IStoreTransaction& tx) { return tx.CountActiveByStatus(sinceUtc); });
    std::vector<StatusShare> shares;
    std::int64_t total = 0;
    for (const auto s : kStatuses) {
        StatusShare share{s, 0, 0};
        for (const auto& [code, n] : counts)
            if (code == domain::StatusCode(s)) share.count = n;
        total += share.count;
        shares.push_back(share);
    }
    for (auto& s : shares) s.percent = total ? 100.0 * static_cast<double>(s.count) / static_cast<double>(total) : 0;
    return shares;
}

StatusDayCounts Dashboard::RefreshTrendCache(const std::string& today) {
    std::optional<StatusSnapshotHead> head;
    std::optional<StatusDayCounts> headCounts;
    RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) {
        head = tx.GetStatusSnapshotHead();
        if (!head) return;
        const auto days = tx.StatusSnapshotsFrom(head->day);
        if (!days.empty()) headCounts = days.front();
    });
    StatusReplay replay(today, head, headCounts);
    std::int64_t after = head ? head->lastSeq : 0;
    for (;;) {
        const auto chunk = RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) {
            return tx.JournalEntriesAfter(after, kReplayChunk);
        });
        for (const auto& e : chunk) replay.Apply(e);
        if (chunk.size() < static_cast<std::size_t>(kReplayChunk)) break;
        after = chunk.back().seq;
    }
    const auto completed = replay.TakeCompletedDays();
    if (!completed.empty()) {
        RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
            // Another counter may have cached the same days meanwhile: its rows are the same
            // replay of the same journal, keep them.
            const auto now = tx.GetStatusSnapshotHead();
            const bool unchanged = (!now && !head) || (now && head && now->day == head->day);
            if (unchanged) tx.AppendStatusSnapshots(completed, replay.CompletedSeq());
        });
    }
    return replay.Live();
}

std::vector<TrendPoint> Dashboard::Trend(int trendDays, bool* weekly) {
    const std::string today = m_clock.NowUtc().substr(0, 10);
    const StatusDayCounts live = RefreshTrendCache(today);
    const std::string from = AddDays(today, -(std::max(trendDays, 1) - 1));
    auto days = RunInTransaction(m_store, TransactionMode::Read,
                                 [&](IStoreTransaction& tx) { return tx.StatusSnapshotsFrom(from); });
    days.push_back(live);
    const bool byWeek = trendDays > kDailySpanDays;
    if (weekly) *weekly = byWeek;
    std::vector<TrendPoint> points;
    for (const auto& d : days) {
        if (d.day > today) continue;
        if (byWeek && DaysBetween(d.day, today) % 7 != 0) continue;
        points.push_back(TrendPoint{d.day, d});
    }
    return points;
}

InsiWindow Dashboard::Window(const std::vector<InsiCallRecord>& calls, const std::string& sinceUtc, int days) {
    InsiWindow w;
    w.days = days;
    std::vector<std::int64_t> answered;
    std::map<std::string, std::int64_t> failures;
    for (const auto& c : calls) {
        if (c.at < sinceUtc) continue;
        ++w.calls;
        if (c.failed) {
            ++w.failed;
            ++failures[c.outcome];
        } else {
            answered.push_back(c.durationMs);
        }
    }
    std::sort(answered.begin(), answered.end());
    w.p50Ms = Percentile(answered, 50);
    w.p95Ms = Percentile(answered, 95);
    w.failuresByCode.assign(failures.begin(), failures.end());
    std::stable_sort(w.failuresByCode.begin(), w.failuresByCode.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return w;
}

}  // namespace vigie::usecases
