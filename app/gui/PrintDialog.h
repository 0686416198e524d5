#pragma once
// « Impression » for the current patient: what to print (a label rule set or the fiche), the
// number of copies, where (a CUPS queue or « Enregistrer en PDF… »), a live preview and the
// outcome. Modeless; it only renders a PrintView and reports the operator's choices through
// callbacks (PrintFlow runs the work). Keyboard: Entrée prints, Échap closes, Ctrl+P prints again.

#include <cstdint>
#include <functional>
#include <vector>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/spinctrl.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "app/presenters/PrintPresenter.h"

namespace vigie::gui {

class PrintDialog final : public wxDialog {
public:
    static constexpr int kPreviewWidth = 440, kPreviewHeight = 540;
    struct Callbacks {
        std::function<void(std::size_t)> target;
        std::function<void(int)> copies;
        std::function<void(std::size_t)> destination;
        std::function<void()> print;
        std::function<void()> closed;
    };
    PrintDialog(wxWindow* parent, Callbacks callbacks);
    void Render(const presenters::PrintView& view);
    void ShowPreview(const std::vector<std::uint8_t>& png);  // "" to clear
    void ClickPrint();  // the same event a click produces (automation, Ctrl+P)

    wxListBox* m_targets;
    wxSpinCtrl* m_copies;
    wxChoice* m_destination;
    wxStaticBitmap* m_preview;
    wxStaticText* m_previewText;
    wxStaticText* m_message;
    wxButton* m_print;

private:
    Callbacks m_cb;
    bool m_rendering = false;  // Render() sets widgets: their events are not the operator's
};

}  // namespace vigie::gui
