#include "app/gui/BeneficiaryDialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/Palette.h"

namespace vigie::gui {

BeneficiaryDialog::BeneficiaryDialog(wxWindow* parent, const std::vector<std::string>& entries, Chosen onChosen)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8("Choix du bénéficiaire"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE, "beneficiary_dialog"),
      m_onChosen(std::move(onChosen)) {
    auto* label = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Plusieurs bénéficiaires sur cette carte : qui est au comptoir ?"));
    label->SetFont(LargeFont(3, true));
    wxArrayString items;
    int n = 0;
    for (const auto& e : entries) items.Add(wxString::Format("%d. ", ++n) + wxString::FromUTF8(e));
    m_list = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(640, -1), items, wxLB_SINGLE, wxDefaultValidator,
                           "beneficiaries");
    m_list->SetFont(LargeFont(4));
    m_list->SetSelection(0);  // a focus position for the keyboard, not a decision: Entrée confirms
    auto* ok = new wxButton(this, wxID_OK, wxString::FromUTF8("Choisir"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, 0, wxALL, 10);
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(ok, 0, wxALL | wxALIGN_RIGHT, 10);
    SetSizerAndFit(sizer);
    SetDefaultItem(ok);
    m_list->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { Choose(static_cast<std::size_t>(m_list->GetSelection())); });
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_list->GetSelection() != wxNOT_FOUND) Choose(static_cast<std::size_t>(m_list->GetSelection()));
    });
    Bind(wxEVT_CHAR_HOOK, [this, count = entries.size()](wxKeyEvent& e) {
        const int k = e.GetKeyCode();
        if (k >= '1' && k <= '9' && static_cast<std::size_t>(k - '1') < count) Choose(static_cast<std::size_t>(k - '1'));
        else e.Skip();
    });
    m_list->SetFocus();
}

void BeneficiaryDialog::Choose(std::size_t index) {
    auto chosen = m_onChosen;
    Hide();
    Destroy();  // deferred by wx: safe from inside this dialog's own handlers
    if (chosen) chosen(index);
}

}  // namespace vigie::gui
