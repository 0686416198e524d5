#include "core/usecases/StatusTrend.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "core/domain/Date.h"
#include "core/domain/Status.h"
#include "core/util/JsonRead.h"

namespace vigie::usecases {

using domain::IdentityStatus;

namespace {
std::chrono::sys_days ToSysDays(std::string_view isoDay) {
    const auto d = domain::Date::Parse(isoDay.substr(0, 10));
    if (!d || isoDay.size() < 10) throw BadInputError("input.day", "Jour invalide : « " + std::string(isoDay) + " ».");
    return std::chrono::sys_days{std::chrono::year{d->year} / d->month / d->day};
}
}  // namespace

std::string AddDays(std::string_view isoDay, int days) {
    const std::chrono::year_month_day ymd{ToSysDays(isoDay) + std::chrono::days{days}};
    return domain::Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                        static_cast<int>(static_cast<unsigned>(ymd.day()))}
        .ToIso();
}

int DaysBetween(std::string_view fromDay, std::string_view toDay) {
    return static_cast<int>((ToSysDays(toDay) - ToSysDays(fromDay)).count());
}

std::optional<IdentityStatus> SnapshotStatus(std::string_view json) {
    if (json.empty() || json.front() != '{') return std::nullopt;
    const auto code = util::TopLevelString(json, "status");
    if (!code) return std::nullopt;
    // An identity snapshot always starts with its id (IdentityJson): guards against another
    // document that would one day carry a "status" member.
    if (json.substr(0, 6) != "{\"id\":") return std::nullopt;
    return domain::ParseStatusCode(*code);
}

std::int64_t& CountFor(ports::StatusDayCounts& c, IdentityStatus s) {
    switch (s) {
        case IdentityStatus::Provisoire: return c.prov;
        case IdentityStatus::Recuperee: return c.recup;
        case IdentityStatus::Validee: return c.vali;
        case IdentityStatus::Qualifiee: return c.qual;
    }
    return c.prov;
}
std::int64_t CountFor(const ports::StatusDayCounts& c, IdentityStatus s) {
    return CountFor(const_cast<ports::StatusDayCounts&>(c), s);
}

StatusReplay::StatusReplay(std::string today, const std::optional<ports::StatusSnapshotHead>& head,
                           const std::optional<ports::StatusDayCounts>& headCounts)
    : m_today(std::move(today)) {
    if (head) {
        if (headCounts) m_counts = *headCounts;
        m_day = AddDays(head->day, 1);
        m_completedSeq = head->lastSeq;
    }
}

void StatusReplay::CloseDaysBefore(const std::string& day) {
    while (!m_day.empty() && m_day < day && m_day < m_today) {
        m_counts.day = m_day;
        m_completed.push_back(m_counts);
        m_day = AddDays(m_day, 1);
    }
}

void StatusReplay::Apply(const ports::JournalEntry& e) {
    const std::string day = e.at.substr(0, 10);
    if (m_day.empty()) m_day = std::min(day, m_today);
    CloseDaysBefore(day);
    // Once an entry of today is seen, later entries (even with an older clock) belong to the
    // live day: the completed days must never include anything after the resume point.
    if (day >= m_today) m_reachedToday = true;
    if (!m_reachedToday) m_completedSeq = e.seq;
    const auto after = SnapshotStatus(e.after);
    if (!after) return;
    const auto before = SnapshotStatus(e.before);
    if (!e.before.empty() && !before) return;  // not an identity transition
    if (before == after) return;
    if (before) --CountFor(m_counts, *before);
    ++CountFor(m_counts, *after);
}

std::vector<ports::StatusDayCounts> StatusReplay::TakeCompletedDays() {
    CloseDaysBefore(m_today);
    return std::exchange(m_completed, {});
}

ports::StatusDayCounts StatusReplay::Live() const {
    ports::StatusDayCounts live = m_counts;
    live.day = m_today;
    return live;
}

}  // namespace vigie::usecases
