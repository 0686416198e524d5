#include "app/gui/InsiPanel.h"

#include <wx/filedlg.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>

#include "core/util/Json.h"

namespace vigie::gui {

namespace {

wxString U(const std::string& s) { return wxString::FromUTF8(s); }
std::string Quote(const std::string& s) {
    std::string out;
    util::AppendJsonString(out, s);
    return out;
}

enum Kind { kText, kPath, kCertificate, kKey, kCa, kPassword, kSpin };

std::string InfoOf(const insi::CertificateCheck& c) {
    if (c.info) return insi::Describe(*c.info) + (c.Ok() ? "" : "  — " + c.error);
    return c.error.empty() ? "" : "⚠ " + c.error;
}

}  // namespace

InsiPanel::InsiPanel(wxWindow* parent, AppStack& stack, Worker& worker)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "insi"),
      m_stack(stack),
      m_worker(worker),
      m_self(MakeWindowRef(this)) {
    auto* form = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL, "insi_form");
    form->SetScrollRate(0, 12);
    auto* grid = new wxFlexGridSizer(2, 4, 10);
    grid->AddGrowableCol(1, 1);
    AddRow(form, grid, "endpoint", "Adresse du téléservice", kText);
    AddRow(form, grid, "ca_file", "Autorités de confiance (fichier PEM)", kCa);
    AddRow(form, grid, "cert_manu", "Certificat opérateur INSI-MANU (PEM ou PKCS#12)", kCertificate);
    AddRow(form, grid, "key_manu", "Clé privée INSI-MANU (vide pour PKCS#12)", kKey);
    AddRow(form, grid, "password_manu", "Mot de passe de la clé INSI-MANU", kPassword);
    AddRow(form, grid, "cert_auto", "Certificat traitements INSI-AUTO (PEM ou PKCS#12)", kCertificate);
    AddRow(form, grid, "key_auto", "Clé privée INSI-AUTO (vide pour PKCS#12)", kKey);
    AddRow(form, grid, "password_auto", "Mot de passe de la clé INSI-AUTO", kPassword);
    AddRow(form, grid, "idam", "Numéro d'autorisation CNDA (IDAM)", kText);
    AddRow(form, grid, "rate_cap", "Débit maximal des traitements (requêtes/s)", kSpin);
    AddRow(form, grid, "connect_timeout_ms", "Délai de connexion (ms)", kText);
    AddRow(form, grid, "timeout_ms", "Délai de réponse (ms)", kText);
    AddRow(form, grid, "retries", "Nouvelles tentatives", kText);
    auto* formSizer = new wxBoxSizer(wxVERTICAL);
    formSizer->Add(grid, 1, wxEXPAND | wxALL, 8);
    form->SetSizer(formSizer);

    auto* note = new wxStaticText(this, wxID_ANY,
                                  U("Réglages de ce poste (fichier de configuration de Vigie). Les mots de passe ne "
                                    "sont jamais affichés : laisser le champ vide garde celui qui est enregistré."),
                                  wxDefaultPosition, wxSize(900, -1), 0, "insi_note");
    note->Wrap(900);
    m_save = new wxButton(this, wxID_ANY, U("&Enregistrer"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                          "insi_save");
    m_revert = new wxButton(this, wxID_ANY, U("Annuler les modifications"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "insi_revert");
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(900, -1), 0, "insi_message");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_save, 0, wxRIGHT, 8);
    buttons->Add(m_revert, 0);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(note, 0, wxEXPAND | wxALL, 8);
    col->Add(form, 1, wxEXPAND);
    col->Add(buttons, 0, wxALL, 8);
    col->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(col);
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    m_revert->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    Reload();
}

void InsiPanel::AddRow(wxWindow* parent, wxSizer* grid, const std::string& key, const std::string& label, int kind) {
    Field f;
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* line = new wxBoxSizer(wxHORIZONTAL);
    if (kind == kSpin) {
        f.spin = new wxSpinCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(120, -1), wxSP_ARROW_KEYS, 1, 65, 10,
                                "insi_" + key);
        line->Add(f.spin, 0);
    } else {
        f.text = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(kind == kText ? 420 : 520, -1),
                                kind == kPassword ? wxTE_PASSWORD : 0, wxDefaultValidator, "insi_" + key);
        if (kind == kPassword) f.text->SetHint(U("inchangé"));
        line->Add(f.text, 1);
    }
    if (kind == kCertificate || kind == kKey || kind == kCa) {
        auto* choose = new wxButton(parent, wxID_ANY, U("Choisir…"), wxDefaultPosition, wxDefaultSize, 0,
                                    wxDefaultValidator, "insi_choose_" + key);
        auto* import = new wxButton(parent, wxID_ANY, U("Importer…"), wxDefaultPosition, wxDefaultSize, 0,
                                    wxDefaultValidator, "insi_import_" + key);
        line->Add(choose, 0, wxLEFT, 6);
        line->Add(import, 0, wxLEFT, 6);
        auto ask = [this, key](const char* title) {
            wxFileDialog dialog(this, U(title), "", "", U("Certificats et clés (*.pem;*.crt;*.key;*.p12;*.pfx)|*.pem;*.crt;*.key;*.p12;*.pfx|Tous les fichiers|*"),
                                wxFD_OPEN | wxFD_FILE_MUST_EXIST);
            return dialog.ShowModal() == wxID_OK ? dialog.GetPath().utf8_string() : std::string();
        };
        choose->Bind(wxEVT_BUTTON, [this, key, ask](wxCommandEvent&) {
            if (const auto path = ask("Choisir un fichier"); !path.empty()) SetField(key, path);
        });
        import->Bind(wxEVT_BUTTON, [this, key, ask](wxCommandEvent&) {
            if (const auto path = ask("Importer un fichier dans la configuration de Vigie"); !path.empty()) Import(key, path);
        });
    }
    box->Add(line, 0, wxEXPAND);
    f.error = new wxStaticText(parent, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "insi_error_" + key);
    f.error->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
    f.error->Hide();
    box->Add(f.error, 0, wxTOP, 2);
    if (kind == kCertificate || kind == kCa) {
        f.info = new wxStaticText(parent, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "insi_info_" + key);
        box->Add(f.info, 0, wxTOP, 2);
    }
    grid->Add(new wxStaticText(parent, wxID_ANY, U(label)), 0, wxALIGN_TOP | wxTOP, 4);
    grid->Add(box, 1, wxEXPAND);
    m_fields[key] = f;
}

bool InsiPanel::SetField(const std::string& field, const std::string& value) {
    const auto it = m_fields.find(field);
    if (it == m_fields.end()) return false;
    if (it->second.spin) it->second.spin->SetValue(std::atoi(value.c_str()));
    else it->second.text->ChangeValue(U(value));
    return true;
}

std::string InsiPanel::Value(const std::string& field) const {
    const Field& f = m_fields.at(field);
    return f.spin ? std::to_string(f.spin->GetValue()) : f.text->GetValue().utf8_string();
}

insi::InsiConfigForm InsiPanel::Form() const {
    insi::InsiConfigForm f;
    f.endpoint = Value("endpoint");
    f.caFile = Value("ca_file");
    f.manual = {Value("cert_manu"), Value("key_manu"), std::nullopt};
    f.automatic = {Value("cert_auto"), Value("key_auto"), std::nullopt};
    if (const auto p = Value("password_manu"); !p.empty()) f.manual.password = p;
    if (const auto p = Value("password_auto"); !p.empty()) f.automatic.password = p;
    f.idam = Value("idam");
    f.rateCap = Value("rate_cap");
    f.connectTimeoutMs = Value("connect_timeout_ms");
    f.timeoutMs = Value("timeout_ms");
    f.retries = Value("retries");
    return f;
}

void InsiPanel::Reload() {
    m_busy = true;
    m_save->Enable(false);
    m_worker.Post([ref = m_self, stack = &m_stack] {
        const auto state = insi::InsiConfigEditor(stack->configPath, *stack->store, stack->clock).Load();
        PostToGui(ref, [state](InsiPanel& p) {
            p.Show(state);
            p.Done(state.error.empty() ? "" : "Configuration INSi illisible : " + state.error);
        });
    });
}

void InsiPanel::Show(const insi::InsiConfigState& s) {
    const auto& f = s.form;
    SetField("endpoint", f.endpoint);
    SetField("ca_file", f.caFile);
    SetField("cert_manu", f.manual.certFile);
    SetField("key_manu", f.manual.keyFile);
    SetField("cert_auto", f.automatic.certFile);
    SetField("key_auto", f.automatic.keyFile);
    SetField("password_manu", "");
    SetField("password_auto", "");
    SetField("idam", f.idam);
    SetField("rate_cap", f.rateCap);
    SetField("connect_timeout_ms", f.connectTimeoutMs);
    SetField("timeout_ms", f.timeoutMs);
    SetField("retries", f.retries);
    m_fields["ca_file"].info->SetLabel(U(InfoOf(s.ca)));
    m_fields["cert_manu"].info->SetLabel(U(InfoOf(s.manual)));
    m_fields["cert_auto"].info->SetLabel(U(InfoOf(s.automatic)));
    ShowErrors({});
}

void InsiPanel::ShowErrors(const std::vector<insi::InsiFieldError>& errors) {
    for (auto& [key, f] : m_fields) {
        std::string text;
        for (const auto& e : errors)
            if (e.field == key) text += (text.empty() ? "" : "\n") + e.message;
        f.error->SetLabel(U(text));
        f.error->Show(!text.empty());
    }
}

void InsiPanel::Done(const std::string& message) {
    m_busy = false;
    m_save->Enable(true);
    m_message->SetLabel(U(message));
    m_message->Wrap(900);
    if (auto* form = dynamic_cast<wxScrolledWindow*>(FindWindow("insi_form"))) {
        form->Layout();
        form->FitInside();
    }
    Layout();
}

void InsiPanel::Save() {
    m_busy = true;
    m_save->Enable(false);
    m_worker.Post([ref = m_self, stack = &m_stack, form = Form()] {
        insi::InsiConfigEditor editor(stack->configPath, *stack->store, stack->clock);
        insi::InsiSaveResult r;
        std::optional<insi::InsiConfigState> state;
        std::string message;
        try {
            r = editor.Save(stack->op, form);
            if (r.refusal) {
                message = *r.refusal;
            } else if (!r.changed) {
                message = "Aucune modification à enregistrer.";
            } else {
                state = editor.Load();
                try {  // live: the next INSi call (counter, patients, bulk run) uses the new client
                    stack->insiClient->Replace(insi::OpenInsiClient(stack->configPath, *stack->store, stack->clock));
                    message = "Réglages INSi enregistrés et appliqués.";
                } catch (const std::exception& e) {
                    message = std::string("Réglages INSi enregistrés, mais non appliqués (") + e.what() +
                              ") : pris en compte au prochain démarrage.";
                }
            }
        } catch (const std::exception& e) {
            message = std::string("Réglages INSi non enregistrés : ") + e.what();
        }
        PostToGui(ref, [r, state, message](InsiPanel& p) {
            if (state) p.Show(*state);  // saved: the file as written (passwords emptied)
            p.ShowErrors(r.errors);     // refused: the operator's values stay, errors under the fields
            p.Done(message);
        });
    });
}

void InsiPanel::Import(const std::string& field, const std::string& path) {
    const bool key = field.rfind("key_", 0) == 0;
    const std::string suffix = field.substr(field.find('_') + 1);
    const std::string password = m_fields.count("password_" + suffix) ? Value("password_" + suffix) : "";
    const auto kind = field == "ca_file" ? insi::InsiFileKind::Ca
                      : key              ? insi::InsiFileKind::Key
                      : insi::LooksLikePkcs12(path) ? insi::InsiFileKind::Pkcs12
                                                    : insi::InsiFileKind::Certificate;
    m_busy = true;
    m_save->Enable(false);
    m_worker.Post([ref = m_self, stack = &m_stack, field, path, password, kind] {
        insi::InsiImportResult r;
        try {
            r = insi::InsiConfigEditor(stack->configPath, *stack->store, stack->clock).Import(stack->op, path, kind, password);
        } catch (const std::exception& e) {
            r.refusal = std::string("Fichier non importé : ") + e.what();
        }
        PostToGui(ref, [field, r](InsiPanel& p) {
            if (!r.refusal) p.SetField(field, r.path);
            p.Done(r.refusal ? *r.refusal : "Fichier importé : " + r.path + " — « Enregistrer » pour l'utiliser.");
        });
    });
}

std::string InsiPanel::DumpJson() const {
    std::string j = "{";
    for (const auto& [key, f] : m_fields)
        if (key.rfind("password_", 0) != 0) j += Quote(key) + ":" + Quote(Value(key)) + ",";
    j += R"("errors":{)";
    bool first = true;
    for (const auto& [key, f] : m_fields)
        if (!f.error->GetLabel().empty()) {
            j += (first ? "" : ",") + Quote(key) + ":" + Quote(f.error->GetLabel().utf8_string());
            first = false;
        }
    j += R"(},"cert_manu_info":)" + Quote(m_fields.at("cert_manu").info->GetLabel().utf8_string()) +
         R"(,"cert_auto_info":)" + Quote(m_fields.at("cert_auto").info->GetLabel().utf8_string()) +
         R"(,"message":)" + Quote(m_message->GetLabel().utf8_string()) + "}";
    return j;
}

}  // namespace vigie::gui
