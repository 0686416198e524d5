#include "app/gui/PrintDialog.h"

#include <algorithm>

#include <wx/sizer.h>

#include "app/gui/PngPreview.h"
#include "app/gui/Palette.h"

namespace vigie::gui {

using presenters::Tone;

PrintDialog::PrintDialog(wxWindow* parent, Callbacks callbacks)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8("Impression"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE, "print_dialog"),
      m_cb(std::move(callbacks)) {
    auto title = [this](const char* text) {
        auto* t = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(text));
        t->SetFont(LargeFont(2, true));
        return t;
    };
    m_targets = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(460, 120), 0, nullptr, wxLB_SINGLE,
                              wxDefaultValidator, "targets");
    m_targets->SetFont(LargeFont(2));
    m_copies = new wxSpinCtrl(this, wxID_ANY, "1", wxDefaultPosition, wxSize(120, -1), wxSP_ARROW_KEYS, 1,
                              presenters::PrintPresenter::kMaxCopies, 1, "copies");
    m_copies->SetFont(LargeFont(2));
    m_paper = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(120, -1), 0, nullptr, 0, wxDefaultValidator, "paper");
    m_paper->Append("A4");
    m_paper->Append("A5");
    m_paper->SetSelection(0);
    m_paper->SetFont(LargeFont(2));
    m_destination = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(460, -1), 0, nullptr, 0,
                                 wxDefaultValidator, "destination");
    m_destination->SetFont(LargeFont(2));
    m_contentBox = BuildContentBox();
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(460, -1), 0, "print_message");
    m_message->SetFont(LargeFont(1));
    m_preview = new wxStaticBitmap(this, wxID_ANY, wxNullBitmap, wxDefaultPosition,
                                   wxSize(kPreviewWidth, kPreviewHeight), 0, "preview");
    m_preview->SetBackgroundColour(wxColour(0xD0, 0xD0, 0xD0));
    m_previewText = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(kPreviewWidth, -1), 0, "preview_text");

    m_print = new wxButton(this, wxID_OK, wxString::FromUTF8("&Imprimer"), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "print_go");
    m_print->SetFont(LargeFont(3, true));
    m_print->SetDefault();
    auto* close = new wxButton(this, wxID_CANCEL, wxString::FromUTF8("&Fermer"));

    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(title("Quoi imprimer"), 0, wxBOTTOM, 4);
    left->Add(m_targets, 0, wxEXPAND | wxBOTTOM, 12);
    auto* copiesPaper = new wxFlexGridSizer(2, 2, 4, 24);
    copiesPaper->Add(title("Exemplaires"));
    copiesPaper->Add(title("Papier"));
    copiesPaper->Add(m_copies);
    copiesPaper->Add(m_paper);
    left->Add(copiesPaper, 0, wxBOTTOM, 8);
    left->Add(title("Destination"), 0, wxBOTTOM, 4);
    left->Add(m_destination, 0, wxEXPAND | wxBOTTOM, 8);
    left->Add(m_contentBox, 0, wxEXPAND | wxBOTTOM, 8);
    left->Add(m_message, 0, wxEXPAND | wxBOTTOM, 12);
    left->AddStretchSpacer();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(close, 0, wxALL, 6);
    buttons->Add(m_print, 0, wxALL, 6);
    left->Add(buttons, 0, wxALIGN_RIGHT);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(title("Aperçu"), 0, wxBOTTOM, 4);
    right->Add(m_preview, 0, wxBOTTOM, 4);
    right->Add(m_previewText, 0, wxEXPAND);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(left, 0, wxEXPAND | wxALL, 10);
    top->Add(right, 0, wxALL, 10);
    SetSizerAndFit(top);

    m_targets->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
        if (!m_rendering && m_targets->GetSelection() != wxNOT_FOUND && m_cb.target)
            m_cb.target(static_cast<std::size_t>(m_targets->GetSelection()));
    });
    m_copies->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) {
        if (!m_rendering && m_cb.copies) m_cb.copies(m_copies->GetValue());
    });
    m_destination->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (!m_rendering && m_destination->GetSelection() != wxNOT_FOUND && m_cb.destination)
            m_cb.destination(static_cast<std::size_t>(m_destination->GetSelection()));
    });
    m_paper->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (!m_rendering && m_cb.paper) m_cb.paper(m_paper->GetSelection());
    });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_cb.copies) m_cb.copies(m_copies->GetValue());  // a typed value not yet committed
        if (m_cb.print) m_cb.print();
    });
    // Ctrl+P here too: the préparateur's key prints whichever window has the focus.
    wxAcceleratorEntry again(wxACCEL_CTRL, 'P', wxID_PRINT);
    SetAcceleratorTable(wxAcceleratorTable(1, &again));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ClickPrint(); }, wxID_PRINT);
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        auto closed = m_cb.closed;
        Hide();
        Destroy();
        if (closed) closed();
    });
}

wxPanel* PrintDialog::BuildContentBox() {
    auto* box = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "content");
    auto* heading = new wxStaticText(box, wxID_ANY, wxString::FromUTF8("Contenu (une ligne par médicament)"));
    heading->SetFont(LargeFont(2, true));
    m_lines = new wxGrid(box, wxID_ANY, wxDefaultPosition, wxSize(460, 140), wxWANTS_CHARS | wxBORDER_SUNKEN, "lines");
    m_lines->CreateGrid(0, 3);
    m_lines->SetRowLabelSize(32);
    m_lines->SetDefaultCellFont(LargeFont(1));
    m_lines->SetTabBehaviour(wxGrid::Tab_Leave);  // Tab: next cell, then out of the grid
    m_lines->DisableDragRowSize();
    m_addLine = new wxButton(box, wxID_ANY, wxString::FromUTF8("&Ajouter une ligne"), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "line_add");
    m_removeLine = new wxButton(box, wxID_ANY, wxString::FromUTF8("&Supprimer la ligne"), wxDefaultPosition, wxDefaultSize,
                                0, wxDefaultValidator, "line_remove");
    m_import = new wxButton(box, wxID_ANY, wxString::FromUTF8("I&mporter un contenu…"), wxDefaultPosition, wxDefaultSize,
                            0, wxDefaultValidator, "content_import");
    auto* notesLabel = new wxStaticText(box, wxID_ANY, wxString::FromUTF8("&Remarques (un paragraphe par ligne)"));
    m_notes = new wxTextCtrl(box, wxID_ANY, "", wxDefaultPosition, wxSize(460, 48), wxTE_MULTILINE, wxDefaultValidator, "notes");
    m_contentMessage = new wxStaticText(box, wxID_ANY, "", wxDefaultPosition, wxSize(460, -1), 0, "content_message");
    m_contentMessage->SetForegroundColour(Background(Tone::Danger));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_addLine, 0, wxRIGHT, 6);
    buttons->Add(m_removeLine, 0, wxRIGHT, 6);
    buttons->Add(m_import, 0);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(heading, 0, wxBOTTOM, 4);
    col->Add(m_lines, 0, wxEXPAND | wxBOTTOM, 4);
    col->Add(buttons, 0, wxBOTTOM, 6);
    col->Add(notesLabel, 0, wxBOTTOM, 2);
    col->Add(m_notes, 0, wxEXPAND | wxBOTTOM, 4);
    col->Add(m_contentMessage, 0, wxEXPAND);
    box->SetSizer(col);
    box->Hide();

    m_lines->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) {
        if (!m_rendering && m_cb.cell)
            m_cb.cell(e.GetRow(), e.GetCol(), m_lines->GetCellValue(e.GetRow(), e.GetCol()).utf8_string());
    });
    m_addLine->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_cb.addLine) m_cb.addLine();
        // Straight into the new line's médicament: typing goes on without the mouse.
        if (const int rows = m_lines->GetNumberRows(); rows > 0) {
            m_lines->SetFocus();
            m_lines->GoToCell(rows - 1, 0);
        }
    });
    m_removeLine->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_cb.removeLine && m_lines->GetGridCursorRow() >= 0) m_cb.removeLine(m_lines->GetGridCursorRow());
    });
    m_import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_cb.importContent) m_cb.importContent();
    });
    m_notes->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (!m_rendering && m_cb.notes) m_cb.notes(m_notes->GetValue().utf8_string());
    });
    return box;
}

void PrintDialog::RenderContent(const presenters::PrintView& v) {
    const bool relayout = m_contentBox->IsShown() != v.contentShown;
    m_contentBox->Show(v.contentShown);
    m_paper->Enable(v.contentShown);
    m_paper->SetSelection(v.contentShown ? v.paperIndex : 0);
    if (v.contentShown) {
        // Never under the operator's fingers: the cell being typed in is left to its editor.
        const bool editing = m_lines->IsCellEditControlShown();
        const int editRow = m_lines->GetGridCursorRow(), editCol = m_lines->GetGridCursorCol();
        const int cols = static_cast<int>(v.contentColumns.size()), rows = static_cast<int>(v.contentRows.size());
        if (m_lines->GetNumberCols() != cols) {
            if (m_lines->GetNumberCols() > cols) m_lines->DeleteCols(cols, m_lines->GetNumberCols() - cols);
            else m_lines->AppendCols(cols - m_lines->GetNumberCols());
        }
        if (m_lines->GetNumberRows() > rows) m_lines->DeleteRows(rows, m_lines->GetNumberRows() - rows);
        else if (m_lines->GetNumberRows() < rows) m_lines->AppendRows(rows - m_lines->GetNumberRows());
        for (int c = 0; c < cols; ++c) {
            m_lines->SetColLabelValue(c, wxString::FromUTF8(v.contentColumns[static_cast<std::size_t>(c)]));
            // 428 px beside the row numbers: the médicament widest, « Coucher » whole.
            const int plan[] = {118, 54, 54, 54, 62, 86}, ordonnance[] = {170, 88, 170};
            m_lines->SetColSize(c, cols > 3 ? plan[std::min(c, 5)] : ordonnance[std::min(c, 2)]);
        }
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                const wxString value = wxString::FromUTF8(v.contentRows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)]);
                if ((!editing || r != editRow || c != editCol) && m_lines->GetCellValue(r, c) != value)
                    m_lines->SetCellValue(r, c, value);
            }
        m_removeLine->Enable(rows > 0);
        // Not while typing: the presenter drops blank lines, the operator's Entrée must stay.
        if (!m_notes->HasFocus() && m_notes->GetValue().utf8_string() != v.notes) m_notes->ChangeValue(wxString::FromUTF8(v.notes));
        m_contentMessage->SetLabel(wxString::FromUTF8(v.contentMessage));
        m_contentMessage->Wrap(460);
    }
    if (relayout) Fit();
}

void PrintDialog::Render(const presenters::PrintView& v) {
    m_rendering = true;
    SetTitle(wxString::FromUTF8(v.title));
    wxArrayString targets;
    for (const auto& t : v.targets) targets.Add(wxString::FromUTF8(t));
    if (m_targets->GetStrings() != targets) m_targets->Set(targets);
    m_targets->SetSelection(v.targetIndex);
    m_copies->SetValue(v.copies);
    m_copies->Enable(v.copiesEnabled);
    wxArrayString destinations;
    for (const auto& d : v.destinations) destinations.Add(wxString::FromUTF8(d));
    if (m_destination->GetStrings() != destinations) m_destination->Set(destinations);
    m_destination->SetSelection(v.destinationIndex);
    m_previewText->SetLabel(wxString::FromUTF8(v.previewText));
    m_previewText->SetForegroundColour(v.previewText.rfind("Impression impossible", 0) == 0 ? Background(Tone::Danger)
                                                                                            : Foreground(Tone::Neutral));
    m_previewText->Wrap(kPreviewWidth);
    m_message->SetLabel(wxString::FromUTF8(v.message));
    m_message->SetForegroundColour(v.messageTone == Tone::Danger ? Background(Tone::Danger) : Foreground(Tone::Neutral));
    m_message->Wrap(460);
    RenderContent(v);
    m_print->Enable(v.canPrint);
    m_rendering = false;
    Layout();
}

void PrintDialog::ShowPreview(const std::vector<std::uint8_t>& png) {
    ShowPngPreview(*m_preview, png, wxSize(kPreviewWidth, kPreviewHeight));
    Layout();
}

void PrintDialog::ClickPrint() {
    if (!m_print->IsEnabled()) return;
    wxCommandEvent click(wxEVT_BUTTON, m_print->GetId());
    click.SetEventObject(m_print);
    m_print->GetEventHandler()->ProcessEvent(click);
}

}  // namespace vigie::gui
