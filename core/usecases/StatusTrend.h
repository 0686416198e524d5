#pragma once
// Rebuilding "how many identities per status at the end of each day" from the journal alone.
//
// Every status change is journaled in the transaction that makes it, with the identity snapshot
// before and after (PatientService, ApplyIdentityEvent): a creation has no `before`, a
// transition has both. So counts move by deltas — -1 for the status in `before`, +1 for the
// status in `after` — and a replay can resume from the counts of the last cached day without
// knowing each identity's state. Entries whose `after` is not an identity snapshot (card read,
// printing, INSi search, collision notes…) change nothing.
//
// Days are UTC days (journal timestamps are UTC). A day is *completed* once a later day has
// started: only completed days are handed out for the cache; today stays live.
//
// Thread affinity: one replay belongs to one thread. No store access here (usecases/Dashboard
// feeds it), so it is unit-tested on plain entries.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Identity.h"
#include "core/ports/IStore.h"

namespace vigie::usecases {

// AAAA-MM-JJ arithmetic on UTC days (std::chrono calendar). BadInputError on a malformed day.
std::string AddDays(std::string_view isoDay, int days);
int DaysBetween(std::string_view fromDay, std::string_view toDay);  // toDay - fromDay

// The status of an identity snapshot (top-level "status" with a known code, and an "id").
std::optional<domain::IdentityStatus> SnapshotStatus(std::string_view json);

std::int64_t CountFor(const ports::StatusDayCounts& counts, domain::IdentityStatus status);
std::int64_t& CountFor(ports::StatusDayCounts& counts, domain::IdentityStatus status);

class StatusReplay {
public:
    // `today`: the current UTC day (never completed). `head` and `headCounts`: the last cached
    // day, when there is one, to resume after it.
    StatusReplay(std::string today, const std::optional<ports::StatusSnapshotHead>& head,
                 const std::optional<ports::StatusDayCounts>& headCounts);

    void Apply(const ports::JournalEntry& entry);  // entries in seq order, after head->lastSeq
    // Closes every day before today (days without entries repeat the previous counts) and hands
    // the completed days out, oldest first; each day is handed out once.
    std::vector<ports::StatusDayCounts> TakeCompletedDays();
    // The seq up to which the completed days are exact: resume the next replay after it.
    std::int64_t CompletedSeq() const { return m_completedSeq; }
    ports::StatusDayCounts Live() const;  // counts after every entry applied, dated today

private:
    void CloseDaysBefore(const std::string& day);

    std::string m_today;
    std::string m_day;  // the open day ("" before the first entry of a fresh replay)
    ports::StatusDayCounts m_counts;
    std::vector<ports::StatusDayCounts> m_completed;
    std::int64_t m_completedSeq = 0;
    bool m_reachedToday = false;
};

}  // namespace vigie::usecases
