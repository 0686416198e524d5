#include "app/gui/PatientsFrame.h"

#include <wx/sizer.h>

#include "app/gui/Palette.h"
#include "core/usecases/InsiRetrieval.h"

namespace vigie::gui {

using namespace vigie::usecases;
using presenters::PatientSearchPresenter;

PatientsFrame::PatientsFrame(wxWindow* parent, AppStack& stack, Worker& worker)
    : wxFrame(parent, wxID_ANY, wxString::FromUTF8("Vigie — Patients"), wxDefaultPosition, wxSize(1340, 740),
              wxDEFAULT_FRAME_STYLE, "patients"),
      m_stack(stack),
      m_worker(worker),
      m_self(MakeWindowRef(this)),
      m_sheet(stack.op),
      m_debounce(this) {
    auto* root = new wxPanel(this);
    auto* label = new wxStaticText(root, wxID_ANY,
                                   wxString::FromUTF8("Rechercher (nom, date de naissance JJ/MM/AAAA, n° de dossier) :"));
    m_query = new wxTextCtrl(root, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1), 0, wxDefaultValidator, "query");
    m_query->SetFont(LargeFont(4));
    m_summary = new wxStaticText(root, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "summary");
    m_results = new wxListCtrl(root, wxID_ANY, wxDefaultPosition, wxSize(600, -1), wxLC_REPORT | wxLC_SINGLE_SEL,
                               wxDefaultValidator, "results");
    m_results->SetFont(LargeFont(1));
    const std::pair<const char*, int> columns[] = {{"N°", 50}, {"Nom de naissance", 140}, {"Prénom(s)", 140},
                                                   {"Né(e) le", 100}, {"Statut", 170}};
    for (const auto& [title, width] : columns) m_results->AppendColumn(wxString::FromUTF8(title), wxLIST_FORMAT_LEFT, width);
    m_sheetPanel = new PatientSheetPanel(root);
    auto* newButton = new wxButton(root, wxID_ANY, wxString::FromUTF8("&Nouveau patient…  (Ctrl+N)"), wxDefaultPosition,
                                   wxDefaultSize, 0, wxDefaultValidator, "new_patient_button");

    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(label, 0, wxALL, 4);
    left->Add(m_query, 0, wxEXPAND | wxALL, 4);
    left->Add(m_summary, 0, wxALL, 4);
    left->Add(m_results, 1, wxEXPAND | wxALL, 4);
    left->Add(newButton, 0, wxALL, 4);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(left, 0, wxEXPAND | wxALL, 4);
    top->Add(m_sheetPanel, 1, wxEXPAND | wxALL, 4);
    root->SetSizer(top);
    RenderSheet();

    m_query->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_debounce.StartOnce(150); });  // typing: one search per pause
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { StartSearch(); }, m_debounce.GetId());
    m_query->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && m_results->GetItemCount() > 0) {
            m_results->SetFocus();
            m_results->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                    wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        } else {
            e.Skip();
        }
    });
    m_results->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { OpenRow(static_cast<std::size_t>(e.GetIndex())); });
    m_sheetPanel->m_retrieve->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Retrieve(); });
    m_sheetPanel->m_accept->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Accept(); });
    // F2 / Échap: back to the Comptoir (the window stays, with its search).
    wxAcceleratorEntry keys[] = {{wxACCEL_NORMAL, WXK_F2, wxID_CLOSE},
                                 {wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE},
                                 {wxACCEL_CTRL, 'N', wxID_NEW}};
    SetAcceleratorTable(wxAcceleratorTable(3, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { NewPatient(); }, wxID_NEW);
    newButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewPatient(); });
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        Hide();
        if (GetParent()) GetParent()->Raise();
    }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (e.CanVeto()) {
            e.Veto();
            Hide();
        } else {
            e.Skip();
        }
    });
}

void PatientsFrame::NewPatient() {
    if (!m_new) {
        m_newPresenter = {};
        m_new = new NewPatientDialog(this, [this](const presenters::NewPatientForm& f, bool force) { CreatePatient(f, force); });
    }
    m_new->Show();
    m_new->Raise();
    m_new->m_birthName->SetFocus();
}

void PatientsFrame::CreatePatient(const presenters::NewPatientForm& form, bool force) {
    auto built = presenters::NewPatientPresenter::Build(form);
    if (!built.request) {
        m_newPresenter.OnInvalid(built.errors);
        if (m_new) m_new->Render(m_newPresenter.View());
        return;
    }
    built.request->force = force;  // only after the duplicates were shown
    m_creating = true;
    m_worker.Post([ref = m_self, stack = &m_stack, request = *built.request] {
        CommandResult r;
        try {
            r = PatientService(*stack->store, stack->clock).Create(stack->op, request);
        } catch (const std::exception& e) {
            r.refusal = domain::Refusal{"error", e.what()};
        }
        PostToGui(ref, [r](PatientsFrame& f) {
            f.m_creating = false;
            f.m_newPresenter.OnResult(r);
            const auto v = f.m_newPresenter.View();
            if (f.m_new) f.m_new->Render(v);
            if (v.created) {  // the new patient's sheet, and in the results
                if (f.m_new) f.m_new->Destroy();
                f.Search(r.identity->traits.birthName);
                f.Load(*v.created);
            }
        });
    });
}

void PatientsFrame::Search(const std::string& text) {
    m_query->SetValue(wxString::FromUTF8(text));  // wxEVT_TEXT → the debounce, as when typed
}

void PatientsFrame::StartSearch() {
    const auto query = PatientSearchPresenter::Parse(m_query->GetValue().utf8_string());
    const std::uint64_t seq = ++m_seq;
    if (!query) {
        OnResults(seq, {});
        m_summary->SetLabel("");
        return;
    }
    m_searching = true;
    m_worker.Post([ref = m_self, stack = &m_stack, q = *query, seq] {
        std::vector<presenters::PatientRow> rows;
        try {
            rows = PatientSearchPresenter::Rows(PatientService(*stack->store, stack->clock).Search(q));
        } catch (const std::exception&) {
        }
        PostToGui(ref, [seq, rows = std::move(rows)](PatientsFrame& f) mutable { f.OnResults(seq, std::move(rows)); });
    });
}

void PatientsFrame::OnResults(std::uint64_t seq, std::vector<presenters::PatientRow> rows) {
    if (seq != m_seq) return;  // a newer search is on its way
    m_searching = false;
    m_rows = std::move(rows);
    m_results->Freeze();
    m_results->DeleteAllItems();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& r = m_rows[i];
        const long item = m_results->InsertItem(static_cast<long>(i), wxString::FromUTF8(r.ipp));
        m_results->SetItem(item, 1, wxString::FromUTF8(r.birthName));
        m_results->SetItem(item, 2, wxString::FromUTF8(r.firstNames));
        m_results->SetItem(item, 3, wxString::FromUTF8(r.birthDate));
        m_results->SetItem(item, 4, wxString::FromUTF8(r.badge.text));
    }
    m_results->Thaw();
    m_summary->SetLabel(wxString::FromUTF8(PatientSearchPresenter::Summary(m_rows.size())));
}

void PatientsFrame::OpenRow(std::size_t index) {
    if (index < m_rows.size()) Load(m_rows[index].id);
}

void PatientsFrame::Load(domain::IdentityId id) {
    m_loading = true;
    m_worker.Post([ref = m_self, stack = &m_stack, id] {
        try {
            PatientService patients(*stack->store, stack->clock);
            auto file = patients.Get(id);
            auto history = patients.History(id);
            PostToGui(ref, [file = std::move(file), history = std::move(history)](PatientsFrame& f) mutable {
                f.m_loading = false;
                f.m_sheet.OnLoaded(std::move(file), std::move(history));
                f.RenderSheet();
            });
        } catch (const std::exception& e) {
            PostToGui(ref, [msg = std::string(e.what())](PatientsFrame& f) {
                f.m_loading = false;
                f.m_sheet.OnFailed(msg);
                f.RenderSheet();
            });
        }
    });
}

void PatientsFrame::Retrieve() {
    const auto id = m_sheet.Id();
    if (!id || !m_sheet.View().canRetrieve) return;
    m_sheet.OnBusy();
    RenderSheet();
    m_worker.Post([ref = m_self, stack = &m_stack, id = *id] {
        try {
            auto p = InsiRetrieval(*stack->store, *stack->insi, stack->clock).Retrieve(stack->op, id);
            PostToGui(ref, [p = std::move(p)](PatientsFrame& f) mutable {
                f.m_sheet.OnRetrieved(std::move(p));
                f.RenderSheet();
            });
        } catch (const std::exception& e) {  // INSi down: said, the identity stays as it was
            PostToGui(ref, [msg = "Service INSi indisponible : " + std::string(e.what())](PatientsFrame& f) {
                f.m_sheet.OnFailed(msg);
                f.RenderSheet();
            });
        }
    });
}

void PatientsFrame::Accept() {
    const auto* proposal = m_sheet.Proposal();
    if (!proposal || !m_sheet.View().canAccept) return;
    m_sheet.OnBusy();
    RenderSheet();
    m_worker.Post([ref = m_self, stack = &m_stack, p = *proposal] {
        CommandResult r;
        try {
            r = InsiRetrieval(*stack->store, *stack->insi, stack->clock).Accept(stack->op, p);
        } catch (const std::exception& e) {
            r.refusal = domain::Refusal{"error", e.what()};
        }
        PostToGui(ref, [r, id = p.local.id](PatientsFrame& f) {
            f.m_sheet.OnAccepted(r);
            f.Load(id);  // the sheet as stored now (status, INS, journal)
            f.StartSearch();  // and the status in the results
        });
    });
}

}  // namespace vigie::gui
