#pragma once
// The patient sheet on the Patients screen: the INS identity (status badge, attributes, traits,
// INS and its history), the billing identities apart under « Identités de facturation (carte
// Vitale) », the journal timeline, and « Récupérer l'INS » with the proposal and « Accepter ».

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "app/presenters/PatientSheetPresenter.h"

namespace vigie::gui {

class PatientSheetPanel final : public wxPanel {
public:
    explicit PatientSheetPanel(wxWindow* parent);
    void Render(const presenters::SheetView& view);

    wxStaticText* m_title;
    wxStaticText* m_badge;
    wxStaticText* m_attributes;
    wxStaticText* m_ipp;
    wxListCtrl* m_traits;
    wxStaticText* m_ins;
    wxStaticText* m_insHistory;
    wxListBox* m_billing;
    wxListBox* m_timeline;
    wxButton* m_retrieve;
    wxStaticText* m_retrievalOutcome;
    wxListCtrl* m_retrievalRows;
    wxButton* m_accept;
    wxStaticText* m_message;
};

}  // namespace vigie::gui
