#include "app/gui/DocumentsPanel.h"

#include <wx/sizer.h>

namespace vigie::gui {

namespace {
wxString U(const std::string& s) { return wxString::FromUTF8(s); }
}  // namespace

DocumentsPanel::DocumentsPanel(wxWindow* parent, AppStack& stack, Worker& worker)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "documents_settings"),
      m_stack(stack),
      m_worker(worker),
      m_self(MakeWindowRef(this)) {
    m_list = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(600, 220), 0, nullptr, wxLB_SINGLE,
                                wxDefaultValidator, "accepted_documents");
    auto* note = new wxStaticText(
        this, wxID_ANY,
        U("Pièces à haut niveau de confiance acceptées pour valider une identité (référentiel national "
          "d'identitovigilance). La pharmacie peut en retirer, pas en ajouter : la carte Vitale et le permis de "
          "conduire ne permettent pas de valider une identité. Au moins une pièce doit rester cochée."),
        wxDefaultPosition, wxSize(600, -1));
    note->Wrap(600);
    m_save = new wxButton(this, wxID_ANY, U("&Enregistrer"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                          "documents_save");
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(600, -1), 0, "documents_message");
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(note, 0, wxALL, 8);
    col->Add(m_list, 0, wxALL, 8);
    col->Add(m_save, 0, wxALL, 8);
    col->Add(m_message, 0, wxEXPAND | wxALL, 8);
    SetSizer(col);
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    Reload();
}

void DocumentsPanel::Reload() {
    m_busy = true;
    m_save->Enable(false);
    m_worker.Post([ref = m_self, stack = &m_stack] {
        std::vector<presenters::DocumentSettingRow> rows;
        std::string message;
        try {
            rows = presenters::LoadDocumentSettings(*stack->store);
        } catch (const std::exception& e) {
            message = e.what();
        }
        PostToGui(ref, [rows, message](DocumentsPanel& p) { p.Show(rows, message); });
    });
}

void DocumentsPanel::Show(const std::vector<presenters::DocumentSettingRow>& rows, const std::string& message) {
    m_busy = false;
    if (!rows.empty() || m_rows.empty()) {  // a failed reload keeps the rows (and the ticks) shown
        m_rows = rows;
        wxArrayString items;
        for (const auto& r : rows) items.Add(U(r.label));
        m_list->Set(items);
        for (std::size_t i = 0; i < rows.size(); ++i) m_list->Check(static_cast<unsigned>(i), rows[i].accepted);
    }
    m_message->SetLabel(U(message));
    m_message->Wrap(600);
    m_save->Enable(!m_rows.empty());
    Layout();
}

std::vector<std::string> DocumentsPanel::CheckedCodes() const {
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < m_rows.size() && i < m_list->GetCount(); ++i)
        if (m_list->IsChecked(static_cast<unsigned>(i))) codes.push_back(m_rows[i].code);
    return codes;
}

bool DocumentsPanel::SetChecked(const std::string& code, bool on) {
    for (std::size_t i = 0; i < m_rows.size() && i < m_list->GetCount(); ++i)
        if (m_rows[i].code == code) {
            m_list->Check(static_cast<unsigned>(i), on);
            return true;
        }
    return false;
}

void DocumentsPanel::Save() {
    m_busy = true;
    m_save->Enable(false);
    m_worker.Post([ref = m_self, stack = &m_stack, codes = CheckedCodes()] {
        std::vector<presenters::DocumentSettingRow> rows;
        std::string message;
        try {
            const auto refusal = presenters::SaveAcceptedDocuments(*stack->store, stack->clock, stack->op, codes);
            message = refusal ? *refusal : "Pièces d'identité acceptées enregistrées.";
            if (!refusal) rows = presenters::LoadDocumentSettings(*stack->store);
        } catch (const std::exception& e) {
            message = e.what();
        }
        // A refusal keeps the operator's ticks on screen (nothing lost), with the reason.
        PostToGui(ref, [rows, message](DocumentsPanel& p) {
            if (rows.empty()) {
                p.m_busy = false;
                p.m_message->SetLabel(U(message));
                p.m_message->Wrap(600);
                p.m_save->Enable(true);
                p.Layout();
            } else {
                p.Show(rows, message);
            }
        });
    });
}

}  // namespace vigie::gui
