#pragma once
// The Patients screen's sheet: one identity as the pharmacist reads it — the INS identity with its
// status badge and attributes, the INS (matricule shown only once the identity is qualifiée), the
// INS history, the billing identities from the carte Vitale listed apart, the journal as a
// timeline; and « Récupérer l'INS » by traits (InsiRetrieval): the proposal beside the local
// traits, accepted by an explicit step. No wx, no thread.

#include <optional>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "core/domain/Operator.h"
#include "core/ports/IStore.h"
#include "core/usecases/InsiRetrieval.h"
#include "core/usecases/PatientService.h"

namespace vigie::presenters {

struct SheetLine {
    std::string label, value;
};

struct SheetView {
    bool shown = false;
    std::string title;                      // « ECETINSI PIERRE-ALAIN — né(e) le 14/07/2009 »
    std::string ipp;                        // « Dossier n° 3 »
    Badge badge;
    std::vector<std::string> attributes;    // « Identité douteuse », …
    std::vector<SheetLine> traits;          // strict traits, labelled; used names when set
    std::string ins;                        // « INS : 1… (NIR) », or why it is not shown
    std::vector<std::string> insHistory;    // earlier matricules (qualifiée only), or a count
    std::string documentCheck;              // « Vérifiée sur pièce : Passeport (paul, 22/11/2026) »
    std::vector<std::string> billing;       // under « Identités de facturation (carte Vitale) »
    std::vector<std::string> timeline;      // « 22/11/2026 10:00 — paul — Identité créée »
    bool canRetrieve = false;               // « Récupérer l'INS »
    std::string retrieveBlocked;            // why not (douteuse, fictive, droit)
    std::string retrievalOutcome;           // « Identité INS trouvée », « Aucune identité INS », refusal
    std::vector<TraitRow> retrievalRows;    // local vs INS
    bool canAccept = false;                 // « Accepter l'INS proposé »
    bool busy = false;
    std::string message;
    Tone messageTone = Tone::Neutral;
};

class PatientSheetPresenter {
public:
    explicit PatientSheetPresenter(domain::Operator op) : m_op(std::move(op)) {}

    void OnLoaded(usecases::PatientFile file, std::vector<ports::JournalEntry> history);
    void OnBusy();
    void OnRetrieved(usecases::RetrievalProposal proposal);
    void OnAccepted(const usecases::CommandResult& result);  // the sheet is reloaded after it
    void OnFailed(const std::string& message);
    void Clear();

    std::optional<domain::IdentityId> Id() const;
    const usecases::RetrievalProposal* Proposal() const { return m_proposal ? &*m_proposal : nullptr; }
    SheetView View() const;

    static std::string ActionLabel(const std::string& action);  // journal action → French
    static std::string Timestamp(const std::string& utc);       // ISO UTC → « 22/11/2026 11:00 », local time

private:
    domain::Operator m_op;
    std::optional<usecases::PatientFile> m_file;
    std::vector<ports::JournalEntry> m_history;
    std::optional<usecases::RetrievalProposal> m_proposal;
    bool m_busy = false;
    std::string m_message;
    Tone m_messageTone = Tone::Neutral;
};

}  // namespace vigie::presenters
