#include "tools/insi-sim/SimServer.h"

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/domain/Errors.h"

namespace vigie::sim {

namespace {

constexpr const char* kSessionContext = "vigie-insi-sim";

std::string PeerCommonName(const SSL* ssl) {
    X509* cert = ssl == nullptr ? nullptr : SSL_get0_peer_certificate(ssl);
    if (cert == nullptr) {
        return {};
    }
    X509_NAME* subject = X509_get_subject_name(cert);
    const int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (index < 0) {
        return {};
    }
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index)));
    if (length < 0) {
        return {};
    }
    std::string cn(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return cn;
}

// A wait that Stop() cuts short.
class StopSignal {
public:
    // True when the whole delay elapsed, false when stopped first.
    bool WaitFor(std::chrono::milliseconds delay) {
        std::unique_lock lock(m_mutex);
        return !m_cv.wait_for(lock, delay, [this] { return m_stopped; });
    }
    void Trigger() {
        {
            std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_cv.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stopped = false;
};

}  // namespace

class SimServer::Impl {
public:
    Impl(ServerOptions options, InsiSimService& service, SimControl& control, SimStats& stats)
        : m_options(std::move(options)), m_service(service), m_control(control), m_stats(stats),
          m_server([this](SSL_CTX& ctx) { return SetupTls(ctx); }) {
        if (!m_server.is_valid()) {
            throw EnvironmentError("sim.tls", "cannot set up TLS from " + m_options.pkiDir.string() + ": " + m_tlsError);
        }
        const std::size_t threads = m_options.threads;
        m_server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        m_server.set_socket_options([](socket_t sock) {
            // SO_REUSEADDR only: the library default also sets SO_REUSEPORT, which would let two
            // simulators share a port silently.
            int yes = 1;
            ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        });
        m_server.set_tcp_nodelay(true);  // headers and body are separate writes: no 40 ms Nagle stall
        m_server.set_keep_alive_timeout(2);  // bounds how long an idle connection delays shutdown
        m_server.set_read_timeout(10, 0);
        m_server.set_payload_max_length(1024 * 1024);
        m_server.Post("/lps", [this](const httplib::Request& req, httplib::Response& res) { HandleLps(req, res); });
        m_server.Post("/_sim/control",
                      [this](const httplib::Request& req, httplib::Response& res) { HandleControl(req, res); });
        m_server.Get("/_sim/control", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(m_control.ToJson(), "application/json");
        });
        m_server.Get("/_sim/stats", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(m_stats.ToJson(), "application/json");
        });
        m_server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown error";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            res.status = 500;
            res.set_content("simulator internal error: " + what + "\n", "text/plain; charset=utf-8");
        });
    }

    bool SetupTls(SSL_CTX& ctx) {
        const auto dir = m_options.pkiDir;
        const std::string stem = m_options.wrongNameIdentity ? "server-wrong-name" : "server";
        const std::string cert = (dir / (stem + ".pem")).string();
        const std::string key = (dir / (stem + ".key")).string();
        const std::string ca = (dir / "ca.pem").string();
        auto fail = [this](const std::string& what) {
            m_tlsError = what;
            return false;
        };
        if (SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION) != 1) {
            return fail("TLS 1.2 minimum");
        }
        if (SSL_CTX_use_certificate_chain_file(&ctx, cert.c_str()) != 1 ||
            SSL_CTX_use_PrivateKey_file(&ctx, key.c_str(), SSL_FILETYPE_PEM) != 1 ||
            SSL_CTX_check_private_key(&ctx) != 1) {
            return fail("server certificate or key " + cert + " / " + key);
        }
        STACK_OF(X509_NAME)* caNames = SSL_load_client_CA_file(ca.c_str());
        if (SSL_CTX_load_verify_locations(&ctx, ca.c_str(), nullptr) != 1 || caNames == nullptr) {
            return fail("client CA " + ca);
        }
        SSL_CTX_set_client_CA_list(&ctx, caNames);
        SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
        SSL_CTX_set_session_id_context(&ctx, reinterpret_cast<const unsigned char*>(kSessionContext),
                                       static_cast<unsigned int>(std::strlen(kSessionContext)));
        return true;
    }

    void HandleLps(const httplib::Request& req, httplib::Response& res) {
        const LpsRequest request{req.get_header_value("Content-Type"), req.body, PeerCommonName(req.ssl)};
        const HttpAnswer answer = m_service.HandleLps(request);
        if (answer.delay.count() > 0 && !m_stop.WaitFor(answer.delay)) {
            res.status = 503;
            res.set_content("simulator shutting down\n", "text/plain; charset=utf-8");
            return;
        }
        res.status = answer.status;
        res.set_content(answer.body, answer.contentType.c_str());
    }

    void HandleControl(const httplib::Request& req, httplib::Response& res) {
        try {
            m_control.ApplyJson(req.body);
        } catch (const std::invalid_argument& e) {
            res.status = 400;
            res.set_content(nlohmann::json{{"error", e.what()}}.dump(), "application/json");
            return;
        }
        const auto doc = nlohmann::json::parse(req.body, nullptr, false);
        if (doc.is_object() && doc.value("reset_stats", false)) {
            m_stats.Reset();
        }
        res.set_content(m_control.ToJson(), "application/json");
    }

    int Bind() {
        const int port = m_options.port == 0 ? m_server.bind_to_any_port(m_options.host)
                                              : (m_server.bind_to_port(m_options.host, m_options.port) ? m_options.port
                                                                                                        : -1);
        if (port <= 0) {
            throw EnvironmentError("sim.bind", "cannot listen on " + m_options.host + ":" +
                                                   std::to_string(m_options.port) + " (address in use?)");
        }
        return port;
    }

    void Run() {
        {
            std::lock_guard lock(m_stateMutex);
            if (m_stopRequested) {
                return;
            }
            m_state = State::Running;
        }
        m_server.listen_after_bind();
        std::lock_guard lock(m_stateMutex);
        m_state = State::Finished;
    }

    void Stop() {
        m_stop.Trigger();
        {
            std::lock_guard lock(m_stateMutex);
            m_stopRequested = true;
            if (m_state != State::Running) {
                return;
            }
        }
        // httplib ignores stop() until its accept loop runs: wait for it, then stop once.
        for (;;) {
            {
                std::lock_guard lock(m_stateMutex);
                if (m_state == State::Finished) {
                    return;
                }
            }
            if (m_server.is_running()) {
                if (!m_stopIssued.exchange(true)) {
                    m_server.stop();  // a second stop() while the loop winds down would assert
                }
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }

private:
    enum class State { Idle, Running, Finished };

    ServerOptions m_options;
    InsiSimService& m_service;
    SimControl& m_control;
    SimStats& m_stats;
    std::string m_tlsError;
    httplib::SSLServer m_server;
    StopSignal m_stop;
    std::mutex m_stateMutex;
    State m_state = State::Idle;
    bool m_stopRequested = false;
    std::atomic<bool> m_stopIssued{false};
};

SimServer::SimServer(ServerOptions options, InsiSimService& service, SimControl& control, SimStats& stats)
    : m_impl(std::make_unique<Impl>(std::move(options), service, control, stats)) {}

SimServer::~SimServer() = default;

int SimServer::Bind() { return m_impl->Bind(); }
void SimServer::Run() { m_impl->Run(); }
void SimServer::Stop() { m_impl->Stop(); }

}  // namespace vigie::sim
