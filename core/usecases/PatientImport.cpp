// PatientService::Import: bulk creation (migration from another software, benchmark), issue #2.
//
// One write transaction for the whole call, all-or-nothing, every identity journaled with its
// hash-chained entry. The store's thread (the one holding the transaction) only inserts; the
// rest runs beside it on a second thread, chunk by chunk, as a three-stage pipeline:
//
//   helper  : validate chunk k+1 ───────────┐      seal chunk k (snapshot JSON + hash chain)
//   caller  : insert identities of chunk k ─┴─ insert journal entries of chunk k-1 ─ …
//
// - Validation (the state machine's Create, with its normalisation) needs no id, so chunk k+1
//   is validated while chunk k is inserted.
// - A journal entry needs the id the store gave its identity, and the hash of the entry before
//   it: chunk k is sealed once its identities are inserted, from the chain head chunk k-1 left,
//   while the caller inserts chunk k-1's entries and then chunk k+1's identities.
// - Entries are inserted in the order they were sealed, so the chain is the one a one-by-one
//   import would have written (the store tests check it with `journal verify`).
// Memory stays bounded by a few chunks whatever the batch size. A refused line stops the run
// and rolls the transaction back: nothing of the batch is kept.

#include <future>
#include <utility>

#include "core/domain/IdentityStateMachine.h"
#include "core/usecases/IdentityJson.h"
#include "core/usecases/JournalChain.h"
#include "core/usecases/PatientService.h"

namespace vigie::usecases {

using namespace vigie::domain;

namespace {

constexpr std::size_t kChunk = 2048;

struct Chunk {
    std::size_t begin = 0;  // index of its first request in the batch
    std::vector<Identity> identities;
    std::optional<Refusal> refusal;  // the first refused line, message already numbered
};

Chunk ValidateChunk(const std::vector<CreateRequest>& requests, std::size_t begin, Role role) {
    Chunk chunk;
    chunk.begin = begin;
    const std::size_t end = std::min(requests.size(), begin + kChunk);
    chunk.identities.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
        const auto& req = requests[i];
        Outcome o = IdentityStateMachine::Apply(Identity{}, event::Create{req.traits, req.usedName, req.usedFirstName},
                                                role);
        if (!o.Allowed()) {
            chunk.refusal = Refusal{o.refusal->code, "Ligne " + std::to_string(i + 1) + " : " + o.refusal->message +
                                                         " (rien importé)"};
            return chunk;
        }
        chunk.identities.push_back(std::move(*o.after));
    }
    return chunk;
}

struct Sealed {
    std::vector<ports::JournalEntry> entries;
    JournalChain::Head head;  // the chain's end after these entries
};

Sealed SealChunk(std::vector<Identity> identities, JournalChain::Head head, const ports::JournalEntry& common) {
    Sealed out;
    out.entries.reserve(identities.size());
    for (const Identity& identity : identities) {
        ports::JournalEntry e = common;
        e.identityId = identity.id;
        e.after = IdentityToJson(identity, InsVisibility::Full);
        head.Seal(e);
        out.entries.push_back(std::move(e));
    }
    out.head = std::move(head);
    return out;
}

// Carries a refused line out of the transaction, which rolls back as the exception passes.
struct LineRefused {
    Refusal refusal;
};

}  // namespace

CommandResult PatientService::Import(const Operator& op, const std::vector<CreateRequest>& requests,
                                     std::vector<IdentityId>* createdIds) {
    if (auto r = CheckPermission(op, Permission::CreateIdentity)) {
        CommandResult refused;
        refused.refusal = std::move(*r);
        return refused;
    }
    try {
        ports::RunInTransaction(m_store, ports::TransactionMode::Write, [&](ports::IStoreTransaction& tx) {
            if (createdIds) createdIds->clear();  // a transient retry starts over
            const std::string now = m_clock.NowUtc();
            ports::JournalEntry common;
            common.at = now;
            common.operatorName = op.name;
            common.role = std::string(RoleCode(op.role));
            common.action = "identity.imported";
            tx.PrepareBulkInsert(requests.size());  // the store may rebuild its search indexes at commit
            JournalChain::Head head = JournalChain::Head::Read(tx);

            // Futures are declared after everything their tasks read, so that leaving early
            // (an exception) waits for them before `requests` or the transaction go away.
            std::future<Chunk> validating;
            std::future<Sealed> sealing;
            auto insertSealed = [&] {
                Sealed sealed = sealing.get();
                for (const auto& e : sealed.entries) tx.InsertJournalEntry(e);
                head = std::move(sealed.head);
            };
            const auto validate = [&](std::size_t begin) {
                return std::async(std::launch::async, ValidateChunk, std::cref(requests), begin, op.role);
            };
            if (!requests.empty()) validating = validate(0);
            for (std::size_t begin = 0; begin < requests.size(); begin += kChunk) {
                Chunk chunk = validating.get();
                if (chunk.refusal) throw LineRefused{std::move(*chunk.refusal)};
                if (begin + kChunk < requests.size()) validating = validate(begin + kChunk);
                for (Identity& identity : chunk.identities) {
                    identity.createdAt = identity.updatedAt = now;
                    identity.id = tx.InsertIdentity(identity);
                    identity.version = 1;
                    if (createdIds) createdIds->push_back(identity.id);
                }
                if (sealing.valid()) insertSealed();
                sealing = std::async(std::launch::async, SealChunk, std::move(chunk.identities), head, std::cref(common));
            }
            if (sealing.valid()) insertSealed();
        });
    } catch (const LineRefused& refused) {
        if (createdIds) createdIds->clear();
        CommandResult result;
        result.refusal = refused.refusal;
        return result;
    }
    CommandResult result;
    result.notes.push_back(std::to_string(requests.size()) + " identité(s) importée(s).");
    return result;
}

}  // namespace vigie::usecases
