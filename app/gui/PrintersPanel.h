#pragma once
// « Réglages › Imprimantes » (issue #6): the CUPS queues, and which one labels and documents go
// to by default (store settings print.queue.labels / print.queue.documents, shared by every
// counter on the référentiel; "" = the CUPS default); per queue its language, « PDF (pilote
// CUPS) » or « ZPL brut (Zebra) » at 203/300/600 dpi (print.queue.<queue>.language / .dpi).
// Saved together, titulaire only, journaled. CUPS and the store are asked on the worker.
// GUI thread only.

#include <string>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/Worker.h"
#include "app/presenters/SettingsActions.h"

namespace vigie::gui {

class PrintersPanel final : public wxPanel {
public:
    PrintersPanel(wxWindow* parent, AppStack& stack, Worker& worker);
    void Reload();
    void Save();
    bool Busy() const { return m_busy; }

    wxListBox* m_queues;
    wxChoice* m_labels;
    wxChoice* m_documents;
    wxChoice* m_language;  // of the queue selected in m_queues
    wxChoice* m_dpi;
    wxButton* m_save;
    wxStaticText* m_message;

private:
    void Show(const presenters::PrinterChoices& choices, const std::string& message);
    std::string Chosen(wxChoice* choice) const;
    void ShowFormat();       // the selected queue's language and resolution
    void FormatEdited();     // m_language / m_dpi changed by the operator
    wxString QueueLine(const std::string& queue) const;

    AppStack& m_stack;
    Worker& m_worker;
    WindowRef<PrintersPanel> m_self;
    presenters::PrinterChoices m_choices;
    bool m_busy = false;
};

}  // namespace vigie::gui
