#include "app/gui/Automation.h"

#include <cstdlib>
#include <sstream>

#include <wx/app.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>

#include "app/gui/CounterFrame.h"
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
            return false;
        }
        if (now < m_sleepUntil) return false;
        Screenshot(arg);
        m_lag.Reset();  // the grab and the PNG encoding run on this thread: not the app's lag
    } else if (cmd == "dump") {
        Dump(arg);
        m_lag.Reset();
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
    if (m_frame.Picker()) target = m_frame.Picker();
    else if (m_frame.Documents()) target = m_frame.Documents();
    const wxRect r = target->GetScreenRect();
    wxBitmap bmp(r.GetWidth(), r.GetHeight());
    {
        wxScreenDC screen;
        wxMemoryDC mem(bmp);
        mem.Blit(0, 0, r.GetWidth(), r.GetHeight(), &screen, r.GetX(), r.GetY());
    }
    const std::string path = (m_outDir / (name + ".png")).string();
    const bool ok = bmp.SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG);
    Emit(R"({"event":"screenshot","ok":)" + std::string(ok ? "true" : "false") + R"(,"file":)" + JsonString(path) + "}");
}

}  // namespace vigie::gui
