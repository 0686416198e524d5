#pragma once
// One insertion of a virtual card: connects to the vpcd reader (= inserts), answers the driver's
// controls (0 power off, 1 power on, 2 reset, 4 send the ATR) and the C-APDUs through
// VitaleApplet, until stopped, the hold time elapses or the removal fault fires (closing the
// socket = removing the card). When pcscd goes away the card stays "in the reader": the
// session reconnects as soon as the driver listens again.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "tools/vcard/CardDescription.h"

namespace vigie::vcard {

struct SessionOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 35963;
    bool verbose = false;
    std::chrono::milliseconds connectTimeout{10000};  // first insertion only
    std::optional<std::chrono::steady_clock::time_point> removeAt;  // --hold
};

class CardSession {
public:
    enum class Outcome { Stopped, HoldElapsed, FaultRemoved, NoReader };

    CardSession(CardDescription card, SessionOptions options);
    Outcome Run(const std::atomic<bool>& stop);

private:
    CardDescription m_card;
    SessionOptions m_options;
};

}  // namespace vigie::vcard
