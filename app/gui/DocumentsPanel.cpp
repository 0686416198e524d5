#include "app/gui/DocumentsPanel.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/domain/DocumentTypes.h"

namespace vigie::gui {

DocumentsPanel::DocumentsPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "documents_settings") {
    m_list = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(600, 220), 0, nullptr, wxLB_SINGLE,
                           wxDefaultValidator, "accepted_documents");
    for (const auto& d : domain::DefaultDocumentCatalog())
        m_list->Append(wxString::FromUTF8(std::string(d.label) + "  (" + std::string(d.code) + ")"));
    auto* note = new wxStaticText(
        this, wxID_ANY,
        wxString::FromUTF8("Pièces à haut niveau de confiance acceptées pour valider une identité (référentiel "
                           "national d'identitovigilance). Liste en lecture seule. La carte Vitale et le permis de "
                           "conduire n'y figurent pas : ils ne permettent pas de valider une identité."),
        wxDefaultPosition, wxSize(600, -1));
    note->Wrap(600);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(note, 0, wxALL, 8);
    col->Add(m_list, 0, wxALL, 8);
    SetSizer(col);
}

}  // namespace vigie::gui
