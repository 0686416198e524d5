#include "app/gui/PatientSheetPanel.h"

#include <algorithm>

#include <wx/sizer.h>

#include "app/gui/Palette.h"

namespace vigie::gui {

using presenters::Tone;

namespace {

wxStaticText* Heading(wxWindow* parent, const char* text) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString::FromUTF8(text));
    t->SetFont(LargeFont(2, true));
    return t;
}

wxArrayString Items(const std::vector<std::string>& lines) {
    wxArrayString out;
    for (const auto& l : lines) out.Add(wxString::FromUTF8(l));
    return out;
}

}  // namespace

PatientSheetPanel::PatientSheetPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "sheet") {
    m_title = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "sheet_title");
    m_title->SetFont(LargeFont(5, true));
    m_badge = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "sheet_badge");
    m_badge->SetFont(LargeFont(3, true));
    m_attributes = new wxStaticText(this, wxID_ANY, "");
    m_attributes->SetFont(LargeFont(2, true));
    m_attributes->SetForegroundColour(Background(Tone::Danger));
    m_ipp = new wxStaticText(this, wxID_ANY, "");
    m_traits = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxLC_REPORT | wxLC_NO_HEADER);
    m_traits->AppendColumn("", wxLIST_FORMAT_LEFT, 260);
    m_traits->AppendColumn("", wxLIST_FORMAT_LEFT, 360);
    m_ins = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "sheet_ins");
    m_ins->SetFont(LargeFont(2, true));
    m_insHistory = new wxStaticText(this, wxID_ANY, "");
    m_billing = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 70), 0, nullptr, 0, wxDefaultValidator, "billing");
    m_timeline = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 120), 0, nullptr, 0, wxDefaultValidator, "timeline");
    m_retrieve = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Récupérer l'INS"), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "retrieve");
    m_accept = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Accepter l'INS proposé"), wxDefaultPosition, wxDefaultSize,
                            0, wxDefaultValidator, "accept");
    for (auto* b : {m_retrieve, m_accept}) b->SetFont(LargeFont(2, true));
    m_retrievalOutcome = new wxStaticText(this, wxID_ANY, "");
    m_retrievalRows = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 150), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_retrievalRows->AppendColumn(wxString::FromUTF8("Trait"), wxLIST_FORMAT_LEFT, 220);
    m_retrievalRows->AppendColumn(wxString::FromUTF8("Dossier local"), wxLIST_FORMAT_LEFT, 260);
    m_retrievalRows->AppendColumn(wxString::FromUTF8("Identité INS (téléservice)"), wxLIST_FORMAT_LEFT, 260);
    m_message = new wxStaticText(this, wxID_ANY, "");

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(m_title, 1, wxALL | wxALIGN_CENTER_VERTICAL, 4);
    head->Add(m_badge, 0, wxALL | wxALIGN_CENTER_VERTICAL, 4);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_retrieve, 0, wxRIGHT, 8);
    buttons->Add(m_accept, 0);
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(head, 0, wxEXPAND);
    s->Add(m_attributes, 0, wxLEFT, 6);
    s->Add(m_ipp, 0, wxALL, 4);
    s->Add(m_traits, 0, wxEXPAND | wxALL, 4);
    s->Add(m_ins, 0, wxALL, 4);
    s->Add(m_insHistory, 0, wxLEFT | wxBOTTOM, 6);
    s->Add(Heading(this, "Identités de facturation (carte Vitale)"), 0, wxTOP | wxLEFT, 6);
    s->Add(m_billing, 0, wxEXPAND | wxALL, 4);
    s->Add(Heading(this, "Historique"), 0, wxTOP | wxLEFT, 6);
    s->Add(m_timeline, 1, wxEXPAND | wxALL, 4);
    s->Add(buttons, 0, wxALL, 4);
    s->Add(m_retrievalOutcome, 0, wxALL, 4);
    s->Add(m_retrievalRows, 0, wxEXPAND | wxALL, 4);
    s->Add(m_message, 0, wxALL, 4);
    SetSizer(s);
}

void PatientSheetPanel::Render(const presenters::SheetView& v) {
    m_badge->SetLabel(wxString::FromUTF8(v.shown ? "  " + v.badge.text + "  " : ""));
    m_title->SetLabel(wxString::FromUTF8(v.title));
    // Long names wrap rather than lose the birth date.
    m_title->Wrap(std::max(300, GetClientSize().GetWidth() - m_badge->GetBestSize().GetWidth() - 30));
    m_badge->SetBackgroundColour(Background(v.badge.tone));
    m_badge->SetForegroundColour(Foreground(v.badge.tone));
    std::string attrs;
    for (const auto& a : v.attributes) attrs += (attrs.empty() ? "" : " · ") + a;
    m_attributes->SetLabel(wxString::FromUTF8(attrs));
    m_ipp->SetLabel(wxString::FromUTF8(v.ipp + (v.documentCheck.empty() ? "" : " — " + v.documentCheck)));
    m_traits->DeleteAllItems();
    for (std::size_t i = 0; i < v.traits.size(); ++i) {
        const long item = m_traits->InsertItem(static_cast<long>(i), wxString::FromUTF8(v.traits[i].label));
        m_traits->SetItem(item, 1, wxString::FromUTF8(v.traits[i].value));
    }
    m_ins->SetLabel(wxString::FromUTF8(v.ins));
    std::string history;
    for (const auto& h : v.insHistory) history += (history.empty() ? "INS antérieurs : " : " · ") + h;
    m_insHistory->SetLabel(wxString::FromUTF8(history));
    m_billing->Set(Items(v.billing.empty() ? std::vector<std::string>{"Aucune carte Vitale lue pour ce patient"} : v.billing));
    m_timeline->Set(Items(v.timeline));
    m_retrieve->Enable(v.canRetrieve);
    m_retrieve->SetToolTip(wxString::FromUTF8(v.retrieveBlocked));
    m_accept->Enable(v.canAccept);
    m_accept->Show(v.canAccept);
    m_retrievalOutcome->SetLabel(wxString::FromUTF8(v.busy ? "Interrogation INSi…" : v.retrievalOutcome));
    m_retrievalRows->DeleteAllItems();
    for (std::size_t i = 0; i < v.retrievalRows.size(); ++i) {
        const auto& r = v.retrievalRows[i];
        const long item = m_retrievalRows->InsertItem(static_cast<long>(i), wxString::FromUTF8(r.label));
        m_retrievalRows->SetItem(item, 1, wxString::FromUTF8(r.local));
        m_retrievalRows->SetItem(item, 2, wxString::FromUTF8(r.ins));
        if (r.differs) m_retrievalRows->SetItemBackgroundColour(item, Background(Tone::Warning));
    }
    m_retrievalRows->Show(!v.retrievalRows.empty());
    m_message->SetLabel(wxString::FromUTF8(v.message.empty() ? v.retrieveBlocked : v.message));
    m_message->SetForegroundColour(v.messageTone == Tone::Danger || (v.message.empty() && !v.retrieveBlocked.empty())
                                       ? Background(Tone::Danger)
                                       : Foreground(Tone::Neutral));
    Layout();
}

}  // namespace vigie::gui
