#pragma once
// « Réglages › Opérateurs et rôles » (issue #6): the operators with their role and whether a PIN
// is set, « Ajouter » (OperatorService::Add, titulaire only, journaled) and « Réinitialiser le
// code PIN… » (OperatorService::SetPin by the titulaire; clears a lockout). The service runs on
// the worker; the answer hops back through a weak reference. GUI thread only.

#include <functional>
#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/Worker.h"

namespace vigie::gui {

class OperatorsPanel final : public wxPanel {
public:
    struct Row {
        std::string name, role;
        bool hasPin = false, active = true;
    };
    OperatorsPanel(wxWindow* parent, AppStack& stack, Worker& worker);
    void Reload();
    void Add(const std::string& name, int roleIndex);             // « Ajouter » (automation too)
    void ResetPin(const std::string& name, const std::string& pin);  // after the question
    bool Busy() const { return m_busy; }

    wxListCtrl* m_list;
    wxTextCtrl* m_name;
    wxChoice* m_role;
    wxButton* m_add;
    wxButton* m_resetPin;
    wxStaticText* m_message;

private:
    void Run(std::function<std::string(AppStack&)> job);  // returns the French outcome
    void Show(const std::vector<Row>& rows, const std::string& message);
    void AskPin();

    AppStack& m_stack;
    Worker& m_worker;
    WindowRef<OperatorsPanel> m_self;
    bool m_busy = false;
};

}  // namespace vigie::gui
