#pragma once
// « Valider l'identité » : the high-trust document the operator checked. The list has NO
// default selection (identity-rules §4): « Valider » stays disabled until a document is chosen.
// It offers the documents the pharmacy accepts (Réglages › Pièces d'identité), read from the store
// on the worker: the dialog is built hidden and shown by Load() once they arrive.
// Modeless; the choice comes back through the callback.

#include <functional>
#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/stattext.h>

#include "app/presenters/CounterView.h"

namespace vigie::gui {

class DocumentDialog final : public wxDialog {
public:
    using Chosen = std::function<void(const std::string& code)>;
    DocumentDialog(wxWindow* parent, std::vector<presenters::DocumentChoice> choices, Chosen onChosen);
    bool Choose(const std::string& code);
    // The choices read on the worker (or the French error), then Present().
    void Load(std::vector<presenters::DocumentChoice> choices, const std::string& error);
    // Shows the dialog with the focus on « Annuler » and no document selected (GTK selects the
    // first row when a list takes the focus).
    void Present();  // also used by the automation hook
    wxListBox* m_list;
    wxButton* m_ok;
    const std::vector<presenters::DocumentChoice>& Choices() const { return m_choices; }

private:
    wxButton* m_cancel = nullptr;
    wxStaticText* m_error = nullptr;
    std::vector<presenters::DocumentChoice> m_choices;
    Chosen m_onChosen;
};

}  // namespace vigie::gui
