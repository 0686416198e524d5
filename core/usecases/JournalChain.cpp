#include "core/usecases/JournalChain.h"

#include "core/util/Json.h"
#include "core/util/Sha256.h"

namespace vigie::usecases {

namespace {
const std::string kGenesis(64, '0');
}

std::string JournalChain::ComputeHash(const ports::JournalEntry& e) {
    // A JSON array gives an unambiguous encoding of the fields (no separator collisions).
    util::JsonWriter w;
    w.BeginArray()
        .Int(e.seq)
        .String(e.at)
        .String(e.operatorName)
        .String(e.role)
        .String(e.action);
    if (e.identityId) w.Int(*e.identityId); else w.Null();
    w.String(e.before).String(e.after).String(e.prevHash).EndArray();
    return util::Sha256::HexDigest(w.Str());
}

ports::JournalEntry JournalChain::Append(ports::IStoreTransaction& tx, ports::JournalEntry entry) {
    const auto last = tx.LastJournalEntry();
    entry.seq = last ? last->seq + 1 : 1;
    entry.prevHash = last ? last->hash : kGenesis;
    entry.hash = ComputeHash(entry);
    tx.InsertJournalEntry(entry);
    return entry;
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
