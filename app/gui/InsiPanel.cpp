#include "app/gui/InsiPanel.h"

#include <wx/sizer.h>

#include "app/presenters/SettingsActions.h"

namespace vigie::gui {

InsiPanel::InsiPanel(wxWindow* parent, const std::string& configPath)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "insi") {
    m_rows = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(900, 360), wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, "insi_rows");
    m_rows->AppendColumn(wxString::FromUTF8("Réglage"), wxLIST_FORMAT_LEFT, 380);
    m_rows->AppendColumn(wxString::FromUTF8("Valeur"), wxLIST_FORMAT_LEFT, 500);
    std::string note = "Lecture seule : ces réglages viennent du fichier de configuration de Vigie, tenu par "
                       "l'administrateur du poste (certificats et clés). Pour les changer, modifiez ce fichier "
                       "puis redémarrez Vigie.";
    try {
        for (const auto& r : presenters::ReadInsiConfig(configPath)) {
            const long i = m_rows->InsertItem(m_rows->GetItemCount(), wxString::FromUTF8(r.label));
            m_rows->SetItem(i, 1, wxString::FromUTF8(r.value));
        }
    } catch (const std::exception& e) {
        note = std::string("Configuration INSi illisible : ") + e.what();
    }
    m_note = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(note), wxDefaultPosition, wxSize(900, -1), 0,
                              "insi_note");
    m_note->Wrap(900);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(m_note, 0, wxEXPAND | wxALL, 8);
    col->Add(m_rows, 1, wxEXPAND | wxALL, 8);
    SetSizer(col);
}

}  // namespace vigie::gui
