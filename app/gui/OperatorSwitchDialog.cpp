#include "app/gui/OperatorSwitchDialog.h"

#include <wx/button.h>
#include <wx/sizer.h>

namespace vigie::gui {

OperatorSwitchDialog::OperatorSwitchDialog(wxWindow* parent, const std::vector<std::string>& names,
                                           const std::string& current, OperatorPinPanel::Submit submit)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8("Changer d'opérateur"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE, "operator_switch_dialog") {
    m_panel = new OperatorPinPanel(this, wxString::FromUTF8("Qui prend le poste ?"), std::move(submit), "switch_pin");
    // The next operator is rarely the current one: start on the first other name.
    std::string first = current;
    for (const auto& n : names)
        if (n != current) {
            first = n;
            break;
        }
    m_panel->SetOperators(names, first);
    auto* cancel = new wxButton(this, wxID_CANCEL, wxString::FromUTF8("Annuler"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_panel, 1, wxEXPAND | wxALL, 6);
    sizer->Add(cancel, 0, wxALL | wxALIGN_RIGHT, 8);
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        Hide();
        Destroy();
    });
    m_panel->FocusPin();
}

}  // namespace vigie::gui
