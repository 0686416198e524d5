#pragma once
// « Impression » for the current patient: what to print (a label rule set, the fiche, an
// ordonnance or a plan de prise), the number of copies, where (a CUPS queue or « Enregistrer en
// PDF… »), a live preview and the outcome. For an ordonnance or a plan de prise, the content grid
// (one line per médicament; Tab moves cell to cell and leaves the grid at its end), « Ajouter une
// ligne » / « Supprimer la ligne » / « Importer un contenu… », the « Remarques » and the paper
// (A4/A5). Modeless; it only renders a PrintView and reports the operator's choices through
// callbacks (PrintFlow runs the work). Keyboard: Entrée prints, Échap closes, Ctrl+P prints again.

#include <cstdint>
#include <functional>
#include <vector>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/listbox.h>
#include <wx/spinctrl.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

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
        std::function<void(int row, int column, const std::string& text)> cell;
        std::function<void()> addLine;
        std::function<void(int row)> removeLine;
        std::function<void()> importContent;
        std::function<void(const std::string& text)> notes;
        std::function<void(int)> paper;  // 0 A4, 1 A5
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
    wxPanel* m_contentBox;  // shown for an ordonnance / a plan de prise
    wxGrid* m_lines;
    wxButton* m_addLine;
    wxButton* m_removeLine;
    wxButton* m_import;
    wxTextCtrl* m_notes;
    wxChoice* m_paper;
    wxStaticText* m_contentMessage;

private:
    wxPanel* BuildContentBox();
    void RenderContent(const presenters::PrintView& view);

    Callbacks m_cb;
    bool m_rendering = false;  // Render() sets widgets: their events are not the operator's
};

}  // namespace vigie::gui
