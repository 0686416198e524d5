#pragma once
// The two drawings of the Tableau de bord, with wxDC / wxGraphicsContext only: the status shares
// as horizontal coloured bars carrying the official words, and the trend as a stacked area chart
// (PROV at the bottom, QUAL on top) with its legend. They draw the presenter's view model as it
// is. GUI thread only.

#include <vector>

#include <wx/panel.h>

#include "app/presenters/DashboardPresenter.h"

namespace vigie::gui {

class ShareBarsPanel final : public wxPanel {
public:
    explicit ShareBarsPanel(wxWindow* parent);
    void SetBars(std::vector<presenters::ShareBar> bars);
    const std::vector<presenters::ShareBar>& Bars() const { return m_bars; }

private:
    void OnPaint();
    std::vector<presenters::ShareBar> m_bars;
};

class TrendChartPanel final : public wxPanel {
public:
    explicit TrendChartPanel(wxWindow* parent);
    void SetTrend(const presenters::DashboardView& view);
    std::size_t Points() const { return m_labels.size(); }

private:
    void OnPaint();
    std::vector<std::string> m_labels;
    std::vector<presenters::TrendSeries> m_series;
    std::int64_t m_max = 0;
};

}  // namespace vigie::gui
