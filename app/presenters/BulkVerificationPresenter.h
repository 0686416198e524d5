#pragma once
// « Vérification du fichier patients » (Identitovigilance screen, issue #6): the progress dialog
// of usecases::BulkVerification and its report. No wx, no thread of its own:
//   - RunBulkJob runs on a background thread (the dialog's own; a run can last minutes, it must
//     not hold the counter's worker): it creates a run or resumes the unfinished one, then runs
//     it until done or until `stop` is set (a pause: the run stays resumable, even after a
//     restart, since its work list lives in the store);
//   - the presenter (GUI thread) turns what comes back (progress, report, failure) into the view.
// The Identitovigilance screen is the referent's: Access() says why the others cannot open it.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IInsiService.h"
#include "core/ports/IStore.h"
#include "core/usecases/BulkVerification.h"

namespace vigie::presenters {

struct ScreenAccess {
    bool enabled = false;
    std::string reason;  // French, "" when enabled (the menu shows it to the others)
};

// The whole Identitovigilance screen (duplicates, INS traits correction, bulk verification):
// the identitovigilance referent only.
ScreenAccess IdentitovigilanceAccess(const domain::Operator& op);

enum class BulkPhase { Idle, Running, Pausing, Paused, Done, Failed };

struct BulkReportLine {
    std::string label;   // French
    std::int64_t count = 0;
    std::string detail;  // French, may be ""
};

struct BulkVerificationView {
    bool allowed = false;
    std::string blockedReason;
    BulkPhase phase = BulkPhase::Idle;
    std::int64_t runId = 0;
    std::int64_t total = 0, finished = 0, failed = 0;
    int percent = 0;            // 0..100, for the gauge
    std::string stateText;      // « Vérification en cours… », « En pause », …
    std::string progressText;   // « 12 / 40 identités vérifiées »
    std::string rateText;       // « 3,2 identités/s »
    std::string etaText;        // « Temps restant estimé : 1 min 05 s »
    std::string failuresText;   // « Échecs techniques : 2 »
    bool canStart = false, canPause = false, canResume = false;
    std::string reportTitle;    // "" until a run ends (done or paused)
    std::vector<BulkReportLine> report;
    std::string message;        // last error, French
};

// What the background job hands back.
struct BulkJobResult {
    std::optional<usecases::BulkReport> report;
    std::string error;  // French, when the job failed (refusal, store, INSi configuration…)
};

// Background thread. `resume`: continue the unfinished run (error when there is none); else a
// new run (error when one is unfinished). `onStarted(runId, total)` is called once the run is
// known, before the first item.
BulkJobResult RunBulkJob(ports::IStore& store, ports::IInsiService& insi, const ports::IClock& clock,
                         const domain::Operator& op, bool resume, const usecases::BulkOptions& options,
                         const std::atomic<bool>& stop, usecases::IBulkProgressSink* sink);
// Background thread: the unfinished run, if any (to offer « Reprendre »).
std::optional<ports::VerificationRun> FindUnfinishedRun(ports::IStore& store, ports::IInsiService& insi,
                                                        const ports::IClock& clock);

class BulkVerificationPresenter {
public:
    explicit BulkVerificationPresenter(domain::Operator op);

    void OnLoaded(const std::optional<ports::VerificationRun>& unfinished);
    void OnStartRequested(bool resume);
    void OnProgress(const usecases::BulkProgress& progress);
    void OnPauseRequested();
    void OnFinished(const BulkJobResult& result);
    const BulkVerificationView& View() const { return m_view; }

    // French formatting, exposed for tests.
    static std::string FormatRate(double perSecond);
    static std::string FormatDuration(double seconds);

private:
    void UpdateButtons();
    domain::Operator m_op;
    BulkVerificationView m_view;
};

}  // namespace vigie::presenters
