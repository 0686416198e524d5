#include "app/gui/BulkVerificationPanel.h"

#include <wx/sizer.h>

#include "app/gui/Automation.h"
#include "app/gui/Palette.h"

namespace vigie::gui {

using presenters::BulkPhase;

namespace {
// The engine's sink: called from its request threads, one call at a time; only hops.
class GuiSink final : public usecases::IBulkProgressSink {
public:
    explicit GuiSink(WindowRef<BulkVerificationPanel> ref) : m_ref(std::move(ref)) {}
    void OnProgress(const usecases::BulkProgress& p) override;

private:
    WindowRef<BulkVerificationPanel> m_ref;
};
}  // namespace

BulkVerificationPanel::BulkVerificationPanel(wxWindow* parent, AppStack& stack, const domain::Operator& op)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "bulk_verification"),
      m_stack(stack),
      m_op(op),
      m_presenter(op),
      m_self(MakeWindowRef(this)) {
    auto* intro = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(
        "Chaque identité du fichier qui porte un INS est vérifiée auprès du téléservice INSi. Un INS qui "
        "n'est plus confirmé est retiré : le statut de l'identité régresse (Identité qualifiée → Identité "
        "validée, Identité récupérée → Identité provisoire)."));
    intro->Wrap(680);
    m_state = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "state");
    m_state->SetFont(LargeFont(2, true));
    m_gauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(-1, 22), wxGA_HORIZONTAL | wxGA_SMOOTH,
                          wxDefaultValidator, "gauge");
    m_progress = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "progress");
    m_rate = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "rate");
    m_eta = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "eta");
    m_failures = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "failures");
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "message");
    m_start = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Lancer la vérification"), wxDefaultPosition,
                           wxDefaultSize, 0, wxDefaultValidator, "start");
    m_pause = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Pause"), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "pause");
    m_resume = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Reprendre"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "resume");
    m_reportTitle = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "report_title");
    m_reportTitle->SetFont(LargeFont(1, true));
    m_report = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 170), wxLC_REPORT | wxLC_SINGLE_SEL,
                              wxDefaultValidator, "report");
    m_report->AppendColumn(wxString::FromUTF8("Résultat"), wxLIST_FORMAT_LEFT, 400);
    m_report->AppendColumn(wxString::FromUTF8("Nombre"), wxLIST_FORMAT_RIGHT, 80);
    m_report->AppendColumn(wxString::FromUTF8("Détail"), wxLIST_FORMAT_LEFT, 320);

    auto* figures = new wxFlexGridSizer(2, 4, 24);
    figures->Add(m_progress);
    figures->Add(m_rate);
    figures->Add(m_eta);
    figures->Add(m_failures);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_start, 0, wxRIGHT, 8);
    buttons->Add(m_pause, 0, wxRIGHT, 8);
    buttons->Add(m_resume, 0);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(intro, 0, wxALL, 8);
    col->Add(m_state, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    col->Add(m_gauge, 0, wxEXPAND | wxALL, 8);
    col->Add(figures, 0, wxLEFT | wxRIGHT, 8);
    col->Add(buttons, 0, wxALL, 8);
    col->Add(m_message, 0, wxLEFT | wxRIGHT, 8);
    col->Add(m_reportTitle, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    col->Add(m_report, 1, wxEXPAND | wxALL, 8);
    SetSizer(col);

    m_start->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Start(); });
    m_pause->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Pause(); });
    m_resume->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Resume(); });
    Render();
}

BulkVerificationPanel::~BulkVerificationPanel() {
    m_stop = true;  // a pause: the run stays resumable
    JoinJob();
}

void BulkVerificationPanel::JoinJob() {
    if (m_job.joinable()) m_job.join();
}

void BulkVerificationPanel::Load() {
    if (m_running || !m_presenter.View().allowed) return Render();
    JoinJob();
    m_running = true;
    m_job = std::thread([ref = m_self, stack = &m_stack] {
        std::optional<ports::VerificationRun> run;
        std::string error;
        try {
            run = presenters::FindUnfinishedRun(*stack->store, *stack->insi, stack->clock);
        } catch (const std::exception& e) {
            error = e.what();
        }
        PostToGui(ref, [run, error](BulkVerificationPanel& p) {
            p.m_running = false;
            p.m_presenter.OnLoaded(run);
            if (!error.empty()) p.m_presenter.OnFinished({std::nullopt, error});
            p.Render();
        });
    });
}

void BulkVerificationPanel::Start() {
    if (m_presenter.View().canStart && !m_running) Launch(false);
}

void BulkVerificationPanel::Resume() {
    if (m_presenter.View().canResume && !m_running) Launch(true);
}

void BulkVerificationPanel::Pause() {
    if (!m_presenter.View().canPause) return;
    m_stop = true;
    m_presenter.OnPauseRequested();
    Render();
}

void BulkVerificationPanel::Launch(bool resume) {
    JoinJob();  // the previous job has posted its end already
    m_stop = false;
    m_running = true;
    m_presenter.OnStartRequested(resume);
    Render();
    m_job = std::thread([ref = m_self, stack = &m_stack, op = m_op, resume, stop = &m_stop] {
        GuiSink sink(ref);
        // The panel joins this thread before it dies, so `stack` and `stop` outlive it.
        auto result = presenters::RunBulkJob(*stack->store, *stack->insi, stack->clock, op, resume,
                                             usecases::BulkOptions{}, *stop, &sink);
        PostToGui(ref, [result = std::move(result)](BulkVerificationPanel& p) {
            p.m_running = false;
            p.m_presenter.OnFinished(result);
            p.Render();
        });
    });
}

void GuiSink::OnProgress(const usecases::BulkProgress& progress) {
    PostToGui(m_ref, [progress](BulkVerificationPanel& p) {
        p.ShowProgress(progress);
    });
}

void BulkVerificationPanel::ShowProgress(const usecases::BulkProgress& progress) {
    if (!m_running) return;  // late: the report is shown already
    m_presenter.OnProgress(progress);
    RenderFigures();
}

void BulkVerificationPanel::RenderFigures() {
    const auto& v = m_presenter.View();
    m_state->SetLabel(wxString::FromUTF8(v.allowed ? v.stateText : "Accès " + v.blockedReason + "."));
    m_gauge->SetValue(v.percent);
    m_progress->SetLabel(wxString::FromUTF8(v.progressText));
    m_rate->SetLabel(wxString::FromUTF8(v.rateText));
    m_eta->SetLabel(wxString::FromUTF8(v.etaText));
    m_failures->SetLabel(wxString::FromUTF8(v.failuresText));
}

void BulkVerificationPanel::Render() {
    RenderFigures();
    const auto& v = m_presenter.View();
    m_message->SetLabel(wxString::FromUTF8(v.message));
    m_message->SetForegroundColour(v.message.empty() ? GetForegroundColour() : wxColour(176, 0, 32));
    m_start->Enable(v.canStart && !m_running);
    m_pause->Enable(v.canPause);
    m_resume->Enable(v.canResume && !m_running);
    m_reportTitle->SetLabel(wxString::FromUTF8(v.reportTitle));
    m_report->DeleteAllItems();
    for (const auto& line : v.report) {
        const long row = m_report->InsertItem(m_report->GetItemCount(), wxString::FromUTF8(line.label));
        m_report->SetItem(row, 1, std::to_string(line.count));
        m_report->SetItem(row, 2, wxString::FromUTF8(line.detail));
    }
    Layout();
}

std::string BulkVerificationPanel::DumpJson() const {
    auto str = [](const wxString& s) { return JsonString(s.utf8_string()); };
    auto b = [](bool x) { return x ? "true" : "false"; };
    const auto& v = m_presenter.View();
    const char* phase = "idle";
    switch (v.phase) {
        case BulkPhase::Idle: phase = "idle"; break;
        case BulkPhase::Running: phase = "running"; break;
        case BulkPhase::Pausing: phase = "pausing"; break;
        case BulkPhase::Paused: phase = "paused"; break;
        case BulkPhase::Done: phase = "done"; break;
        case BulkPhase::Failed: phase = "failed"; break;
    }
    std::string j = R"("phase":")" + std::string(phase) + R"(","run":)" + std::to_string(v.runId) +
                    R"(,"finished":)" + std::to_string(v.finished) + R"(,"total":)" + std::to_string(v.total) +
                    R"(,"state":)" + str(m_state->GetLabel()) + R"(,"gauge":)" + std::to_string(m_gauge->GetValue()) +
                    R"(,"progress":)" + str(m_progress->GetLabel()) + R"(,"rate":)" + str(m_rate->GetLabel()) +
                    R"(,"eta":)" + str(m_eta->GetLabel()) + R"(,"failures":)" + str(m_failures->GetLabel()) +
                    R"(,"message":)" + str(m_message->GetLabel()) + R"(,"buttons":{"start":)" +
                    b(m_start->IsEnabled()) + R"(,"pause":)" + b(m_pause->IsEnabled()) + R"(,"resume":)" +
                    b(m_resume->IsEnabled()) + R"(},"report_title":)" + str(m_reportTitle->GetLabel()) +
                    R"(,"report":[)";
    for (long i = 0; i < m_report->GetItemCount(); ++i) {
        if (i) j += ",";
        j += R"({"label":)" + str(m_report->GetItemText(i, 0)) + R"(,"count":)" +
             std::to_string(std::stoll(m_report->GetItemText(i, 1).ToStdString())) + R"(,"detail":)" +
             str(m_report->GetItemText(i, 2)) + "}";
    }
    return j + "]";
}

}  // namespace vigie::gui
