#pragma once
// « Poste verrouillé »: after app.lock_minutes without input the Comptoir's content is hidden
// behind this panel (same frame, whole client area) until an operator — the current one or
// another — gives his PIN. No patient data stays visible meanwhile.
// Thread affinity: GUI thread.

#include <string>
#include <vector>

#include <wx/panel.h>
#include <wx/stattext.h>

#include "app/gui/OperatorPinPanel.h"

namespace vigie::gui {

class LockScreen final : public wxPanel {
public:
    LockScreen(wxWindow* parent, OperatorPinPanel::Submit submit);
    // Shown in place of the frame's content, the current operator chosen by default.
    void Cover(const std::vector<std::string>& names, const std::string& current);
    OperatorPinPanel* Pin() const { return m_panel; }

private:
    wxStaticText* m_title;
    OperatorPinPanel* m_panel;
};

}  // namespace vigie::gui
