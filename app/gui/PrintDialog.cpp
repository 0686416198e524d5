#include "app/gui/PrintDialog.h"

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
    m_targets = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(460, 150), 0, nullptr, wxLB_SINGLE,
                              wxDefaultValidator, "targets");
    m_targets->SetFont(LargeFont(2));
    m_copies = new wxSpinCtrl(this, wxID_ANY, "1", wxDefaultPosition, wxSize(120, -1), wxSP_ARROW_KEYS, 1,
                              presenters::PrintPresenter::kMaxCopies, 1, "copies");
    m_copies->SetFont(LargeFont(2));
    m_destination = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(460, -1), 0, nullptr, 0,
                                 wxDefaultValidator, "destination");
    m_destination->SetFont(LargeFont(2));
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
    left->Add(title("Exemplaires"), 0, wxBOTTOM, 4);
    left->Add(m_copies, 0, wxBOTTOM, 12);
    left->Add(title("Destination"), 0, wxBOTTOM, 4);
    left->Add(m_destination, 0, wxEXPAND | wxBOTTOM, 12);
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
