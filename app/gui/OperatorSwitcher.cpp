#include "app/gui/OperatorSwitcher.h"

#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>

#include "core/usecases/OperatorService.h"

namespace vigie::gui {

namespace {
bool IsBar(wxWindow* w) { return wxDynamicCast(w, wxStatusBar) || wxDynamicCast(w, wxMenuBar); }

std::vector<std::string> ActiveNames(ports::IStore& store, const ports::IClock& clock) {
    std::vector<std::string> names;
    for (const auto& op : usecases::OperatorService(store, clock).List())
        if (op.active) names.push_back(op.name);
    return names;
}
}  // namespace

OperatorSwitcher::OperatorSwitcher(wxFrame& frame, AppStack& stack, Worker& worker, int lockMinutes, Switched onSwitched)
    : m_frame(frame),
      m_stack(stack),
      m_worker(worker),
      m_onSwitched(std::move(onSwitched)),
      m_ref(MakeWindowRef(&frame)),
      m_current(stack.op),  // start-up: nothing else runs yet
      m_names(ActiveNames(*stack.store, stack.clock)) {
    m_lock = new LockScreen(&frame, [this](const std::string& name, const std::string& pin) {
        Submit(m_lock->Pin(), name, pin);
    });
    // The frame's content and the lock screen share the client area through a sizer: a frame
    // sizes a lone child by itself, but no longer once the lock screen is a second child.
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    for (wxWindow* child : frame.GetChildren())
        if (child != m_lock && !child->IsTopLevel() && !IsBar(child)) sizer->Add(child, 1, wxEXPAND);
    sizer->Add(m_lock, 1, wxEXPAND);
    frame.SetSizer(sizer, false);
    // While locked no menu command runs (Ctrl+P, F3, the other screens' accelerators): bound
    // after the frame's own handlers, so called before them.
    frame.Bind(wxEVT_MENU, &OperatorSwitcher::OnMenu, this);
    m_watcher = std::make_unique<InactivityWatcher>(std::chrono::minutes(lockMinutes), [this] { Lock(); });
    if (!frame.GetStatusBar()) frame.CreateStatusBar(1);
    ShowOperator();
}

OperatorSwitcher::~OperatorSwitcher() {
    m_watcher.reset();  // no more Lock() calls
    m_frame.Unbind(wxEVT_MENU, &OperatorSwitcher::OnMenu, this);
    // The dialog and the lock screen are the frame's children: wx destroys them with it.
}



std::string OperatorSwitcher::StatusText() const {
    return "Opérateur : " + m_current.name + " (" + std::string(domain::RoleLabel(m_current.role)) + ")" +
           (m_locked ? " — poste verrouillé" : "") + "    F12 : changer d'opérateur";
}

void OperatorSwitcher::ShowOperator() {
    m_frame.SetStatusText(wxString::FromUTF8(StatusText()), 0);
}

void OperatorSwitcher::OpenDialog() {
    if (m_locked) return;  // the lock screen already asks for a PIN
    if (OperatorSwitchDialog* d = m_dialog.get()) {
        d->Raise();
        return;
    }
    m_dialog = new OperatorSwitchDialog(&m_frame, m_names, m_current.name, [this](const std::string& n, const std::string& p) {
        if (OperatorSwitchDialog* d = m_dialog.get()) Submit(d->Pin(), n, p);
    });
    m_dialog->Show();
}

void OperatorSwitcher::Lock() {
    if (m_locked) return;
    if (OperatorSwitchDialog* d = m_dialog.get()) d->Destroy();
    m_locked = true;
    // Everything else in the frame (and the windows it owns: Patients, Impression…) is hidden,
    // not destroyed: the work in progress is there again after the PIN.
    m_hidden.clear();
    for (wxWindow* child : m_frame.GetChildren()) {
        if (child == m_lock || IsBar(child) || !child->IsShown()) continue;
        child->Hide();
        m_hidden.push_back(child);
    }
    EnableMenus(false);
    m_lock->Cover(m_names, m_current.name);
    m_frame.Layout();
    m_frame.Refresh();
    m_lock->Pin()->FocusPin();
    ShowOperator();
}

void OperatorSwitcher::OnMenu(wxCommandEvent& e) {
    if (!m_locked) e.Skip();  // locked: swallowed
}

void OperatorSwitcher::EnableMenus(bool enable) {
    if (wxMenuBar* bar = m_frame.GetMenuBar())
        for (std::size_t i = 0; i < bar->GetMenuCount(); ++i) bar->EnableTop(i, enable);
}

void OperatorSwitcher::SimulateInactivity() { m_watcher->SimulateInactivity(); }

void OperatorSwitcher::Uncover() {
    m_locked = false;
    m_lock->Hide();
    EnableMenus(true);
    for (wxWindow* w : m_hidden) w->Show();
    m_hidden.clear();
    m_frame.Layout();
    m_watcher->Reset();
}

void OperatorSwitcher::Submit(OperatorPinPanel* panel, const std::string& name, const std::string& pin) {
    if (m_checking) return;
    m_checking = true;
    panel->SetBusy(true);
    const std::optional<std::string> from = m_current.name;
    m_worker.Post([ref = m_ref, self = this, stack = &m_stack, name, pin, from] {
        std::optional<domain::Operator> op;
        std::string message;
        std::vector<std::string> names;
        try {
            const auto r = usecases::OperatorService(*stack->store, stack->clock).SwitchTo(name, pin, from);
            if (r.op) stack->op = *r.op;  // here, on the worker: see the header
            else message = r.refusal->message;
            op = r.op;
            names = ActiveNames(*stack->store, stack->clock);
        } catch (const std::exception& e) {
            message = e.what();
        }
        // `self` is owned by the frame: alive whenever the frame is.
        PostToGui(ref, [self, op, message, names](wxFrame&) { self->OnAnswer(op, message, names); });
    });
}

void OperatorSwitcher::OnAnswer(const std::optional<domain::Operator>& op, const std::string& message,
                                const std::vector<std::string>& names) {
    m_checking = false;
    if (!names.empty()) m_names = names;
    m_lastMessage = op ? "" : message;
    OperatorPinPanel* panel = m_locked ? m_lock->Pin() : (m_dialog.get() ? m_dialog->Pin() : nullptr);
    if (!op) {
        if (panel) {
            panel->SetBusy(false);
            panel->ShowMessage(message);
            panel->FocusPin();
        }
        return;
    }
    m_current = *op;
    if (OperatorSwitchDialog* d = m_dialog.get()) d->Destroy();
    if (m_locked) Uncover();
    ShowOperator();
    if (m_onSwitched) m_onSwitched(m_current);
}

void OperatorSwitcher::SubmitForTest(const std::string& name, const std::string& pin) {
    if (!m_locked && !m_dialog.get()) OpenDialog();
    OperatorPinPanel* panel = m_locked ? m_lock->Pin() : m_dialog->Pin();
    panel->Select(name);
    panel->m_pin->ChangeValue(wxString::FromUTF8(pin));
    panel->Confirm();
}

}  // namespace vigie::gui
