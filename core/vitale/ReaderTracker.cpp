#include "core/vitale/ReaderTracker.h"

#include <algorithm>

#include "core/vitale/AtrClassifier.h"

namespace vigie::vitale {
namespace {

ports::ReaderEvent Event(ports::ReaderEvent::Type type, const std::string& reader) {
    ports::ReaderEvent e;
    e.type = type;
    e.reader = reader;
    return e;
}

}  // namespace

std::vector<ports::ReaderEvent> ReaderTracker::OnReaders(const std::vector<std::string>& readers) {
    std::vector<ports::ReaderEvent> events;
    for (const std::string& known : m_order) {
        if (std::find(readers.begin(), readers.end(), known) != readers.end()) continue;
        if (m_slots[known].present) events.push_back(Event(ports::ReaderEvent::Type::CardRemoved, known));
        events.push_back(Event(ports::ReaderEvent::Type::ReaderRemoved, known));
        m_slots.erase(known);
    }
    std::erase_if(m_order, [&](const std::string& r) { return !m_slots.contains(r); });
    for (const std::string& reader : readers) {
        if (m_slots.contains(reader)) continue;
        m_slots.emplace(reader, Slot{});
        m_order.push_back(reader);
        events.push_back(Event(ports::ReaderEvent::Type::ReaderAdded, reader));
    }
    return events;
}

std::vector<ports::ReaderEvent> ReaderTracker::OnCardState(const std::string& reader, bool present,
                                                           std::uint16_t eventCounter,
                                                           std::span<const std::uint8_t> atr) {
    std::vector<ports::ReaderEvent> events;
    const auto it = m_slots.find(reader);
    if (it == m_slots.end()) return events;
    Slot& slot = it->second;
    const bool swapped = slot.present && present && eventCounter != slot.eventCounter;
    if (slot.present && (!present || swapped)) events.push_back(Event(ports::ReaderEvent::Type::CardRemoved, reader));
    if (present && (!slot.present || swapped)) {
        ports::ReaderEvent e = Event(ports::ReaderEvent::Type::CardInserted, reader);
        e.atr = AtrToHex(atr);
        e.kind = ClassifyAtr(atr);
        events.push_back(std::move(e));
    }
    slot.present = present;
    slot.eventCounter = eventCounter;
    return events;
}

std::vector<ports::ReaderEvent> ReaderTracker::OnServiceLost() {
    std::vector<ports::ReaderEvent> events;
    if (m_serviceLost) return events;
    m_serviceLost = true;
    events.push_back(Event(ports::ReaderEvent::Type::ServiceLost, ""));
    std::vector<ports::ReaderEvent> removals = OnReaders({});
    events.insert(events.end(), removals.begin(), removals.end());
    return events;
}

std::vector<ports::ReaderEvent> ReaderTracker::OnServiceUp() {
    std::vector<ports::ReaderEvent> events;
    if (!m_serviceLost) return events;
    m_serviceLost = false;
    events.push_back(Event(ports::ReaderEvent::Type::ServiceRestored, ""));
    return events;
}

bool ReaderTracker::HasCard(const std::string& reader) const {
    const auto it = m_slots.find(reader);
    return it != m_slots.end() && it->second.present;
}

}  // namespace vigie::vitale
