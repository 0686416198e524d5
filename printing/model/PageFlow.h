#pragma once
// Internal to document layout: content flowing down the pages of a Document, and the blocks
// that flow (wrapped paragraphs, tables whose header row repeats on every page). Each page keeps
// a band at the bottom for the footer (identity reminder + « Page n/N »), added at the end once
// the page count is known. Text is wrapped, never cut: a word wider than its column is broken
// between two characters as a last resort.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "printing/model/Page.h"

namespace vigie::printing {

class PageFlow {
public:
    PageFlow(double pageWidthMm, double pageHeightMm, double marginMm, double footerBandMm);

    double Left() const { return m_margin; }
    double Width() const { return m_pageWidth - 2 * m_margin; }
    double Top() const { return m_margin; }
    double Y() const { return m_y; }
    double Bottom() const { return m_pageHeight - m_margin - m_footerBand; }  // of the content area
    double Remaining() const { return Bottom() - m_y; }
    double Capacity() const { return Bottom() - Top(); }  // of an empty page
    std::size_t PageCount() const { return m_pages.size(); }
    bool AtPageTop() const { return m_y <= Top() + 1e-9; }

    void Advance(double mm) { m_y += mm; }
    void NewPage();
    void Add(Element element) { m_pages.back().elements.push_back(std::move(element)); }
    void AddTo(std::size_t pageIndex, Element element) { m_pages.at(pageIndex).elements.push_back(std::move(element)); }
    // Called after each page break (a table repeats its header row).
    void SetOnNewPage(std::function<void(PageFlow&)> callback) { m_onNewPage = std::move(callback); }

    std::vector<Page> TakePages() { return std::move(m_pages); }

private:
    double m_pageWidth, m_pageHeight, m_margin, m_footerBand;
    double m_y = 0;
    std::vector<Page> m_pages;
    std::function<void(PageFlow&)> m_onNewPage;
};

// Wrapped lines of `text` flowed at the current position, moving to a new page between lines.
void FlowParagraph(PageFlow& flow, std::string_view text, const FontSpec& font, const IMeasurer& measurer,
                   double indentMm = 0);

struct TableColumn {
    std::string header;
    double weight = 1;  // share of the table width
};

// A ruled table; each cell wraps inside its column. A row moves whole to the next page when it
// does not fit; a row taller than a page is split between lines.
void FlowTable(PageFlow& flow, const std::vector<TableColumn>& columns, const std::vector<std::vector<std::string>>& rows,
               const FontSpec& font, const IMeasurer& measurer);

}  // namespace vigie::printing
