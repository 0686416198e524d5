#pragma once
// A decorator of the INSi port that measures every call for the Tableau de bord: operation,
// mode, outcome ("00"/"01"/"02", or the error code: desir_1020, insi.timeout…), duration and
// UTC start time go to the store (insi_calls). Never a NIR, a name or any trait: the record type
// has no member for them and the outcome is reduced to a short code (SafeOutcomeCode).
//
// The duration is measured with std::chrono::steady_clock around the whole inner call, so it
// includes the client's own retries of transient failures and its batch pacing: it is what the
// operator (or the bulk run) waited. The start time comes from the IClock (tests stay exact).
//
// Cost: each call is followed by one small write transaction of its own (one INSERT; with
// SQLite's synchronous=FULL, one WAL fsync: about 1–5 ms on an SSD, against 100–1,000 ms for
// the INSi round trip). In a bulk verification this adds one write per item to the one the
// verification already makes. A failure to record is swallowed (counted in DroppedRecords): the
// metrics must never stop an INSi call or hide its real outcome.
//
// Threading: as thread-safe as the inner service and the store (both are). Never call it while
// the same thread holds a transaction of the same store (the SQLite store has one connection:
// the recording would wait on it for ever); no use-case does.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/ports/IClock.h"
#include "core/ports/IInsiService.h"
#include "core/ports/IStore.h"

namespace vigie::usecases {

class MeteredInsiService final : public ports::IInsiService {
public:
    // `inner`, `store` and `clock` must outlive this object.
    MeteredInsiService(ports::IInsiService& inner, ports::IStore& store, const ports::IClock& clock)
        : m_inner(inner), m_store(store), m_clock(clock) {}
    // Owning form, for composition roots that hold the port as a unique_ptr (the GUI stack).
    MeteredInsiService(std::unique_ptr<ports::IInsiService> inner, ports::IStore& store, const ports::IClock& clock)
        : m_owned(std::move(inner)), m_inner(*m_owned), m_store(store), m_clock(clock) {}

    ports::InsiResult SearchByTraits(const ports::InsiTraitsQuery& query, ports::InsiCallMode mode) override;
    ports::InsiResult SearchWithVitale(const ports::InsiVitaleQuery& query, ports::InsiCallMode mode) override;

    std::int64_t DroppedRecords() const { return m_dropped.load(); }

private:
    template <class Call>
    ports::InsiResult Measure(std::string_view operation, ports::InsiCallMode mode, Call&& call);
    void Record(ports::InsiCallRecord record) noexcept;

    std::unique_ptr<ports::IInsiService> m_owned;  // declared first: m_inner may refer to it
    ports::IInsiService& m_inner;
    ports::IStore& m_store;
    const ports::IClock& m_clock;
    std::atomic<std::int64_t> m_dropped{0};
};

// A code safe to store: letters, digits, '_', '.', '-' only, at most 40 characters, and never a
// run of 6 digits or more (a NIR could not slip through a future error code). "autre" otherwise.
std::string SafeOutcomeCode(std::string_view code);

}  // namespace vigie::usecases
