// ATR → card kind (vitale-pcsc.md §2): the table decides whether any APDU is ever sent.
#include <boost/test/unit_test.hpp>

#include "core/vitale/AtrClassifier.h"

// CardKind has no operator<< (the core needs none): failures print CardKindCode in contexts instead.
BOOST_TEST_DONT_PRINT_LOG_VALUE(vigie::ports::CardKind)

using namespace vigie;
using namespace vigie::vitale;
using ports::CardKind;

BOOST_AUTO_TEST_SUITE(AtrClassifierSuite)

BOOST_AUTO_TEST_CASE(ClassificationTable) {
    struct Case {
        const char* atr;
        CardKind kind;
    };
    const Case cases[] = {
        {"3B 75 13 00 00 45 09 EA 90 00", CardKind::Vitale2},
        {"3B 75 13 00 00 47 09 EA 90 00", CardKind::Vitale2},
        {"3B 75 13 00 00 40 09 EA 90 00", CardKind::Vitale2},
        {"3B 75 13 00 00 45 09 FA 90 00", CardKind::Vitale2},
        {"3b7513000044 09ea9000", CardKind::Vitale2},
        {"3B:75:13:00:00:45:09:EA:90:00", CardKind::Vitale2},
        {"3B 75 13 00 00 55 09 EA 90 00", CardKind::Unknown},     // x must be in 4x
        {"3B 75 13 00 00 45 09 EB 90 00", CardKind::Unknown},
        {"3B 75 13 00 00 45 09 EA 90 00 00", CardKind::Unknown},  // one byte too many
        {"3B 75 13 00 00 45 09 EA 90", CardKind::Unknown},
        {"3B 75 13 00 00 45 09 EA 6A 82", CardKind::Unknown},
        {"3F 65 25 00 2C 09 69 90 00", CardKind::Vitale1},
        {"3F 65 25 08 22 04 68 90 00", CardKind::Vitale1},
        {"3B AC 00 40 2A 00 12 25 00 64 80 00 03 10 00 90 00", CardKind::Cps},
        {"3B AC 00 40 2A", CardKind::Cps},
        {"3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A", CardKind::Unknown},  // a contactless card
        {"", CardKind::Unknown},
        {"3B 7", CardKind::Unknown},
        {"ZZ", CardKind::Unknown},
        {"3 B75", CardKind::Unknown},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.atr) { BOOST_TEST(CardKindCode(ClassifyAtrHex(c.atr)) == CardKindCode(c.kind)); }
    }
}

BOOST_AUTO_TEST_CASE(HexRoundTrip) {
    const std::vector<std::uint8_t> atr{0x3B, 0x75, 0x13, 0x00, 0x00, 0x45, 0x09, 0xEA, 0x90, 0x00};
    BOOST_TEST(AtrToHex(atr) == "3B 75 13 00 00 45 09 EA 90 00");
    BOOST_TEST(AtrFromHex("3b 75 13 00 00 45 09 ea 90 00").value() == atr);
    BOOST_TEST(AtrToHex({}).empty());
    BOOST_TEST(!AtrFromHex("3B 7").has_value());
    BOOST_TEST(ClassifyAtr(atr) == CardKind::Vitale2);
}

BOOST_AUTO_TEST_SUITE_END()
