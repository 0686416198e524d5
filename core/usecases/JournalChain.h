#pragma once
// The journal is append-only and tamper-evident: each entry's hash covers its own fields and the
// previous entry's hash, so changing or deleting any entry breaks every hash after it.
// The domain computes the chain, so any store backend writes and verifies the same hashes.

#include <optional>
#include <string>

#include "core/ports/IStore.h"

namespace vigie::usecases {

struct JournalVerification {
    bool ok = true;
    std::int64_t entries = 0;
    std::optional<std::int64_t> firstBadSeq;
    std::string message;  // French
};

class JournalChain {
public:
    // Appends many entries in one transaction, reading the chain head once (bulk import).
    class Appender {
    public:
        explicit Appender(ports::IStoreTransaction& tx);
        ports::JournalEntry Append(ports::JournalEntry entry);

    private:
        ports::IStoreTransaction& m_tx;
        std::int64_t m_seq = 0;
        std::string m_hash;
    };

    static std::string ComputeHash(const ports::JournalEntry& entry);
    // Fills seq, prevHash and hash from the last entry, then inserts. Call inside the write
    // transaction that makes the change being journaled.
    static ports::JournalEntry Append(ports::IStoreTransaction& tx, ports::JournalEntry entry);
    static JournalVerification Verify(ports::IStoreTransaction& tx);
};

}  // namespace vigie::usecases
