#include "app/gui/LabelRulesPanel.h"

#include <wx/sizer.h>

#include "app/gui/PngPreview.h"
#include "app/gui/Palette.h"

namespace vigie::gui {

using presenters::Tone;

namespace {
wxString U(const std::string& s) { return wxString::FromUTF8(s); }
}  // namespace

wxSpinCtrlDouble* LabelRulesPanel::Spin(const char* name, double min, double max, double step) {
    auto* s = new wxSpinCtrlDouble(this, wxID_ANY, "", wxDefaultPosition, wxSize(140, -1), wxSP_ARROW_KEYS, min, max,
                                   min, step, name);
    s->SetDigits(1);
    s->Bind(wxEVT_SPINCTRLDOUBLE, [this](wxSpinDoubleEvent&) { ReadStock(); });
    return s;
}

LabelRulesPanel::LabelRulesPanel(wxWindow* parent, presenters::RuleSetEditorPresenter& presenter, Callbacks callbacks)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "label_rules"),
      m_presenter(presenter),
      m_cb(std::move(callbacks)) {
    auto button = [this](const char* label, const char* name) {
        return new wxButton(this, wxID_ANY, U(label), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, name);
    };
    auto text = [this](const char* label) { return new wxStaticText(this, wxID_ANY, U(label)); };
    m_ruleSets = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(420, -1), 0, nullptr, 0, wxDefaultValidator,
                              "rule_sets");
    m_newSet = button("&Nouveau jeu…", "new_set");
    m_removeSet = button("&Supprimer", "remove_set");
    m_import = button("&Importer…", "import");
    m_export = button("E&xporter…", "export");
    m_displayName = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1), 0, wxDefaultValidator,
                                   "display_name");
    m_width = Spin("width", 0, 300, 0.5);
    m_height = Spin("height", 0, 300, 0.5);
    m_top = Spin("margin_top", 0, 50, 0.5);
    m_right = Spin("margin_right", 0, 50, 0.5);
    m_bottom = Spin("margin_bottom", 0, 50, 0.5);
    m_left = Spin("margin_left", 0, 50, 0.5);
    m_baseSize = Spin("base_size", 0, 72, 0.5);
    m_minSize = Spin("min_size", 0, 72, 0.5);
    m_fields = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(420, 170), 0, nullptr, wxLB_SINGLE,
                             wxDefaultValidator, "fields");
    m_addKind = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator, "add_kind");
    m_add = button("&Ajouter", "add_field");
    m_up = button("&Monter", "field_up");
    m_down = button("&Descendre", "field_down");
    m_removeField = button("&Retirer", "remove_field");
    m_removeReason = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1), 0, "remove_reason");
    m_bold = new wxCheckBox(this, wxID_ANY, U("Gras"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "bold");
    m_fieldSize = new wxSpinCtrlDouble(this, wxID_ANY, "", wxDefaultPosition, wxSize(140, -1), wxSP_ARROW_KEYS, 0, 72,
                                       0, 0.5, "field_size");
    m_fieldSize->SetDigits(1);
    const wxString aligns[] = {U("gauche"), U("centre"), U("droite")};
    m_align = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, aligns, 0, wxDefaultValidator, "align");
    m_text = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(300, -1), 0, wxDefaultValidator, "free_text");
    m_barHeight = new wxSpinCtrlDouble(this, wxID_ANY, "", wxDefaultPosition, wxSize(140, -1), wxSP_ARROW_KEYS, 1, 50,
                                       8, 0.5, "bar_height");
    m_barHeight->SetDigits(1);
    m_problems = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1), 0, "problems");
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1), 0, "rules_message");
    m_preview = new wxStaticBitmap(this, wxID_ANY, wxNullBitmap, wxDefaultPosition, wxSize(kPreviewWidth, kPreviewHeight),
                                   0, "rules_preview");
    m_preview->SetBackgroundColour(wxColour(0xD0, 0xD0, 0xD0));
    m_previewText = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(kPreviewWidth, -1), 0,
                                     "rules_preview_text");
    m_save = button("&Enregistrer", "save_rules");
    m_save->SetFont(LargeFont(2, true));

    auto* sets = new wxBoxSizer(wxHORIZONTAL);
    for (wxWindow* w : {static_cast<wxWindow*>(m_ruleSets), static_cast<wxWindow*>(m_newSet),
                        static_cast<wxWindow*>(m_removeSet), static_cast<wxWindow*>(m_import), static_cast<wxWindow*>(m_export)})
        sets->Add(w, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, 6);
    auto* grid = new wxFlexGridSizer(2, 4, 6);
    auto pair = [&](const char* label, wxWindow* a, wxWindow* b = nullptr) {
        grid->Add(text(label), 0, wxALIGN_CENTER_VERTICAL);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(a, 0, wxRIGHT, 6);
        if (b) row->Add(b);
        grid->Add(row);
    };
    pair("Nom affiché", m_displayName);
    pair("Étiquette (l × h, mm)", m_width, m_height);
    pair("Marges haut / droite (mm)", m_top, m_right);
    pair("Marges bas / gauche (mm)", m_bottom, m_left);
    pair("Police : taille / minimum (pt)", m_baseSize, m_minSize);
    auto* fieldButtons = new wxBoxSizer(wxHORIZONTAL);
    fieldButtons->Add(m_addKind, 0, wxRIGHT, 4);
    fieldButtons->Add(m_add, 0, wxRIGHT, 12);
    fieldButtons->Add(m_up, 0, wxRIGHT, 4);
    fieldButtons->Add(m_down, 0, wxRIGHT, 4);
    fieldButtons->Add(m_removeField);
    auto* style = new wxFlexGridSizer(2, 4, 6);
    style->Add(text("Style du champ"), 0, wxALIGN_CENTER_VERTICAL);
    auto* styleRow = new wxBoxSizer(wxHORIZONTAL);
    styleRow->Add(m_bold, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, 8);
    styleRow->Add(text("taille (0 = police)"), 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, 4);
    styleRow->Add(m_fieldSize, 0, wxRIGHT, 8);
    styleRow->Add(m_align);
    style->Add(styleRow);
    style->Add(text("Texte libre"), 0, wxALIGN_CENTER_VERTICAL);
    style->Add(m_text);
    style->Add(text("Hauteur du code-barres (mm)"), 0, wxALIGN_CENTER_VERTICAL);
    style->Add(m_barHeight);

    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(grid, 0, wxBOTTOM, 8);
    left->Add(text("Champs, dans l'ordre d'impression"), 0, wxBOTTOM, 2);
    left->Add(m_fields, 1, wxEXPAND | wxBOTTOM, 4);
    left->Add(fieldButtons, 0, wxBOTTOM, 2);
    left->Add(m_removeReason, 0, wxEXPAND | wxBOTTOM, 6);
    left->Add(style, 0, wxBOTTOM, 6);
    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* previewTitle = text("Aperçu");
    previewTitle->SetFont(LargeFont(2, true));
    right->Add(previewTitle, 0, wxBOTTOM, 4);
    right->Add(m_preview, 0, wxBOTTOM, 4);
    right->Add(m_previewText, 0, wxEXPAND | wxBOTTOM, 8);
    right->Add(m_problems, 0, wxEXPAND | wxBOTTOM, 8);
    right->Add(m_message, 0, wxEXPAND | wxBOTTOM, 8);
    right->AddStretchSpacer();
    right->Add(m_save, 0, wxALIGN_RIGHT);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(left, 1, wxEXPAND | wxRIGHT, 12);
    columns->Add(right, 0, wxEXPAND);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(sets, 0, wxALL, 8);
    top->Add(columns, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);

    m_ruleSets->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (m_rendering || m_ruleSets->GetSelection() == wxNOT_FOUND) return;
        const auto i = static_cast<std::size_t>(m_ruleSets->GetSelection());
        if (i < m_presenter.Entries().size()) m_presenter.Select(i);
        Edited();
    });
    m_displayName->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (m_rendering) return;
        m_presenter.SetDisplayName(m_displayName->GetValue().utf8_string());
        Edited();
    });
    m_fields->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
        if (m_rendering) return;
        m_presenter.SelectField(m_fields->GetSelection());
        Render();  // the selection changes no label: no new preview
    });
    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int k = m_addKind->GetSelection();
        const auto& kinds = presenters::RuleSetEditorPresenter::AddableKinds();
        if (k == wxNOT_FOUND || k >= static_cast<int>(kinds.size())) return;
        m_presenter.AddField(kinds[k]);
        Edited();
    });
    m_up->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter.MoveField(-1); Edited(); });
    m_down->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter.MoveField(+1); Edited(); });
    m_removeField->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_presenter.RemoveField()) Edited();
        else Render();
    });
    m_bold->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (m_rendering) return;
        m_presenter.SetFieldBold(m_bold->GetValue());
        Edited();
    });
    m_fieldSize->Bind(wxEVT_SPINCTRLDOUBLE, [this](wxSpinDoubleEvent&) {
        if (m_rendering) return;
        m_presenter.SetFieldSize(m_fieldSize->GetValue());
        Edited();
    });
    m_align->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (m_rendering) return;
        m_presenter.SetFieldAlign(m_align->GetSelection());
        Edited();
    });
    m_text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (m_rendering) return;
        m_presenter.SetFieldText(m_text->GetValue().utf8_string());
        Edited();
    });
    m_barHeight->Bind(wxEVT_SPINCTRLDOUBLE, [this](wxSpinDoubleEvent&) {
        if (m_rendering) return;
        m_presenter.SetBarHeight(m_barHeight->GetValue());
        Edited();
    });
    auto forward = [](const std::function<void()>& f) { return [f](wxCommandEvent&) { if (f) f(); }; };
    m_save->Bind(wxEVT_BUTTON, forward(m_cb.save));
    m_removeSet->Bind(wxEVT_BUTTON, forward(m_cb.removeSet));
    m_newSet->Bind(wxEVT_BUTTON, forward(m_cb.newSet));
    m_import->Bind(wxEVT_BUTTON, forward(m_cb.importFile));
    m_export->Bind(wxEVT_BUTTON, forward(m_cb.exportFile));
}

void LabelRulesPanel::ReadStock() {
    if (m_rendering) return;
    m_presenter.SetStock(m_width->GetValue(), m_height->GetValue());
    m_presenter.SetMargins({m_top->GetValue(), m_right->GetValue(), m_bottom->GetValue(), m_left->GetValue()});
    m_presenter.SetFonts(m_baseSize->GetValue(), m_minSize->GetValue());
    Edited();
}

void LabelRulesPanel::Edited() {
    if (m_cb.changed) m_cb.changed();
}

void LabelRulesPanel::Render() {
    const auto v = m_presenter.View();
    m_rendering = true;
    wxArrayString sets;
    for (const auto& s : v.ruleSets) sets.Add(U(s));
    if (m_ruleSets->GetStrings() != sets) m_ruleSets->Set(sets);
    m_ruleSets->SetSelection(v.ruleSetIndex);
    if (m_displayName->GetValue().utf8_string() != v.displayName) m_displayName->ChangeValue(U(v.displayName));
    const std::pair<wxSpinCtrlDouble*, double> spins[] = {
        {m_width, v.widthMm},     {m_height, v.heightMm},       {m_top, v.margins.topMm},
        {m_right, v.margins.rightMm}, {m_bottom, v.margins.bottomMm}, {m_left, v.margins.leftMm},
        {m_baseSize, v.baseSizePt}, {m_minSize, v.minSizePt},   {m_fieldSize, v.fieldSizePt}};
    for (const auto& [spin, value] : spins)
        if (spin->GetValue() != value) spin->SetValue(value);
    wxArrayString fields;
    for (const auto& f : v.fields) fields.Add(U(f));
    if (m_fields->GetStrings() != fields) m_fields->Set(fields);
    if (v.fieldIndex >= 0) m_fields->SetSelection(v.fieldIndex);
    wxArrayString kinds;
    for (const auto& k : v.addable) kinds.Add(U(k));
    if (m_addKind->GetStrings() != kinds) {
        m_addKind->Set(kinds);
        m_addKind->SetSelection(static_cast<int>(kinds.size()) - 2);  // texte libre, the usual addition
    }
    const bool edit = m_presenter.MayEdit() && !v.busy;
    for (wxWindow* w : {static_cast<wxWindow*>(m_displayName), static_cast<wxWindow*>(m_width),
                        static_cast<wxWindow*>(m_height), static_cast<wxWindow*>(m_top), static_cast<wxWindow*>(m_right),
                        static_cast<wxWindow*>(m_bottom), static_cast<wxWindow*>(m_left),
                        static_cast<wxWindow*>(m_baseSize), static_cast<wxWindow*>(m_minSize),
                        static_cast<wxWindow*>(m_addKind), static_cast<wxWindow*>(m_add),
                        static_cast<wxWindow*>(m_newSet), static_cast<wxWindow*>(m_import)})
        w->Enable(edit);
    const bool field = v.fieldIndex >= 0;
    m_bold->SetValue(v.fieldBold);
    m_bold->Enable(edit && field);
    m_fieldSize->Enable(edit && field);
    m_align->SetSelection(v.fieldAlign);
    m_align->Enable(edit && field);
    if (m_text->GetValue().utf8_string() != v.fieldText) m_text->ChangeValue(U(v.fieldText));
    m_text->Enable(v.fieldTextEnabled);
    m_barHeight->SetValue(v.barHeightMm);
    m_barHeight->Enable(v.barHeightEnabled);
    m_up->Enable(v.canMoveUp);
    m_down->Enable(v.canMoveDown);
    m_removeField->Enable(v.canRemoveField);
    m_removeField->SetToolTip(U(v.removeFieldReason));
    m_removeReason->SetLabel(U(v.removeFieldReason));
    m_removeReason->Wrap(420);
    m_removeSet->Enable(v.canRemoveSet);
    m_removeSet->SetToolTip(U(v.removeSetReason));
    std::string problems;
    for (const auto& p : v.problems) problems += (problems.empty() ? "" : "\n") + ("• " + p);
    m_problems->SetLabel(U(problems));
    m_problems->SetForegroundColour(Background(Tone::Danger));
    m_problems->Wrap(kPreviewWidth);
    m_message->SetLabel(U(v.message));
    m_message->SetForegroundColour(v.messageTone == Tone::Danger    ? Background(Tone::Danger)
                                   : v.messageTone == Tone::Warning ? Background(Tone::Warning)
                                                                    : Foreground(Tone::Neutral));
    m_message->Wrap(kPreviewWidth);
    m_previewText->SetLabel(U(v.previewText));
    m_previewText->Wrap(kPreviewWidth);
    m_save->Enable(v.canSave);
    m_rendering = false;
    Layout();
}

void LabelRulesPanel::ShowPreview(const std::vector<std::uint8_t>& png) {
    ShowPngPreview(*m_preview, png, wxSize(kPreviewWidth, kPreviewHeight));
    Layout();
}

void LabelRulesPanel::Click(wxButton* b) {
    if (!b->IsEnabled()) return;
    wxCommandEvent click(wxEVT_BUTTON, b->GetId());
    click.SetEventObject(b);
    b->GetEventHandler()->ProcessEvent(click);
}

}  // namespace vigie::gui
