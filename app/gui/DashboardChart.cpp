#include "app/gui/DashboardChart.h"

#include <algorithm>
#include <memory>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include "app/gui/Palette.h"

namespace vigie::gui {

namespace {
constexpr int kBarHeight = 34;
constexpr int kGap = 8;
}  // namespace

ShareBarsPanel::ShareBarsPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(560, 4 * (kBarHeight + kGap)), wxFULL_REPAINT_ON_RESIZE,
              "share_bars") {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { OnPaint(); });
}

void ShareBarsPanel::SetBars(std::vector<presenters::ShareBar> bars) {
    m_bars = std::move(bars);
    Refresh();
}

void ShareBarsPanel::OnPaint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    const wxSize size = GetClientSize();
    dc.SetFont(LargeFont(2, true));
    int y = 0;
    for (const auto& bar : m_bars) {
        // The track (the whole of the active patients), then the share in the status colour.
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(wxColour(235, 235, 235)));
        dc.DrawRectangle(0, y, size.x, kBarHeight);
        const int width = static_cast<int>(std::clamp(bar.fraction, 0.0, 1.0) * size.x);
        dc.SetBrush(wxBrush(Background(bar.tone)));
        dc.DrawRectangle(0, y, width, kBarHeight);
        // The words stay readable whatever the length of the bar: dark text on the light track,
        // the status's own text colour over the bar.
        const wxString text = wxString::FromUTF8(bar.text);
        const wxSize extent = dc.GetTextExtent(text);
        const int ty = y + (kBarHeight - extent.y) / 2;
        dc.SetTextForeground(width > extent.x + 12 ? Foreground(bar.tone) : *wxBLACK);
        dc.DrawText(text, 8, ty);
        y += kBarHeight + kGap;
    }
}

TrendChartPanel::TrendChartPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(560, 260), wxFULL_REPAINT_ON_RESIZE, "trend_chart") {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { OnPaint(); });
}

void TrendChartPanel::SetTrend(const presenters::DashboardView& view) {
    m_labels = view.trendLabels;
    m_series = view.series;
    m_max = view.trendMax;
    Refresh();
}

void TrendChartPanel::OnPaint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    const wxSize size = GetClientSize();
    const int left = 48, right = 12, top = 28, bottom = 26;
    const double w = std::max(1, size.x - left - right), h = std::max(1, size.y - top - bottom);
    dc.SetFont(LargeFont(0));
    dc.SetTextForeground(*wxBLACK);
    // Legend on one line, in stacking order.
    int lx = left;
    for (const auto& s : m_series) {
        dc.SetBrush(wxBrush(Background(s.tone)));
        dc.SetPen(*wxGREY_PEN);
        dc.DrawRectangle(lx, 8, 12, 12);
        const wxString name = wxString::FromUTF8(s.label);
        dc.DrawText(name, lx + 16, 6);
        lx += 16 + dc.GetTextExtent(name).x + 14;
    }
    dc.SetPen(*wxGREY_PEN);
    dc.DrawLine(left, top, left, top + static_cast<int>(h));
    dc.DrawLine(left, top + static_cast<int>(h), left + static_cast<int>(w), top + static_cast<int>(h));
    if (m_labels.empty() || m_max <= 0) {
        dc.DrawText(wxString::FromUTF8("Aucune donnée"), left + 10, top + 10);
        return;
    }
    const std::size_t n = m_labels.size();
    const auto X = [&](std::size_t i) {
        return left + (n == 1 ? w / 2 : w * static_cast<double>(i) / static_cast<double>(n - 1));
    };
    const auto Y = [&](std::int64_t v) { return top + h - h * static_cast<double>(v) / static_cast<double>(m_max); };
    dc.DrawText(wxString::Format("%lld", static_cast<long long>(m_max)), 4, top - 6);
    dc.DrawText("0", 4, top + static_cast<int>(h) - 8);
    dc.DrawText(wxString::FromUTF8(m_labels.front()), left, top + static_cast<int>(h) + 6);
    if (n > 1) {
        const wxString last = wxString::FromUTF8(m_labels.back());
        dc.DrawText(last, left + static_cast<int>(w) - dc.GetTextExtent(last).x, top + static_cast<int>(h) + 6);
    }

    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    std::vector<std::int64_t> below(n, 0);
    for (const auto& s : m_series) {
        gc->SetBrush(wxBrush(Background(s.tone)));
        gc->SetPen(wxPen(Foreground(s.tone), 1));
        const auto value = [&](std::size_t i) { return i < s.values.size() ? s.values[i] : 0; };
        if (n == 1) {  // a single day: one stacked column
            gc->DrawRectangle(X(0) - 20, Y(below[0] + value(0)), 40, Y(below[0]) - Y(below[0] + value(0)));
        } else {
            // One band per status: from the running total below it to the total including it.
            wxGraphicsPath path = gc->CreatePath();
            path.MoveToPoint(X(0), Y(below[0] + value(0)));
            for (std::size_t i = 1; i < n; ++i) path.AddLineToPoint(X(i), Y(below[i] + value(i)));
            for (std::size_t i = n; i-- > 0;) path.AddLineToPoint(X(i), Y(below[i]));
            path.CloseSubpath();
            gc->DrawPath(path);
        }
        for (std::size_t i = 0; i < n; ++i) below[i] += value(i);
    }
}

}  // namespace vigie::gui
