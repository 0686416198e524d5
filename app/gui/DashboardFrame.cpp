#include "app/gui/DashboardFrame.h"

#include <wx/panel.h>
#include <wx/sizer.h>

#include "app/gui/Automation.h"
#include "app/gui/Palette.h"
#include "core/usecases/Dashboard.h"

namespace vigie::gui {

DashboardFrame::DashboardFrame(wxWindow* parent, AppStack& stack, Worker& worker)
    : wxFrame(parent, wxID_ANY, wxString::FromUTF8("Vigie — Tableau de bord"), wxDefaultPosition, wxSize(760, 720),
              wxDEFAULT_FRAME_STYLE, "dashboard"),
      m_stack(stack),
      m_worker(worker),
      m_self(MakeWindowRef(this)),
      m_presenter(stack.op) {
    auto* root = new wxPanel(this);
    m_headline = new wxStaticText(root, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "headline");
    m_headline->SetFont(LargeFont(6, true));
    m_activeNote = new wxStaticText(root, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "active_note");
    m_bars = new ShareBarsPanel(root);
    m_trendTitle = new wxStaticText(root, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "trend_title");
    m_trendTitle->SetFont(LargeFont(2, true));
    m_chart = new TrendChartPanel(root);
    auto* insiTitle = new wxStaticText(root, wxID_ANY, wxString::FromUTF8("Téléservice INSi"));
    insiTitle->SetFont(LargeFont(2, true));
    m_message = new wxStaticText(root, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "message");
    m_refresh = new wxButton(root, wxID_REFRESH, wxString::FromUTF8("&Actualiser  (F5)"), wxDefaultPosition,
                             wxDefaultSize, 0, wxDefaultValidator, "refresh");

    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(m_headline, 0, wxALL, 6);
    col->Add(m_activeNote, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
    col->Add(m_bars, 0, wxEXPAND | wxALL, 6);
    col->Add(m_trendTitle, 0, wxLEFT | wxRIGHT | wxTOP, 6);
    col->Add(m_chart, 1, wxEXPAND | wxALL, 6);
    col->Add(insiTitle, 0, wxLEFT | wxRIGHT | wxTOP, 6);
    for (int i = 0; i < 2; ++i) {
        m_insi.push_back(new wxStaticText(root, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0,
                                          i == 0 ? "insi_7" : "insi_30"));
        col->Add(m_insi.back(), 0, wxLEFT | wxRIGHT | wxTOP, 6);
    }
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(m_message, 1, wxALIGN_CENTER_VERTICAL | wxALL, 6);
    bottom->Add(m_refresh, 0, wxALL, 6);
    col->Add(bottom, 0, wxEXPAND);
    root->SetSizer(col);

    m_refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    wxAcceleratorEntry keys[] = {{wxACCEL_NORMAL, WXK_F5, wxID_REFRESH}, {wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE}};
    SetAcceleratorTable(wxAcceleratorTable(2, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Reload(); }, wxID_REFRESH);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (e.CanVeto()) {  // kept for the next F9, as the Patients window is
            e.Veto();
            Hide();
        } else {
            e.Skip();
        }
    });
}

void DashboardFrame::Reload() {
    if (m_loading) return;
    m_loading = true;
    m_presenter.OnLoading();
    Render();
    m_worker.Post([ref = m_self, stack = &m_stack, op = m_stack.op] {
        try {
            auto result = usecases::Dashboard(*stack->store, stack->clock).Load(op);
            PostToGui(ref, [result = std::move(result)](DashboardFrame& f) {
                f.m_loading = false;
                f.m_presenter.OnLoaded(result);
                f.Render();
            });
        } catch (const std::exception& e) {
            PostToGui(ref, [msg = std::string(e.what())](DashboardFrame& f) {
                f.m_loading = false;
                f.m_presenter.OnFailed(msg);
                f.Render();
            });
        }
    });
}

void DashboardFrame::Render() {
    const auto v = m_presenter.View();
    m_headline->SetLabel(wxString::FromUTF8(v.headline));
    m_activeNote->SetLabel(wxString::FromUTF8(v.activeNote));
    m_bars->SetBars(v.bars);
    m_trendTitle->SetLabel(wxString::FromUTF8(v.trendTitle));
    m_chart->SetTrend(v);
    for (std::size_t i = 0; i < m_insi.size(); ++i) {
        m_insi[i]->SetLabel(wxString::FromUTF8(i < v.insiLines.size() ? v.insiLines[i] : ""));
        m_insi[i]->SetForegroundColour(i == 0 && v.insiWarning ? Background(presenters::Tone::Danger) : *wxBLACK);
    }
    m_message->SetLabel(wxString::FromUTF8(v.message));
    m_refresh->Enable(!v.loading);
    Layout();
}

std::string DashboardFrame::DumpJson() const {
    auto str = [](const wxString& s) { return JsonString(s.utf8_string()); };
    std::string j = R"("shown":)" + std::string(IsShown() ? "true" : "false") + R"(,"headline":)" +
                    str(m_headline->GetLabel()) + R"(,"active_note":)" + str(m_activeNote->GetLabel()) + R"(,"bars":[)";
    const auto& bars = m_bars->Bars();
    for (std::size_t i = 0; i < bars.size(); ++i)
        j += std::string(i ? "," : "") + R"({"code":)" + JsonString(bars[i].code) + R"(,"text":)" +
             JsonString(bars[i].text) + R"(,"colour":)" + str(Background(bars[i].tone).GetAsString(wxC2S_HTML_SYNTAX)) +
             "}";
    j += R"(],"trend_title":)" + str(m_trendTitle->GetLabel()) + R"(,"trend_points":)" +
         std::to_string(m_chart->Points());
    j += R"(,"insi":[)" + str(m_insi[0]->GetLabel()) + "," + str(m_insi[1]->GetLabel()) + "]";
    j += R"(,"message":)" + str(m_message->GetLabel()) + R"(,"refresh_enabled":)" +
         std::string(m_refresh->IsEnabled() ? "true" : "false");
    return j;
}

}  // namespace vigie::gui
