#pragma once
// HTTPS POST over libcurl + OpenSSL with mutual TLS (insi.md §3). Verification of the server is
// always on (peer and host name), TLS ≥ 1.2, HTTPS only, no redirects, bounded answer size,
// connect and total timeouts. Connections are kept and reused through a pool of easy handles.
// libcurl stays behind the pimpl. Thread-safe: Post() may run on several threads at once.

#include <memory>
#include <string>
#include <string_view>

#include "core/insi/InsiSettings.h"

namespace vigie::insi {

struct HttpResponse {
    long status = 0;
    std::string contentType;
    std::string body;
};

struct TransportOptions {
    std::string caFile;
    long connectTimeoutMs = 3000;
    long timeoutMs = 10000;
    std::size_t maxResponseBytes = 256 * 1024;
};

class CurlTransport {
public:
    explicit CurlTransport(TransportOptions options);
    ~CurlTransport();
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    // Throws ports::InsiError: "insi.timeout" / "insi.unreachable" / "insi.network" (transient),
    // "insi.tls_server" (server not trusted / wrong name), "insi.tls_client" (our certificate
    // refused or unreadable), "insi.too_large" (answer over the cap).
    HttpResponse Post(const std::string& url, const TlsIdentity& identity, std::string_view contentType,
                      const std::string& body);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace vigie::insi
