#include "app/gui/ProposalPanel.h"

#include <wx/sizer.h>

#include "app/gui/Palette.h"

namespace vigie::gui {

using presenters::Tone;

ProposalPanel::ProposalPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                                          wxTAB_TRAVERSAL, "proposal") {
    m_title = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "title");
    m_title->SetFont(LargeFont(6, true));
    m_badge = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL, "badge");
    m_badge->SetFont(LargeFont(4, true));
    m_attributes = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "attributes");
    m_attributes->SetFont(LargeFont(2, true));
    m_attributes->SetForegroundColour(Background(Tone::Danger));
    m_local = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "local");
    m_insiOutcome = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "insi_outcome");
    for (auto* t : {m_local, m_insiOutcome}) t->SetFont(LargeFont(2));

    m_rows = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 230), wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, "traits");
    m_rows->SetFont(LargeFont(3));
    m_rows->AppendColumn(wxString::FromUTF8("Trait"), wxLIST_FORMAT_LEFT, 330);
    m_rows->AppendColumn(wxString::FromUTF8("Dossier local"), wxLIST_FORMAT_LEFT, 380);
    m_rows->AppendColumn(wxString::FromUTF8("Identité INS (téléservice)"), wxLIST_FORMAT_LEFT, 380);

    m_create = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Créer le dossier depuis l'INS"), wxDefaultPosition,
                            wxDefaultSize, 0, wxDefaultValidator, "create");
    m_take = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Reprendre les traits INS"), wxDefaultPosition,
                          wxDefaultSize, 0, wxDefaultValidator, "take");
    m_validate = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Valider l'identité…"), wxDefaultPosition,
                              wxDefaultSize, 0, wxDefaultValidator, "validate");
    m_print = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Imprimer…"), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "print");
    m_print->SetToolTip(wxString::FromUTF8("Étiquette ou fiche du patient. Ctrl+P : imprimer à nouveau avec les mêmes réglages."));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (auto* b : {m_create, m_take, m_validate, m_print}) {
        b->SetFont(LargeFont(3, true));
        buttons->Add(b, 0, wxALL, 6);
    }
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "message");
    m_message->SetFont(LargeFont(2));

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(m_title, 1, wxALL | wxALIGN_CENTER_VERTICAL, 6);
    head->Add(m_badge, 0, wxALL | wxALIGN_CENTER_VERTICAL, 6);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(head, 0, wxEXPAND);
    top->Add(m_attributes, 0, wxLEFT | wxRIGHT, 8);
    top->Add(m_local, 0, wxALL, 6);
    top->Add(m_insiOutcome, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
    top->Add(m_rows, 1, wxEXPAND | wxALL, 6);
    top->Add(buttons, 0, wxALIGN_LEFT);
    top->Add(m_message, 0, wxALL, 6);
    SetSizer(top);
}

void ProposalPanel::Render(const presenters::CounterView& v) {
    m_title->SetLabel(wxString::FromUTF8(v.patientTitle));
    if (v.badge) {
        m_badge->SetLabel(wxString::FromUTF8("  " + v.badge->text + "  "));
        m_badge->SetBackgroundColour(Background(v.badge->tone));
        m_badge->SetForegroundColour(Foreground(v.badge->tone));
        m_badge->Show();
    } else {
        m_badge->SetLabel("");
        m_badge->Hide();
    }
    std::string attrs;
    for (const auto& a : v.attributes) attrs += (attrs.empty() ? "" : " · ") + a;
    m_attributes->SetLabel(wxString::FromUTF8(attrs));
    m_attributes->Show(!attrs.empty());
    m_local->SetLabel(wxString::FromUTF8(v.localText));
    m_insiOutcome->SetLabel(wxString::FromUTF8(v.insiOutcome));

    m_rows->Freeze();
    m_rows->DeleteAllItems();
    for (std::size_t i = 0; i < v.rows.size(); ++i) {
        const auto& r = v.rows[i];
        const long item = m_rows->InsertItem(static_cast<long>(i), wxString::FromUTF8(r.label));
        m_rows->SetItem(item, 1, wxString::FromUTF8(r.local));
        m_rows->SetItem(item, 2, wxString::FromUTF8(r.ins));
        if (r.differs) {
            m_rows->SetItemBackgroundColour(item, Background(Tone::Warning));
            m_rows->SetItemTextColour(item, *wxBLACK);
        }
    }
    m_rows->Thaw();

    m_create->Enable(v.canCreateFromIns);
    m_take->Enable(v.canTakeInsTraits);
    m_validate->Enable(v.canValidate);
    m_print->Enable(v.canPrint);
    m_message->SetLabel(wxString::FromUTF8(v.message));
    m_message->SetForegroundColour(v.messageTone == Tone::Danger ? Background(Tone::Danger)
                                                                 : Foreground(Tone::Neutral));
    Layout();
}

}  // namespace vigie::gui
