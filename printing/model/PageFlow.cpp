#include "printing/model/PageFlow.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/domain/Errors.h"
#include "printing/model/TextFit.h"

namespace vigie::printing {

namespace {

constexpr double kCellPadXMm = 1.0;
constexpr double kCellPadYMm = 0.8;
constexpr double kEpsilonMm = 1e-9;
constexpr double kHeaderFill = 0.9;  // light grey behind the column headers

using Lines = std::vector<std::string>;

Lines Wrap(std::string_view text, double widthMm, const FontSpec& font, const IMeasurer& m) {
    return *WrapText(text, widthMm, font, m, /*breakLongWords=*/true);  // never nullopt when breaking
}

struct Geometry {
    std::vector<double> x, width;  // per column
};

Geometry Columns(const PageFlow& flow, const std::vector<TableColumn>& columns) {
    const double total = std::accumulate(columns.begin(), columns.end(), 0.0,
                                         [](double s, const TableColumn& c) { return s + c.weight; });
    Geometry g;
    double x = flow.Left();
    for (const TableColumn& c : columns) {
        g.x.push_back(x);
        g.width.push_back(flow.Width() * c.weight / total);
        x += g.width.back();
    }
    return g;
}

// Lines [first, last) of every cell at the current position, a rule underneath.
void DrawRowSlice(PageFlow& flow, const Geometry& g, const std::vector<Lines>& cells, std::size_t first,
                  std::size_t last, const FontSpec& font, double lineHeight) {
    for (std::size_t c = 0; c < cells.size(); ++c)
        for (std::size_t i = first; i < std::min(last, cells[c].size()); ++i)
            flow.Add(TextRun{g.x[c] + kCellPadXMm, flow.Y() + kCellPadYMm + lineHeight * static_cast<double>(i - first),
                             g.width[c] - 2 * kCellPadXMm, cells[c][i], font, Align::Left});
    const double height = lineHeight * static_cast<double>(last - first) + 2 * kCellPadYMm;
    flow.Advance(height);
    flow.Add(RuleLine{flow.Left(), flow.Y(), flow.Left() + flow.Width(), flow.Y(), 0.1});
}

}  // namespace

PageFlow::PageFlow(double pageWidthMm, double pageHeightMm, double marginMm, double footerBandMm)
    : m_pageWidth(pageWidthMm), m_pageHeight(pageHeightMm), m_margin(marginMm), m_footerBand(footerBandMm) {
    m_pages.push_back(Page{m_pageWidth, m_pageHeight, {}});
    m_y = Top();
}

void PageFlow::NewPage() {
    m_pages.push_back(Page{m_pageWidth, m_pageHeight, {}});
    m_y = Top();
    if (m_onNewPage) m_onNewPage(*this);
}

void FlowParagraph(PageFlow& flow, std::string_view text, const FontSpec& font, const IMeasurer& m, double indentMm) {
    const double lineHeight = m.LineHeightMm(font);
    for (const std::string& line : Wrap(text, flow.Width() - indentMm, font, m)) {
        if (lineHeight > flow.Remaining() + kEpsilonMm) flow.NewPage();
        if (!line.empty())  // an empty paragraph is a blank line
            flow.Add(TextRun{flow.Left() + indentMm, flow.Y(), flow.Width() - indentMm, line, font, Align::Left});
        flow.Advance(lineHeight);
    }
}

void FlowTable(PageFlow& flow, const std::vector<TableColumn>& columns, const std::vector<std::vector<std::string>>& rows,
               const FontSpec& font, const IMeasurer& m) {
    const Geometry g = Columns(flow, columns);
    const double lineHeight = m.LineHeightMm(font);
    FontSpec headerFont = font;
    headerFont.bold = true;
    const double headerLineHeight = m.LineHeightMm(headerFont);
    std::vector<Lines> headerCells;
    std::size_t headerLines = 1;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        headerCells.push_back(Wrap(columns[c].header, g.width[c] - 2 * kCellPadXMm, headerFont, m));
        headerLines = std::max(headerLines, headerCells.back().size());
    }
    const double headerHeight = headerLineHeight * static_cast<double>(headerLines) + 2 * kCellPadYMm;
    double headerBottom = 0;  // Y right under the header on the current page
    auto drawHeader = [&](PageFlow& f) {
        f.Add(Box{f.Left(), f.Y(), f.Width(), headerHeight, 0.2, kHeaderFill});
        DrawRowSlice(f, g, headerCells, 0, headerLines, headerFont, headerLineHeight);
        headerBottom = f.Y();
    };
    if (headerHeight + lineHeight + 2 * kCellPadYMm > flow.Remaining() + kEpsilonMm) flow.NewPage();
    drawHeader(flow);
    flow.SetOnNewPage(drawHeader);

    for (const std::vector<std::string>& row : rows) {
        std::vector<Lines> cells;
        std::size_t lines = 1;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            cells.push_back(Wrap(c < row.size() ? row[c] : std::string(), g.width[c] - 2 * kCellPadXMm, font, m));
            lines = std::max(lines, cells.back().size());
        }
        const double height = lineHeight * static_cast<double>(lines) + 2 * kCellPadYMm;
        const bool fitsOnFreshPage = height <= flow.Capacity() - headerHeight + kEpsilonMm;
        if (height > flow.Remaining() + kEpsilonMm && fitsOnFreshPage && flow.Y() > headerBottom + kEpsilonMm)
            flow.NewPage();
        // Whole when it fits; otherwise (taller than a page) as many lines as fit on each page.
        std::size_t first = 0;
        while (first < lines) {
            const double room = flow.Remaining() - 2 * kCellPadYMm;
            const auto fit = static_cast<std::size_t>(std::max(0.0, std::floor((room + kEpsilonMm) / lineHeight)));
            if (fit == 0) {
                if (flow.Y() <= headerBottom + kEpsilonMm)  // a fresh page cannot hold one line: a bug
                    throw InternalError("document.layout", "Page trop petite pour une ligne de tableau.");
                flow.NewPage();
                continue;
            }
            const std::size_t last = std::min(lines, first + fit);
            DrawRowSlice(flow, g, cells, first, last, font, lineHeight);
            first = last;
        }
    }
    flow.SetOnNewPage(nullptr);
}

}  // namespace vigie::printing
