#pragma once
// « Réglages › Pièces d'identité » (issue #6): the high-trust documents accepted to validate an
// identity, as a checklist of the national catalog (domain::DefaultDocumentCatalog) — the pharmacy
// may uncheck documents, never add one. « Enregistrer » saves through usecases::AcceptedDocuments
// (titulaire only, at least one, journaled settings.documents_changed). Store work runs on the
// worker; answers come back with PostToGui. GUI thread only.

#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/Worker.h"
#include "app/presenters/DocumentSettings.h"

namespace vigie::gui {

class DocumentsPanel final : public wxPanel {
public:
    DocumentsPanel(wxWindow* parent, AppStack& stack, Worker& worker);
    void Reload();
    void Save();
    bool Busy() const { return m_busy; }
    bool SetChecked(const std::string& code, bool on);  // automation: ticks/unticks a row
    std::vector<std::string> CheckedCodes() const;

    wxCheckListBox* m_list;
    wxButton* m_save;
    wxStaticText* m_message;

private:
    void Show(const std::vector<presenters::DocumentSettingRow>& rows, const std::string& message);

    AppStack& m_stack;
    Worker& m_worker;
    WindowRef<DocumentsPanel> m_self;
    std::vector<presenters::DocumentSettingRow> m_rows;
    bool m_busy = false;
};

}  // namespace vigie::gui
