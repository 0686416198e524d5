#pragma once
// « Réglages › Connexion INSi » (issue #6): the INSi settings read from the configuration file,
// shown read-only — the file is the administrator's (certificates, keys), never written by the
// app; the page says so. GUI thread only (a small local file, read when the page is built).

#include <string>

#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>

namespace vigie::gui {

class InsiPanel final : public wxPanel {
public:
    InsiPanel(wxWindow* parent, const std::string& configPath);
    wxListCtrl* m_rows;
    wxStaticText* m_note;
};

}  // namespace vigie::gui
