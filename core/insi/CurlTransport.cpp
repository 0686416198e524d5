#include "core/insi/CurlTransport.h"

#include <curl/curl.h>

#include <mutex>
#include <vector>

#include "core/ports/IInsiService.h"

namespace vigie::insi {

using ports::InsiError;

namespace {

std::once_flag g_curlInit;

struct Sink {
    std::string data;
    std::size_t max = 0;
    bool overflow = false;
};

std::size_t Write(char* ptr, std::size_t size, std::size_t n, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const std::size_t bytes = size * n;
    if (sink->data.size() + bytes > sink->max) {
        sink->overflow = true;
        return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
    }
    sink->data.append(ptr, bytes);
    return bytes;
}

[[noreturn]] void Fail(CURLcode rc, const char* detail, const Sink& sink, long timeoutMs) {
    const std::string d = (detail && *detail) ? detail : curl_easy_strerror(rc);
    switch (rc) {
        case CURLE_OPERATION_TIMEDOUT:
            throw InsiError("insi.timeout", "Le téléservice INSi n'a pas répondu dans le délai (" +
                                                std::to_string(timeoutMs) + " ms).", true);
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
            throw InsiError("insi.unreachable", "Téléservice INSi injoignable (" + d + ").", true);
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
            throw InsiError("insi.tls_server",
                            "Le serveur INSi n'a pas été reconnu (certificat non approuvé ou nom incorrect) : connexion "
                            "refusée. Détail : " + d, false);
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_ENGINE_INITFAILED:
            throw InsiError("insi.tls_client",
                            "Certificat de la pharmacie illisible ou mot de passe incorrect. Détail : " + d, false);
        case CURLE_SSL_CONNECT_ERROR:
            throw InsiError("insi.tls_handshake",
                            "Échec de la connexion sécurisée avec le téléservice INSi (certificat de la pharmacie "
                            "refusé ?). Détail : " + d, false);
        case CURLE_WRITE_ERROR:
            if (sink.overflow)
                throw InsiError("insi.too_large", "Réponse INSi anormalement volumineuse : abandonnée.", false);
            break;
        case CURLE_UNSUPPORTED_PROTOCOL:
            throw InsiError("insi.protocol", "Adresse du téléservice INSi non HTTPS : refusée.", false);
        default:
            break;
    }
    throw InsiError("insi.network", "Erreur réseau avec le téléservice INSi : " + d, true);
}

}  // namespace

struct CurlTransport::Impl {
    TransportOptions options;
    std::mutex mutex;
    std::vector<CURL*> idle;  // handles keep their connections alive between calls

    CURL* Take() {
        {
            std::lock_guard lock(mutex);
            if (!idle.empty()) {
                CURL* h = idle.back();
                idle.pop_back();
                return h;
            }
        }
        CURL* h = curl_easy_init();
        if (!h) throw InsiError("insi.internal", "Initialisation libcurl impossible.", false);
        return h;
    }
    void Give(CURL* h) {
        std::lock_guard lock(mutex);
        idle.push_back(h);
    }
};

CurlTransport::CurlTransport(TransportOptions options) : m_impl(std::make_unique<Impl>()) {
    std::call_once(g_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_impl->options = std::move(options);
}

CurlTransport::~CurlTransport() {
    for (CURL* h : m_impl->idle) curl_easy_cleanup(h);
}

HttpResponse CurlTransport::Post(const std::string& url, const TlsIdentity& identity, std::string_view contentType,
                                 const std::string& body) {
    const TransportOptions& o = m_impl->options;
    CURL* h = m_impl->Take();
    struct Return {  // the handle goes back to the pool whatever happens
        Impl& impl;
        CURL* h;
        ~Return() { impl.Give(h); }
    } giveBack{*m_impl, h};
    curl_easy_reset(h);  // keeps live connections and the TLS session cache

    Sink sink;
    sink.max = o.maxResponseBytes;
    char errbuf[CURL_ERROR_SIZE] = {0};
    const std::string contentTypeHeader = "Content-Type: " + std::string(contentType);
    curl_slist* headers = curl_slist_append(nullptr, contentTypeHeader.c_str());
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    struct FreeHeaders {
        curl_slist* h;
        ~FreeHeaders() { curl_slist_free_all(h); }
    } freeHeaders{headers};

    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &Write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, o.connectTimeoutMs);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, o.timeoutMs);
    // Server authentication: never disabled.
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!o.caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, o.caFile.c_str());
    // Client authentication: the pharmacy's organisation certificate.
    curl_easy_setopt(h, CURLOPT_SSLCERT, identity.certFile.c_str());
    curl_easy_setopt(h, CURLOPT_SSLCERTTYPE, identity.p12 ? "P12" : "PEM");
    if (!identity.keyFile.empty()) curl_easy_setopt(h, CURLOPT_SSLKEY, identity.keyFile.c_str());
    if (!identity.password.empty()) curl_easy_setopt(h, CURLOPT_KEYPASSWD, identity.password.c_str());

    const CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK) Fail(rc, errbuf, sink, o.timeoutMs);

    HttpResponse r;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
    char* type = nullptr;
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type);
    if (type) r.contentType = type;
    r.body = std::move(sink.data);
    return r;
}

}  // namespace vigie::insi
