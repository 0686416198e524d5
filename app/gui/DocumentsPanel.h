#pragma once
// « Réglages › Pièces d'identité » (issue #6): the high-trust documents accepted to validate an
// identity (domain::DefaultDocumentCatalog), read-only: no use-case changes the list yet.

#include <wx/listbox.h>
#include <wx/panel.h>

namespace vigie::gui {

class DocumentsPanel final : public wxPanel {
public:
    explicit DocumentsPanel(wxWindow* parent);
    wxListBox* m_list;
};

}  // namespace vigie::gui
