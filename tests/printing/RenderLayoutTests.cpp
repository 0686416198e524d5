// End to end with the real layouts (printing/model) measured by PangoMeasurer: every default
// label rule set and the three documents render, their text stays inside the page, the Code 128
// and the Datamatrix INS decode (zxing-cpp, libdmtx) from the PNG, the PDF and the ZPL.
// Part of the tools binary: skipped (77) with it when poppler or zxing-cpp is missing.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <variant>

#include "printing/model/DocumentLayout.h"
#include "printing/model/LabelLayout.h"
#include "printing/render/PangoMeasurer.h"
#include "printing/render/PdfRenderer.h"
#include "printing/render/RasterRenderer.h"
#include "printing/render/ZplRenderer.h"
#include "tests/printing/RenderTestSupport.h"

using namespace vigie;
using namespace vigie::printing;
namespace rt = vigie::test::render;

namespace {

domain::Identity LongNamedPatient() {
    domain::Identity id = test::IdentityWith(
        domain::IdentityStatus::Qualifiee,
        test::Traits("D'ARTAGNAN-LEFEBVRE", "JEAN-PIERRE MARIE", {1985, 5, 1}, domain::Sex::Male, "99134"));
    id.id = 123456;
    id.ins->active = {"185057800512345", std::string(domain::kOidInsNir), "", ""};
    return id;
}

template <typename T>
std::vector<T> ElementsOf(const Page& page) {
    std::vector<T> out;
    for (const Element& e : page.elements)
        if (const T* t = std::get_if<T>(&e)) out.push_back(*t);
    return out;
}

// Rasterised page: nothing dark in the outer 0.5 mm (text or bars cut by the page edge would be).
bool MarginsAreWhite(const GrayImage& img, double pixelsPerMm) {
    const int m = static_cast<int>(std::floor(0.5 * pixelsPerMm));
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            if ((x < m || y < m || x >= img.width - m || y >= img.height - m) &&
                img.pixels[static_cast<std::size_t>(y * img.width + x)] < 128)
                return false;
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(RenderLayoutSuite)

BOOST_AUTO_TEST_CASE(EveryDefaultLabelRendersAndItsCode128Decodes) {
    rt::TempDir dir;
    PangoMeasurer measurer;
    const LabelData data = MakeLabelData(LongNamedPatient(), domain::Date{2026, 11, 22}, "Pharmacie du Marché");
    std::vector<Page> pages;
    int code128 = 0;
    for (const LabelRuleSet& rules : DefaultLabelRuleSets()) {
        BOOST_TEST_CONTEXT("rule set " << rules.name) {
            const LabelLayoutResult r = LayoutLabel(rules, data, measurer);
            BOOST_REQUIRE_MESSAGE(r.Ok(), (r.refusal ? r.refusal->message : std::string()));
            const Page& page = *r.page;
            pages.push_back(page);
            const GrayImage img = RenderPageGray(page, 300);
            BOOST_TEST(MarginsAreWhite(img, 300 / 25.4));
            const std::string png = dir.File(rules.name + ".png");
            WritePagePng(page, 300, png);
            for (const Barcode& b : ElementsOf<Barcode>(page))
                if (b.kind == Barcode::Kind::Code128) {
                    ++code128;
                    BOOST_TEST(rt::Capture("ZXingReader -format Code128 -bytes '" + png + "'") == b.data);
                }
            BOOST_TEST(RenderZpl(page, 203).find("^GFA") != std::string::npos);
        }
    }
    BOOST_TEST(code128 > 0);  // at least one default rule set prints the IPP as a Code 128
    const std::string pdf = dir.File("labels.pdf");
    WritePdf(Document{"Étiquettes", pages}, pdf);
    const std::string text = rt::Capture("pdftotext -enc UTF-8 '" + pdf + "' -");
    BOOST_TEST(text.find("D'ARTAGNAN-LEFEBVRE") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(EveryDocumentCarriesADecodableDatamatrix) {
    rt::TempDir dir;
    PangoMeasurer measurer;
    const std::string payload = BuildDatamatrixInsPayload(LongNamedPatient()).payload;
    BOOST_REQUIRE(!payload.empty());
    for (const DocumentKind kind : {DocumentKind::Ordonnance, DocumentKind::PlanDePrise, DocumentKind::Fiche})
        for (const PaperFormat format : {PaperFormat::A4, PaperFormat::A5}) {
            DocumentRequest request;
            request.kind = kind;
            request.identity = LongNamedPatient();
            request.pharmacy = {"Pharmacie du Marché", {"12 place du Marché", "63000 Clermont-Ferrand"}};
            request.date = {2026, 11, 22};
            request.options.format = format;
            request.dispensing = {{"DOLIPRANE 1000 mg, comprimé", "2 boîtes", "1 comprimé 3 fois par jour"}};
            request.intakes = {{"Médicament 1", "1", "", "1", "", ""}};
            BOOST_TEST_CONTEXT(DocumentKindCode(kind) << " " << PaperFormatCode(format)) {
                const DocumentLayoutResult r = LayoutDocument(request, measurer);
                BOOST_REQUIRE_MESSAGE(r.Ok(), (r.refusal ? r.refusal->message : std::string()));
                const std::vector<Barcode> codes = ElementsOf<Barcode>(r.document->pages.front());
                BOOST_REQUIRE(codes.size() == 1u);
                const Barcode& dm = codes.front();
                BOOST_TEST(dm.data == payload);
                const std::string pdf = dir.File("doc.pdf");
                WritePdf(*r.document, pdf);
                const auto px = [](double mm) { return std::to_string(static_cast<int>(std::lround(mm * 600 / 25.4))); };
                const std::string prefix = dir.File("dm");
                BOOST_REQUIRE(std::system(("pdftoppm -r 600 -gray -png -singlefile -f 1 -l 1 -x " + px(dm.xMm - 2) +
                                           " -y " + px(dm.yMm - 2) + " -W " + px(dm.widthMm + 4) + " -H " +
                                           px(dm.heightMm + 4) + " '" + pdf + "' '" + prefix + "'").c_str()) == 0);
                BOOST_TEST(DecodeDatamatrix(rt::ReadPngGray(prefix + ".png")) == payload);
                BOOST_TEST(rt::Capture("ZXingReader -format DataMatrix -bytes '" + prefix + ".png'") == payload);
                for (const Page& page : r.document->pages)
                    BOOST_TEST(MarginsAreWhite(RenderPageGray(page, 150), 150 / 25.4));
            }
        }
}

BOOST_AUTO_TEST_SUITE_END()
