#pragma once
// « Tableau de bord » (F9, Affichage menu; titulaire only): the status shares of the active
// patients, the trend chart, the INSi answer times and failed calls. usecases::Dashboard runs on
// the worker (journal replay, store reads); the result comes back with CallAfter through a
// wxWeakRef and DashboardPresenter turns it into what the panels draw. « Actualiser » (F5)
// loads again. GUI thread only.

#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/frame.h>
#include <wx/stattext.h>

#include "app/gui/AppStack.h"
#include "app/gui/DashboardChart.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/Worker.h"
#include "app/presenters/DashboardPresenter.h"

namespace vigie::gui {

class DashboardFrame final : public wxFrame {
public:
    DashboardFrame(wxWindow* parent, AppStack& stack, Worker& worker);

    void Reload();
    bool Busy() const { return m_loading; }
    // The automation's dump: the widgets' state as JSON members (no braces).
    std::string DumpJson() const;

    wxStaticText* m_headline;
    wxStaticText* m_activeNote;
    ShareBarsPanel* m_bars;
    wxStaticText* m_trendTitle;
    TrendChartPanel* m_chart;
    std::vector<wxStaticText*> m_insi;
    wxStaticText* m_message;
    wxButton* m_refresh;

private:
    void Render();

    AppStack& m_stack;
    Worker& m_worker;
    WindowRef<DashboardFrame> m_self;
    presenters::DashboardPresenter m_presenter;
    bool m_loading = false;
};

}  // namespace vigie::gui
