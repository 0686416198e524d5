#include "app/presenters/BulkVerificationPresenter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/domain/Errors.h"
#include "core/domain/Status.h"

namespace vigie::presenters {

using namespace vigie::domain;
using namespace vigie::usecases;

ScreenAccess IdentitovigilanceAccess(const Operator& op) {
    // EditInsTraits is the referent's alone: the screen's most sensitive action decides it.
    if (op.active && HasPermission(op.role, Permission::EditInsTraits)) return {true, ""};
    return {false, "réservé au référent identitovigilance (profil " + std::string(RoleLabel(op.role)) + ")"};
}

BulkJobResult RunBulkJob(ports::IStore& store, ports::IInsiService& insi, const ports::IClock& clock,
                         const Operator& op, bool resume, const BulkOptions& options, const std::atomic<bool>& stop,
                         IBulkProgressSink* sink) {
    BulkJobResult result;
    try {
        if (auto refusal = BulkVerification::CheckAllowed(op)) {
            result.error = refusal->message;
            return result;
        }
        BulkVerification engine(store, insi, clock);
        std::int64_t runId = 0;
        if (resume) {
            const auto run = engine.UnfinishedRun();
            if (!run) {
                result.error = "Aucune vérification interrompue à reprendre.";
                return result;
            }
            runId = run->id;
        } else {
            runId = engine.CreateRun(op);
        }
        result.report = engine.Run(op, runId, options, stop, sink);
    } catch (const std::exception& e) {  // BusinessError, store, INSi configuration: shown as is
        result.error = e.what();
    }
    return result;
}

std::optional<ports::VerificationRun> FindUnfinishedRun(ports::IStore& store, ports::IInsiService& insi,
                                                        const ports::IClock& clock) {
    return BulkVerification(store, insi, clock).UnfinishedRun();
}

BulkVerificationPresenter::BulkVerificationPresenter(Operator op) : m_op(std::move(op)) {
    const auto access = IdentitovigilanceAccess(m_op);
    m_view.allowed = access.enabled;
    m_view.blockedReason = access.reason;
    m_view.stateText = access.enabled ? "Chargement…" : "Accès " + access.reason + ".";
}

std::string BulkVerificationPresenter::FormatRate(double perSecond) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", std::max(perSecond, 0.0));
    std::string s(buf);
    std::replace(s.begin(), s.end(), '.', ',');  // French decimal comma
    return s + " identités/s";
}

std::string BulkVerificationPresenter::FormatDuration(double seconds) {
    const long total = std::lround(std::max(seconds, 0.0));
    const long h = total / 3600, m = (total % 3600) / 60, s = total % 60;
    char buf[64];
    if (h > 0) std::snprintf(buf, sizeof buf, "%ld h %02ld min", h, m);
    else if (m > 0) std::snprintf(buf, sizeof buf, "%ld min %02ld s", m, s);
    else std::snprintf(buf, sizeof buf, "%ld s", s);
    return buf;
}

void BulkVerificationPresenter::UpdateButtons() {
    const bool ok = m_view.allowed;
    m_view.canStart = ok && (m_view.phase == BulkPhase::Idle || m_view.phase == BulkPhase::Done ||
                             m_view.phase == BulkPhase::Failed);
    m_view.canPause = ok && m_view.phase == BulkPhase::Running;
    m_view.canResume = ok && m_view.phase == BulkPhase::Paused;
}

void BulkVerificationPresenter::OnLoaded(const std::optional<ports::VerificationRun>& unfinished) {
    if (!m_view.allowed) return UpdateButtons();
    if (unfinished) {
        m_view.phase = BulkPhase::Paused;
        m_view.runId = unfinished->id;
        m_view.total = unfinished->total;
        m_view.stateText = "Vérification n° " + std::to_string(unfinished->id) + " du " + unfinished->createdAt +
                           " interrompue : la reprendre là où elle s'est arrêtée.";
    } else {
        m_view.phase = BulkPhase::Idle;
        m_view.stateText = "Vérifier auprès d'INSi chaque identité du fichier qui porte un INS.";
    }
    UpdateButtons();
}

void BulkVerificationPresenter::OnStartRequested(bool resume) {
    m_view.phase = BulkPhase::Running;
    m_view.message.clear();
    m_view.report.clear();
    m_view.reportTitle.clear();
    m_view.rateText.clear();
    m_view.etaText.clear();
    m_view.stateText = resume ? "Reprise de la vérification…" : "Préparation de la liste des identités à vérifier…";
    UpdateButtons();
}

void BulkVerificationPresenter::OnProgress(const BulkProgress& p) {
    if (m_view.phase != BulkPhase::Running && m_view.phase != BulkPhase::Pausing) return;  // late call
    m_view.runId = p.runId;
    m_view.total = p.total;
    m_view.finished = p.finished;
    m_view.failed = p.failed;
    m_view.percent = p.total > 0 ? static_cast<int>(std::min<std::int64_t>(100, p.finished * 100 / p.total)) : 100;
    m_view.progressText = std::to_string(p.finished) + " / " + std::to_string(p.total) + " identités vérifiées";
    m_view.rateText = "Débit : " + FormatRate(p.ratePerSecond);
    m_view.etaText = p.ratePerSecond > 0 ? "Temps restant estimé : " + FormatDuration(p.etaSeconds)
                                         : "Temps restant estimé : —";
    m_view.failuresText = "Échecs techniques : " + std::to_string(p.failed);
    if (m_view.phase == BulkPhase::Running)
        m_view.stateText = "Vérification n° " + std::to_string(p.runId) + " en cours…";
}

void BulkVerificationPresenter::OnPauseRequested() {
    if (m_view.phase != BulkPhase::Running) return;
    m_view.phase = BulkPhase::Pausing;
    m_view.stateText = "Mise en pause : fin des requêtes en cours…";
    UpdateButtons();
}

namespace {
// The verdicts that removed the INS (BulkVerification applies InsInvalidated), in report order.
const std::vector<std::pair<std::string, std::string>>& RemovalOutcomes() {
    static const std::vector<std::pair<std::string, std::string>> k{
        {"not_found", "aucune identité trouvée par INSi"},
        {"several", "plusieurs identités trouvées par INSi"},
        {"ins_changed", "INS différent (matricule ou OID)"},
        {"traits_differ", "traits de référence différents"},
    };
    return k;
}
std::string Regression() {
    return std::string(StatusLabel(IdentityStatus::Qualifiee)) + " → " +
           std::string(StatusLabel(IdentityStatus::Validee)) + ", " +
           std::string(StatusLabel(IdentityStatus::Recuperee)) + " → " +
           std::string(StatusLabel(IdentityStatus::Provisoire));
}
}  // namespace

void BulkVerificationPresenter::OnFinished(const BulkJobResult& result) {
    if (!result.report) {
        m_view.phase = BulkPhase::Failed;
        m_view.message = result.error;
        m_view.stateText = "La vérification n'a pas pu être lancée.";
        UpdateButtons();
        return;
    }
    const BulkReport& r = *result.report;
    m_view.runId = r.run.id;
    m_view.total = r.run.total;
    m_view.finished = r.counts.done + r.counts.failed;
    m_view.failed = r.counts.failed;
    m_view.percent = r.run.total > 0 ? static_cast<int>(m_view.finished * 100 / r.run.total) : 100;
    m_view.progressText = std::to_string(m_view.finished) + " / " + std::to_string(r.run.total) + " identités vérifiées";
    m_view.failuresText = "Échecs techniques : " + std::to_string(r.counts.failed);
    m_view.etaText.clear();
    m_view.phase = r.paused ? BulkPhase::Paused : BulkPhase::Done;
    m_view.stateText = r.paused ? "Vérification n° " + std::to_string(r.run.id) +
                                      " en pause : « Reprendre » la poursuit, même après un redémarrage."
                                : "Vérification n° " + std::to_string(r.run.id) + " terminée.";
    m_view.reportTitle = (r.paused ? "Bilan partiel — " : "Bilan — ") + std::to_string(m_view.finished) + " / " +
                         std::to_string(r.run.total) + " identités vérifiées";

    std::map<std::string, std::int64_t> by(r.counts.byOutcome.begin(), r.counts.byOutcome.end());
    auto take = [&](const std::string& k) {
        auto it = by.find(k);
        if (it == by.end()) return std::int64_t{0};
        const auto n = it->second;
        by.erase(it);
        return n;
    };
    m_view.report.clear();
    m_view.report.push_back({"INS confirmés", take("confirmed"), ""});
    std::int64_t removed = 0;
    std::string details;
    for (const auto& [code, label] : RemovalOutcomes()) {
        const auto n = take(code);
        removed += n;
        if (n > 0) details += (details.empty() ? "" : " ; ") + label + " : " + std::to_string(n);
    }
    m_view.report.push_back({"INS retirés (statut régressé : " + Regression() + ")", removed, details});
    const auto skipped = take("skipped");
    if (skipped > 0)
        m_view.report.push_back({"Non traitées (identité modifiée entre-temps ou sans INS)", skipped, ""});
    // What is left in byOutcome are the technical failures' error codes.
    std::string codes;
    for (const auto& [code, n] : by) codes += (codes.empty() ? "" : " ; ") + code + " : " + std::to_string(n);
    m_view.report.push_back({"Échecs techniques (identité inchangée)", r.counts.failed, codes});
    m_view.report.push_back({"Douteuses (interrompues brutalement, interrogées à nouveau)", r.run.inDoubt, ""});
    if (r.paused) {
        const auto left = r.run.total - m_view.finished;
        m_view.report.push_back({"Restant à vérifier", left, ""});
    }
    UpdateButtons();
}

}  // namespace vigie::presenters
