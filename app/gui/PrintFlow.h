#pragma once
// Printing from the Comptoir: opens the Impression dialog for the current identity (rule sets,
// CUPS queues and the identity loaded on the worker), renders the preview on the worker whenever
// a choice changes (stale previews dropped; content edits debounced by 300 ms), prints through
// PrintActions on the worker, and repeats the last print — its content included — with one key
// (Ctrl+P) for the same patient. Owned by the frame; GUI
// thread only; answers hop back with PostToGui and are dropped after Close() (new card).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <wx/timer.h>
#include <wx/weakref.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/PrintDialog.h"
#include "app/gui/Worker.h"
#include "app/presenters/PrintPresenter.h"
#include "printing/service/QueueSettings.h"

namespace vigie::gui {

class CounterFrame;

class PrintFlow {
public:
    PrintFlow(CounterFrame& frame, AppStack& stack, Worker& worker);

    void Open(domain::IdentityId id);    // « Imprimer… »
    void Repeat(domain::IdentityId id);  // Ctrl+P: the dialog's Imprimer, the last print again, or the dialog
    void Close();                        // the card left: the dialog goes, late answers are dropped
    void PrintToPdf(const std::string& path);  // automation: the file dialog's answer
    bool ChooseTarget(const std::string& code);
    void SetCopies(int copies);
    // The content of an ordonnance / plan de prise (automation and the dialog's callbacks alike).
    std::optional<std::string> SetLine(std::size_t row, const std::vector<std::string>& cells);
    bool RemoveLine(std::size_t row);
    void SetNotes(const std::string& text);
    void SetPaper(printing::PaperFormat paper);
    bool ImportContent(const std::string& path);

    PrintDialog* Dialog() const { return m_dialog.get(); }
    const presenters::PrintPresenter& Presenter() const { return m_presenter; }
    void SetOperator(const domain::Operator& op) { m_presenter.SetOperator(op); }  // issue #6
    bool Busy() const { return m_opening || m_previewDue.IsRunning() || m_presenter.View().busy; }
    int Printed() const { return m_printed; }  // prints finished (ok or refused), for the automation

private:
    void OnOpened(std::uint64_t gen, domain::Identity identity, std::vector<presenters::RuleSetChoice> rules,
                  std::vector<std::string> queues, std::optional<std::string> defaultQueue,
                  std::vector<printing::QueueFormat> formats, std::string documentsQueue);
    void ContentEdited();  // render now, preview once the typing pauses
    void OnOpenFailed(std::uint64_t gen, const std::string& message);
    void StartPreview();
    void Print();
    bool AskPdfPath();
    void StartPrint(const presenters::PrintSettings& settings);
    void OnPrintDone(std::uint64_t gen, const presenters::PrintSettings& s, std::optional<std::string> refusal,
                     int pages, std::vector<std::string> warnings);
    void Render();

    CounterFrame& m_frame;
    AppStack& m_stack;
    Worker& m_worker;
    WindowRef<CounterFrame> m_ref;
    presenters::PrintPresenter m_presenter;
    wxWeakRef<PrintDialog> m_dialog;
    std::uint64_t m_gen = 0;         // bumped by Close(): answers for a closed dialog are dropped
    std::uint64_t m_previewGen = 0;  // only the latest preview is shown
    bool m_opening = false;
    wxTimer m_previewDue;            // debounces the preview of content edits
    int m_printed = 0;
};

}  // namespace vigie::gui
