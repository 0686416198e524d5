#pragma once
// Comptoir: the main window. Reader events arrive on the reader's monitor thread and hop here
// with CallAfter (guarded by a wxWeakRef); the card read, the INSi call and every store write
// run on the worker; the presenter turns the results into the view the panels render.
// Each card insertion starts a new "generation": answers for a card since removed are dropped.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include "app/gui/AppStack.h"
#include "app/gui/BeneficiaryDialog.h"
#include "app/gui/DashboardFrame.h"
#include "app/gui/DocumentDialog.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/OperatorSwitcher.h"
#include "app/gui/PatientsFrame.h"
#include "app/gui/PrintFlow.h"
#include "app/gui/ProposalPanel.h"
#include "app/gui/SettingsFrame.h"
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
    bool Busy() const { return !m_worker.Idle() || m_pending > 0 || m_presenter.View().busy || m_printing->Busy(); }
    const presenters::CounterPresenter& Presenter() const { return m_presenter; }
    AppStack& Stack() { return m_stack; }
    PrintFlow& Printing() { return *m_printing; }
    PatientsFrame* Patients() const { return m_patients.get(); }
    void OpenPatients();  // F3
    DashboardFrame* Dashboard() const { return m_dashboard.get(); }
    bool OpenDashboard();  // F9, titulaire only (false: refused, the reason is in the menu)
    SettingsFrame* Settings() const { return m_settings.get(); }
    presenters::SettingsAccess OpenSettings();  // Ctrl+, titulaire only (CounterFrameSettings.cpp)
    void RepeatPrint();  // Ctrl+P (also the automation's `key ctrl+p`)
    void ShowPrintMessage(const std::string& message, bool ok);
    Worker& Jobs() { return m_worker; }
    OperatorSwitcher& Switcher() { return *m_switcher; }  // F12, lock screen (issue #6)

private:
    void OnReaderEvent(const ports::ReaderEvent& event) override;  // monitor thread
    void HandleReaderEvent(const ports::ReaderEvent& event);
    void StartRead(const std::string& reader);
    void OnCardRead(std::uint64_t generation, const ports::CarteVitale& card);
    void OnCardError(std::uint64_t generation, const std::string& message);
    void ShowPicker();
    void StartPrepare(bool retry = false);
    void OnProposal(std::uint64_t generation, usecases::CounterProposal proposal, const std::string& at);
    void RunAction(usecases::CounterAction action);
    void AskDocument();
    void CloseDialogs();
    void BuildMenus();
    void AddSettingsMenu(wxMenuBar* bar);  // CounterFrameSettings.cpp
    void Render();
    void OnOperatorSwitched(const domain::Operator& op);  // issue #6

    AppStack& m_stack;
    Worker& m_worker;
    presenters::CounterPresenter m_presenter;
    WindowRef<CounterFrame> m_self;
    StatusPanel* m_status;
    ProposalPanel* m_proposal;
    wxStaticText* m_idle;
    wxWeakRef<BeneficiaryDialog> m_picker;
    wxWeakRef<DocumentDialog> m_documents;
    std::unique_ptr<PrintFlow> m_printing;
    wxWeakRef<PatientsFrame> m_patients;
    std::unique_ptr<OperatorSwitcher> m_switcher;  // after m_printing: destroyed first
    wxWeakRef<DashboardFrame> m_dashboard;
    wxWeakRef<SettingsFrame> m_settings;  // « Réglages » (issue #6)
    wxTimer m_retry;
    std::uint64_t m_generation = 0;
    int m_pending = 0;  // actions whose answer has not reached the GUI thread yet
    std::vector<std::filesystem::path> m_cards;
    std::optional<Clock::time_point> m_insertedAt;
    std::optional<Clock::time_point> m_proposalShownAt;
};

}  // namespace vigie::gui
