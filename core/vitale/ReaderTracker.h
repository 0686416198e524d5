#pragma once
// The monitor's memory of readers and cards, turned into ports::ReaderEvent values. Pure, so the
// hot-plug and service-loss logic that vpcd cannot simulate (vitale-pcsc.md §4) is unit-tested
// without a daemon; PcscCardReader only feeds it what SCardListReaders / SCardGetStatusChange say.

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/ports/ICardReader.h"

namespace vigie::vitale {

class ReaderTracker {
public:
    // The current reader list (after every SCardGetStatusChange return). Removed readers first
    // (CardRemoved if a card was in, then ReaderRemoved), then added ones (ReaderAdded), in list order.
    std::vector<ports::ReaderEvent> OnReaders(const std::vector<std::string>& readers);

    // A reader's state. `eventCounter` is pcsc-lite's card event count (high word of
    // dwEventState): a change while present both times means the card was swapped between two
    // calls, reported as CardRemoved then CardInserted. Unknown readers are ignored.
    std::vector<ports::ReaderEvent> OnCardState(const std::string& reader, bool present, std::uint16_t eventCounter,
                                                std::span<const std::uint8_t> atr);

    // The daemon is gone: every card and reader is reported removed after ServiceLost (once), so
    // that the state a listener rebuilds after ServiceRestored starts from nothing.
    std::vector<ports::ReaderEvent> OnServiceLost();
    // The context is back: ServiceRestored if ServiceLost was reported, else nothing.
    std::vector<ports::ReaderEvent> OnServiceUp();

    bool HasCard(const std::string& reader) const;
    bool IsServiceLost() const { return m_serviceLost; }

private:
    struct Slot {
        bool present = false;
        std::uint16_t eventCounter = 0;
    };
    std::map<std::string, Slot> m_slots;
    std::vector<std::string> m_order;  // reader names in list order, for stable event order
    bool m_serviceLost = false;
};

}  // namespace vigie::vitale
