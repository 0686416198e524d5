#pragma once
// « Vérification du fichier patients » (Identitovigilance screen, issue #6): start a bulk
// verification or resume the unfinished one, watch it (gauge, done/total, rate, ETA, technical
// failures), pause it, read its report.
//
// The run lasts minutes, so it has its own thread (not the counter's worker, which must stay free
// for card reads). usecases::BulkVerification calls the progress sink from its request threads;
// the sink only posts a copy to the GUI thread (CallAfter through a wxWeakRef) where the
// presenter turns it into text. « Pause » sets the stop flag: in-flight requests finish, the run
// is left paused in the store and « Reprendre » continues it — also after a restart. Closing the
// panel pauses the run and joins the thread.
// Thread affinity: GUI thread, except the job and the sink (see above).

#include <atomic>
#include <string>
#include <thread>

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/presenters/BulkVerificationPresenter.h"

namespace vigie::gui {

class BulkVerificationPanel final : public wxPanel {
public:
    BulkVerificationPanel(wxWindow* parent, AppStack& stack, const domain::Operator& op);
    ~BulkVerificationPanel() override;

    void Load();      // looks for an unfinished run (short store read, on a short-lived thread)
    void Start();     // « Lancer la vérification »
    void Resume();    // « Reprendre »
    void Pause();     // « Pause »
    bool Running() const { return m_running; }
    void ShowProgress(const usecases::BulkProgress& progress);  // GUI thread (posted by the sink)
    const presenters::BulkVerificationView& View() const { return m_presenter.View(); }
    // The automation's dump, read from the widgets: JSON members (no braces).
    std::string DumpJson() const;

private:
    void Launch(bool resume);
    void JoinJob();
    void Render();
    void RenderFigures();

    AppStack& m_stack;
    domain::Operator m_op;
    presenters::BulkVerificationPresenter m_presenter;
    WindowRef<BulkVerificationPanel> m_self;
    std::atomic<bool> m_stop{false};
    std::thread m_job;
    bool m_running = false;  // a job thread is alive (GUI thread's view)

    wxStaticText* m_state;
    wxGauge* m_gauge;
    wxStaticText* m_progress;
    wxStaticText* m_rate;
    wxStaticText* m_eta;
    wxStaticText* m_failures;
    wxStaticText* m_message;
    wxButton* m_start;
    wxButton* m_pause;
    wxButton* m_resume;
    wxStaticText* m_reportTitle;
    wxListView* m_report;
};

}  // namespace vigie::gui
