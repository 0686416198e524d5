#include "core/usecases/JournalChain.h"

#include "core/util/Sha256.h"

namespace vigie::usecases {

namespace {
const std::string kGenesis(64, '0');
}

std::string JournalChain::ComputeHash(const ports::JournalEntry& e) {
    // Each field as a netstring "<length>:<bytes>," fed straight to the hash: an unambiguous
    // encoding with no escaping and no copy of the (large) snapshots.
    util::Sha256 h;
    auto field = [&h](std::string_view v) {
        const std::string length = std::to_string(v.size());
        h.Update(length);
        h.Update(":");
        h.Update(v);
        h.Update(",");
    };
    field(std::to_string(e.seq));
    field(e.at);
    field(e.operatorName);
    field(e.role);
    field(e.action);
    field(e.identityId ? std::to_string(*e.identityId) : std::string());  // ids start at 1
    field(e.before);
    field(e.after);
    field(e.prevHash);
    return util::Sha256::ToHex(h.Final());
}

JournalChain::Head JournalChain::Head::Read(ports::IStoreTransaction& tx) {
    const auto last = tx.LastJournalEntry();
    Head head;
    head.m_seq = last ? last->seq : 0;
    head.m_hash = last ? last->hash : kGenesis;
    return head;
}

void JournalChain::Head::Seal(ports::JournalEntry& entry) {
    entry.seq = m_seq + 1;
    entry.prevHash = m_hash;
    entry.hash = ComputeHash(entry);
    m_seq = entry.seq;
    m_hash = entry.hash;
}

JournalChain::Appender::Appender(ports::IStoreTransaction& tx) : m_tx(tx), m_head(Head::Read(tx)) {}

ports::JournalEntry JournalChain::Appender::Append(ports::JournalEntry entry) {
    m_head.Seal(entry);
    m_tx.InsertJournalEntry(entry);
    return entry;
}

ports::JournalEntry JournalChain::Append(ports::IStoreTransaction& tx, ports::JournalEntry entry) {
    return Appender(tx).Append(std::move(entry));
}

JournalVerification JournalChain::Verify(ports::IStoreTransaction& tx) {
    JournalVerification v;
    std::string prev = kGenesis;
    std::int64_t expectedSeq = 1;
    tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
        ++v.entries;
        std::string problem;
        if (e.seq != expectedSeq)
            problem = "entrée manquante avant la n° " + std::to_string(e.seq);
        else if (e.prevHash != prev)
            problem = "chaînage rompu à l'entrée n° " + std::to_string(e.seq);
        else if (ComputeHash(e) != e.hash)
            problem = "contenu modifié de l'entrée n° " + std::to_string(e.seq);
        if (!problem.empty()) {
            v.ok = false;
            v.firstBadSeq = e.seq;
            v.message = "Journal altéré : " + problem + ".";
            return false;
        }
        prev = e.hash;
        ++expectedSeq;
        return true;
    });
    if (v.ok) v.message = "Journal intègre : " + std::to_string(v.entries) + " entrée(s) vérifiée(s).";
    return v;
}

}  // namespace vigie::usecases
