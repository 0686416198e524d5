#include "app/gui/OperatorPinPanel.h"

#include <wx/sizer.h>
#include <wx/valtext.h>

#include "app/gui/Palette.h"
#include "core/domain/Pin.h"

namespace vigie::gui {

OperatorPinPanel::OperatorPinPanel(wxWindow* parent, const wxString& prompt, Submit submit, const wxString& name)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, name), m_submit(std::move(submit)) {
    auto* label = new wxStaticText(this, wxID_ANY, prompt);
    label->SetFont(LargeFont(3, true));
    m_names = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(360, 160), 0, nullptr, wxLB_SINGLE,
                            wxDefaultValidator, "operators");
    m_names->SetFont(LargeFont(3));
    auto* pinLabel = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Code PIN :"));
    pinLabel->SetFont(LargeFont(3));
    // Digits only (the PIN rules of domain/Pin.h), masked, Entrée validates.
    m_pin = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(200, -1), wxTE_PASSWORD | wxTE_PROCESS_ENTER,
                           wxTextValidator(wxFILTER_DIGITS), "pin");
    m_pin->SetMaxLength(static_cast<unsigned long>(domain::kPinMaxDigits));
    m_pin->SetFont(LargeFont(6));
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1), 0, "pin_message");
    m_message->SetForegroundColour(*wxRED);
    m_message->SetFont(LargeFont(2, true));
    m_ok = new wxButton(this, wxID_ANY, wxString::FromUTF8("Valider"), wxDefaultPosition, wxDefaultSize, 0,
                        wxDefaultValidator, "pin_ok");

    auto* pinRow = new wxBoxSizer(wxHORIZONTAL);
    pinRow->Add(pinLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    pinRow->Add(m_pin, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    pinRow->Add(m_ok, 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, 0, wxALL, 8);
    sizer->Add(m_names, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(pinRow, 0, wxALL, 8);
    sizer->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizerAndFit(sizer);

    m_pin->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Confirm(); });
    m_ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Confirm(); });
    m_names->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { FocusPin(); });
    m_names->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { FocusPin(); });
}

void OperatorPinPanel::SetOperators(const std::vector<std::string>& names, const std::string& selected) {
    m_list = names;
    m_names->Clear();
    for (const auto& n : names) m_names->Append(wxString::FromUTF8(n));
    Select(selected);
}

std::string OperatorPinPanel::Selected() const {
    const int i = m_names->GetSelection();
    return i == wxNOT_FOUND ? std::string() : m_list[static_cast<std::size_t>(i)];
}

void OperatorPinPanel::Select(const std::string& name) {
    for (std::size_t i = 0; i < m_list.size(); ++i)
        if (m_list[i] == name) m_names->SetSelection(static_cast<int>(i));
}

void OperatorPinPanel::ShowMessage(const std::string& text) {
    m_message->SetLabel(wxString::FromUTF8(text));
    m_message->Wrap(420);
    Layout();
}

void OperatorPinPanel::SetBusy(bool busy) {
    m_ok->Enable(!busy);
    m_pin->Enable(!busy);
    m_names->Enable(!busy);
    if (busy) ShowMessage("Vérification…");
}

void OperatorPinPanel::Confirm() {
    const std::string name = Selected();
    const std::string pin = m_pin->GetValue().ToStdString();
    m_pin->ChangeValue("");
    if (name.empty()) return ShowMessage("Choisir un opérateur dans la liste.");
    if (pin.empty()) return ShowMessage("Saisir le code PIN.");
    if (m_submit) m_submit(name, pin);
}

void OperatorPinPanel::FocusPin() { m_pin->SetFocus(); }

}  // namespace vigie::gui
