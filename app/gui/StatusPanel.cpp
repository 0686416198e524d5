#include "app/gui/StatusPanel.h"

#include <wx/sizer.h>

#include "app/gui/Palette.h"

namespace vigie::gui {

StatusPanel::StatusPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    auto* states = new wxBoxSizer(wxHORIZONTAL);
    m_reader = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "reader");
    m_card = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "card");
    m_insi = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "insi");
    for (auto* t : {m_reader, m_card, m_insi}) {
        t->SetFont(LargeFont(1));
        states->Add(t, 1, wxALL | wxALIGN_CENTER_VERTICAL, 6);
    }
    m_banner = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "banner");
    m_bannerText = new wxStaticText(m_banner, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "banner_text");
    m_bannerText->SetFont(LargeFont(2, true));
    auto* bannerSizer = new wxBoxSizer(wxHORIZONTAL);
    bannerSizer->Add(m_bannerText, 1, wxALL, 8);
    m_banner->SetSizer(bannerSizer);
    m_banner->Hide();

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(states, 0, wxEXPAND);
    top->Add(m_banner, 0, wxEXPAND | wxLEFT | wxRIGHT, 4);
    SetSizer(top);
}

void StatusPanel::Render(const presenters::CounterView& v) {
    m_reader->SetLabel(wxString::FromUTF8(v.readerText));
    m_card->SetLabel(wxString::FromUTF8(v.cardText));
    m_insi->SetLabel(wxString::FromUTF8(v.insiText));
    m_insi->SetForegroundColour(v.insiTone == presenters::Tone::Warning ? wxColour(0xB7, 0x1C, 0x1C)
                                                                         : Foreground(presenters::Tone::Neutral));
    if (v.banner) {
        m_bannerText->SetLabel(wxString::FromUTF8(*v.banner));
        m_bannerText->Wrap(GetClientSize().GetWidth() > 100 ? GetClientSize().GetWidth() - 40 : 1200);
        m_banner->SetBackgroundColour(Background(v.bannerTone));
        m_bannerText->SetForegroundColour(Foreground(v.bannerTone));
        m_banner->Show();
    } else {
        m_banner->Hide();
    }
    Layout();
}

}  // namespace vigie::gui
