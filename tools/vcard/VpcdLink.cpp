#include "tools/vcard/VpcdLink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vigie::vcard {

VpcdLink::~VpcdLink() { Close(); }

bool VpcdLink::Connect(const std::string& host, std::uint16_t port, std::string& error) {
    Close();
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = std::string("socket : ") + std::strerror(errno);
        return false;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    if (::inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
        ::close(fd);
        error = "adresse invalide : " + host;
        return false;
    }
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        error = "connexion à " + host + ":" + std::to_string(port) + " impossible (" + std::strerror(errno) + ")";
        ::close(fd);
        return false;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    m_fd = fd;
    QuickAck();
    m_buffer.clear();
    return true;
}

VpcdLink::Result VpcdLink::Receive(Bytes& payload, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (m_fd < 0) return Result::Closed;
        if (m_buffer.size() >= 2) {
            const std::size_t length = (std::size_t{m_buffer[0]} << 8) | m_buffer[1];
            if (m_buffer.size() >= 2 + length) {
                payload.assign(m_buffer.begin() + 2, m_buffer.begin() + 2 + static_cast<std::ptrdiff_t>(length));
                m_buffer.erase(m_buffer.begin(), m_buffer.begin() + 2 + static_cast<std::ptrdiff_t>(length));
                return Result::Message;
            }
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return Result::Timeout;
        pollfd p{m_fd, POLLIN, 0};
        const int n = ::poll(&p, 1, static_cast<int>(left.count()));
        if (n < 0) {
            if (errno == EINTR) return Result::Timeout;  // let the caller look at its stop flag
            Close();
            return Result::Closed;
        }
        if (n == 0) return Result::Timeout;
        std::uint8_t chunk[4096];
        const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (got <= 0) {
            Close();
            return Result::Closed;
        }
        m_buffer.insert(m_buffer.end(), chunk, chunk + got);
        // vpcd (inside pcscd) writes a frame's 2-byte length and its body in two writes without
        // TCP_NODELAY: Nagle holds the body until the length is acknowledged, and Linux's delayed
        // ACK would wait up to 40 ms for data of ours to piggyback on. Quick ACKs (re-armed after
        // every read: the kernel clears the flag) remove that stall from every APDU.
        QuickAck();
    }
}

bool VpcdLink::Send(const Bytes& payload) {
    if (m_fd < 0 || payload.size() > 0xFFFF) return false;
    Bytes frame{static_cast<std::uint8_t>(payload.size() >> 8), static_cast<std::uint8_t>(payload.size() & 0xFF)};
    frame.insert(frame.end(), payload.begin(), payload.end());
    std::size_t sent = 0;
    while (sent < frame.size()) {
        const ssize_t n = ::send(m_fd, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            Close();
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

void VpcdLink::QuickAck() {
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
}

void VpcdLink::Close() {
    if (m_fd >= 0) {
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_fd = -1;
    }
    m_buffer.clear();
}

}  // namespace vigie::vcard
