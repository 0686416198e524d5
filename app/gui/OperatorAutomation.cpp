#include "app/gui/OperatorAutomation.h"

#include <wx/statusbr.h>

#include "core/util/Json.h"

namespace vigie::gui {

namespace {
std::string Quote(const std::string& s) {
    std::string out;
    util::AppendJsonString(out, s);
    return out;
}
const char* Bool(bool b) { return b ? "true" : "false"; }
}  // namespace

OperatorStep OperatorAutomation(OperatorSwitcher& switcher, const std::vector<std::string>& w, bool& waiting,
                                double waitedMs) {
    OperatorStep step;
    const std::string& cmd = w[0];
    if (cmd == "switch-operator" && w.size() >= 3) {
        step.handled = true;
        if (!waiting) {
            waiting = true;
            switcher.SubmitForTest(w[1], w[2]);
        }
        if (switcher.Checking() && waitedMs < 10000) {
            step.done = false;
            return step;
        }
        const bool ok = !switcher.Checking() && switcher.Current().name == w[1] && switcher.LastMessage().empty();
        step.json = R"({"event":"switch-operator","name":)" + Quote(w[1]) + R"(,"ok":)" + Bool(ok) + R"(,"operator":)" +
                    Quote(switcher.Current().name) + R"(,"message":)" + Quote(switcher.LastMessage()) + "}";
    } else if (cmd == "inactivity") {
        step.handled = true;
        switcher.SimulateInactivity();
        step.json = R"({"event":"inactivity","locked":)" + std::string(Bool(switcher.Locked())) + "}";
    } else if (cmd == "operator-dialog") {
        step.handled = true;
        switcher.OpenDialog();
        step.json = R"({"event":"operator-dialog"})";
    }
    return step;
}

std::string OperatorDump(const OperatorSwitcher& switcher, wxFrame& frame) {
    wxStatusBar* bar = frame.GetStatusBar();
    const wxString status = bar ? bar->GetStatusText(0) : wxString();
    wxWindow* lock = frame.FindWindow("lock_screen");
    return R"(,"operator":{"name":)" + Quote(switcher.Current().name) + R"(,"status_bar":)" +
           Quote(status.utf8_string()) + R"(,"locked":)" + Bool(lock && lock->IsShown()) + R"(,"lock_covers":)" +
           Bool(lock && lock->IsShown() && lock->GetSize() == frame.GetClientSize()) + R"(,"message":)" +
           Quote(switcher.LastMessage()) + "}";
}

}  // namespace vigie::gui
