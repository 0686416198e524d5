// The identity domain links nothing outside the C++ standard library (issue #2 §1): no file of
// core/ (other than adapter sub-targets added later under core/insi, core/vitale) may include
// wx, sqlite3, curl, libxml2 or PC/SC headers.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

namespace fs = std::filesystem;

namespace {
const std::regex& Forbidden() {
    static const std::regex r(R"(^\s*#\s*include\s*[<"](wx/|sqlite3|curl/|libxml/|winscard|PCSC/|pcsclite|reader\.h))");
    return r;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(PuritySuite)

BOOST_AUTO_TEST_CASE(PureCoreIncludesNoVendorHeader) {
    const fs::path root = fs::path(VIGIE_SOURCE_DIR) / "core";
    const std::regex& forbidden = Forbidden();
    const std::vector<std::string> pureDirs = {"domain", "ports", "usecases", "util"};
    int files = 0;
    for (const auto& dir : pureDirs) {
        for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
            if (!entry.is_regular_file()) continue;
            const auto ext = entry.path().extension();
            if (ext != ".h" && ext != ".cpp" && ext != ".inl") continue;
            ++files;
            std::ifstream in(entry.path());
            std::string line;
            int n = 0;
            while (std::getline(in, line)) {
                ++n;
                BOOST_TEST(!std::regex_search(line, forbidden), entry.path().string() << ":" << n << ": " << line);
            }
        }
    }
    BOOST_TEST(files > 20);  // the scan really looked at the sources
}

BOOST_AUTO_TEST_CASE(TheCheckWouldCatchAViolation) {
    const std::regex& forbidden = Forbidden();
    BOOST_TEST(std::regex_search(std::string("#include <wx/frame.h>"), forbidden));
    BOOST_TEST(std::regex_search(std::string("  #include \"sqlite3.h\""), forbidden));
    BOOST_TEST(std::regex_search(std::string("#include <PCSC/winscard.h>"), forbidden));
    BOOST_TEST(!std::regex_search(std::string("#include <string>"), forbidden));
}

BOOST_AUTO_TEST_SUITE_END()
