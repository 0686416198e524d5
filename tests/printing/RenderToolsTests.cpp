// The renderers checked by independent tools, as a reader of the paper would: the Datamatrix INS
// decoded by libdmtx AND zxing-cpp from the PNG and from the PDF rasterised by poppler, PDF page
// sizes by pdfinfo, text by pdftotext, SVG by xmllint, Code 128 by zxing-cpp.
// The whole binary is skipped (exit 77) only when one of those tools is not installed.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <regex>

#include "printing/render/Code128.h"
#include "printing/render/DatamatrixFile.h"
#include "printing/render/PangoMeasurer.h"
#include "printing/render/PdfRenderer.h"
#include "printing/render/RasterRenderer.h"
#include "printing/render/SvgRenderer.h"
#include "tests/printing/RenderTestSupport.h"

using namespace vigie;
using namespace vigie::printing;
namespace rt = vigie::test::render;

namespace {

struct RequireTools {
    RequireTools() {
        for (const char* tool : {"pdftoppm", "pdfinfo", "pdftotext", "ZXingReader", "xmllint"})
            if (!rt::HasTool(tool)) {
                std::cout << "skipped: " << tool << " is not installed (poppler-utils, zxing-cpp-tools, libxml2-utils)\n";
                std::exit(77);
            }
    }
};

std::string Zxing(const std::string& png, const std::string& format) {
    return rt::Capture("ZXingReader -format " + format + " -bytes '" + png + "'");
}

// Rasterises a rectangle (in mm) of one PDF page at 600 dpi, gray PNG, like the spec's check.
std::string PdfRegionToPng(const rt::TempDir& dir, const std::string& pdf, int page, double x, double y, double w,
                           double h, const std::string& name) {
    const auto px = [](double mm) { return std::to_string(static_cast<int>(std::lround(mm * 600 / 25.4))); };
    const std::string prefix = dir.File(name);
    const std::string cmd = "pdftoppm -r 600 -gray -png -singlefile -f " + std::to_string(page) + " -l " +
                            std::to_string(page) + " -x " + px(x) + " -y " + px(y) + " -W " + px(w) + " -H " + px(h) +
                            " '" + pdf + "' '" + prefix + "'";
    BOOST_REQUIRE(std::system(cmd.c_str()) == 0);
    return prefix + ".png";
}

// "Page    2 size: 419.528 x 595.276 pts (A5)" → sizes in mm, in page order.
std::vector<std::pair<double, double>> PdfPageSizesMm(const std::string& pdf) {
    const std::string info = rt::Capture("pdfinfo -f 1 -l 99 '" + pdf + "'");
    std::vector<std::pair<double, double>> sizes;
    const std::regex line(R"(Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts)");
    for (auto it = std::sregex_iterator(info.begin(), info.end(), line); it != std::sregex_iterator(); ++it)
        sizes.emplace_back(std::stod((*it)[1]) * 25.4 / 72, std::stod((*it)[2]) * 25.4 / 72);
    return sizes;
}

Page A4WithDatamatrix(const std::string& payload) {
    Page page;  // 210 × 297 by default
    page.elements.push_back(rt::Text(20, 20, 120, "Fiche patient — Prénom : ÉLODIE", 12, true));
    page.elements.push_back(rt::Text(20, 28, 120, "NOM DE NAISSANCE : D'ARTAGNAN", 10));
    page.elements.push_back(rt::Text(150, 42, 40, "INS à scanner", 8, false, Align::Center));
    page.elements.push_back(rt::Datamatrix(payload, 150, 20, 0.45, EncodeDatamatrixC40(payload).size));
    RuleLine rule;
    rule.x1Mm = 20;
    rule.x2Mm = 190;
    rule.y1Mm = rule.y2Mm = 50;
    page.elements.push_back(rule);
    return page;
}

Barcode Code128At(const std::string& data, double x, double y, double moduleMm, double heightMm) {
    PangoMeasurer m;
    Barcode b;
    b.kind = Barcode::Kind::Code128;
    b.data = data;
    b.xMm = x;
    b.yMm = y;
    b.moduleMm = moduleMm;
    b.widthMm = m.Code128Modules(data) * moduleMm;
    b.heightMm = heightMm;
    return b;
}

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(RequireTools);

BOOST_AUTO_TEST_SUITE(RenderToolsSuite)

BOOST_AUTO_TEST_CASE(DatamatrixPngDecodesWithBothDecoders) {
    rt::TempDir dir;
    for (const std::string& payload : {rt::SpecPayload(), rt::LongPayload()}) {
        BOOST_REQUIRE(!payload.empty());
        BOOST_REQUIRE(payload.find('\x1d') != std::string::npos);
        const ModuleMatrix m = EncodeDatamatrixC40(payload);
        BOOST_TEST(m.codewords.front() == 230);  // C40 latch: the header is in C40
        Page page;
        page.widthMm = page.heightMm = (m.size + 8) * 0.5;
        page.elements.push_back(rt::Datamatrix(payload, 1, 1, 0.5, m.size));
        const std::string png = dir.File("dm.png");
        WritePagePng(page, 300, png);
        BOOST_TEST(DecodeDatamatrix(rt::ReadPngGray(png)) == payload);
        BOOST_TEST(Zxing(png, "DataMatrix") == payload);
    }
}

BOOST_AUTO_TEST_CASE(DatamatrixThroughPdfAndPoppler) {
    rt::TempDir dir;
    const std::string payload = rt::SpecPayload();
    Page second;
    second.elements.push_back(rt::Text(20, 20, 100, "Page 2", 10));
    const std::string pdf = dir.File("fiche.pdf");
    WritePdf(Document{"Fiche patient", {A4WithDatamatrix(payload), second}}, pdf);
    const std::string png = PdfRegionToPng(dir, pdf, 1, 145, 15, 30, 30, "region");
    BOOST_TEST(DecodeDatamatrix(rt::ReadPngGray(png)) == payload);
    BOOST_TEST(Zxing(png, "DataMatrix") == payload);
}

BOOST_AUTO_TEST_CASE(PdfPagesHaveTheirExactSizesAndTheTitle) {
    rt::TempDir dir;
    Page a4, a5, label;
    a5.widthMm = 148;
    a5.heightMm = 210;
    label.widthMm = 62;
    label.heightMm = 29;
    for (Page* p : {&a4, &a5, &label}) p->elements.push_back(rt::Text(2, 2, 50, "x", 8));
    const std::string pdf = dir.File("sizes.pdf");
    WritePdf(Document{"Plan de prise – Vigie", {a4, a5, label}}, pdf);
    const auto sizes = PdfPageSizesMm(pdf);
    BOOST_REQUIRE(sizes.size() == 3u);
    const std::vector<std::pair<double, double>> expected = {{210, 297}, {148, 210}, {62, 29}};
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(sizes[i].first == expected[i].first, boost::test_tools::tolerance(0.001));
        BOOST_TEST(sizes[i].second == expected[i].second, boost::test_tools::tolerance(0.001));
    }
    const std::string info = rt::Capture("pdfinfo '" + pdf + "'");
    BOOST_TEST(std::regex_search(info, std::regex("Title:\\s+Plan de prise – Vigie\n")), info);
}

BOOST_AUTO_TEST_CASE(PdfTextIsRealUtf8Text) {
    rt::TempDir dir;
    const std::string pdf = dir.File("text.pdf");
    WritePdf(Document{"Fiche", {A4WithDatamatrix(rt::SpecPayload())}}, pdf);
    const std::string text = rt::Capture("pdftotext -enc UTF-8 '" + pdf + "' -");
    for (const char* expected : {"Prénom", "ÉLODIE", "D'ARTAGNAN", "INS à scanner"})
        BOOST_TEST(text.find(expected) != std::string::npos, expected << " in: " << text);
}

BOOST_AUTO_TEST_CASE(PdfInMemoryIsAPdf) {
    const std::vector<std::uint8_t> bytes = RenderPdf(Document{"x", {A4WithDatamatrix(rt::SpecPayload())}});
    BOOST_REQUIRE(bytes.size() > 1000u);
    BOOST_TEST(std::string(bytes.begin(), bytes.begin() + 5) == "%PDF-");
    BOOST_CHECK_THROW(RenderPdf(Document{}), InternalError);
}

BOOST_AUTO_TEST_CASE(SvgIsWellFormedAndSizedInMillimetres) {
    rt::TempDir dir;
    Page label;
    label.widthMm = 89;
    label.heightMm = 36;
    label.elements.push_back(rt::Text(2, 2, 60, "Prénom : ÉLODIE", 10));
    label.elements.push_back(Code128At("000123456", 2, 20, 0.33, 10));
    const std::string svg = dir.File("label.svg");
    WriteSvg(label, svg);
    BOOST_TEST(std::system(("xmllint --noout '" + svg + "'").c_str()) == 0);
    const std::string text = rt::ReadFile(svg);
    BOOST_TEST(text.find("width=\"89mm\"") != std::string::npos);
    BOOST_TEST(text.find("height=\"36mm\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(Code128DecodesFromPngAndPdf) {
    rt::TempDir dir;
    const std::string ipp = "000123456";
    Page label;
    label.widthMm = 89;
    label.heightMm = 36;
    label.elements.push_back(rt::Text(2, 2, 60, "DUPONT", 10, true));
    label.elements.push_back(Code128At(ipp, 2, 20, 0.33, 10));
    const std::string png = dir.File("label.png");
    WritePagePng(label, 300, png);
    BOOST_TEST(Zxing(png, "Code128") == ipp);
    const std::string pdf = dir.File("label.pdf");
    WritePdf(Document{"Étiquette", {label}}, pdf);
    BOOST_TEST(Zxing(PdfRegionToPng(dir, pdf, 1, 0, 18, 60, 14, "code"), "Code128") == ipp);
}

BOOST_AUTO_TEST_CASE(StandaloneDatamatrixInEveryFormat) {
    rt::TempDir dir;
    const std::string payload = rt::SpecPayload();
    const int modules = EncodeDatamatrixC40(payload).size;
    const double side = (modules + 2 * kStandaloneQuietModules) * 0.5;

    WriteDatamatrixFile(payload, 0.5, dir.File("ins.PNG"));
    BOOST_TEST(DecodeDatamatrix(rt::ReadPngGray(dir.File("ins.PNG"))) == payload);
    BOOST_TEST(Zxing(dir.File("ins.PNG"), "DataMatrix") == payload);

    WriteDatamatrixFile(payload, 0.5, dir.File("ins.pdf"));
    const auto sizes = PdfPageSizesMm(dir.File("ins.pdf"));
    BOOST_REQUIRE(sizes.size() == 1u);
    BOOST_TEST(sizes[0].first == side, boost::test_tools::tolerance(0.001));
    const std::string png = PdfRegionToPng(dir, dir.File("ins.pdf"), 1, 0, 0, side, side, "ins-pdf");
    BOOST_TEST(DecodeDatamatrix(rt::ReadPngGray(png)) == payload);
    BOOST_TEST(Zxing(png, "DataMatrix") == payload);

    WriteDatamatrixFile(payload, 0.25, dir.File("ins.svg"));
    BOOST_TEST(std::system(("xmllint --noout '" + dir.File("ins.svg") + "'").c_str()) == 0);

    BOOST_CHECK_THROW(WriteDatamatrixFile(payload, 0.2, dir.File("x.png")), BadInputError);
    BOOST_CHECK_THROW(WriteDatamatrixFile(payload, 1.5, dir.File("x.png")), BadInputError);
    BOOST_CHECK_THROW(WriteDatamatrixFile(payload, 0.5, dir.File("x.jpg")), BadInputError);
    BOOST_CHECK_THROW(WriteDatamatrixFile(payload, 0.5, "/nonexistent-dir/ins.png"), EnvironmentError);
}

BOOST_AUTO_TEST_SUITE_END()
