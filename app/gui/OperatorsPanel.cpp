#include "app/gui/OperatorsPanel.h"

#include <wx/sizer.h>
#include <wx/textdlg.h>

#include "core/usecases/OperatorService.h"

namespace vigie::gui {

namespace {

constexpr domain::Role kRoles[] = {domain::Role::Comptoir, domain::Role::Preparateur, domain::Role::Titulaire,
                                   domain::Role::Identitovigilance};

std::vector<OperatorsPanel::Row> ListRows(AppStack& s) {
    usecases::OperatorService ops(*s.store, s.clock);
    std::vector<OperatorsPanel::Row> rows;
    for (const auto& op : ops.List())
        rows.push_back({op.name, std::string(domain::RoleLabel(op.role)), ops.HasPin(op.name), op.active});
    return rows;
}

}  // namespace

OperatorsPanel::OperatorsPanel(wxWindow* parent, AppStack& stack, Worker& worker)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "operators"),
      m_stack(stack),
      m_worker(worker),
      m_self(MakeWindowRef(this)) {
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(640, 300), wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, "operator_list");
    m_list->AppendColumn(wxString::FromUTF8("Opérateur"), wxLIST_FORMAT_LEFT, 180);
    m_list->AppendColumn(wxString::FromUTF8("Rôle"), wxLIST_FORMAT_LEFT, 200);
    m_list->AppendColumn(wxString::FromUTF8("Code PIN"), wxLIST_FORMAT_LEFT, 120);
    m_list->AppendColumn(wxString::FromUTF8("État"), wxLIST_FORMAT_LEFT, 100);
    m_name = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(200, -1), 0, wxDefaultValidator,
                            "operator_name");
    wxArrayString roles;
    for (auto r : kRoles) roles.Add(wxString::FromUTF8(std::string(domain::RoleLabel(r))));
    m_role = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, roles, 0, wxDefaultValidator, "operator_role");
    m_role->SetSelection(0);
    m_add = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Ajouter"), wxDefaultPosition, wxDefaultSize, 0,
                         wxDefaultValidator, "operator_add");
    m_resetPin = new wxButton(this, wxID_ANY, wxString::FromUTF8("Réinitialiser le code &PIN…"), wxDefaultPosition,
                              wxDefaultSize, 0, wxDefaultValidator, "operator_reset_pin");
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(640, -1), 0, "operator_message");

    auto* add = new wxBoxSizer(wxHORIZONTAL);
    add->Add(new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Nouvel opérateur :")), 0,
             wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    add->Add(m_name, 0, wxRIGHT, 6);
    add->Add(m_role, 0, wxRIGHT, 6);
    add->Add(m_add);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(m_list, 1, wxEXPAND | wxALL, 8);
    col->Add(m_resetPin, 0, wxLEFT | wxBOTTOM, 8);
    col->Add(add, 0, wxALL, 8);
    col->Add(m_message, 0, wxEXPAND | wxALL, 8);
    SetSizer(col);

    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Add(m_name->GetValue().utf8_string(), m_role->GetSelection()); });
    m_resetPin->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskPin(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { m_resetPin->Enable(!m_busy); });
    m_resetPin->Enable(false);
    Reload();
}

void OperatorsPanel::Run(std::function<std::string(AppStack&)> job) {
    m_busy = true;
    m_add->Enable(false);
    m_resetPin->Enable(false);
    m_worker.Post([ref = m_self, stack = &m_stack, job = std::move(job)] {
        std::string message;
        std::vector<Row> rows;
        try {
            message = job(*stack);
            rows = ListRows(*stack);
        } catch (const std::exception& e) {
            message = e.what();
            try {
                rows = ListRows(*stack);
            } catch (const std::exception&) {
            }
        }
        PostToGui(ref, [rows = std::move(rows), message](OperatorsPanel& p) { p.Show(rows, message); });
    });
}

void OperatorsPanel::Reload() {
    Run([](AppStack&) { return std::string(); });
}

void OperatorsPanel::Add(const std::string& name, int roleIndex) {
    if (roleIndex < 0 || roleIndex >= 4) return;
    const domain::Role role = kRoles[roleIndex];
    // The operator is read on the worker: the one in place when the job runs (OperatorSwitcher.h).
    Run([name, role](AppStack& s) {
        const auto r = usecases::OperatorService(*s.store, s.clock).Add(s.op.name, name, role);
        if (r.refusal) return r.refusal->message;
        return "Opérateur « " + name + " » ajouté (" + std::string(domain::RoleLabel(role)) +
               ") : donnez-lui un code PIN avec « Réinitialiser le code PIN… ».";
    });
}

void OperatorsPanel::ResetPin(const std::string& name, const std::string& pin) {
    Run([name, pin](AppStack& s) {
        const auto r = usecases::OperatorService(*s.store, s.clock).SetPin(s.op.name, name, pin);
        if (r.refusal) return r.refusal->message;
        return "Code PIN de « " + name + " » réinitialisé.";
    });
}

void OperatorsPanel::AskPin() {
    const long i = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0) return;
    const std::string name = m_list->GetItemText(i, 0).utf8_string();
    wxPasswordEntryDialog ask(this, wxString::FromUTF8("Nouveau code PIN de « " + name + " » (4 à 8 chiffres) :"),
                              wxString::FromUTF8("Réinitialiser le code PIN"));
    if (ask.ShowModal() != wxID_OK) return;
    ResetPin(name, ask.GetValue().utf8_string());
}

void OperatorsPanel::Show(const std::vector<Row>& rows, const std::string& message) {
    m_busy = false;
    m_list->DeleteAllItems();
    for (const auto& r : rows) {
        const long i = m_list->InsertItem(m_list->GetItemCount(), wxString::FromUTF8(r.name));
        m_list->SetItem(i, 1, wxString::FromUTF8(r.role));
        m_list->SetItem(i, 2, wxString::FromUTF8(r.hasPin ? "défini" : "non défini"));
        m_list->SetItem(i, 3, wxString::FromUTF8(r.active ? "actif" : "désactivé"));
    }
    m_message->SetLabel(wxString::FromUTF8(message));
    m_message->Wrap(640);
    m_add->Enable(true);
    m_resetPin->Enable(false);
    if (message.rfind("Opérateur « ", 0) == 0) m_name->Clear();
    Layout();
}

}  // namespace vigie::gui
