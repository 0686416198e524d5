#include "core/usecases/BulkVerification.h"

#include <chrono>
#include <deque>
#include <mutex>
#include <thread>

#include "core/usecases/PatientService.h"
#include "core/util/Json.h"

namespace vigie::usecases {

using namespace vigie::domain;
using namespace vigie::ports;

std::optional<Refusal> BulkVerification::CheckAllowed(const Operator& op) {
    if (!op.active || !HasPermission(op.role, Permission::BulkVerification))
        return Refusal{"rule.permission", "Droit insuffisant pour " +
                                              std::string(PermissionLabel(Permission::BulkVerification)) + " (profil " +
                                              std::string(RoleLabel(op.role)) + ")."};
    return std::nullopt;
}

std::optional<VerificationRun> BulkVerification::UnfinishedRun() {
    return RunInTransaction(m_store, TransactionMode::Read, [](IStoreTransaction& tx) { return tx.LatestUnfinishedRun(); });
}

std::int64_t BulkVerification::CreateRun(const Operator& op) {
    if (auto r = CheckAllowed(op)) throw BusinessError(r->code, r->message);
    return RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        if (auto existing = tx.LatestUnfinishedRun())
            throw BusinessError("rule.run_unfinished", "Une vérification (n° " + std::to_string(existing->id) +
                                                           ") n'est pas terminée : la reprendre (--resume).");
        VerificationRun run;
        run.createdAt = m_clock.NowUtc();
        run.operatorName = op.name;
        run.state = "paused";  // becomes running when Run() starts
        const auto items = tx.IdentitiesHoldingIns();
        const std::int64_t id = tx.CreateVerificationRun(run, items);
        util::JsonWriter w;
        w.BeginObject().Field("run", id).Field("items", static_cast<std::int64_t>(items.size())).EndObject();
        Journal(tx, m_clock, op, "verification.run_created", std::nullopt, "", w.Str());
        return id;
    });
}

void BulkVerification::Process(const Operator& op, std::int64_t runId, IdentityId id) {
    const auto identity =
        RunInTransaction(m_store, TransactionMode::Read, [&](IStoreTransaction& tx) { return tx.GetIdentity(id); });
    auto finish = [&](bool failed, const std::string& outcome, const std::string& detail) {
        RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
            tx.FinishVerificationItem(runId, id, failed, outcome, detail, m_clock.NowUtc());
        });
    };
    if (!identity || !identity->ins) {
        finish(false, "skipped", "l'identité ne porte plus d'INS");
        return;
    }
    VerificationResult v;
    try {
        v = VerifyIns(m_insi, *identity, InsiCallMode::Batch);
    } catch (const InsiError& e) {
        finish(true, e.Code(), e.what());
        return;
    }
    try {
        RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
            std::string outcome(VerdictCode(v.verdict));
            if (v.verdict == VerificationVerdict::Confirmed) {
                util::JsonWriter w;
                w.BeginObject().Field("run", runId).Field("verdict", outcome).EndObject();
                Journal(tx, m_clock, op, "identity.ins_verified", id, "", w.Str());
            } else {
                // The identity as it was verified: if it changed meanwhile, the verdict is stale.
                const CommandResult r =
                    ApplyIdentityEvent(tx, m_clock, op, id, event::InsInvalidated{v.reason}, identity->version);
                if (!r.Ok()) outcome = "skipped";
            }
            tx.FinishVerificationItem(runId, id, false, outcome, v.reason, m_clock.NowUtc());
        });
    } catch (const BusinessError& e) {  // store.stale: changed at a counter during the call
        finish(true, e.Code(), e.what());
    }
}

BulkReport BulkVerification::Run(const Operator& op, std::int64_t runId, const BulkOptions& options,
                                 const std::atomic<bool>& stop, IBulkProgressSink* sink) {
    if (auto r = CheckAllowed(op)) throw BusinessError(r->code, r->message);
    const auto started = std::chrono::steady_clock::now();
    bool stoppedAbruptly = false;
    VerificationRun run = RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        auto found = tx.GetVerificationRun(runId);
        if (!found) throw BadInputError("input.run", "Vérification n° " + std::to_string(runId) + " introuvable.");
        if (found->state == "done") return *found;
        // Items claimed by a run that stopped abruptly may have been sent: verify them again.
        const std::int64_t inDoubt = tx.ReleaseClaimedItems(runId);
        stoppedAbruptly = inDoubt > 0;
        if (stoppedAbruptly) tx.AddInDoubt(runId, inDoubt);
        tx.SetVerificationRunState(runId, "running", "");
        return *tx.GetVerificationRun(runId);
    });
    std::mutex queueMutex;
    std::deque<IdentityId> queue;
    bool exhausted = run.state == "done";
    auto next = [&]() -> std::optional<IdentityId> {
        std::lock_guard lock(queueMutex);
        if (queue.empty() && !exhausted) {
            auto claimed = RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
                return tx.ClaimVerificationItems(runId, std::max(options.claimChunk, 1));
            });
            if (claimed.empty()) exhausted = true;
            queue.insert(queue.end(), claimed.begin(), claimed.end());
        }
        if (queue.empty()) return std::nullopt;
        const IdentityId id = queue.front();
        queue.pop_front();
        return id;
    };

    std::atomic<std::int64_t> finishedHere{0};
    std::mutex sinkMutex;
    auto report = [&] {
        if (!sink) return;
        std::lock_guard lock(sinkMutex);
        const auto counts = RunInTransaction(m_store, TransactionMode::Read,
                                             [&](IStoreTransaction& tx) { return tx.CountVerificationItems(runId); });
        BulkProgress p;
        p.runId = runId;
        p.total = run.total;
        p.finished = counts.done + counts.failed;
        p.failed = counts.failed;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        p.ratePerSecond = elapsed > 0 ? static_cast<double>(finishedHere.load()) / elapsed : 0;
        p.etaSeconds = p.ratePerSecond > 0 ? static_cast<double>(p.total - p.finished) / p.ratePerSecond : 0;
        sink->OnProgress(p);
    };

    // The rate cap holds per process, and a run resumed after a pause, or after a process that
    // stopped abruptly, may follow that process's last calls by an instant. One rate window of
    // silence before the first call keeps the calls of both together under the cap in every
    // second, as the service counts them. A run that has not called yet starts at once.
    bool quietPeriod = false;
    {
        const auto counts = RunInTransaction(m_store, TransactionMode::Read,
                                             [&](IStoreTransaction& tx) { return tx.CountVerificationItems(runId); });
        quietPeriod = stoppedAbruptly || counts.done + counts.failed > 0 || run.inDoubt > 0;
        const auto until = std::chrono::steady_clock::now() + kResumeQuietPeriod;
        while (quietPeriod && !stop.load() && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::vector<std::thread> workers;
    const int threads = std::clamp(options.concurrency, 1, 64);
    for (int i = 0; i < threads; ++i)
        workers.emplace_back([&] {
            while (!stop.load()) {
                auto id = next();
                if (!id) break;
                Process(op, runId, *id);
                ++finishedHere;
                report();
            }
        });
    for (auto& t : workers) t.join();

    BulkReport result;
    result.quietPeriod = quietPeriod;
    RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        tx.ReleaseClaimedItems(runId);  // claimed but not started (pause): back to pending
        const auto counts = tx.CountVerificationItems(runId);
        const bool done = counts.pending == 0 && counts.claimed == 0;
        result.paused = !done;
        tx.SetVerificationRunState(runId, done ? "done" : "paused", m_clock.NowUtc());
        if (done && run.state != "done") {
            util::JsonWriter w;
            w.BeginObject().Field("run", runId).Field("done", counts.done).Field("failed", counts.failed).EndObject();
            Journal(tx, m_clock, op, "verification.run_finished", std::nullopt, "", w.Str());
        }
        result.run = *tx.GetVerificationRun(runId);
        result.counts = counts;
    });
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.ratePerSecond = result.seconds > 0 ? static_cast<double>(finishedHere.load()) / result.seconds : 0;
    report();
    return result;
}

}  // namespace vigie::usecases
