#include "app/gui/CounterFrame.h"

#include <algorithm>
#include <ctime>

#include <wx/menu.h>
#include <wx/sizer.h>

#include "app/gui/IdentitovigilanceFrame.h"
#include "app/gui/Palette.h"
#include "app/presenters/DocumentSettings.h"
#include "core/cardsim/CardFile.h"
#include "core/domain/Status.h"
#include "core/usecases/CounterFlow.h"

namespace vigie::gui {

using namespace vigie::ports;
using namespace vigie::usecases;
namespace fs = std::filesystem;

namespace {

std::string LocalTime() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

}  // namespace

CounterFrame::CounterFrame(AppStack& stack, Worker& worker)
    : wxFrame(nullptr, wxID_ANY,
              wxString::FromUTF8("Vigie — Comptoir (" + stack.op.name + ", " + std::string(domain::RoleLabel(stack.op.role)) +
                                 ")" + (stack.demo ? " — DÉMONSTRATION" : "")),
              wxDefaultPosition, wxSize(1280, 720), wxDEFAULT_FRAME_STYLE, "comptoir"),
      m_stack(stack),
      m_worker(worker),
      m_presenter(stack.op),
      m_self(MakeWindowRef(this)),
      m_printing(std::make_unique<PrintFlow>(*this, stack, worker)),
      m_retry(this) {
    SetMinSize(wxSize(1024, 600));
    auto* root = new wxPanel(this);
    m_status = new StatusPanel(root);
    m_idle = new wxStaticText(root, wxID_ANY, wxString::FromUTF8("Insérez une carte Vitale."), wxDefaultPosition,
                              wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL, "idle");
    m_idle->SetFont(LargeFont(8));
    m_proposal = new ProposalPanel(root);
    m_proposal->Hide();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_status, 0, wxEXPAND | wxALL, 4);
    sizer->Add(m_idle, 0, wxEXPAND | wxALL, 40);
    sizer->Add(m_proposal, 1, wxEXPAND | wxALL, 4);
    root->SetSizer(sizer);
    BuildMenus();
    // Issue #6: F12 / lock screen / operator in the status bar (OperatorSwitcher.h).
    m_switcher = std::make_unique<OperatorSwitcher>(*this, stack, worker, stack.lockMinutes,
                                                    [this](const domain::Operator& op) { OnOperatorSwitched(op); });
    // Issue #6: Identitovigilance (F7), the referent's screen (IdentitovigilanceFrame.h).
    InstallIdentitovigilanceMenu(*this, stack, worker, [this] { return m_switcher->Current(); });

    m_proposal->m_create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RunAction(CounterAction::CreateFromIns); });
    m_proposal->m_take->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RunAction(CounterAction::TakeInsTraits); });
    m_proposal->m_validate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskDocument(); });
    m_proposal->m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto id = m_presenter.CurrentIdentityId()) m_printing->Open(*id);
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (m_presenter.InsiRetryWanted()) StartPrepare(true);  // INSi again, in the background
    }, m_retry.GetId());

    Render();
    m_stack.reader->Start(*this);
}

CounterFrame::~CounterFrame() {
    m_retry.Stop();
    m_printing->Close();
    m_stack.reader->Stop();  // no more events for this window
}

void CounterFrame::BuildMenus() {
    auto* bar = new wxMenuBar;
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, wxString::FromUTF8("&Quitter\tCtrl+Q"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    bar->Append(file, wxString::FromUTF8("&Fichier"));
    auto* print = new wxMenu;
    print->Append(wxID_PRINT, wxString::FromUTF8("&Imprimer à nouveau\tCtrl+P"),
                  wxString::FromUTF8("Les derniers réglages, pour le même patient ; sinon la fenêtre Impression"));
    print->Append(wxID_PREVIEW, wxString::FromUTF8("Imprimer &avec d'autres réglages…\tCtrl+Shift+P"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { RepeatPrint(); }, wxID_PRINT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (const auto id = m_presenter.CurrentIdentityId(); id && m_presenter.View().canPrint) m_printing->Open(*id);
    }, wxID_PREVIEW);
    bar->Append(print, wxString::FromUTF8("&Impression"));
    auto* patients = new wxMenu;
    patients->Append(wxID_FIND, wxString::FromUTF8("&Rechercher un patient…\tF3"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { OpenPatients(); }, wxID_FIND);
    bar->Append(patients, wxString::FromUTF8("&Patients"));
    auto* who = new wxMenu;  // issue #6
    who->Append(wxID_HIGHEST + 90, wxString::FromUTF8("&Changer d'opérateur…\tF12"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_switcher->OpenDialog(); }, wxID_HIGHEST + 90);
    bar->Append(who, wxString::FromUTF8("&Opérateur"));
    // Affichage > Tableau de bord (issue #6): the titulaire's; the others see it disabled, with
    // the reason. Re-evaluated each time a menu opens (the operator may change).
    auto* view = new wxMenu;
    const int dashboardId = wxID_HIGHEST + 98;
    view->Append(dashboardId, wxString::FromUTF8("&Tableau de bord\tF9"));
    const auto updateDashboardItem = [this, view, dashboardId] {
        const auto access = presenters::DashboardPresenter::Access(m_stack.op);
        view->Enable(dashboardId, access.enabled);
        view->SetLabel(dashboardId, wxString::FromUTF8(access.label + "\tF9"));
        view->SetHelpString(dashboardId, wxString::FromUTF8(access.enabled ? "Part des identités qualifiées, évolution, INSi"
                                                                           : access.reason));
    };
    updateDashboardItem();
    Bind(wxEVT_MENU_OPEN, [updateDashboardItem](wxMenuEvent& e) {
        updateDashboardItem();
        e.Skip();
    });
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { OpenDashboard(); }, dashboardId);
    bar->Append(view, wxString::FromUTF8("&Affichage"));
    AddSettingsMenu(bar);  // Outils › Réglages… (issue #6)
    if (m_stack.simulated) {
        auto* demo = new wxMenu;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(DemoStack::CardsDir(), ec))
            if (e.path().extension() == ".json") m_cards.push_back(e.path());
        std::sort(m_cards.begin(), m_cards.end());
        for (std::size_t i = 0; i < m_cards.size(); ++i) {
            std::string label = m_cards[i].stem().string();
            try {
                label = cardsim::LoadCardFile(m_cards[i].string()).description;
            } catch (const std::exception&) {
            }
            const int id = wxID_HIGHEST + 100 + static_cast<int>(i);
            demo->Append(id, wxString::FromUTF8("Insérer : " + label));
            Bind(wxEVT_MENU, [this, i](wxCommandEvent&) { DemoInsert(m_cards[i]); }, id);
        }
        demo->AppendSeparator();
        demo->Append(wxID_HIGHEST + 99, wxString::FromUTF8("&Retirer la carte\tCtrl+R"));
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { DemoRemove(); }, wxID_HIGHEST + 99);
        bar->Append(demo, wxString::FromUTF8("&Démo"));
    }
    SetMenuBar(bar);
}

void CounterFrame::DemoInsert(const fs::path& cardFile) {
    if (!m_stack.simulated) return;
    m_insertedAt = Clock::now();
    m_proposalShownAt.reset();
    m_stack.simulated->Insert(cardsim::LoadCardFile(cardFile.string()));
}

void CounterFrame::DemoRemove() {
    if (m_stack.simulated) m_stack.simulated->Remove();
}

void CounterFrame::OnReaderEvent(const ReaderEvent& event) {
    PostToGui(m_self, [event](CounterFrame& f) { f.HandleReaderEvent(event); });
}

void CounterFrame::HandleReaderEvent(const ReaderEvent& e) {
    m_presenter.OnReaderEvent(e);
    if (e.type == ReaderEvent::Type::CardInserted || e.type == ReaderEvent::Type::CardRemoved ||
        e.type == ReaderEvent::Type::ReaderRemoved || e.type == ReaderEvent::Type::ServiceLost) {
        ++m_generation;
        m_retry.Stop();
        CloseDialogs();
    }
    if (e.type == ReaderEvent::Type::CardInserted) {
        if (!m_insertedAt || m_proposalShownAt) m_insertedAt = Clock::now();  // a real card: time from the event
        m_proposalShownAt.reset();
        StartRead(e.reader);
    }
    Render();
}

void CounterFrame::StartRead(const std::string& reader) {
    m_worker.Post([ref = m_self, card = m_stack.reader.get(), reader, gen = m_generation] {
        try {
            CarteVitale read = card->ReadVitale(reader);
            PostToGui(ref, [gen, read](CounterFrame& f) { f.OnCardRead(gen, read); });
        } catch (const std::exception& e) {
            PostToGui(ref, [gen, msg = std::string(e.what())](CounterFrame& f) { f.OnCardError(gen, msg); });
        }
    });
}

void CounterFrame::OnCardRead(std::uint64_t generation, const CarteVitale& card) {
    if (generation != m_generation) return;
    m_presenter.OnCardRead(card);
    if (m_presenter.Beneficiary()) StartPrepare();
    else if (m_presenter.View().pickerNeeded) ShowPicker();
    Render();
}

void CounterFrame::OnCardError(std::uint64_t generation, const std::string& message) {
    if (generation != m_generation) return;
    m_presenter.OnCardError(message);
    Render();
}

void CounterFrame::ShowPicker() {
    auto* dialog = new BeneficiaryDialog(this, m_presenter.View().beneficiaries,
                                         [this, gen = m_generation](std::size_t index) {
                                             if (gen != m_generation) return;
                                             m_presenter.OnBeneficiaryChosen(index);
                                             StartPrepare();
                                             Render();
                                         });
    m_picker = dialog;
    dialog->Show();
    dialog->Raise();
}

void CounterFrame::StartPrepare(bool retry) {
    const CarteVitale* card = m_presenter.Card();
    if (!card || !m_presenter.Beneficiary()) return;
    // A retry redoes only INSi and the match: the card read is not journaled again.
    std::optional<CounterProposal> previous;
    if (retry && m_presenter.Proposal()) previous = *m_presenter.Proposal();
    m_presenter.OnPreparing();
    m_worker.Post([ref = m_self, stack = &m_stack, card = *card, index = *m_presenter.Beneficiary(), gen = m_generation,
                   previous = std::move(previous)] {
        try {
            CounterFlow flow(*stack->store, *stack->insi, stack->clock);
            CounterProposal p = previous ? flow.RetryInsi(stack->op, *previous) : flow.Prepare(stack->op, card, index);
            PostToGui(ref, [gen, p = std::move(p), at = LocalTime()](CounterFrame& f) mutable {
                f.OnProposal(gen, std::move(p), at);
            });
        } catch (const std::exception& e) {
            PostToGui(ref, [gen, msg = std::string(e.what())](CounterFrame& f) {
                if (gen != f.m_generation) return;
                f.m_presenter.OnPrepareFailed(msg);
                f.Render();
            });
        }
    });
}

void CounterFrame::OnProposal(std::uint64_t generation, CounterProposal proposal, const std::string& at) {
    if (generation != m_generation) return;
    m_presenter.OnProposal(std::move(proposal), at);
    Render();
    Update();  // painted now: the time below is when the pharmacist sees it
    m_proposalShownAt = Clock::now();
    if (m_presenter.InsiRetryWanted()) m_retry.StartOnce(5000);
}

void CounterFrame::RunAction(CounterAction action) {
    const CounterProposal* p = m_presenter.Proposal();
    if (!p) return;
    m_proposal->m_create->Disable();
    m_proposal->m_take->Disable();
    ++m_pending;
    m_worker.Post([ref = m_self, stack = &m_stack, proposal = *p, action, gen = m_generation] {
        CommandResult r;
        try {
            CounterFlow flow(*stack->store, *stack->insi, stack->clock);
            r = action == CounterAction::CreateFromIns ? flow.CreateFromIns(stack->op, proposal)
                                                       : flow.TakeInsTraits(stack->op, proposal);
        } catch (const std::exception& e) {
            r.refusal = domain::Refusal{"error", e.what()};
        }
        PostToGui(ref, [gen, action, r](CounterFrame& f) {
            --f.m_pending;
            if (gen != f.m_generation) return;
            f.m_presenter.OnActionResult(action, r);
            f.Render();
        });
    });
}

void CounterFrame::AskDocument() {
    const auto id = m_presenter.CurrentIdentityId();
    if (!id || m_documents) return;
    auto* dialog = new DocumentDialog(this, {}, [this, id = *id, gen = m_generation](const std::string& code) {
        ++m_pending;
        m_worker.Post([ref = m_self, stack = &m_stack, id, code, gen] {
            CommandResult r;
            try {
                r = PatientService(*stack->store, stack->clock).CheckDocument(stack->op, id, code, std::nullopt);
            } catch (const std::exception& e) {
                r.refusal = domain::Refusal{"error", e.what()};
            }
            PostToGui(ref, [gen, code, r](CounterFrame& f) {
                --f.m_pending;
                if (gen != f.m_generation) return;
                f.m_presenter.OnDocumentChecked(code, r);
                f.Render();
            });
        });
    });
    m_documents = dialog;
    // Only the documents the pharmacy accepts (store setting): shown once read on the worker.
    m_worker.Post([ref = m_self, stack = &m_stack] {
        std::vector<presenters::DocumentChoice> choices;
        std::string error;
        try {
            choices = presenters::AcceptedDocumentChoices(*stack->store);
        } catch (const std::exception& e) {
            error = e.what();
        }
        PostToGui(ref, [choices, error](CounterFrame& f) {
            if (f.m_documents) f.m_documents->Load(choices, error);
        });
    });
}

void CounterFrame::CloseDialogs() {
    if (m_picker) m_picker->Destroy();
    if (m_documents) m_documents->Destroy();
    m_printing->Close();
}

void CounterFrame::OpenPatients() {
    // The Patients window reads AppStack::op when it opens; the worker writes it during a switch.
    if (m_switcher->Checking() || m_switcher->Locked()) return;
    if (!m_patients) m_patients = new PatientsFrame(this, m_stack, m_worker);
    m_patients->Show();
    m_patients->Raise();
    m_patients->m_query->SetFocus();
    m_patients->m_query->SelectAll();
}

// Issue #6: the worker already acts as `op` (OperatorSwitcher); the screens follow.
void CounterFrame::OnOperatorSwitched(const domain::Operator& op) {
    SetTitle(wxString::FromUTF8("Vigie — Comptoir (" + op.name + ", " + std::string(domain::RoleLabel(op.role)) + ")" +
                                (m_stack.demo ? " — DÉMONSTRATION" : "")));
    m_presenter.SetOperator(op);
    m_printing->SetOperator(op);
    if (PatientsFrame* p = m_patients.get()) p->Destroy();  // its sheet was the previous operator's
    if (DashboardFrame* d = m_dashboard.get()) d->Destroy();  // opened under the previous operator's rights
    if (SettingsFrame* s = m_settings.get()) s->Destroy();    // likewise (Réglages: titulaire only)
    Render();
}

bool CounterFrame::OpenDashboard() {
    if (!presenters::DashboardPresenter::Access(m_stack.op).enabled) return false;
    if (!m_dashboard) m_dashboard = new DashboardFrame(this, m_stack, m_worker);
    m_dashboard->Show();
    m_dashboard->Raise();
    m_dashboard->Reload();  // always fresh figures when opened
    return true;
}

void CounterFrame::RepeatPrint() {
    const auto id = m_presenter.CurrentIdentityId();
    if (id && m_presenter.View().canPrint) m_printing->Repeat(*id);
}

void CounterFrame::ShowPrintMessage(const std::string& message, bool ok) {
    m_presenter.OnPrintResult(message, ok);
    Render();
}

void CounterFrame::Render() {
    const presenters::CounterView v = m_presenter.View();
    Freeze();
    m_status->Render(v);
    m_idle->SetLabel(wxString::FromUTF8(v.busy ? "Lecture de la carte et interrogation INSi…"
                                               : (v.pickerNeeded ? "Choisissez le bénéficiaire." : "Insérez une carte Vitale.")));
    m_idle->Show(!v.proposalVisible);
    m_proposal->Show(v.proposalVisible);
    if (v.proposalVisible) m_proposal->Render(v);
    m_status->GetParent()->Layout();
    Thaw();
}

}  // namespace vigie::gui
