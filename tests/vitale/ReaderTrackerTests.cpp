// The monitor's bookkeeping (what vpcd cannot simulate: hot-plug, swaps, daemon loss), fed the
// way PcscCardReader feeds it.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/vitale/ReaderTracker.h"

// CardKind has no operator<< (the core needs none): failures print CardKindCode in contexts instead.
BOOST_TEST_DONT_PRINT_LOG_VALUE(vigie::ports::CardKind)

using namespace vigie;
using namespace vigie::vitale;
using Type = ports::ReaderEvent::Type;

namespace {

const std::vector<std::uint8_t> kVitale2Atr{0x3B, 0x75, 0x13, 0x00, 0x00, 0x45, 0x09, 0xEA, 0x90, 0x00};
const std::vector<std::uint8_t> kCpsAtr{0x3B, 0xAC, 0x00, 0x40, 0x2A, 0x00};

std::string Codes(const std::vector<ports::ReaderEvent>& events) {
    std::string out;
    for (const auto& e : events) {
        if (!out.empty()) out += ',';
        out += std::string(ports::EventTypeCode(e.type)) + ":" + e.reader;
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReaderTrackerSuite)

BOOST_AUTO_TEST_CASE(TwoSlotReaderAppearsAsTwoReaders) {
    ReaderTracker t;
    BOOST_TEST(Codes(t.OnReaders({"Dual 00 00", "Dual 00 01"})) ==
               "reader_added:Dual 00 00,reader_added:Dual 00 01");
    BOOST_TEST(Codes(t.OnReaders({"Dual 00 00", "Dual 00 01"})).empty());
    const auto cps = t.OnCardState("Dual 00 00", true, 1, kCpsAtr);
    const auto vitale = t.OnCardState("Dual 00 01", true, 1, kVitale2Atr);
    BOOST_REQUIRE_EQUAL(cps.size(), 1u);
    BOOST_TEST(cps[0].kind == ports::CardKind::Cps);
    BOOST_REQUIRE_EQUAL(vitale.size(), 1u);
    BOOST_TEST((vitale[0].type == Type::CardInserted));
    BOOST_TEST(vitale[0].kind == ports::CardKind::Vitale2);
    BOOST_TEST(vitale[0].atr == "3B 75 13 00 00 45 09 EA 90 00");
    BOOST_TEST(t.HasCard("Dual 00 01"));
}

BOOST_AUTO_TEST_CASE(InsertRemoveAndSwap) {
    ReaderTracker t;
    t.OnReaders({"R"});
    BOOST_TEST(Codes(t.OnCardState("R", false, 0, {})).empty());
    BOOST_TEST(Codes(t.OnCardState("R", true, 1, kVitale2Atr)) == "card_inserted:R");
    BOOST_TEST(Codes(t.OnCardState("R", true, 1, kVitale2Atr)).empty());  // e.g. INUSE toggled
    BOOST_TEST(Codes(t.OnCardState("R", true, 3, kCpsAtr)) == "card_removed:R,card_inserted:R");
    BOOST_TEST(Codes(t.OnCardState("R", false, 4, {})) == "card_removed:R");
    BOOST_TEST(Codes(t.OnCardState("Unknown", true, 1, kVitale2Atr)).empty());
}

BOOST_AUTO_TEST_CASE(HotUnplugWithCardInside) {
    ReaderTracker t;
    t.OnReaders({"A", "B"});
    t.OnCardState("A", true, 1, kVitale2Atr);
    BOOST_TEST(Codes(t.OnReaders({"B", "C"})) == "card_removed:A,reader_removed:A,reader_added:C");
    BOOST_TEST(Codes(t.OnReaders({})) == "reader_removed:B,reader_removed:C");
    BOOST_TEST(Codes(t.OnReaders({"A"})) == "reader_added:A");
    BOOST_TEST(!t.HasCard("A"));
}

BOOST_AUTO_TEST_CASE(ServiceLostAndRestored) {
    ReaderTracker t;
    BOOST_TEST(Codes(t.OnServiceUp()).empty());  // first context: nothing was lost
    t.OnReaders({"A"});
    t.OnCardState("A", true, 1, kVitale2Atr);
    BOOST_TEST(Codes(t.OnServiceLost()) == "service_lost:,card_removed:A,reader_removed:A");
    BOOST_TEST(t.IsServiceLost());
    BOOST_TEST(Codes(t.OnServiceLost()).empty());  // back-off retries stay silent
    BOOST_TEST(Codes(t.OnServiceUp()) == "service_restored:");
    BOOST_TEST(Codes(t.OnReaders({"A"})) == "reader_added:A");
    BOOST_TEST(Codes(t.OnCardState("A", true, 1, kVitale2Atr)) == "card_inserted:A");
}

BOOST_AUTO_TEST_SUITE_END()
