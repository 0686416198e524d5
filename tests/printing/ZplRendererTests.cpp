// ZPL: the label as ^GF graphics. The test reads the ZPL back like a printer would (ASCII hex
// with Zebra's compression: G–Y/g–z repeat counts, "," and "!" row fills, ":" row repeat),
// rebuilds the label bitmap and decodes the Datamatrix with libdmtx to the exact payload.
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <regex>

#include "printing/render/PangoMeasurer.h"
#include "printing/render/ZplRenderer.h"
#include "tests/printing/RenderTestSupport.h"

using namespace vigie;
using namespace vigie::printing;
namespace rt = vigie::test::render;

namespace {

struct Label {
    int width = 0, height = 0;  // ^PW, ^LL
    GrayImage image;
    int graphics = 0;
};

int HexValue(char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : c - 'A' + 10; }

// Expands one ^GF data block into rows of `bytesPerRow` bytes.
std::vector<std::vector<std::uint8_t>> Expand(const std::string& data, int bytesPerRow, int rowCount) {
    std::vector<std::vector<std::uint8_t>> rows;
    std::string row;  // hex digits of the current row
    const auto endRow = [&](char fill) {
        row.resize(static_cast<std::size_t>(bytesPerRow) * 2, fill);
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(bytesPerRow));
        for (int b = 0; b < bytesPerRow; ++b)
            bytes[static_cast<std::size_t>(b)] = static_cast<std::uint8_t>(
                HexValue(row[static_cast<std::size_t>(b) * 2]) * 16 + HexValue(row[static_cast<std::size_t>(b) * 2 + 1]));
        rows.push_back(bytes);
        row.clear();
    };
    int count = 0;
    for (const char c : data) {
        if (c >= 'G' && c <= 'Y') count += c - 'G' + 1;
        else if (c >= 'g' && c <= 'z') count += (c - 'g' + 1) * 20;
        else if (c == ',') endRow('0');
        else if (c == '!') endRow('F');
        else if (c == ':') rows.push_back(rows.back());
        else if (std::isxdigit(static_cast<unsigned char>(c))) {
            row.append(static_cast<std::size_t>(count ? count : 1), c);
            count = 0;
            if (row.size() == static_cast<std::size_t>(bytesPerRow) * 2) endRow('0');
        }
    }
    BOOST_TEST(row.empty());
    BOOST_TEST(static_cast<int>(rows.size()) == rowCount);
    return rows;
}

Label Parse(const std::string& zpl) {
    Label label;
    std::smatch m;
    BOOST_REQUIRE(std::regex_search(zpl, m, std::regex(R"(\^PW(\d+))")));
    label.width = std::stoi(m[1]);
    BOOST_REQUIRE(std::regex_search(zpl, m, std::regex(R"(\^LL(\d+))")));
    label.height = std::stoi(m[1]);
    label.image.width = label.width;
    label.image.height = label.height;
    label.image.pixels.assign(static_cast<std::size_t>(label.width * label.height), 255);
    const std::regex graphic(R"(\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([^\^]*)\^FS)");
    for (auto it = std::sregex_iterator(zpl.begin(), zpl.end(), graphic); it != std::sregex_iterator(); ++it) {
        const int x0 = std::stoi((*it)[1]), y0 = std::stoi((*it)[2]);
        const int total = std::stoi((*it)[4]), perRow = std::stoi((*it)[5]);
        BOOST_TEST(std::stoi((*it)[3]) == total);
        BOOST_TEST(total <= 99999);
        const auto rows = Expand((*it)[6], perRow, total / perRow);
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (int x = 0; x < perRow * 8; ++x)
                if ((rows[r][static_cast<std::size_t>(x / 8)] & (0x80 >> (x % 8))) && x0 + x < label.width) {
                    const auto y = static_cast<int>(r) + y0;
                    if (y < label.height) label.image.pixels[static_cast<std::size_t>(y * label.width + x0 + x)] = 0;
                }
        ++label.graphics;
    }
    return label;
}

Page LabelPage(const std::string& payload) {
    PangoMeasurer m;
    Page page;
    page.widthMm = 89;
    page.heightMm = 36;
    page.elements.push_back(rt::Text(2, 2, 60, "DUPONT-ÉLODIE", 12, true));
    page.elements.push_back(rt::Text(2, 8, 60, "Prénom : MARIE", 9));
    page.elements.push_back(rt::Datamatrix(payload, 66, 2, 0.5, m.DatamatrixModules(payload), 1));
    Box frame;
    frame.xMm = 1;
    frame.yMm = 1;
    frame.widthMm = 87;
    frame.heightMm = 34;
    page.elements.push_back(frame);
    return page;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ZplRendererSuite)

BOOST_AUTO_TEST_CASE(TheDatamatrixInTheGraphicDecodesToTheExactPayload) {
    const std::string payload = rt::SpecPayload();
    BOOST_REQUIRE(payload.find('\x1d') != std::string::npos);
    BOOST_TEST(EncodeDatamatrixC40(payload).codewords.front() == 230);
    for (const int dpi : {203, 300}) {
        const std::string zpl = RenderZpl(LabelPage(payload), dpi);
        BOOST_TEST_CONTEXT(dpi << " dpi") {
            BOOST_TEST(zpl.rfind("^XA", 0) == 0);
            BOOST_TEST(zpl.find("^XZ") != std::string::npos);
            BOOST_TEST(zpl.find("^BX") == std::string::npos);  // never ZPL's own Datamatrix
            const Label label = Parse(zpl);
            const int dotsPerMm = dpi == 203 ? 8 : 12;
            BOOST_TEST(label.width == 89 * dotsPerMm);
            BOOST_TEST(label.height == 36 * dotsPerMm);
            BOOST_TEST(label.graphics == 1);
            // The symbol's region (x 66–89 mm), as the printer would print it.
            const GrayImage region = rt::Crop(label.image, 65 * dotsPerMm, 0, 24 * dotsPerMm, 26 * dotsPerMm);
            BOOST_TEST(DecodeDatamatrix(region) == payload);
        }
    }
}

BOOST_AUTO_TEST_CASE(ModulesAreWholeDots) {
    const std::string payload = rt::SpecPayload();
    const int modules = EncodeDatamatrixC40(payload).size;
    // 0.5 mm = 4 dots at 203 dpi. 0.45 mm = 3.6 dots: 4 would not leave the quiet zone inside
    // the layout's box ((n + 4) × 0.45 mm), so the renderer takes 3.
    for (const auto& [moduleMm, dots] : {std::pair{0.5, 4}, std::pair{0.45, 3}}) {
        Page page;
        page.widthMm = page.heightMm = 30;
        page.elements.emplace_back(std::in_place_type<Barcode>, rt::Datamatrix(payload, 1, 1, moduleMm, modules));
        const Label label = Parse(RenderZpl(page, 203));
        int row = -1, left = -1;  // the first dark dot: the top-left module of the symbol
        for (int i = 0; i < label.width * label.height && row < 0; ++i)
            if (label.image.pixels[static_cast<std::size_t>(i)] == 0) {
                row = i / label.width;
                left = i % label.width;
            }
        BOOST_REQUIRE(row >= 0);
        // The top row alternates dark and light modules: the first dark run is one module wide,
        // and so is the first dark run down the solid left column… divided by its modules.
        int run = 0;
        while (label.image.pixels[static_cast<std::size_t>(row * label.width + left + run)] == 0) ++run;
        int column = 0;
        while (label.image.pixels[static_cast<std::size_t>((row + column) * label.width + left)] == 0) ++column;
        BOOST_TEST_CONTEXT(moduleMm << " mm") {
            BOOST_TEST(run == dots);
            BOOST_TEST(column == modules * dots);
            BOOST_TEST(DecodeDatamatrix(label.image) == payload);
        }
    }
}

BOOST_AUTO_TEST_CASE(BigLabelsAreSplitInBandsAndCompressed) {
    const std::string payload = rt::SpecPayload();
    Page page;  // 4 × 6 in at 300 dpi: 1219 × 1829 dots, more than one ^GF can hold
    page.widthMm = 101.6;
    page.heightMm = 152.4;
    page.elements.push_back(rt::Text(5, 5, 90, "ÉTIQUETTE PILULIER", 14, true));
    page.elements.push_back(rt::Datamatrix(payload, 5, 70, 0.5, EncodeDatamatrixC40(payload).size));
    const std::string zpl = RenderZpl(page, 300);
    const Label label = Parse(zpl);
    BOOST_TEST(label.graphics >= 2);
    BOOST_TEST(zpl.size() < 40000u);  // uncompressed hex would be ≈ 560 kB
    BOOST_TEST(DecodeDatamatrix(rt::Crop(label.image, 0, 65 * 12, 40 * 12, 40 * 12)) == payload);
}

BOOST_AUTO_TEST_CASE(OnlyZebraResolutions) {
    BOOST_CHECK_THROW(RenderZpl(Page{}, 150), BadInputError);
}

BOOST_AUTO_TEST_SUITE_END()
