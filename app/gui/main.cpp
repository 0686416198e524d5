// vigie: the counter app. Chooses between the window (a display is there) and the headless
// counter (no display), builds the stack (AppStack.h), shows Comptoir.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <wx/app.h>
#include <wx/image.h>
#include <wx/msgdlg.h>

#include "app/gui/AppStack.h"
#include "app/gui/Automation.h"
#include "app/gui/CounterFrame.h"
#include "app/gui/Headless.h"
#include "app/gui/Options.h"
#include "app/gui/Worker.h"
#include "core/domain/Errors.h"

namespace vigie::gui {

namespace {
const auto g_start = std::chrono::steady_clock::now();
Options g_options;
}  // namespace

class VigieApp final : public wxApp {
public:
    bool OnInit() override {
        wxInitAllImageHandlers();
        try {
            m_stack = BuildStack(g_options);
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(e.what()), wxString::FromUTF8("Vigie — démarrage impossible"), wxICON_ERROR);
            std::cerr << "Erreur : " << e.what() << '\n';
            return false;
        }
        m_worker = std::make_unique<Worker>();
        auto* frame = new CounterFrame(*m_stack, *m_worker);
        frame->Show();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_start).count();
        std::cout << "PRÊT en " << static_cast<int>(ms) << " ms" << std::endl;
        if (g_options.automation)
            m_automation = std::make_unique<Automation>(*frame, *g_options.automation,
                                                        g_options.results.value_or(*g_options.automation + ".results.jsonl"), ms);
        return true;
    }
    int OnExit() override {
        m_automation.reset();
        m_worker.reset();  // finishes the running job; queued ones are dropped
        m_stack.reset();   // stops the reader, closes the store, stops the simulator
        return wxApp::OnExit();
    }

private:
    std::unique_ptr<AppStack> m_stack;
    std::unique_ptr<Worker> m_worker;
    std::unique_ptr<Automation> m_automation;
};

}  // namespace vigie::gui

wxIMPLEMENT_APP_NO_MAIN(vigie::gui::VigieApp);

int main(int argc, char** argv) {
    using namespace vigie;
    try {
        gui::g_options = gui::ParseOptions(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const Error& e) {
        std::cerr << "Erreur : " << e.what() << '\n';
        return 2;
    }
    if (gui::g_options.help) {
        std::cout << gui::kUsage;
        return 0;
    }
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if (gui::g_options.headless || ((!display || !*display) && (!wayland || !*wayland))) {
        try {
            return gui::RunHeadlessDemo();
        } catch (const std::exception& e) {
            std::cerr << "Erreur : " << e.what() << '\n';
            return 3;
        }
    }
    return wxEntry(argc, argv);
}
