#pragma once
// The operator list + PIN field shared by the « Changer d'opérateur » dialog (F12) and the lock
// screen. It holds no rule: the PIN goes to the `submit` callback (OperatorSwitcher runs
// OperatorService::SwitchTo on the worker) and the French answer comes back in ShowMessage.
// Keyboard: arrows choose the operator, digits type the PIN, Entrée validates.
// Thread affinity: GUI thread.

#include <functional>
#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace vigie::gui {

class OperatorPinPanel final : public wxPanel {
public:
    using Submit = std::function<void(const std::string& name, const std::string& pin)>;
    OperatorPinPanel(wxWindow* parent, const wxString& prompt, Submit submit, const wxString& name);

    void SetOperators(const std::vector<std::string>& names, const std::string& selected);
    std::string Selected() const;
    void Select(const std::string& name);  // also the automation hook
    void ShowMessage(const std::string& text);  // a refusal, in red; "" clears it
    void SetBusy(bool busy);                    // while the worker checks the PIN
    // Validates the chosen operator with the typed PIN (Entrée, « Valider », automation). The
    // field is emptied at once: the PIN stays in no widget once sent.
    void Confirm();
    void FocusPin();

    wxListBox* m_names;
    wxTextCtrl* m_pin;
    wxStaticText* m_message;
    wxButton* m_ok;

private:
    Submit m_submit;
    std::vector<std::string> m_list;
};

}  // namespace vigie::gui
