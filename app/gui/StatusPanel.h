#pragma once
// The top of the Comptoir: reader, card and INSi states, and the banner (INSi unavailable,
// INSi refused, card error) shown only when there is something to say.

#include <wx/panel.h>
#include <wx/stattext.h>

#include "app/presenters/CounterView.h"

namespace vigie::gui {

class StatusPanel final : public wxPanel {
public:
    explicit StatusPanel(wxWindow* parent);
    void Render(const presenters::CounterView& view);

    wxStaticText* m_reader;
    wxStaticText* m_card;
    wxStaticText* m_insi;
    wxPanel* m_banner;
    wxStaticText* m_bannerText;
};

}  // namespace vigie::gui
