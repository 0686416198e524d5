// Operator PINs (issue #6): HMAC-SHA-256 and PBKDF2-HMAC-SHA-256 against published vectors, the
// stored record, the PIN rules, the lockout clock arithmetic, and the cost of one verification.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ctime>

#include "core/domain/Pin.h"
#include "core/usecases/OperatorService.h"
#include "core/util/Pbkdf2.h"
#include "core/util/Sha256.h"

using namespace vigie;
using namespace vigie::util;

namespace {
std::string Hmac(const std::string& key, const std::string& message) { return Sha256::ToHex(HmacSha256(key, message)); }
std::string Pbkdf2Hex(const std::string& password, const std::string& salt, std::uint32_t c, std::size_t len) {
    return BytesToHex(Pbkdf2HmacSha256(password, salt, c, len));
}
std::string Bytes(std::initializer_list<int> values) {
    std::string s;
    for (int v : values) s += static_cast<char>(v);
    return s;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(PinSuite)

// RFC 4231 §4.2–4.8 (test case 5 is the truncated one: only the first 128 bits are specified).
BOOST_AUTO_TEST_CASE(HmacSha256Rfc4231Vectors) {
    BOOST_TEST(Hmac(std::string(20, '\x0b'), "Hi There") ==
               "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    BOOST_TEST(Hmac("Jefe", "what do ya want for nothing?") ==
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    BOOST_TEST(Hmac(std::string(20, '\xaa'), std::string(50, '\xdd')) ==
               "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    std::string key4;
    for (int i = 1; i <= 25; ++i) key4 += static_cast<char>(i);
    BOOST_TEST(Hmac(key4, std::string(50, '\xcd')) == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    BOOST_TEST(Hmac(std::string(20, '\x0c'), "Test With Truncation").substr(0, 32) == "a3b6167473100ee06e0c796c2955552b");
    BOOST_TEST(Hmac(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First") ==
               "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    BOOST_TEST(Hmac(std::string(131, '\xaa'),
                    "This is a test using a larger than block-size key and a larger than block-size data. The key "
                    "needs to be hashed before being used by the HMAC algorithm.") ==
               "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

// The published PBKDF2-HMAC-SHA256 vectors (the RFC 6070 inputs with SHA-256; also in RFC 7914
// §11 for the first), including a 40-byte output (two blocks) and NULs in password and salt.
BOOST_AUTO_TEST_CASE(Pbkdf2HmacSha256PublishedVectors) {
    BOOST_TEST(Pbkdf2Hex("password", "salt", 1, 32) == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    BOOST_TEST(Pbkdf2Hex("password", "salt", 2, 32) == "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43");
    BOOST_TEST(Pbkdf2Hex("password", "salt", 4096, 32) ==
               "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
    BOOST_TEST(Pbkdf2Hex("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40) ==
               "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9");
    BOOST_TEST(Pbkdf2Hex(std::string("pass\0word", 9), std::string("sa\0lt", 5), 4096, 16) ==
               "89b69d0516f829893c696226650a8687");
    // RFC 7914 §11: P="passwd", S="salt", c=1, dkLen=64
    BOOST_TEST(Pbkdf2Hex("passwd", "salt", 1, 64) ==
               "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
               "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
}

BOOST_AUTO_TEST_CASE(RecordRoundTripAndConstantTimeCompare) {
    const std::string salt = Bytes({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
    const std::string record = MakePbkdf2Record("4821", 1000, salt);
    // Python: hashlib.pbkdf2_hmac('sha256', b'4821', bytes(range(16)), 1000).hex()
    BOOST_TEST(record == "pbkdf2-sha256$1000$000102030405060708090a0b0c0d0e0f$"
                         "67a24ecbc3e38514e649e75e487b67ec7c4f879d908f595c0c6623d4f73bf5c5");
    BOOST_TEST(VerifyPbkdf2Record("4821", record));
    BOOST_TEST(!VerifyPbkdf2Record("4822", record));
    BOOST_TEST(!VerifyPbkdf2Record("4821", "pbkdf2-sha256$1000$00$zz"));
    BOOST_TEST(!VerifyPbkdf2Record("4821", "pbkdf2-sha256$99999999$0001$" + std::string(64, '0')));  // capped
    BOOST_TEST(!ParsePbkdf2Record("md5$1$00$00"));
    // Fresh salts differ, so the same PIN never gives the same record twice.
    const std::string a = MakePbkdf2Record("4821", 10), b = MakePbkdf2Record("4821", 10);
    BOOST_TEST(a != b);
    BOOST_TEST(ParsePbkdf2Record(a)->salt.size() == kPbkdf2SaltBytes);
    BOOST_TEST(a.find("4821") == std::string::npos);
    BOOST_TEST(ConstantTimeEqual("abc", "abc"));
    BOOST_TEST(!ConstantTimeEqual("abc", "abd"));
    BOOST_TEST(!ConstantTimeEqual("abc", "ab"));
}

BOOST_AUTO_TEST_CASE(PinRules) {
    using domain::PinRuleViolation;
    for (const char* ok : {"4821", "1357", "90210", "12345679", "1212", "0007"}) BOOST_TEST(!PinRuleViolation(ok), ok);
    for (const char* format : {"", "123", "123456789", "12a4", " 4821", "48-21"}) {
        const auto r = PinRuleViolation(format);
        BOOST_TEST_REQUIRE(r.has_value(), format);
        BOOST_TEST(r->code == "input.pin_format");
        BOOST_TEST(r->message == "Le code PIN doit compter de 4 à 8 chiffres.");
    }
    for (const char* trivial : {"0000", "9999", "11111111", "1234", "0123", "4321", "98765432", "7890", "3210", "8901"}) {
        const auto r = PinRuleViolation(trivial);
        BOOST_TEST_REQUIRE(r.has_value(), trivial);
        BOOST_TEST(r->code == "rule.pin_trivial");
        BOOST_TEST(r->message.find("trop simple") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(LockoutClockArithmetic) {
    BOOST_TEST(domain::AddMinutesUtc("2026-11-22T10:15:30.123Z", 5) == "2026-11-22T10:20:30.123Z");
    BOOST_TEST(domain::AddMinutesUtc("2026-12-31T23:58:00.000Z", 5) == "2027-01-01T00:03:00.000Z");
    BOOST_TEST(domain::AddMinutesUtc("2028-02-28T23:59:00Z", 1) == "2028-02-29T00:00:00.000Z");
    BOOST_CHECK_THROW(domain::AddMinutesUtc("22/11/2026 10:15", 5), BadInputError);
    BOOST_TEST(domain::MinutesUntil("2026-11-22T10:15:30.000Z", "2026-11-22T10:20:30.000Z") == 5);
    BOOST_TEST(domain::MinutesUntil("2026-11-22T10:19:30.001Z", "2026-11-22T10:20:30.000Z") == 1);
    BOOST_TEST(domain::MinutesUntil("2026-11-22T10:21:00.000Z", "2026-11-22T10:20:30.000Z") == 0);
    domain::PinState s{"x", "", 0, "2026-11-22T10:20:30.000Z"};
    BOOST_TEST(domain::IsLocked(s, "2026-11-22T10:20:29.999Z"));
    BOOST_TEST(!domain::IsLocked(s, "2026-11-22T10:20:30.000Z"));
}

// Not a pass/fail bound on speed (CI machines vary): prints what one verification costs with the
// production iteration count, the figure kPinIterations was chosen from (~50 ms).
BOOST_AUTO_TEST_CASE(Pbkdf2Cost) {
    const std::string record = MakePbkdf2Record("4821", usecases::OperatorService::kPinIterations);
    constexpr int kRuns = 5;
    double best = 1e9, bestCpu = 1e9;  // wall clock, and CPU time (less disturbed on a busy machine)
    for (int i = 0; i < kRuns; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        BOOST_TEST(VerifyPbkdf2Record("4821", record));
        bestCpu = std::min(bestCpu, 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    BOOST_TEST_MESSAGE("PIN verification: " << usecases::OperatorService::kPinIterations << " iterations, " << best
                                            << " ms wall, " << bestCpu << " ms CPU (best of " << kRuns << ", SHA-256 "
                                            << (Sha256::HardwareAccelerated() ? "SHA-NI" : "portable") << ")");
    BOOST_TEST(best < 2000.0);
}

BOOST_AUTO_TEST_SUITE_END()
