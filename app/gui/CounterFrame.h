#pragma once
// Comptoir: the main window. Reader events arrive on the reader's monitor thread and hop here
// with CallAfter (guarded by a wxWeakRef); the card read, the INSi call and every store write
// run on the worker; the presenter turns the results into the view the panels render.
// Each card insertion starts a new "generation": answers for a card since removed are dropped.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include <wx/frame.h>
#include <wx/stattext.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include "app/gui/AppStack.h"
#include "app/gui/BeneficiaryDialog.h"
#include "app/gui/DocumentDialog.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/ProposalPanel.h"
#include "app/gui/StatusPanel.h"
#include "app/gui/Worker.h"
#include "app/presenters/CounterPresenter.h"

namespace vigie::gui {

class CounterFrame final : public wxFrame, private ports::ICardReaderListener {
public:
    using Clock = std::chrono::steady_clock;
    CounterFrame(AppStack& stack, Worker& worker);
    ~CounterFrame() override;

    // Demo reader (menu « Démo », automation).
    void DemoInsert(const std::filesystem::path& cardFile);
    void DemoRemove();
    const std::vector<std::filesystem::path>& DemoCards() const { return m_cards; }

    // What the automation hook and the bench look at.
    StatusPanel* Status() const { return m_status; }
    ProposalPanel* Proposal() const { return m_proposal; }
    BeneficiaryDialog* Picker() const { return m_picker.get(); }
    DocumentDialog* Documents() const { return m_documents.get(); }
    std::optional<Clock::time_point> ProposalShownAt() const { return m_proposalShownAt; }
    std::optional<Clock::time_point> InsertedAt() const { return m_insertedAt; }
    bool Busy() const { return !m_worker.Idle() || m_presenter.View().busy; }
    const presenters::CounterPresenter& Presenter() const { return m_presenter; }
    AppStack& Stack() { return m_stack; }
    Worker& Jobs() { return m_worker; }

private:
    void OnReaderEvent(const ports::ReaderEvent& event) override;  // monitor thread
    void HandleReaderEvent(const ports::ReaderEvent& event);
    void StartRead(const std::string& reader);
    void OnCardRead(std::uint64_t generation, const ports::CarteVitale& card);
    void OnCardError(std::uint64_t generation, const std::string& message);
    void ShowPicker();
    void StartPrepare();
    void OnProposal(std::uint64_t generation, usecases::CounterProposal proposal, const std::string& at);
    void RunAction(usecases::CounterAction action);
    void AskDocument();
    void CloseDialogs();
    void BuildMenus();
    void Render();

    AppStack& m_stack;
    Worker& m_worker;
    presenters::CounterPresenter m_presenter;
    WindowRef<CounterFrame> m_self;
    StatusPanel* m_status;
    ProposalPanel* m_proposal;
    wxStaticText* m_idle;
    wxWeakRef<BeneficiaryDialog> m_picker;
    wxWeakRef<DocumentDialog> m_documents;
    wxTimer m_retry;
    std::uint64_t m_generation = 0;
    std::vector<std::filesystem::path> m_cards;
    std::optional<Clock::time_point> m_insertedAt;
    std::optional<Clock::time_point> m_proposalShownAt;
};

}  // namespace vigie::gui
