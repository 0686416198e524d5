#pragma once
// « Changer d'opérateur » (F12): the operator list and a PIN field. Modeless, like the other
// dialogs of the Comptoir (the GUI never waits in a nested loop); Échap closes it.
// OperatorSwitcher owns the logic and closes the dialog when the switch succeeds.

#include <string>
#include <vector>

#include <wx/dialog.h>

#include "app/gui/OperatorPinPanel.h"

namespace vigie::gui {

class OperatorSwitchDialog final : public wxDialog {
public:
    OperatorSwitchDialog(wxWindow* parent, const std::vector<std::string>& names, const std::string& current,
                         OperatorPinPanel::Submit submit);
    OperatorPinPanel* Pin() const { return m_panel; }

private:
    OperatorPinPanel* m_panel;
};

}  // namespace vigie::gui
