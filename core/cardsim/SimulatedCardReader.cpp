#include "core/cardsim/SimulatedCardReader.h"

namespace vigie::cardsim {

using ports::ReaderEvent;

SimulatedCardReader::~SimulatedCardReader() { Stop(); }

void SimulatedCardReader::Start(ports::ICardReaderListener& listener) {
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable()) return;
    m_listener = &listener;
    m_stop = false;
    // The reader is announced first, before a card inserted ahead of Start().
    m_queue.push_front(ReaderEvent{ReaderEvent::Type::ReaderAdded, kReaderName, "", ports::CardKind::Unknown});
    m_thread = std::thread([this] { Loop(); });
}

void SimulatedCardReader::Stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

std::vector<std::string> SimulatedCardReader::Readers() { return {kReaderName}; }

void SimulatedCardReader::Post(ReaderEvent event) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(event));
    }
    m_wake.notify_all();
}

void SimulatedCardReader::Insert(const CardFile& card) {
    {
        std::lock_guard lock(m_mutex);
        m_card = card;
    }
    Post(ReaderEvent{ReaderEvent::Type::CardInserted, kReaderName, card.card.atr, card.kind});
}

void SimulatedCardReader::Remove() {
    {
        std::lock_guard lock(m_mutex);
        m_card.reset();
    }
    Post(ReaderEvent{ReaderEvent::Type::CardRemoved, kReaderName, "", ports::CardKind::Unknown});
}

ports::CarteVitale SimulatedCardReader::ReadVitale(const std::string& reader) {
    std::lock_guard lock(m_mutex);
    if (reader != kReaderName) throw ports::CardError("card.reader", "Lecteur inconnu : « " + reader + " ».");
    if (!m_card) throw ports::CardError("card.absent", "Aucune carte dans le lecteur.");
    switch (m_card->kind) {
        case ports::CardKind::Vitale2: return m_card->card;
        case ports::CardKind::Vitale1:
            throw ports::CardError("card.vitale1", "Carte Vitale 1 : lecture non prise en charge.");
        case ports::CardKind::Cps: throw ports::CardError("card.cps", "Carte CPS : ce n'est pas une carte Vitale.");
        case ports::CardKind::Unknown: break;
    }
    throw ports::CardError("card.unknown", "Carte non reconnue (ATR " + m_card->card.atr + ").");
}

void SimulatedCardReader::Loop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_stop) return;
        ReaderEvent e = std::move(m_queue.front());
        m_queue.pop_front();
        auto* listener = m_listener;
        lock.unlock();
        listener->OnReaderEvent(e);  // outside the lock: the listener may call ReadVitale
        lock.lock();
    }
}

}  // namespace vigie::cardsim
