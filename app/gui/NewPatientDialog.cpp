#include "app/gui/NewPatientDialog.h"

#include <wx/sizer.h>

#include "app/gui/Palette.h"

namespace vigie::gui {

using presenters::Tone;

NewPatientDialog::NewPatientDialog(wxWindow* parent, Create onCreate)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8("Nouveau patient"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE, "new_patient"),
      m_onCreate(std::move(onCreate)) {
    auto* grid = new wxFlexGridSizer(2, 6, 10);
    auto field = [&](const char* label, const char* name) {
        grid->Add(new wxStaticText(this, wxID_ANY, wxString::FromUTF8(label)), 0, wxALIGN_CENTER_VERTICAL);
        auto* t = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(380, -1), 0, wxDefaultValidator, name);
        t->SetFont(LargeFont(2));
        grid->Add(t, 1, wxEXPAND);
        return t;
    };
    m_birthName = field("Nom de naissance *", "birth_name");
    m_firstNames = field("Prénom(s) de naissance *", "first_names");
    m_birthDate = field("Date de naissance * (JJ/MM/AAAA)", "birth_date");
    grid->Add(new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Sexe *")), 0, wxALIGN_CENTER_VERTICAL);
    const wxString sexes[] = {wxString::FromUTF8("Féminin"), wxString::FromUTF8("Masculin")};
    m_sex = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 2, sexes, 0, wxDefaultValidator, "sex");
    grid->Add(m_sex);  // no default: the operator chooses
    m_birthPlace = field("Lieu de naissance (code INSEE)", "birth_place");
    m_usedName = field("Nom utilisé", "used_name");
    m_usedFirstName = field("Prénom utilisé", "used_first_name");

    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(560, -1), 0, "new_patient_message");
    m_duplicates = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(560, 90), 0, nullptr, 0, wxDefaultValidator,
                                 "duplicates");
    m_duplicates->Hide();
    m_create = new wxButton(this, wxID_OK, wxString::FromUTF8("&Créer"));
    m_create->SetDefault();
    m_force = new wxButton(this, wxID_ANY, wxString::FromUTF8("Créer &quand même"), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "force");
    m_force->Hide();
    auto* close = new wxButton(this, wxID_CANCEL, wxString::FromUTF8("&Fermer"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (auto* b : {close, m_force, m_create}) buttons->Add(b, 0, wxALL, 6);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, 0, wxALL, 10);
    top->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    top->Add(m_duplicates, 0, wxEXPAND | wxALL, 10);
    top->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 4);
    SetSizerAndFit(top);

    m_create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_onCreate(Form(), false); });
    m_force->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_onCreate(Form(), true); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        Hide();
        Destroy();
    });
}

presenters::NewPatientForm NewPatientDialog::Form() const {
    presenters::NewPatientForm f;
    f.birthName = m_birthName->GetValue().utf8_string();
    f.firstNames = m_firstNames->GetValue().utf8_string();
    f.birthDate = m_birthDate->GetValue().utf8_string();
    const int sex = m_sex->GetSelection();
    if (sex == 0 || sex == 1) f.sex.assign(1, sex == 0 ? 'F' : 'M');
    f.birthPlace = m_birthPlace->GetValue().utf8_string();
    f.usedName = m_usedName->GetValue().utf8_string();
    f.usedFirstName = m_usedFirstName->GetValue().utf8_string();
    return f;
}

void NewPatientDialog::Fill(const presenters::NewPatientForm& f) {
    m_birthName->SetValue(wxString::FromUTF8(f.birthName));
    m_firstNames->SetValue(wxString::FromUTF8(f.firstNames));
    m_birthDate->SetValue(wxString::FromUTF8(f.birthDate));
    m_sex->SetSelection(f.sex == "F" ? 0 : (f.sex == "M" ? 1 : wxNOT_FOUND));
    m_birthPlace->SetValue(wxString::FromUTF8(f.birthPlace));
}

void NewPatientDialog::Render(const presenters::NewPatientView& v) {
    std::string text = v.message;
    for (const auto& e : v.errors) text += "\n• " + e;
    m_message->SetLabel(wxString::FromUTF8(text));
    m_message->SetForegroundColour(v.messageTone == Tone::Danger ? Background(Tone::Danger) : Foreground(Tone::Neutral));
    m_message->Wrap(560);
    wxArrayString items;
    for (const auto& d : v.duplicates) items.Add(wxString::FromUTF8(d));
    m_duplicates->Set(items);
    m_duplicates->Show(!v.duplicates.empty());
    m_force->Show(v.canForce);
    Fit();
    Layout();
}

}  // namespace vigie::gui
