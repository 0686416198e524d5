#pragma once
// « Plusieurs bénéficiaires sur cette carte » — shown only when the card has several. Modeless
// (the GUI never waits in a nested loop): the choice comes back through the callback.
// Keyboard: arrows + Entrée, or the number of the line.

#include <functional>
#include <string>
#include <vector>

#include <wx/dialog.h>
#include <wx/listbox.h>

namespace vigie::gui {

class BeneficiaryDialog final : public wxDialog {
public:
    using Chosen = std::function<void(std::size_t)>;
    BeneficiaryDialog(wxWindow* parent, const std::vector<std::string>& entries, Chosen onChosen);
    void Choose(std::size_t index);  // also used by the automation hook
    wxListBox* m_list;

private:
    Chosen m_onChosen;
};

}  // namespace vigie::gui
