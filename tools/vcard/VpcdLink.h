#pragma once
// The TCP link to the vpcd driver of pcscd (vitale-pcsc.md §4): the card is the client; every
// message is a 2-byte big-endian length + payload. An open connection = a card in the reader.

#include <chrono>
#include <cstdint>
#include <string>

#include "tools/vcard/CardDescription.h"

namespace vigie::vcard {

class VpcdLink {
public:
    enum class Result { Message, Timeout, Closed };

    VpcdLink() = default;
    ~VpcdLink();
    VpcdLink(const VpcdLink&) = delete;
    VpcdLink& operator=(const VpcdLink&) = delete;

    // One attempt; false (and a French reason in `error`) when nothing listens.
    bool Connect(const std::string& host, std::uint16_t port, std::string& error);
    // Waits up to `timeout` for one whole message.
    Result Receive(Bytes& payload, std::chrono::milliseconds timeout);
    bool Send(const Bytes& payload);
    void Close();  // = card removed
    bool IsOpen() const { return m_fd >= 0; }

private:
    void QuickAck();
    int m_fd = -1;
    Bytes m_buffer;  // bytes received, not yet a whole message
};

}  // namespace vigie::vcard
