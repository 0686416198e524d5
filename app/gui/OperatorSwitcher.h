#pragma once
// Who is at the counter (issue #6): the « Changer d'opérateur » dialog (F12), the lock screen
// after inactivity, and the status bar field that always names the current operator.
//
// The PIN check (OperatorService::SwitchTo, ~50 ms of PBKDF2 plus the journal write) runs on the
// worker. On success the worker job itself sets AppStack::op: every job reading it runs on that
// same thread, so jobs posted before the switch still act as the previous operator and every
// later one as the new operator, without a lock. The GUI thread never reads AppStack::op after
// start-up; it uses Current() (its own copy, updated when the answer arrives).
// Thread affinity: GUI thread; owned by the frame (destroyed before it).

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <wx/frame.h>
#include <wx/weakref.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/InactivityWatcher.h"
#include "app/gui/LockScreen.h"
#include "app/gui/OperatorSwitchDialog.h"
#include "app/gui/Worker.h"

namespace vigie::gui {

class OperatorSwitcher {
public:
    // Called on the GUI thread once the new operator is in place (title, presenters…).
    using Switched = std::function<void(const domain::Operator&)>;
    OperatorSwitcher(wxFrame& frame, AppStack& stack, Worker& worker, int lockMinutes, Switched onSwitched);
    ~OperatorSwitcher();
    OperatorSwitcher(const OperatorSwitcher&) = delete;
    OperatorSwitcher& operator=(const OperatorSwitcher&) = delete;

    void OpenDialog();          // F12
    void Lock();                // the inactivity timeout
    void SimulateInactivity();  // automation: as if app.lock_minutes had passed
    bool Locked() const { return m_locked; }
    bool Checking() const { return m_checking; }
    const domain::Operator& Current() const { return m_current; }
    const std::string& LastMessage() const { return m_lastMessage; }
    std::string StatusText() const;
    // Automation: chooses `name` and types `pin` in the lock screen if it is shown, else in the
    // dialog (opened if needed), then validates — as Entrée would.
    void SubmitForTest(const std::string& name, const std::string& pin);

private:
    void Submit(OperatorPinPanel* panel, const std::string& name, const std::string& pin);
    void OnAnswer(const std::optional<domain::Operator>& op, const std::string& message,
                  const std::vector<std::string>& names);
    void Uncover();
    void ShowOperator();
    void OnMenu(wxCommandEvent& e);
    void EnableMenus(bool enable);

    wxFrame& m_frame;
    AppStack& m_stack;
    Worker& m_worker;
    Switched m_onSwitched;
    WindowRef<wxFrame> m_ref;
    domain::Operator m_current;
    std::vector<std::string> m_names;   // active operators, refreshed after each check
    LockScreen* m_lock;
    wxWeakRef<OperatorSwitchDialog> m_dialog;
    std::vector<wxWindow*> m_hidden;    // what the lock screen hid, shown again on unlock
    std::unique_ptr<InactivityWatcher> m_watcher;
    bool m_locked = false;
    bool m_checking = false;
    std::string m_lastMessage;
};

}  // namespace vigie::gui
