// CounterFrame's « Outils › Réglages… » (issue #6), apart from CounterFrame.cpp: the menu item,
// enabled for the titulaire only (the others see it disabled with the reason, re-evaluated each
// time a menu opens since the operator may change), and opening the window.
#include "app/gui/CounterFrame.h"

namespace vigie::gui {

void CounterFrame::AddSettingsMenu(wxMenuBar* bar) {
    auto* tools = new wxMenu;
    const int id = wxID_PREFERENCES;
    tools->Append(id, wxString::FromUTF8("&Réglages…\tCtrl+,"));
    const auto update = [this, tools, id] {
        // Before the switcher exists (menus are built first) the operator is the one logged in.
        const auto access = presenters::RuleSetEditorPresenter::Access(m_switcher ? m_switcher->Current() : m_stack.op);
        tools->Enable(id, access.enabled);
        tools->SetLabel(id, wxString::FromUTF8(access.enabled ? "&Réglages…\tCtrl+," : "Réglages — " + access.reason + "\tCtrl+,"));
        tools->SetHelpString(id, wxString::FromUTF8(access.enabled ? "Étiquettes, opérateurs, imprimantes, connexion INSi"
                                                                   : access.reason));
    };
    update();
    Bind(wxEVT_MENU_OPEN, [update](wxMenuEvent& e) {
        update();
        e.Skip();
    });
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { OpenSettings(); }, id);
    bar->Append(tools, wxString::FromUTF8("O&utils"));
}

presenters::SettingsAccess CounterFrame::OpenSettings() {
    const domain::Operator& op = m_switcher ? m_switcher->Current() : m_stack.op;
    const auto access = presenters::RuleSetEditorPresenter::Access(op);
    if (!access.enabled) return access;
    if (!m_settings) m_settings = new SettingsFrame(this, m_stack, m_worker, op, m_presenter.CurrentIdentityId());
    m_settings->Show();
    m_settings->Raise();
    return access;
}

}  // namespace vigie::gui
