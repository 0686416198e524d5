#include "core/usecases/MeteredInsiService.h"

#include <chrono>
#include <exception>

namespace vigie::usecases {

using namespace vigie::ports;

std::string SafeOutcomeCode(std::string_view code) {
    if (code.empty() || code.size() > 40) return "autre";
    int digits = 0;
    for (const char c : code) {
        const bool digit = c >= '0' && c <= '9';
        const bool ok = digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == '-';
        if (!ok) return "autre";
        digits = digit ? digits + 1 : 0;
        if (digits >= 6) return "autre";
    }
    return std::string(code);
}

template <class Call>
InsiResult MeteredInsiService::Measure(std::string_view operation, InsiCallMode mode, Call&& call) {
    InsiCallRecord record;
    record.at = m_clock.NowUtc();
    record.operation = std::string(operation);
    record.mode = mode == InsiCallMode::Batch ? "batch" : "operator";
    const auto start = std::chrono::steady_clock::now();
    const auto elapsedMs = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    };
    try {
        InsiResult result = call();
        record.durationMs = elapsedMs();
        record.outcome = SafeOutcomeCode(result.code);
        Record(std::move(record));
        return result;
    } catch (const InsiError& e) {
        record.durationMs = elapsedMs();
        const bool hasFaultCode = e.Fault() && !e.Fault()->errorCode.empty();
        record.outcome = SafeOutcomeCode(hasFaultCode ? e.Fault()->errorCode : e.Code());
        record.failed = true;
        Record(std::move(record));
        throw;
    } catch (const Error& e) {
        record.durationMs = elapsedMs();
        record.outcome = SafeOutcomeCode(e.Code());
        record.failed = true;
        Record(std::move(record));
        throw;
    } catch (...) {
        record.durationMs = elapsedMs();
        record.outcome = "internal";
        record.failed = true;
        Record(std::move(record));
        throw;
    }
}

void MeteredInsiService::Record(InsiCallRecord record) noexcept {
    try {
        RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) { tx.InsertInsiCall(record); });
    } catch (...) {
        ++m_dropped;
    }
}

InsiResult MeteredInsiService::SearchByTraits(const InsiTraitsQuery& query, InsiCallMode mode) {
    return Measure("RECSANSVITALE", mode, [&] { return m_inner.SearchByTraits(query, mode); });
}

InsiResult MeteredInsiService::SearchWithVitale(const InsiVitaleQuery& query, InsiCallMode mode) {
    return Measure("RECVITALE", mode, [&] { return m_inner.SearchWithVitale(query, mode); });
}

}  // namespace vigie::usecases
