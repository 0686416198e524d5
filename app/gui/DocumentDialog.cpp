#include "app/gui/DocumentDialog.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/Palette.h"

namespace vigie::gui {

DocumentDialog::DocumentDialog(wxWindow* parent, std::vector<presenters::DocumentChoice> choices, Chosen onChosen)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8("Valider l'identité"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE, "document_dialog"),
      m_choices(std::move(choices)),
      m_onChosen(std::move(onChosen)) {
    auto* label = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Pièce d'identité à haut niveau de confiance présentée :"));
    label->SetFont(LargeFont(3, true));
    wxArrayString items;
    for (const auto& c : m_choices) items.Add(wxString::FromUTF8(c.label));
    m_list = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(640, -1), items, wxLB_SINGLE, wxDefaultValidator,
                           "documents");
    m_list->SetFont(LargeFont(3));
    m_error = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(640, -1), 0, "documents_error");
    m_error->Hide();
    m_ok = new wxButton(this, wxID_OK, wxString::FromUTF8("Valider"));
    m_ok->Disable();  // no default document: nothing to confirm until one is chosen
    auto* cancel = new wxButton(this, wxID_CANCEL, wxString::FromUTF8("Annuler"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(cancel, 0, wxALL, 6);
    buttons->Add(m_ok, 0, wxALL, 6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, 0, wxALL, 10);
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(m_error, 0, wxEXPAND | wxALL, 10);
    sizer->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 4);
    SetSizerAndFit(sizer);
    m_list->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { m_ok->Enable(m_list->GetSelection() != wxNOT_FOUND); });
    m_list->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { m_ok->Enable(true); });
    m_ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int i = m_list->GetSelection();
        if (i != wxNOT_FOUND) Choose(m_choices[static_cast<std::size_t>(i)].code);
    });
    m_cancel = cancel;
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        Hide();
        Destroy();
    });
}

void DocumentDialog::Load(std::vector<presenters::DocumentChoice> choices, const std::string& error) {
    m_choices = std::move(choices);
    wxArrayString items;
    for (const auto& c : m_choices) items.Add(wxString::FromUTF8(c.label));
    m_list->Set(items);
    m_error->SetLabel(wxString::FromUTF8(error));
    m_error->Show(!error.empty());
    m_list->InvalidateBestSize();
    GetSizer()->SetSizeHints(this);
    Present();
}

void DocumentDialog::Present() {
    Show();
    Raise();
    m_cancel->SetFocus();
    m_list->SetSelection(wxNOT_FOUND);
    m_ok->Disable();
}

bool DocumentDialog::Choose(const std::string& code) {
    for (const auto& c : m_choices)
        if (c.code == code) {
            auto chosen = m_onChosen;
            Hide();
            Destroy();
            if (chosen) chosen(code);
            return true;
        }
    return false;
}

}  // namespace vigie::gui
