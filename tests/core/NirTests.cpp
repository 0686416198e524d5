// NIR / NIA key and structure, INS OIDs (identity-rules.md §7).

#include "core/domain/Nir.h"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

namespace bdata = boost::unit_test::data;
using vigie::domain::CheckNir;
using vigie::domain::ClassifyOid;
using vigie::domain::ComputeNirKey;
using vigie::domain::InsOidKind;
using vigie::domain::IsTestOrDemoOid;
using vigie::domain::NirCheck;
using vigie::domain::OidNature;

namespace {

bool Contains(const std::string& text, const std::string& fragment) {
    return text.find(fragment) != std::string::npos;
}

std::string TwoDigitKey(int key) { return (key < 10 ? "0" : "") + std::to_string(key); }

// A NIR with a valid key, so a test can isolate one structural fault.
std::string WithKey(const std::string& first13) { return first13 + TwoDigitKey(ComputeNirKey(first13).value()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(Nir)

// Worked examples of the spec, the CNDA personas and the NIA example.
const char* const kFirst13[] = {"2550814168025", "1780599330108", "2890478342212", "289042A342163",
                                "289042B342163", "2790351215189", "297022A020778", "160012B020777",
                                "1090763220834", "1090763220888", "2600956520124", "2360663220836"};
const int kKeys[] = {38, 17, 97, 90, 20, 89, 78, 13, 89, 35, 44, 56};

BOOST_DATA_TEST_CASE(KeyOfWorkedExamples, bdata::make(kFirst13) ^ bdata::make(kKeys), first13, key) {
    const std::optional<int> computed = ComputeNirKey(first13);
    BOOST_TEST_REQUIRE(computed.has_value());
    BOOST_TEST(*computed == key);

    const std::string full = std::string(first13) + TwoDigitKey(key);
    const NirCheck check = CheckNir(full);
    BOOST_TEST(check.ok, check.message);
    BOOST_TEST(check.value == full);
    BOOST_TEST(check.message.empty());
    BOOST_TEST(check.expectedKey.value_or(-1) == key);
}

BOOST_AUTO_TEST_CASE(ComputeKeyRejectsMalformedInput) {
    BOOST_TEST(!ComputeNirKey("").has_value());
    BOOST_TEST(!ComputeNirKey("255081416802").has_value());    // 12
    BOOST_TEST(!ComputeNirKey("25508141680253").has_value());  // 14
    BOOST_TEST(!ComputeNirKey("25508X4168025").has_value());
    BOOST_TEST(!ComputeNirKey("289043A342163").has_value());  // A after 3: not Corsica
    BOOST_TEST(!ComputeNirKey("28904A2342163").has_value());  // letter at position 6
    BOOST_TEST(!ComputeNirKey("289042C342163").has_value());
    BOOST_TEST(ComputeNirKey("289042a342163").value_or(-1) == 90);  // lower-case Corsica tolerated
}

BOOST_AUTO_TEST_CASE(WrongKeyIsReportedWithTheExpectedOne) {
    // The seed's Datamatrix example: printed key 81, correct key 44.
    const NirCheck check = CheckNir("260095652012481");
    BOOST_TEST(!check.ok);
    BOOST_TEST(check.expectedKey.value_or(-1) == 44);
    BOOST_TEST(check.message == "Clé incorrecte : 44 attendue, 81 saisie");
    BOOST_TEST(check.value == "260095652012481");  // structurally fine, only the key is wrong

    // CNDA 2.08 cas 2: the test file's keys are not mod-97 valid; flagged, not a crash.
    const NirCheck cnda = CheckNir("181036322045660");
    BOOST_TEST(!cnda.ok);
    BOOST_TEST(cnda.expectedKey.value_or(-1) == 76);
    const NirCheck zero = CheckNir("255081416802500");
    BOOST_TEST(!zero.ok);
    BOOST_TEST(zero.expectedKey.value_or(-1) == 38);
}

BOOST_AUTO_TEST_CASE(ThirteenCharactersPlusSeparateKey) {
    const NirCheck check = CheckNir("2550814168025", std::string_view("38"));
    BOOST_TEST(check.ok, check.message);
    BOOST_TEST(check.value == "255081416802538");

    const NirCheck corsica = CheckNir("2 89 04 2a 342 163", std::string_view(" 90 "));
    BOOST_TEST(corsica.ok, corsica.message);
    BOOST_TEST(corsica.value == "289042A34216390");

    const NirCheck wrong = CheckNir("2550814168025", std::string_view("39"));
    BOOST_TEST(!wrong.ok);
    BOOST_TEST(wrong.expectedKey.value_or(-1) == 38);

    const NirCheck shortKey = CheckNir("2550814168025", std::string_view("3"));
    BOOST_TEST(!shortKey.ok);
    BOOST_TEST(shortKey.expectedKey.value_or(-1) == 38);

    BOOST_TEST(!CheckNir("255081416802538", std::string_view("38")).ok);  // key given twice
    BOOST_TEST(!CheckNir("2550814168025", std::string_view("3X")).ok);

    // Thirteen characters alone: the key is missing, and the message helps.
    const NirCheck missing = CheckNir("2550814168025");
    BOOST_TEST(!missing.ok);
    BOOST_TEST(Contains(missing.message, "Clé manquante"));
    BOOST_TEST(missing.expectedKey.value_or(-1) == 38);
}

BOOST_AUTO_TEST_CASE(SpacesAndLowerCaseAreAccepted) {
    for (const char* spaced : {"2 55 08 14 168 025 38", " 255081416802538 ", "2\t55 08 14 168 025 38",
                               "2\u00A055\u00A008\u00A014\u00A0168\u00A0025\u00A038", "2\u202F55 0814168025 38"}) {
        const NirCheck check = CheckNir(spaced);
        BOOST_TEST(check.ok, spaced << ": " << check.message);
        BOOST_TEST(check.value == "255081416802538");
    }
    const NirCheck corsicaA = CheckNir("2 89 04 2a 342 163 90");
    BOOST_TEST(corsicaA.ok, corsicaA.message);
    BOOST_TEST(corsicaA.value == "289042A34216390");
    BOOST_TEST(CheckNir("289042b34216320").value == "289042B34216320");
}

BOOST_AUTO_TEST_CASE(BadLength) {
    for (const char* bad : {"", "2", "25508141680", "25508141680253", "2550814168025380"}) {
        const NirCheck check = CheckNir(bad);
        BOOST_TEST(!check.ok, bad);
        BOOST_TEST(check.value.empty());
        BOOST_TEST(!check.message.empty());
    }
    BOOST_TEST(Contains(CheckNir("12345").message, "Longueur incorrecte : 15 caractères attendus, 5 reçus"));
}

BOOST_AUTO_TEST_CASE(LettersOnlyAsCorsicanDepartment) {
    const NirCheck letter = CheckNir("2550X1416802538");
    BOOST_TEST(!letter.ok);
    BOOST_TEST(letter.message == "Lettre non autorisée « X » en position 5 (seuls 2A et 2B, département de "
                                 "Corse, sont admis)");
    BOOST_TEST(!CheckNir("289043A34216390").ok);  // 3A
    BOOST_TEST(!CheckNir("28904A234216390").ok);  // A at position 6
    BOOST_TEST(!CheckNir("289042C34216390").ok);  // 2C
    BOOST_TEST(!CheckNir("28904216342163A").ok);  // letter in the key
    const NirCheck symbol = CheckNir("2550814-6802538");
    BOOST_TEST(!symbol.ok);
    BOOST_TEST(symbol.message == "Caractère non autorisé « - » en position 8");
    BOOST_TEST(!CheckNir("2550814é6802538").ok);
}

const char* const kGoodSexAndMonth[] = {"1550814168025", "2550814168025", "3550814168025", "4550814168025",
                                        "7550814168025", "8550814168025", "2552014168025", "2553014168025",
                                        "2553514168025", "2554214168025", "2555014168025", "2559914168025",
                                        "2550114168025", "2551214168025"};

BOOST_DATA_TEST_CASE(AcceptedSexDigitsAndMonths, bdata::make(kGoodSexAndMonth), first13) {
    const NirCheck check = CheckNir(WithKey(first13));
    BOOST_TEST(check.ok, check.message);
}

const char* const kBadSex[] = {"0550814168025", "5550814168025", "6550814168025", "9550814168025"};

BOOST_DATA_TEST_CASE(BadSexDigit, bdata::make(kBadSex), first13) {
    const NirCheck check = CheckNir(WithKey(first13));
    BOOST_TEST(!check.ok);
    BOOST_TEST(Contains(check.message, "sexe"), check.message);
}

const char* const kBadMonth[] = {"2550014168025", "2551314168025", "2551914168025", "2552114168025",
                                 "2552914168025", "2554314168025", "2554914168025"};

BOOST_DATA_TEST_CASE(BadMonth, bdata::make(kBadMonth), first13) {
    const NirCheck check = CheckNir(WithKey(first13));
    BOOST_TEST(!check.ok);
    BOOST_TEST(Contains(check.message, "Mois incorrect"), check.message);
}

BOOST_AUTO_TEST_CASE(NeverThrows) {
    const std::string withNul("25508\0" "416802538", 15);
    const std::string longInput(10000, '9');
    for (const std::string& input : {withNul, longInput, std::string("\xFF\xFE\xFD"), std::string("2A2B2A2B2A2B2A2"),
                                     std::string("          "), std::string("\xC2")}) {
        BOOST_CHECK_NO_THROW(CheckNir(input));
        BOOST_TEST(!CheckNir(input).ok);
        BOOST_CHECK_NO_THROW(CheckNir(input, input));
        BOOST_CHECK_NO_THROW(ComputeNirKey(input));
    }
}

// ---- OIDs ----------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(OidClassification) {
    BOOST_TEST((ClassifyOid("1.2.250.1.213.1.4.8") == InsOidKind::Nir));
    BOOST_TEST((ClassifyOid("1.2.250.1.213.1.4.9") == InsOidKind::Nia));
    BOOST_TEST((ClassifyOid("1.2.250.1.213.1.4.10") == InsOidKind::NirTest));
    BOOST_TEST((ClassifyOid("1.2.250.1.213.1.4.11") == InsOidKind::NirDemo));
    BOOST_TEST((ClassifyOid(" urn:oid:1.2.250.1.213.1.4.8 ") == InsOidKind::Nir));
    BOOST_TEST((ClassifyOid("1.2.250.1.213.1.4.1") == InsOidKind::Unknown));
    BOOST_TEST((ClassifyOid("1.2.250.1.213.1.4.80") == InsOidKind::Unknown));
    BOOST_TEST((ClassifyOid("") == InsOidKind::Unknown));
}

BOOST_AUTO_TEST_CASE(TestAndDemoOidsAreFlagged) {
    BOOST_TEST(IsTestOrDemoOid("1.2.250.1.213.1.4.10"));
    BOOST_TEST(IsTestOrDemoOid("1.2.250.1.213.1.4.11"));
    BOOST_TEST(!IsTestOrDemoOid("1.2.250.1.213.1.4.8"));
    BOOST_TEST(!IsTestOrDemoOid("1.2.250.1.213.1.4.9"));
    BOOST_TEST(!IsTestOrDemoOid("garbage"));
}

BOOST_AUTO_TEST_CASE(OidNatureForDisplay) {
    BOOST_TEST(OidNature("1.2.250.1.213.1.4.8") == "NIR");
    BOOST_TEST(OidNature("1.2.250.1.213.1.4.9") == "NIA");
    BOOST_TEST(OidNature("1.2.250.1.213.1.4.10") == "NIR");
    BOOST_TEST(OidNature("1.2.250.1.213.1.4.11") == "NIR");
    BOOST_TEST(OidNature("1.2.3").empty());
}

BOOST_AUTO_TEST_SUITE_END()
