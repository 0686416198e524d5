#pragma once
// The proposal: the patient, the status badge with its words, the attributes, the local record
// and the INS traits side by side (differences highlighted), the one-step actions.

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "app/presenters/CounterView.h"

namespace vigie::gui {

class ProposalPanel final : public wxPanel {
public:
    explicit ProposalPanel(wxWindow* parent);
    void Render(const presenters::CounterView& view);

    wxStaticText* m_title;
    wxStaticText* m_badge;
    wxStaticText* m_attributes;
    wxStaticText* m_local;
    wxStaticText* m_insiOutcome;
    wxListCtrl* m_rows;
    wxButton* m_create;
    wxButton* m_take;
    wxButton* m_validate;
    wxButton* m_print;
    wxStaticText* m_message;
};

}  // namespace vigie::gui
