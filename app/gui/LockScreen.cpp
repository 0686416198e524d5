#include "app/gui/LockScreen.h"

#include <wx/sizer.h>

#include "app/gui/Palette.h"

namespace vigie::gui {

LockScreen::LockScreen(wxWindow* parent, OperatorPinPanel::Submit submit)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "lock_screen") {
    SetBackgroundColour(wxColour(0x26, 0x32, 0x38));
    m_title = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Poste verrouillé"), wxDefaultPosition, wxDefaultSize,
                               wxALIGN_CENTRE_HORIZONTAL, "lock_title");
    m_title->SetFont(LargeFont(12, true));
    m_title->SetForegroundColour(*wxWHITE);
    auto* box = new wxPanel(this);
    box->SetBackgroundColour(*wxWHITE);
    m_panel = new OperatorPinPanel(box, wxString::FromUTF8("Code PIN pour reprendre le poste :"), std::move(submit),
                                   "lock_pin");
    auto* boxSizer = new wxBoxSizer(wxVERTICAL);
    boxSizer->Add(m_panel, 1, wxEXPAND | wxALL, 12);
    box->SetSizerAndFit(boxSizer);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer(1);
    sizer->Add(m_title, 0, wxALIGN_CENTER_HORIZONTAL | wxBOTTOM, 24);
    sizer->Add(box, 0, wxALIGN_CENTER_HORIZONTAL);
    sizer->AddStretchSpacer(2);
    SetSizer(sizer);
    Hide();
}

void LockScreen::Cover(const std::vector<std::string>& names, const std::string& current) {
    m_title->SetLabel(wxString::FromUTF8("Poste verrouillé — " + current));
    m_panel->SetOperators(names, current);
    m_panel->ShowMessage("");
    m_panel->SetBusy(false);
    m_panel->ShowMessage("");
    Show();  // the owner lays the frame out (OperatorSwitcher: its sizer)
}

}  // namespace vigie::gui
