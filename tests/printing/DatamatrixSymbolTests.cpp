// The Datamatrix INS symbol: header in C40 (first codeword 230), a square ECC200 symbol, and what
// is rendered decodes back to the exact payload bytes — with libdmtx, and independently with
// zxing-cpp's ZXingReader on the PNG file.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "core/domain/Nir.h"
#include "printing/model/DatamatrixPayload.h"
#include "printing/symbol/DatamatrixSymbol.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::printing;

namespace dmsym {

std::string Payload() {
    domain::Identity id = test::IdentityWith(domain::IdentityStatus::Qualifiee,
                                             test::Traits("PADOLLEC", "YVETTE", {1960, 9, 19}, domain::Sex::Female, "56520"));
    id.ins->active = {"260095652012481", std::string(domain::kOidInsNir), "", ""};
    return BuildDatamatrixInsPayload(id).payload;
}

// Runs a command and returns its standard output (binary-safe).
std::string Capture(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    char buf[512];
    std::size_t n = 0;
    while (pipe && (n = fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
    return out;
}

}  // namespace dmsym

BOOST_AUTO_TEST_SUITE(DatamatrixSymbolSuite)

BOOST_AUTO_TEST_CASE(TheHeaderIsEncodedInC40) {
    const ModuleMatrix m = EncodeDatamatrixC40(dmsym::Payload());
    BOOST_REQUIRE(!m.codewords.empty());
    BOOST_TEST(m.codewords[0] == 230);  // C40 latch (zint 2.11 would start 74 84 131 …)
    BOOST_TEST(m.size >= 10);
    BOOST_TEST(m.size <= 64);
    for (int i = 0; i < m.size; ++i) {
        BOOST_TEST(m.At(i, 0));            // the solid "L" finder: left column…
        BOOST_TEST(m.At(m.size - 1, i));   // …and bottom row
        BOOST_TEST(m.At(0, i) == (i % 2 == 0));  // alternating top row
    }
}

BOOST_AUTO_TEST_CASE(TheRenderedSymbolDecodesToTheExactBytes) {
    const std::string payload = dmsym::Payload();
    const GrayImage image = RenderModules(EncodeDatamatrixC40(payload), 4, 2);
    BOOST_TEST(DecodeDatamatrix(image) == payload);  // libdmtx, GS included
}

BOOST_AUTO_TEST_CASE(AnIndependentDecoderReadsThePng) {
    if (std::system("command -v ZXingReader >/dev/null 2>&1") != 0) {
        BOOST_TEST_MESSAGE("skipped: ZXingReader (zxing-cpp-tools) not installed");
        return;
    }
    test::TempDir dir;
    const std::string payload = dmsym::Payload();
    const std::string png = (dir.Path() / "ins.png").string();
    WritePng(RenderModules(EncodeDatamatrixC40(payload), 4, 2), png);
    BOOST_TEST(std::filesystem::file_size(png) > 100u);
    const std::string bytes = dmsym::Capture("ZXingReader -format DataMatrix -bytes '" + png + "'");
    BOOST_TEST(bytes == payload);
}

BOOST_AUTO_TEST_SUITE_END()
