#pragma once
// « Réglages » (issue #6, titulaire only): label rule sets (editor with live preview), operators
// and roles, printers, the INSi connection (editable form) and the accepted identity documents, one
// notebook page each. The rule book, the preview and every store access run on the worker;
// answers hop back with PostToGui and are dropped once the window is gone. The frame owns the
// rule set editor's presenter; the other pages run their own small jobs. GUI thread only.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <wx/frame.h>
#include <wx/notebook.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/LabelRulesPanel.h"
#include "app/gui/Worker.h"
#include "app/presenters/RuleSetEditorPresenter.h"
#include "app/presenters/SettingsActions.h"

namespace vigie::gui {

class OperatorsPanel;
class PrintersPanel;

class SettingsFrame final : public wxFrame {
public:
    // `patient`: the identity at the counter, previewed instead of the sample patient.
    SettingsFrame(wxWindow* parent, AppStack& stack, Worker& worker, const domain::Operator& op,
                  std::optional<domain::IdentityId> patient);

    void Reload();            // the rule book again (unsaved edits are dropped)
    bool Busy() const { return m_loading || m_presenter.View().busy || m_previewing; }
    bool SelectRuleSet(const std::string& name);
    void ImportFrom(const std::string& path);  // automation: the file dialog's answer
    void ExportTo(const std::string& path);
    void RemoveSet(bool confirm);  // « Supprimer » (automation: without the question)
    std::string DumpJson() const;  // the widgets' state as JSON members (no braces)

    presenters::RuleSetEditorPresenter& Editor() { return m_presenter; }
    wxNotebook* m_pages;
    LabelRulesPanel* m_rules;
    OperatorsPanel* m_operators;
    PrintersPanel* m_printers;

    void Changed();  // after an edit of the presenter: render, preview again

private:
    void StartPreview();
    void Save();
    void NewSet();
    void RunBook(const std::string& busy, std::function<presenters::RuleBookOutcome(AppStack&)> action,
                 std::string select);

    AppStack& m_stack;
    Worker& m_worker;
    WindowRef<SettingsFrame> m_self;
    presenters::RuleSetEditorPresenter m_presenter;
    std::optional<domain::IdentityId> m_patient;
    std::uint64_t m_previewGen = 0;
    bool m_loading = false;
    bool m_previewing = false;
};

}  // namespace vigie::gui
