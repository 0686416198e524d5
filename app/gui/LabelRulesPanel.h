#pragma once
// « Réglages › Étiquettes » (issue #6): the label rule set editor's widgets — the set, stock,
// margins, fonts, the ordered field list with the selected field's style, the validation
// problems, the live preview and the actions. It edits the presenter it is given directly (the
// presenter holds the edit state and every rule) and reports through callbacks what needs the
// worker (preview, save, remove, import, export). GUI thread only.

#include <cstdint>
#include <functional>
#include <vector>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/spinctrl.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/presenters/RuleSetEditorPresenter.h"

namespace vigie::gui {

class LabelRulesPanel final : public wxPanel {
public:
    static constexpr int kPreviewWidth = 420, kPreviewHeight = 300;
    struct Callbacks {
        std::function<void()> changed;  // an edit: render again, preview again
        std::function<void()> save, removeSet, newSet, importFile, exportFile;
    };
    LabelRulesPanel(wxWindow* parent, presenters::RuleSetEditorPresenter& presenter, Callbacks callbacks);
    void Render();
    void ShowPreview(const std::vector<std::uint8_t>& png);  // empty: none
    static void Click(wxButton* button);                      // the event a click produces

    wxChoice* m_ruleSets;
    wxButton *m_newSet, *m_removeSet, *m_import, *m_export;
    wxTextCtrl* m_displayName;
    wxSpinCtrlDouble *m_width, *m_height, *m_top, *m_right, *m_bottom, *m_left, *m_baseSize, *m_minSize;
    wxListBox* m_fields;
    wxChoice* m_addKind;
    wxButton *m_add, *m_up, *m_down, *m_removeField;
    wxStaticText* m_removeReason;
    wxCheckBox* m_bold;
    wxSpinCtrlDouble* m_fieldSize;
    wxChoice* m_align;
    wxTextCtrl* m_text;
    wxSpinCtrlDouble* m_barHeight;
    wxStaticText* m_problems;
    wxStaticText* m_message;
    wxStaticBitmap* m_preview;
    wxStaticText* m_previewText;
    wxButton* m_save;

private:
    wxSpinCtrlDouble* Spin(const char* name, double min, double max, double step);
    void Edited();
    void ReadStock();

    presenters::RuleSetEditorPresenter& m_presenter;
    Callbacks m_cb;
    bool m_rendering = false;  // Render() sets widgets: their events are not the owner's
};

}  // namespace vigie::gui
