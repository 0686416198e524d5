#pragma once
// An in-process card reader (ports::ICardReader) for the demo without pcscd and for unit tests:
// one virtual reader, « Lecteur simulé », whose card is inserted and removed by calls (or a
// script). Events are delivered on its own monitor thread, like a real reader's.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "core/cardsim/CardFile.h"

namespace vigie::cardsim {

class SimulatedCardReader final : public ports::ICardReader {
public:
    static constexpr const char* kReaderName = "Lecteur simulé";
    SimulatedCardReader() = default;
    ~SimulatedCardReader() override;

    void Start(ports::ICardReaderListener& listener) override;
    void Stop() override;
    std::vector<std::string> Readers() override;
    ports::CarteVitale ReadVitale(const std::string& reader) override;

    void Insert(const CardFile& card);
    void Remove();

private:
    void Post(ports::ReaderEvent event);
    void Loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<ports::ReaderEvent> m_queue;
    std::optional<CardFile> m_card;
    ports::ICardReaderListener* m_listener = nullptr;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace vigie::cardsim
