// PangoMeasurer: widths grow with the text and the size, the symbols' module counts come from
// the encoders that draw them, and a run drawn in a box of exactly its measured width never
// spills out of it, whatever the resolution.
#include <boost/test/unit_test.hpp>

#include "printing/render/Code128.h"
#include "printing/render/PangoMeasurer.h"
#include "printing/render/RasterRenderer.h"
#include "tests/printing/RenderTestSupport.h"

using namespace vigie;
using namespace vigie::printing;
namespace rt = vigie::test::render;

namespace {

// Columns [first, last] holding a dark pixel (below 50 % gray); {-1, -1} when none.
std::pair<int, int> DarkColumns(const GrayImage& img) {
    int first = -1, last = -1;
    for (int x = 0; x < img.width; ++x)
        for (int y = 0; y < img.height; ++y)
            if (img.pixels[static_cast<std::size_t>(y * img.width + x)] < 128) {
                if (first < 0) first = x;
                last = x;
                break;
            }
    return {first, last};
}

// Rows [first, last] holding a dark pixel; {-1, -1} when none.
std::pair<int, int> DarkRows(const GrayImage& img) {
    int first = -1, last = -1;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            if (img.pixels[static_cast<std::size_t>(y * img.width + x)] < 128) {
                if (first < 0) first = y;
                last = y;
                break;
            }
    return {first, last};
}

FontSpec Font(double sizePt, bool bold = false, bool italic = false) {
    FontSpec f;
    f.sizePt = sizePt;
    f.bold = bold;
    f.italic = italic;
    return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PangoMeasurerSuite)

BOOST_AUTO_TEST_CASE(WidthsGrowWithTextAndSize) {
    PangoMeasurer m;
    const double a = m.TextWidthMm("DUPONT", Font(10));
    const double b = m.TextWidthMm("DUPONT-MOREL", Font(10));
    const double c = m.TextWidthMm("DUPONT", Font(14));
    const double bold = m.TextWidthMm("DUPONT", Font(10, true));
    BOOST_TEST(a > 5.0);   // ≈ 15 mm in DejaVu Sans 10 pt
    BOOST_TEST(a < 30.0);
    BOOST_TEST(b > a);
    BOOST_TEST(c > a);
    BOOST_TEST(c / a == 1.4, boost::test_tools::tolerance(0.02));  // linear in the size: no hinting
    BOOST_TEST(bold > a);
    BOOST_TEST(m.TextWidthMm("", Font(10)) == 0.0);
    BOOST_TEST(m.TextWidthMm("Prénom ÉLODIE", Font(10)) > m.TextWidthMm("Prénom", Font(10)));
}

BOOST_AUTO_TEST_CASE(LineHeightGrowsWithSize) {
    PangoMeasurer m;
    const double h10 = m.LineHeightMm(Font(10));
    BOOST_TEST(h10 > 3.0);  // 10 pt = 3.53 mm of em; DejaVu's line box is ≈ 1.16 em
    BOOST_TEST(h10 < 5.5);
    BOOST_TEST(m.LineHeightMm(Font(20)) / h10 == 2.0, boost::test_tools::tolerance(0.02));
}

BOOST_AUTO_TEST_CASE(SymbolModulesComeFromTheEncoders) {
    PangoMeasurer m;
    const std::string payload = rt::SpecPayload();
    BOOST_REQUIRE(!payload.empty());
    BOOST_TEST(m.DatamatrixModules(payload) == EncodeDatamatrixC40(payload).size);
    BOOST_TEST(m.DatamatrixModules(payload) >= 32);
    BOOST_TEST(m.DatamatrixModules(payload) <= 40);
    // Code 128: start (11) + data + check (11) + stop (13), set C packs digit pairs.
    const int digits = m.Code128Modules("12345678");
    BOOST_TEST(digits == 11 + 4 * 11 + 11 + 13 + 2 * kCode128QuietModules);
    BOOST_TEST(m.Code128Modules("PAT-000123") > m.Code128Modules("PAT-1"));
    BOOST_CHECK_THROW(m.Code128Modules(""), BadInputError);
}

BOOST_AUTO_TEST_CASE(ARunDrawnFitsItsMeasuredBoxAtEveryResolution) {
    PangoMeasurer m;
    const std::vector<std::pair<std::string, FontSpec>> runs = {
        {"NOM : D'ARTAGNAN-ÉLODIE", Font(12, true)},
        {"Prénom : Jean-Pierre Marie", Font(9)},
        {"ffjjWWW ÉLODIE f", Font(11, false, true)},  // italic overhang, j's left bearing
        {"Né(e) le 01/05/1985 — F", Font(8)},
    };
    for (const auto& [text, font] : runs) {
        const double width = m.TextWidthMm(text, font);
        for (const Align align : {Align::Left, Align::Center, Align::Right})
            for (const int dpi : {203, 300, 600}) {
                Page page;
                page.widthMm = width + 20;
                page.heightMm = 15;
                TextRun run = rt::Text(10, 4, width, text, font.sizePt, font.bold, align);
                run.font = font;
                page.elements.push_back(run);
                const GrayImage img = RenderPageGray(page, dpi);
                const auto [first, last] = DarkColumns(img);
                const double ppmm = dpi / 25.4;
                BOOST_TEST_CONTEXT(text << " at " << dpi << " dpi, align " << static_cast<int>(align)) {
                    BOOST_TEST(first >= 0);
                    // No dark pixel left of x nor right of x + width (pixel edges, not centres).
                    BOOST_TEST(first >= static_cast<int>(std::floor(10 * ppmm)));
                    BOOST_TEST(last < static_cast<int>(std::ceil((10 + width) * ppmm)));
                    // …and the ink really uses the box: measurement is not a loose over-estimate.
                    BOOST_TEST((last - first + 1) / ppmm > width - 1.0);
                    // Vertically, accents and descenders stay inside the line box.
                    const auto [top, bottom] = DarkRows(img);
                    BOOST_TEST(top >= static_cast<int>(std::floor(4 * ppmm)));
                    BOOST_TEST(bottom < static_cast<int>(std::ceil((4 + m.LineHeightMm(font)) * ppmm)));
                }
            }
    }
}

BOOST_AUTO_TEST_CASE(ABarcodeBoxTooSmallForItsQuietZoneIsALayoutBug) {
    PangoMeasurer m;
    const std::string payload = rt::SpecPayload();
    Page page;
    page.widthMm = page.heightMm = 40;
    page.elements.push_back(rt::Datamatrix(payload, 1, 1, 0.5, m.DatamatrixModules(payload), 0));  // no quiet zone
    BOOST_CHECK_THROW(RenderPageGray(page, 300), InternalError);
}

BOOST_AUTO_TEST_SUITE_END()
