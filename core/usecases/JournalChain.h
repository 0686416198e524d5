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
    // The end of the chain as a value: seals entries one after the other (seq, prevHash, hash)
    // without touching the store, so a bulk import can hash on another thread while its own
    // thread inserts (PatientImport.cpp). Read it inside the write transaction that will insert
    // the sealed entries, and insert them in the order they were sealed.
    class Head {
    public:
        static Head Read(ports::IStoreTransaction& tx);
        void Seal(ports::JournalEntry& entry);
        std::int64_t LastSeq() const { return m_seq; }

    private:
        std::int64_t m_seq = 0;
        std::string m_hash;
    };

    // Appends many entries in one transaction, reading the chain head once.
    class Appender {
    public:
        explicit Appender(ports::IStoreTransaction& tx);
        ports::JournalEntry Append(ports::JournalEntry entry);

    private:
        ports::IStoreTransaction& m_tx;
        Head m_head;
    };

    static std::string ComputeHash(const ports::JournalEntry& entry);
    // Fills seq, prevHash and hash from the last entry, then inserts. Call inside the write
    // transaction that makes the change being journaled.
    static ports::JournalEntry Append(ports::IStoreTransaction& tx, ports::JournalEntry entry);
    static JournalVerification Verify(ports::IStoreTransaction& tx);
};

}  // namespace vigie::usecases
