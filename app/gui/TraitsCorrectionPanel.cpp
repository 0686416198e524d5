#include "app/gui/TraitsCorrectionPanel.h"

#include <wx/sizer.h>

#include "app/gui/Automation.h"
#include "app/gui/Palette.h"
#include "core/domain/Status.h"

namespace vigie::gui {

using presenters::Tone;
using presenters::TraitsCorrectionPresenter;

namespace {
wxString U(const std::string& s) { return wxString::FromUTF8(s); }
std::string S(const wxString& s) { return s.utf8_string(); }
}  // namespace

TraitsCorrectionPanel::TraitsCorrectionPanel(wxWindow* parent, AppStack& stack, Worker& worker,
                                             const domain::Operator& op)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "traits"),
      m_stack(stack),
      m_worker(worker),
      m_op(op),
      m_self(MakeWindowRef(this)) {
    m_query = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(320, -1), wxTE_PROCESS_ENTER,
                             wxDefaultValidator, "search");
    m_query->SetHint(U("Nom, date de naissance (JJ/MM/AAAA) ou IPP"));
    m_open = new wxButton(this, wxID_ANY, U("&Ouvrir le dossier"), wxDefaultPosition, wxDefaultSize, 0,
                          wxDefaultValidator, "open");
    m_searchSummary = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "search_summary");
    m_results = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 96), 0, nullptr, wxLB_SINGLE,
                              wxDefaultValidator, "results");
    m_identity = new wxStaticText(this, wxID_ANY,
                                  U("Recherchez l'identité à corriger (nom, date de naissance ou IPP) puis choisissez-la."),
                                  wxDefaultPosition, wxDefaultSize, 0, "identity");
    const auto field = [this](const char* name) {
        return new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(280, -1), 0, wxDefaultValidator, name);
    };
    m_birthName = field("birth_name");
    m_firstNames = field("first_names");
    m_birthDate = field("birth_date");
    m_sex = field("sex");
    m_birthPlace = field("birth_place");
    m_check = new wxButton(this, wxID_ANY, U("&Vérifier"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                           "check");
    m_confirmBox = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "confirm_box");
    m_confirmBox->SetBackgroundColour(Background(Tone::Warning));
    m_confirmation = new wxStaticText(m_confirmBox, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "confirmation");
    m_confirmation->SetForegroundColour(Foreground(Tone::Warning));
    m_confirm = new wxButton(m_confirmBox, wxID_ANY, U("&Confirmer la correction"), wxDefaultPosition, wxDefaultSize,
                             0, wxDefaultValidator, "confirm");
    m_cancel = new wxButton(m_confirmBox, wxID_ANY, U("&Annuler"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "cancel");
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "message");

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, U("Rechercher :")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(m_query, 0, wxRIGHT, 6);
    top->Add(m_open, 0, wxRIGHT, 6);
    top->Add(m_searchSummary, 0, wxALIGN_CENTER_VERTICAL);
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    const auto row = [&](const char* label, wxTextCtrl* ctrl) {
        grid->Add(new wxStaticText(this, wxID_ANY, U(label)), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(ctrl, 0);
    };
    row("Nom de naissance :", m_birthName);
    row("Prénom(s) de naissance :", m_firstNames);
    row("Date de naissance (JJ/MM/AAAA) :", m_birthDate);
    row("Sexe (M/F) :", m_sex);
    row("Lieu de naissance (code INSEE) :", m_birthPlace);
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(m_confirmation, 0, wxALL, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_confirm, 0, wxRIGHT, 6);
    buttons->Add(m_cancel, 0);
    box->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    m_confirmBox->SetSizer(box);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(top, 0, wxALL, 8);
    col->Add(m_results, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    col->Add(m_identity, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    col->Add(grid, 0, wxLEFT | wxRIGHT, 8);
    col->Add(m_check, 0, wxALL, 8);
    col->Add(m_confirmBox, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    col->Add(m_message, 0, wxALL, 8);
    SetSizer(col);

    // « Ouvrir le dossier » / Entrée: the chosen result, else the only one, else the IPP typed.
    const auto openChosen = [this](wxCommandEvent&) {
        const int chosen = m_results->GetSelection();
        if (chosen != wxNOT_FOUND) Pick(chosen);
        else if (m_search.View().rows.size() == 1) Pick(0);
        else if (const std::string typed = S(m_query->GetValue());
                 !typed.empty() && typed.find_first_not_of("0123456789") == std::string::npos)
            Open(typed);
        else ShowMessage("Choisissez l'identité à corriger dans les résultats de la recherche.", Tone::Warning);
    };
    m_open->Bind(wxEVT_BUTTON, openChosen);
    m_query->Bind(wxEVT_TEXT_ENTER, openChosen);
    m_query->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_debounce.StartOnce(150); });  // one search per pause
    m_debounce.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { StartSearch(); }, m_debounce.GetId());
    m_results->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { Pick(e.GetSelection()); });
    m_check->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Check(); });
    m_confirm->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Confirm(); });
    m_cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        SetConfirmation("");
        ShowMessage("Correction annulée : rien n'a été modifié.", Tone::Neutral);
        m_check->SetFocus();
    });
    m_confirmBox->Hide();
    m_check->Disable();
}

void TraitsCorrectionPanel::Open(const std::string& ipp) {
    if (m_busy) return;
    domain::IdentityId id = 0;
    try {
        id = std::stoll(ipp);
    } catch (const std::exception&) {
        ShowMessage("Numéro de dossier invalide : « " + ipp + " ».", Tone::Danger);
        return;
    }
    m_busy = true;
    m_presenter.reset();
    SetConfirmation("");
    m_check->Disable();
    ShowMessage("Chargement du dossier n° " + std::to_string(id) + "…", Tone::Neutral);
    m_worker.Post([ref = m_self, stack = &m_stack, id] {
        std::optional<domain::Identity> found;
        std::string error;
        try {
            found = usecases::PatientService(*stack->store, stack->clock).Get(id).identity;
        } catch (const std::exception&) {
            error = "Aucune identité pour le dossier n° " + std::to_string(id) + ".";
        }
        PostToGui(ref, [found = std::move(found), error](TraitsCorrectionPanel& p) {
            p.m_busy = false;
            if (!found) return p.ShowMessage(error, Tone::Danger);
            p.m_presenter.emplace(p.m_op, *found);
            p.Fill(*found);
            p.ShowMessage("", Tone::Neutral);
            p.m_check->Enable();
            p.m_birthName->SetFocus();
        });
    });
}

void TraitsCorrectionPanel::Search(const std::string& text) {
    m_query->SetValue(U(text));  // wxEVT_TEXT → the debounce, as when typed
}

void TraitsCorrectionPanel::StartSearch() {
    const auto request = m_search.OnTyped(S(m_query->GetValue()));
    RenderResults();
    if (!request) return;
    m_worker.Post([ref = m_self, stack = &m_stack, request = *request] {
        std::vector<domain::Identity> found;
        std::string error;
        try {
            found = usecases::PatientService(*stack->store, stack->clock).Search(request.query);
        } catch (const std::exception& e) {
            error = e.what();
        }
        PostToGui(ref, [generation = request.generation, found = std::move(found), error](TraitsCorrectionPanel& p) {
            if (error.empty()) p.m_search.OnResults(generation, found);
            else p.m_search.OnFailed(generation, error);
            p.RenderResults();
        });
    });
}

void TraitsCorrectionPanel::RenderResults() {
    const auto& v = m_search.View();
    m_searchSummary->SetLabel(U(v.searching ? "Recherche…" : v.summary));
    m_results->Clear();
    for (const auto& line : v.lines) m_results->Append(U(line));
    Layout();
}

bool TraitsCorrectionPanel::Pick(int row) {
    const auto id = m_search.Pick(row);
    if (!id || m_busy) return false;
    if (m_results->GetSelection() != row) m_results->SetSelection(row);
    Open(std::to_string(*id));
    return true;
}

void TraitsCorrectionPanel::Fill(const domain::Identity& identity) {
    m_form = TraitsCorrectionPresenter::FormOf(identity);
    m_birthName->ChangeValue(U(m_form.birthName));
    m_firstNames->ChangeValue(U(m_form.firstNames));
    m_birthDate->ChangeValue(U(m_form.birthDate));
    m_sex->ChangeValue(U(m_form.sex));
    m_birthPlace->ChangeValue(U(m_form.birthPlace));
    m_identity->SetLabel(U("Dossier n° " + std::to_string(identity.id) + " — " +
                           std::string(domain::StatusLabel(identity.status))));
    Layout();
}

presenters::NewPatientForm TraitsCorrectionPanel::ReadForm() const {
    presenters::NewPatientForm f = m_form;
    f.birthName = S(m_birthName->GetValue());
    f.firstNames = S(m_firstNames->GetValue());
    f.birthDate = S(m_birthDate->GetValue());
    f.sex = S(m_sex->GetValue());
    f.birthPlace = S(m_birthPlace->GetValue());
    return f;
}

bool TraitsCorrectionPanel::SetField(const std::string& field, const std::string& value) {
    auto* ctrl = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName(U(field), this));
    if (!ctrl) return false;
    ctrl->SetValue(U(value));
    return true;
}

void TraitsCorrectionPanel::Check() {
    if (!m_presenter || m_busy) return;
    const auto c = m_presenter->Prepare(ReadForm());
    m_prepared.reset();
    SetConfirmation("");
    if (!c.errors.empty()) {
        std::string all;
        for (const auto& e : c.errors) all += (all.empty() ? "" : "\n") + e;
        return ShowMessage(all, Tone::Danger);
    }
    if (c.refusal) return ShowMessage("Refusé : " + c.refusal->message, Tone::Danger);
    if (!c.changesSomething) return ShowMessage("Aucun trait modifié.", Tone::Neutral);
    m_prepared = c.edit;
    ShowMessage("", Tone::Neutral);
    SetConfirmation(c.confirmation.empty() ? "Le statut de l'identité ne change pas. Confirmer la correction ?"
                                           : c.confirmation);
    m_confirm->SetFocus();
}

bool TraitsCorrectionPanel::Confirm() {
    if (!m_prepared || !m_presenter || m_busy || !m_confirmBox->IsShown()) return false;
    Apply();
    return true;
}

void TraitsCorrectionPanel::Apply() {
    m_busy = true;
    m_confirm->Disable();
    m_check->Disable();
    ShowMessage("Correction en cours…", Tone::Neutral);
    m_worker.Post([ref = m_self, stack = &m_stack, presenter = *m_presenter, edit = *m_prepared] {
        usecases::CommandResult result;
        try {
            usecases::PatientService patients(*stack->store, stack->clock);
            result = presenter.Apply(patients, edit);
        } catch (const std::exception& e) {
            result.refusal = domain::Refusal{"error", e.what()};
        }
        PostToGui(ref, [result = std::move(result)](TraitsCorrectionPanel& p) {
            p.m_busy = false;
            p.m_prepared.reset();
            p.SetConfirmation("");
            p.m_presenter->OnResult(result);
            const auto& v = p.m_presenter->View();
            if (v.identity) p.Fill(*v.identity);
            p.ShowMessage(v.message, v.messageTone);
            p.m_check->Enable();
        });
    });
}

void TraitsCorrectionPanel::SetConfirmation(const std::string& text) {
    m_confirmation->SetLabel(U(text));
    m_confirmBox->Show(!text.empty());
    m_confirm->Enable(!text.empty());
    Layout();
}

void TraitsCorrectionPanel::ShowMessage(const std::string& text, Tone tone) {
    m_message->SetLabel(U(text));
    m_message->SetForegroundColour(tone == Tone::Neutral ? GetForegroundColour() : Foreground(tone));
    m_message->SetBackgroundColour(tone == Tone::Neutral ? GetBackgroundColour() : Background(tone));
    Layout();
}

std::string TraitsCorrectionPanel::DumpJson() const {
    const auto b = [](bool v) { return v ? "true" : "false"; };
    std::string results;
    for (unsigned k = 0; k < m_results->GetCount(); ++k)
        results += (k ? "," : "") + JsonString(S(m_results->GetString(k)));
    return R"("search":)" + JsonString(S(m_query->GetValue())) + R"(,"search_summary":)" +
           JsonString(S(m_searchSummary->GetLabel())) + R"(,"results":[)" + results + R"(],"ipp":)" +
           JsonString(m_presenter ? std::to_string(m_presenter->Before().id) : "") + R"(,"identity":)" +
           JsonString(S(m_identity->GetLabel())) +
           R"(,"birth_name":)" + JsonString(S(m_birthName->GetValue())) + R"(,"first_names":)" +
           JsonString(S(m_firstNames->GetValue())) + R"(,"confirmation":)" +
           JsonString(m_confirmBox->IsShown() ? S(m_confirmation->GetLabel()) : "") + R"(,"confirm_enabled":)" +
           b(m_confirmBox->IsShown() && m_confirm->IsEnabled()) + R"(,"check_enabled":)" + b(m_check->IsEnabled()) +
           R"(,"busy":)" + b(m_busy) + R"(,"message":)" + JsonString(S(m_message->GetLabel()));
}

}  // namespace vigie::gui
