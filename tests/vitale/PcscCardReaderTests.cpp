// The PC/SC adapter without a daemon: its error mapping, and a clean Start/Stop whatever the
// machine has (no daemon → ServiceLost then a prompt Stop). The real-daemon tests live with the
// virtual card tool.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "core/vitale/PcscCardReader.h"

using namespace vigie;
using namespace vigie::vitale;

namespace {

struct Recorder : ports::ICardReaderListener {
    std::mutex mutex;
    std::vector<ports::ReaderEvent> events;
    void OnReaderEvent(const ports::ReaderEvent& e) override {
        std::lock_guard lock(mutex);
        events.push_back(e);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(PcscCardReaderSuite)

BOOST_AUTO_TEST_CASE(ErrorMapping) {
    struct Case {
        long rv;
        bool duringRead;
        const char* code;
    };
    const Case cases[] = {
        {0x8010001D, false, "card.service"},   // SCARD_E_NO_SERVICE
        {0x8010001E, true, "card.service"},    // SCARD_E_SERVICE_STOPPED
        {0x80100013, true, "card.service"},    // SCARD_F_COMM_ERROR
        {0x8010000C, false, "card.absent"},    // SCARD_E_NO_SMARTCARD
        {0x8010000C, true, "card.removed"},
        {0x80100069, true, "card.removed"},    // SCARD_W_REMOVED_CARD
        {0x80100068, true, "card.removed"},    // SCARD_W_RESET_CARD
        {0x80100009, false, "card.reader"},    // SCARD_E_UNKNOWN_READER
        {0x8010002E, false, "card.reader"},    // SCARD_E_NO_READERS_AVAILABLE
        {0x8010000B, false, "card.busy"},      // SCARD_E_SHARING_VIOLATION
        {0x80100066, false, "card.unresponsive"},
        {0x80100004, false, "card.pcsc"},      // SCARD_E_INVALID_PARAMETER
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(std::hex << c.rv) { BOOST_TEST(CardErrorFromPcsc(c.rv, c.duringRead).Code() == c.code); }
    }
    BOOST_TEST(std::string(CardErrorFromPcsc(0x80100069, true).what()) == "carte retirée pendant la lecture");
    BOOST_TEST(std::string(CardErrorFromPcsc(0x80100004, false).what()).find("0x80100004") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(StartStopIsPromptAndIdempotent) {
    PcscOptions options;
    options.readerFilter = "Vigie-no-such-reader";  // whatever the host has, no reader matches
    options.pollInterval = std::chrono::milliseconds(200);
    options.backoffInitial = std::chrono::milliseconds(50);
    options.backoffMax = std::chrono::milliseconds(200);
    PcscCardReader reader(options);
    Recorder recorder;
    reader.Start(recorder);
    BOOST_CHECK_THROW(reader.Start(recorder), InternalError);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto before = std::chrono::steady_clock::now();
    reader.Stop();
    BOOST_TEST((std::chrono::steady_clock::now() - before < std::chrono::seconds(2)));
    reader.Stop();
    std::lock_guard lock(recorder.mutex);
    for (const auto& e : recorder.events) {
        // Only service events can come out of a filter that matches nothing.
        BOOST_TEST((e.type == ports::ReaderEvent::Type::ServiceLost || e.type == ports::ReaderEvent::Type::ServiceRestored));
    }
}

BOOST_AUTO_TEST_CASE(ReadsFailCleanlyWithoutTheReader) {
    PcscCardReader reader;
    try {
        reader.ReadVitale("Vigie-no-such-reader 00 00");
        BOOST_FAIL("a read without reader succeeded");
    } catch (const ports::CardError& e) {
        BOOST_TEST((e.Code() == "card.service" || e.Code() == "card.reader"), e.Code());
    }
}

BOOST_AUTO_TEST_SUITE_END()
