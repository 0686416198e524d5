#include "app/gui/SettingsFrame.h"

#include <atomic>

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include "app/gui/DocumentsPanel.h"
#include "app/gui/InsiPanel.h"
#include "app/gui/OperatorsPanel.h"
#include "app/gui/PrintersPanel.h"
#include "core/usecases/PatientService.h"
#include "printing/service/LabelRuleBook.h"

namespace vigie::gui {

using presenters::RuleBookOutcome;

namespace {
// The latest preview asked for: queued older ones return at once (typing asks for many).
std::atomic<std::uint64_t> g_latestPreview{0};
}  // namespace

SettingsFrame::SettingsFrame(wxWindow* parent, AppStack& stack, Worker& worker, const domain::Operator& op,
                             std::optional<domain::IdentityId> patient)
    : wxFrame(parent, wxID_ANY, wxString::FromUTF8("Vigie — Réglages"), wxDefaultPosition, wxSize(1180, 740),
              wxDEFAULT_FRAME_STYLE, "settings"),
      m_stack(stack),
      m_worker(worker),
      m_self(MakeWindowRef(this)),
      m_presenter(op),
      m_patient(patient) {
    auto* root = new wxPanel(this);
    m_pages = new wxNotebook(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "settings_pages");
    LabelRulesPanel::Callbacks cb;
    cb.changed = [this] { Changed(); };
    cb.save = [this] { Save(); };
    cb.removeSet = [this] { RemoveSet(true); };
    cb.newSet = [this] { NewSet(); };
    cb.importFile = [this] {
        wxFileDialog ask(this, wxString::FromUTF8("Importer des jeux de règles"), "", "",
                         wxString::FromUTF8("Règles d'étiquette (*.json)|*.json"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (ask.ShowModal() == wxID_OK) ImportFrom(ask.GetPath().utf8_string());
    };
    cb.exportFile = [this] {
        wxFileDialog ask(this, wxString::FromUTF8("Exporter le jeu de règles"), "",
                         wxString::FromUTF8("regles-" + m_presenter.Draft().name + ".json"),
                         wxString::FromUTF8("Règles d'étiquette (*.json)|*.json"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (ask.ShowModal() == wxID_OK) ExportTo(ask.GetPath().utf8_string());
    };
    m_rules = new LabelRulesPanel(m_pages, m_presenter, std::move(cb));
    m_operators = new OperatorsPanel(m_pages, stack, worker);
    m_printers = new PrintersPanel(m_pages, stack, worker);
    m_pages->AddPage(m_rules, wxString::FromUTF8("Étiquettes"), true);
    m_pages->AddPage(m_operators, wxString::FromUTF8("Opérateurs et rôles"));
    m_pages->AddPage(m_printers, wxString::FromUTF8("Imprimantes"));
    m_pages->AddPage(new InsiPanel(m_pages, stack, worker), wxString::FromUTF8("Connexion INSi"));
    m_pages->AddPage(new DocumentsPanel(m_pages, stack, worker), wxString::FromUTF8("Pièces d'identité"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, 1, wxEXPAND | wxALL, 4);
    root->SetSizer(sizer);

    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'S', wxID_SAVE}, {wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE}};
    SetAcceleratorTable(wxAcceleratorTable(2, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { LabelRulesPanel::Click(m_rules->m_save); }, wxID_SAVE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    m_rules->Render();
    Reload();
}

void SettingsFrame::Reload() {
    m_loading = true;
    m_worker.Post([ref = m_self, stack = &m_stack] {
        std::vector<printing::RuleSetEntry> entries;
        std::string error;
        try {
            entries = printing::LabelRuleBook(*stack->store, stack->clock).List();
        } catch (const std::exception& e) {
            error = e.what();
        }
        PostToGui(ref, [entries = std::move(entries), error](SettingsFrame& f) mutable {
            f.m_loading = false;
            f.m_presenter.Load(std::move(entries));
            if (!error.empty()) f.m_presenter.OnRefused("Jeux de règles illisibles : " + error);
            f.Changed();
        });
    });
}

bool SettingsFrame::SelectRuleSet(const std::string& name) {
    if (!m_presenter.Select(name)) return false;
    Changed();
    return true;
}

void SettingsFrame::Changed() {
    m_rules->Render();
    StartPreview();
}

void SettingsFrame::StartPreview() {
    if (m_presenter.Draft().name.empty()) return;
    m_presenter.OnPreviewStarted();
    m_previewing = true;
    m_rules->Render();
    const std::uint64_t gen = ++m_previewGen;
    g_latestPreview = gen;
    m_worker.Post([ref = m_self, stack = &m_stack, rules = m_presenter.Draft(), patient = m_patient, gen] {
        if (g_latestPreview != gen) return;  // a newer edit is queued behind this one
        presenters::PreviewImage image;
        std::string error;
        try {
            const auto today = stack->clock.Today();
            const auto data = patient ? printing::MakeLabelData(
                                            usecases::PatientService(*stack->store, stack->clock).Get(*patient).identity,
                                            today, stack->pharmacy.name)
                                      : presenters::SampleLabelData(today, stack->pharmacy.name);
            image = presenters::RenderRuleSetPreview(rules, data, stack->Measurer(), LabelRulesPanel::kPreviewWidth,
                                                     LabelRulesPanel::kPreviewHeight);
        } catch (const std::exception& e) {
            error = e.what();
        }
        PostToGui(ref, [gen, image = std::move(image), error](SettingsFrame& f) {
            if (gen != f.m_previewGen) return;
            f.m_previewing = false;
            if (!error.empty()) f.m_presenter.OnPreviewRefused(error);
            else if (!image.Ok()) f.m_presenter.OnPreviewRefused(image.refusal->message);
            else f.m_presenter.OnPreviewReady(image.warnings);
            f.m_rules->ShowPreview(image.png);
            f.m_rules->Render();
        });
    });
}

void SettingsFrame::RunBook(const std::string& busy, std::function<RuleBookOutcome(AppStack&)> action,
                            std::string select) {
    m_presenter.OnBusy(busy);
    m_rules->Render();
    m_worker.Post([ref = m_self, stack = &m_stack, action = std::move(action), select = std::move(select)] {
        RuleBookOutcome out;
        try {
            out = action(*stack);
        } catch (const std::exception& e) {
            out.refusal = e.what();
        }
        PostToGui(ref, [out = std::move(out), select](SettingsFrame& f) mutable {
            if (out.stale) f.m_presenter.OnStale();
            else if (out.refusal) f.m_presenter.OnRefused(*out.refusal);
            else f.m_presenter.OnDone(std::move(out.entries), select, out.message);
            f.Changed();
        });
    });
}

void SettingsFrame::Save() {
    if (!m_presenter.MaySave()) return;
    // The operator is read on the worker (OperatorSwitcher.h): the one in place when the job runs.
    RunBook("Enregistrement…",
            [rules = m_presenter.Draft(), version = m_presenter.Version()](AppStack& s) {
                return presenters::SaveRuleSet(*s.store, s.clock, s.op, rules, version);
            },
            m_presenter.Draft().name);
}

void SettingsFrame::RemoveSet(bool confirm) {
    if (!m_presenter.IsStored()) return;
    const std::string name = m_presenter.Draft().name;
    if (confirm) {
        wxMessageDialog ask(this,
                            wxString::FromUTF8("Supprimer le jeu « " + m_presenter.Draft().displayName +
                                               " » ? S'il remplaçait un jeu fourni avec Vigie, celui-ci revient."),
                            wxString::FromUTF8("Réglages"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        if (ask.ShowModal() != wxID_YES) return;
    }
    RunBook("Suppression…", [name](AppStack& s) { return presenters::RemoveRuleSet(*s.store, s.clock, s.op, name); },
            name);
}

void SettingsFrame::NewSet() {
    const wxString name = wxGetTextFromUser(
        wxString::FromUTF8("Nom technique du nouveau jeu (a-z, 0-9 et « - ») :"), wxString::FromUTF8("Nouveau jeu"),
        wxString::FromUTF8(m_presenter.Draft().name + "-2"), this);
    if (name.empty()) return;
    const wxString display = wxGetTextFromUser(wxString::FromUTF8("Nom affiché :"), wxString::FromUTF8("Nouveau jeu"),
                                               wxString::FromUTF8(m_presenter.Draft().displayName + " (copie)"), this);
    m_presenter.NewFrom(name.utf8_string(), display.utf8_string());
    Changed();
}

void SettingsFrame::ImportFrom(const std::string& path) {
    RunBook("Import…", [path](AppStack& s) { return presenters::ImportRuleSets(*s.store, s.clock, s.op, path); },
            m_presenter.Draft().name);
}

void SettingsFrame::ExportTo(const std::string& path) {
    if (m_presenter.View().dirty) {  // the book exports what is stored, not the draft
        m_presenter.OnRefused("Enregistrez d'abord vos modifications : l'export reprend le jeu enregistré.");
        m_rules->Render();
        return;
    }
    RunBook("Export…",
            [path, name = m_presenter.Draft().name](AppStack& s) {
                presenters::ExportRuleSets(*s.store, s.clock, {name}, path);
                RuleBookOutcome out;
                out.entries = printing::LabelRuleBook(*s.store, s.clock).List();
                out.message = "Jeu « " + name + " » exporté dans « " + path + " ».";
                return out;
            },
            m_presenter.Draft().name);
}

}  // namespace vigie::gui
