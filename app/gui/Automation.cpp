#include "app/gui/Automation.h"

#include <cstdlib>
#include <sstream>

#include <wx/app.h>
#include <wx/image.h>

#include "app/gui/CounterFrame.h"
#include "app/gui/OperatorAutomation.h"
#include "app/gui/PrintAutomation.h"
#include "app/gui/SettingsAutomation.h"
#include "app/gui/SettingsFrame.h"
#include "app/gui/IdentitovigilanceAutomation.h"
#include "app/gui/IdentitovigilanceFrame.h"
#include "app/gui/WindowCapture.h"
#include "core/domain/IdentityStateMachine.h"
#include "core/usecases/PatientService.h"
#include "core/util/Json.h"

namespace vigie::gui {

using Clock = std::chrono::steady_clock;

std::string JsonString(const std::string& s) {
    std::string out;
    util::AppendJsonString(out, s);
    return out;
}

void LagProbe::Notify() {
    const auto now = Clock::now();
    if (m_last != Clock::time_point{}) {
        const double late = std::chrono::duration<double, std::milli>(now - m_last).count() - 10.0;
        if (late > m_maxMs) m_maxMs = late;
    }
    m_last = now;
}

Automation::Automation(CounterFrame& frame, const std::string& commandFile, const std::string& resultsFile,
                       double startMs)
    : m_frame(frame), m_out(resultsFile, std::ios::app), m_outDir(std::filesystem::path(resultsFile).parent_path()) {
    std::ifstream in(commandFile);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') m_lines.push_back(line);
    Emit(R"({"event":"ready","start_ms":)" + std::to_string(startMs) + "}");
    Start(20);
}

void Automation::Emit(const std::string& json) {
    m_out << json << std::endl;
}

void Automation::Notify() {
    while (m_next < m_lines.size()) {
        std::istringstream in(m_lines[m_next]);
        std::vector<std::string> words;
        for (std::string w; in >> w;) words.push_back(w);
        if (words.empty() || !Step(words)) return;
        ++m_next;
        m_waiting = false;
    }
}

bool Automation::Step(const std::vector<std::string>& w) {
    const std::string& cmd = w[0];
    const std::string arg = w.size() > 1 ? w[1] : "";
    const auto now = Clock::now();
    if (cmd == "insert") {
        m_lag.Reset();
        m_frame.DemoInsert(std::filesystem::path(DemoStack::CardsDir()) / (arg + ".json"));
    } else if (cmd == "remove") {
        m_frame.DemoRemove();
    } else if (cmd == "sleep") {
        if (!m_waiting) {
            m_waiting = true;
            m_sleepUntil = now + std::chrono::milliseconds(std::atoi(arg.c_str()));
        }
        return now >= m_sleepUntil;
    } else if (cmd == "wait") {
        if (!m_waiting) {
            m_waiting = true;
            m_waitStart = now;
        }
        const int limit = w.size() > 2 ? std::atoi(w[2].c_str()) : 10000;
        bool done = false;
        if (arg == "proposal") done = m_frame.ProposalShownAt().has_value() && !m_frame.Busy();
        else if (arg == "picker") done = m_frame.Picker() && m_frame.Picker()->IsShown();
        else if (arg == "documents") done = m_frame.Documents() && m_frame.Documents()->IsShown();
        else if (arg == "idle") done = !m_frame.Busy();
        else if (arg == "banner") done = m_frame.Status()->m_banner->IsShown();
        else if (arg == "dashboard")
            done = m_frame.Dashboard() && !m_frame.Dashboard()->Busy() && m_frame.Jobs().Idle();
        else if (arg == "results") done = m_frame.Patients() && !m_frame.Patients()->Busy() && m_frame.Jobs().Idle();
        else if (arg == "sheet")
            done = m_frame.Patients() && !m_frame.Patients()->Busy() && m_frame.Jobs().Idle() &&
                   !m_frame.Patients()->m_sheetPanel->m_title->GetLabel().empty();
        else if (arg == "print") done = m_frame.Printing().Dialog() && !m_frame.Printing().Busy() && m_frame.Jobs().Idle();
        else if (arg == "printed") done = m_frame.Printing().Printed() > m_printedBefore && !m_frame.Printing().Busy();
        const double waited = std::chrono::duration<double, std::milli>(now - m_waitStart).count();
        if (!done && waited < limit) return false;
        std::string json = R"({"event":"wait","what":)" + JsonString(arg) + R"(,"ok":)" + (done ? "true" : "false") +
                           R"(,"waited_ms":)" + std::to_string(waited);
        if (arg == "proposal" && done && m_frame.InsertedAt())
            json += R"(,"proposal_ms":)" +
                    std::to_string(std::chrono::duration<double, std::milli>(*m_frame.ProposalShownAt() - *m_frame.InsertedAt()).count());
        Emit(json + "}");
    } else if (cmd == "choose-beneficiary") {
        const bool ok = m_frame.Picker() != nullptr;
        if (ok) m_frame.Picker()->Choose(static_cast<std::size_t>(std::atoi(arg.c_str()) - 1));
        Emit(R"({"event":"choose-beneficiary","ok":)" + std::string(ok ? "true" : "false") + "}");
    } else if (cmd == "choose-document") {
        const bool ok = m_frame.Documents() && m_frame.Documents()->Choose(arg);
        Emit(R"({"event":"choose-document","ok":)" + std::string(ok ? "true" : "false") + "}");
    } else if (cmd == "press") {
        ProposalPanel* p = m_frame.Proposal();
        wxButton* b = arg == "create" ? p->m_create : arg == "take" ? p->m_take : arg == "validate" ? p->m_validate
                                                                                                   : p->m_print;
        const bool ok = b->IsShownOnScreen() && b->IsEnabled();
        if (ok) {  // the same event a click produces
            wxCommandEvent click(wxEVT_BUTTON, b->GetId());
            click.SetEventObject(b);
            b->GetEventHandler()->ProcessEvent(click);
        }
        Emit(R"({"event":"press","button":)" + JsonString(arg) + R"(,"ok":)" + (ok ? "true" : "false") + "}");
    } else if (cmd == "dashboard") {  // F9: the Tableau de bord (refused unless titulaire)
        const bool ok = m_frame.OpenDashboard();
        Emit(R"({"event":"dashboard","ok":)" + std::string(ok ? "true" : "false") + "}");
    } else if (cmd == "patients") {
        wxCommandEvent menu(wxEVT_MENU, wxID_FIND);  // F3
        m_frame.GetEventHandler()->ProcessEvent(menu);
    } else if (cmd == "search") {
        const std::string& line = m_lines[m_next];
        const auto space = line.find(' ');
        if (m_frame.Patients()) m_frame.Patients()->Search(space == std::string::npos ? "" : line.substr(space + 1));
    } else if (cmd == "open-patient") {
        const bool ok = m_frame.Patients() && m_frame.Patients()->m_results->GetItemCount() >= std::atoi(arg.c_str());
        if (ok) m_frame.Patients()->OpenRow(static_cast<std::size_t>(std::atoi(arg.c_str()) - 1));
        Emit(R"({"event":"open-patient","ok":)" + std::string(ok ? "true" : "false") + "}");
    } else if (cmd == "new-patient") {  // new-patient NOM|PRÉNOMS|JJ/MM/AAAA|M|LIEU, then « Créer »
        PatientsFrame* pf = m_frame.Patients();
        if (pf) {
            const std::string& line = m_lines[m_next];
            std::vector<std::string> f;
            std::istringstream fields(line.substr(line.find(' ') + 1));
            for (std::string part; std::getline(fields, part, '|');) f.push_back(part);
            f.resize(5);
            pf->NewPatient();
            pf->NewPatientForm()->Fill({f[0], f[1], f[2], f[3], f[4], "", ""});
            wxCommandEvent click(wxEVT_BUTTON, pf->NewPatientForm()->m_create->GetId());
            pf->NewPatientForm()->m_create->GetEventHandler()->ProcessEvent(click);
        }
        Emit(R"({"event":"new-patient","ok":)" + std::string(pf ? "true" : "false") + "}");
    } else if (cmd == "new-patient-force") {
        PatientsFrame* pf = m_frame.Patients();
        const bool ok = pf && pf->NewPatientForm() && pf->NewPatientForm()->m_force->IsShown();
        if (ok) {
            wxCommandEvent click(wxEVT_BUTTON, pf->NewPatientForm()->m_force->GetId());
            pf->NewPatientForm()->m_force->GetEventHandler()->ProcessEvent(click);
        }
        Emit(R"({"event":"new-patient-force","ok":)" + std::string(ok ? "true" : "false") + "}");
    } else if (cmd == "patients-press") {
        PatientsFrame* p = m_frame.Patients();
        wxButton* b = !p ? nullptr : (arg == "retrieve" ? p->m_sheetPanel->m_retrieve : p->m_sheetPanel->m_accept);
        const bool ok = b && b->IsShown() && b->IsEnabled();
        if (ok) {
            wxCommandEvent click(wxEVT_BUTTON, b->GetId());
            click.SetEventObject(b);
            b->GetEventHandler()->ProcessEvent(click);
        }
        Emit(R"({"event":"patients-press","button":)" + JsonString(arg) + R"(,"ok":)" + (ok ? "true" : "false") + "}");
    } else if (cmd == "print-target") {
        const bool ok = m_frame.Printing().Dialog() && m_frame.Printing().ChooseTarget(arg);
        Emit(R"({"event":"print-target","ok":)" + std::string(ok ? "true" : "false") + "}");
    } else if (cmd == "print-copies") {
        m_frame.Printing().SetCopies(std::atoi(arg.c_str()));
    } else if (cmd == "print-pdf") {  // the file dialog's answer, then « Imprimer »
        m_printedBefore = m_frame.Printing().Printed();
        const bool ok = m_frame.Printing().Dialog() != nullptr;
        if (ok) m_frame.Printing().PrintToPdf(arg);
        Emit(R"({"event":"print-pdf","ok":)" + std::string(ok ? "true" : "false") + R"(,"file":)" + JsonString(arg) + "}");
    } else if (cmd == "print-close") {
        if (PrintDialog* d = m_frame.Printing().Dialog()) {
            wxCommandEvent click(wxEVT_BUTTON, wxID_CANCEL);
            d->FindWindow(wxID_CANCEL)->GetEventHandler()->ProcessEvent(click);
        }
    } else if (IsPrintContentCommand(cmd)) {  // issue #6: ordonnance / plan de prise content
        Emit(PrintContentAutomation(m_frame, w, m_lines[m_next]));
    } else if (cmd == "key" && arg == "ctrl+p") {  // the menu accelerator's command
        m_printedBefore = m_frame.Printing().Printed();
        wxCommandEvent menu(wxEVT_MENU, wxID_PRINT);
        m_frame.GetEventHandler()->ProcessEvent(menu);
    } else if (cmd == "sim") {
        const std::string body = m_lines[m_next].substr(m_lines[m_next].find(' ') + 1);
        AppStack& s = m_frame.Stack();
        if (s.demo) {
            const auto pki = s.demo->Pki().string();
            const std::string curl = "curl -s -o /dev/null --cacert '" + pki + "/ca.pem' --cert '" + pki +
                                     "/insi-manu.pem' --key '" + pki + "/insi-manu.key' -X POST -H 'Content-Type: application/json' -d '" +
                                     body + "' https://127.0.0.1:" + std::to_string(s.demo->Port()) + "/_sim/control";
            const int rc = std::system(curl.c_str());  // test set-up only, a few ms on loopback
            Emit(R"({"event":"sim","ok":)" + std::string(rc == 0 ? "true" : "false") + "}");
        }
    } else if (cmd == "journal-count") {  // how many journal entries carry this action
        int n = 0;
        ports::RunInTransaction(*m_frame.Stack().store, ports::TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
            tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
                n += e.action == arg;
                return true;
            });
        });
        Emit(R"({"event":"journal","action":)" + JsonString(arg) + R"(,"count":)" + std::to_string(n) + "}");
    } else if (cmd == "douteuse") {
        AppStack& s = m_frame.Stack();
        const auto id = m_frame.Presenter().CurrentIdentityId();
        bool ok = false;
        if (id && s.referent)
            ok = usecases::PatientService(*s.store, s.clock)
                     .SetAttribute(*s.referent, *id, domain::event::AttributeName::Douteuse, true)
                     .Ok();
        Emit(R"({"event":"douteuse","ok":)" + std::string(ok ? "true" : "false") + "}");
    } else if (cmd == "screenshot") {
        // Repaint first, grab a few event-loop turns later (GTK paints on its frame clock).
        if (!m_waiting) {
            m_waiting = true;
            m_sleepUntil = now + std::chrono::milliseconds(150);
            m_frame.Refresh();
            if (m_frame.Picker()) m_frame.Picker()->Refresh();
            if (m_frame.Documents()) m_frame.Documents()->Refresh();
            if (m_frame.Printing().Dialog()) m_frame.Printing().Dialog()->Refresh();
            return false;
        }
        if (now < m_sleepUntil) return false;
        Screenshot(arg);
        m_lag.Reset();  // the grab and the PNG encoding run on this thread: not the app's lag
    } else if (cmd == "dump") {
        Dump(arg);
        m_lag.Reset();
    } else if (cmd == "switch-operator" || cmd == "inactivity" || cmd == "operator-dialog") {  // issue #6
        if (!m_waiting) m_waitStart = now;
        const auto r = OperatorAutomation(m_frame.Switcher(), w, m_waiting,
                                          std::chrono::duration<double, std::milli>(now - m_waitStart).count());
        if (!r.done) return false;
        Emit(r.json);
    } else if (cmd == "settings" || cmd.rfind("settings-", 0) == 0 || cmd.rfind("rules-", 0) == 0 ||
               cmd.rfind("insi-", 0) == 0 || cmd.rfind("documents-", 0) == 0) {  // issue #6
        if (!m_waiting) m_waitStart = now;
        const auto r = SettingsAutomation(m_frame, w, m_lines[m_next], m_waiting,
                                          std::chrono::duration<double, std::milli>(now - m_waitStart).count());
        if (!r.done) return false;
        if (!r.json.empty()) Emit(r.json);
    } else if (cmd == "identitovigilance" || cmd.rfind("bulk-", 0) == 0 || cmd == "seed-ins" ||
               cmd.rfind("traits-", 0) == 0 || cmd.rfind("collisions", 0) == 0 ||
               cmd == "seed-collision") {  // issue #6, F7
        if (!m_waiting) m_waitStart = now;
        const auto r = IdentitovigilanceAutomation(m_frame, m_frame.Stack(), m_frame.Jobs(), m_frame.Switcher().Current(),
                                                   w, m_waiting,
                                                   std::chrono::duration<double, std::milli>(now - m_waitStart).count());
        if (!r.handled) Emit(R"({"event":"error","message":)" + JsonString("commande incomplète : " + cmd) + "}");
        if (!r.done) return false;
        if (r.handled) Emit(r.json);
    } else if (cmd == "quit") {
        Stop();
        m_frame.Close(true);
    } else {
        Emit(R"({"event":"error","message":)" + JsonString("commande inconnue : " + cmd) + "}");
    }
    return true;
}

void Automation::Screenshot(const std::string& name) {
    wxWindow* target = &m_frame;
    if (m_frame.Patients() && m_frame.Patients()->IsShown() && m_frame.Patients()->IsActive()) target = m_frame.Patients();
    if (m_frame.Patients() && m_frame.Patients()->NewPatientForm()) target = m_frame.Patients()->NewPatientForm();
    if (m_frame.Dashboard() && m_frame.Dashboard()->IsShown() && m_frame.Dashboard()->IsActive()) target = m_frame.Dashboard();
    if (IdentitovigilanceFrame* iv = FindIdentitovigilance(m_frame); iv && iv->IsShown()) target = iv;
    if (m_frame.Settings() && m_frame.Settings()->IsShown()) target = m_frame.Settings();  // Réglages
    if (m_frame.Picker()) target = m_frame.Picker();
    else if (m_frame.Documents()) target = m_frame.Documents();
    else if (m_frame.Printing().Dialog()) target = m_frame.Printing().Dialog();
    // Rendered from the window itself: the X server's copy is stale under Xvfb (WindowCapture.h).
    const wxImage image = CaptureWindow(*target);
    const std::string path = (m_outDir / (name + ".png")).string();
    const bool ok = image.IsOk() && image.SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG);
    Emit(R"({"event":"screenshot","ok":)" + std::string(ok ? "true" : "false") + R"(,"file":)" + JsonString(path) + "}");
}

}  // namespace vigie::gui
