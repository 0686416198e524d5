#include "core/insi/InsiClient.h"

#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include "core/domain/Nir.h"
#include "core/util/Uuid.h"

namespace vigie::insi {

using namespace vigie::ports;

namespace {

std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string SoapContentType(std::string_view action) {
    return "application/soap+xml; charset=utf-8; action=\"" + std::string(action) + "\"";
}

std::string OuOf(X509* cert) {
    if (!cert) return "";
    X509_NAME* name = X509_get_subject_name(cert);
    const int index = X509_NAME_get_index_by_NID(name, NID_organizationalUnitName, -1);
    if (index < 0) return "";
    ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, data);
    if (len < 0) return "";
    std::string out(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
    OPENSSL_free(utf8);
    return out;
}

}  // namespace

std::string CertificateOrganisationalUnit(const TlsIdentity& identity) {
    FILE* f = std::fopen(identity.certFile.c_str(), "rb");
    if (!f) return "";
    std::string ou;
    if (identity.p12) {
        PKCS12* p12 = d2i_PKCS12_fp(f, nullptr);
        if (p12) {
            EVP_PKEY* key = nullptr;
            X509* cert = nullptr;
            if (PKCS12_parse(p12, identity.password.c_str(), &key, &cert, nullptr) == 1) ou = OuOf(cert);
            X509_free(cert);
            EVP_PKEY_free(key);
            PKCS12_free(p12);
        }
    } else {
        X509* cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
        ou = OuOf(cert);
        X509_free(cert);
    }
    std::fclose(f);
    return ou;
}

InsiError ErrorForFault(const InsiFault& f) {
    const std::string code = Lower(f.errorCode);
    if (code == "desir_1020")
        return InsiError("insi.unavailable", "Téléservice INSi temporairement indisponible : réessayer plus tard.", true, f);
    if (code == "insi_102")
        return InsiError("insi.technical", "Erreur technique du téléservice INSi pour cette recherche (insi_102).", false, f);
    if (code == "desir_550")
        return InsiError("insi.idam",
                         "Numéro d'autorisation du logiciel (IDAM) inconnu du téléservice INSi : vérifier la "
                         "configuration.", false, f);
    if (code == "desir_560")
        return InsiError("insi.rights",
                         "Droits insuffisants : le certificat de la pharmacie doit être « INSI-MANU » ou « INSI-AUTO ».",
                         false, f);
    const std::string text = !f.reason.empty() ? f.reason : f.detail;
    return InsiError("insi.fault", "Le téléservice INSi a refusé la demande (" + f.errorCode + ") : " + text, false, f);
}

InsiClient::InsiClient(InsiSettings settings, std::string instanceId, const IClock& clock)
    : m_settings(std::move(settings)),
      m_instanceId(std::move(instanceId)),
      m_clock(clock),
      m_transport(TransportOptions{m_settings.caFile, m_settings.connectTimeoutMs, m_settings.timeoutMs,
                                   kMaxResponseBytes}),
      m_batchLimiter(std::min(m_settings.rateCap, kMaxRateCap)) {
    m_emitterManual = CertificateOrganisationalUnit(m_settings.manual);
    m_emitterAutomatic = CertificateOrganisationalUnit(m_settings.automatic);
}

void InsiClient::SetBatchRate(double perSecond) { m_batchLimiter.SetRate(std::clamp(perSecond, 0.1, kMaxRateCap)); }

const TlsIdentity& InsiClient::IdentityFor(InsiCallMode mode) const {
    return mode == InsiCallMode::Operator ? m_settings.manual : m_settings.automatic;
}

SoapContext InsiClient::NewContext(InsiCallMode mode) {
    SoapContext c;
    c.messageId = "uuid:" + util::NewUuidV4();
    c.lpsContextId = util::NewUuidV4();
    c.bamContextId = util::NewUuidV4();
    c.timestamp = m_clock.NowUtc();
    c.emitter = mode == InsiCallMode::Operator ? m_emitterManual : m_emitterAutomatic;
    c.idam = m_settings.idam;
    c.softwareName = m_settings.softwareName;
    c.softwareVersion = m_settings.softwareVersion;
    c.instanceId = m_instanceId;
    return c;
}

std::string InsiClient::RenderTraitsRequest(const InsiTraitsQuery& q, InsiCallMode mode) {
    return BuildRecSansVitale(q, NewContext(mode));
}
std::string InsiClient::RenderVitaleRequest(const InsiVitaleQuery& q, InsiCallMode mode) {
    return BuildRecVitale(q, NewContext(mode));
}

InsiResult InsiClient::SearchByTraits(const InsiTraitsQuery& q, InsiCallMode mode) {
    return Call(kActionRecSansVitale, BuildRecSansVitale(q, NewContext(mode)), mode);
}

InsiResult InsiClient::SearchWithVitale(const InsiVitaleQuery& q, InsiCallMode mode) {
    return Call(kActionRecVitale, BuildRecVitale(q, NewContext(mode)), mode);
}

InsiResult InsiClient::Interpret(const HttpResponse& r) {
    if (r.status != 200 && r.status != 500)
        throw InsiError("insi.http", "Réponse HTTP inattendue du téléservice INSi : " + std::to_string(r.status) + ".",
                        r.status == 429 || r.status >= 502);
    if (Lower(r.contentType).rfind("application/soap+xml", 0) != 0)
        throw InsiError("insi.content_type",
                        "Réponse INSi d'un type inattendu (« " + r.contentType + " ») : ignorée.", false);
    ParsedResponse parsed = ParseResponse(r.body);
    if (parsed.fault) throw ErrorForFault(*parsed.fault);  // also when a fault comes with HTTP 200
    InsiResult result = std::move(*parsed.result);
    if (result.identity) {
        result.identity->ins.retrievedAt = m_clock.NowUtc();
        if (!m_settings.testMode && domain::IsTestOrDemoOid(result.identity->ins.active.oid))
            throw InsiError("insi.test_oid",
                            "OID de test reçu alors que Vigie est en mode production : réponse refusée.", false);
    }
    return result;
}

InsiResult InsiClient::Call(std::string_view action, const std::string& body, InsiCallMode mode) {
    thread_local std::mt19937 rng{std::random_device{}()};
    for (int attempt = 0;; ++attempt) {
        if (mode == InsiCallMode::Batch) m_batchLimiter.Acquire();
        try {
            const HttpResponse response =
                m_transport.Post(m_settings.endpoint, IdentityFor(mode), SoapContentType(action), body);
            return Interpret(response);
        } catch (const InsiError& e) {
            if (!e.Transient() || attempt >= m_settings.retries) throw;
            // Exponential back-off with jitter: 200 ms, 400 ms, 800 ms… (±25 %).
            const double base = 200.0 * (1 << attempt);
            std::uniform_real_distribution<double> jitter(0.75, 1.25);
            std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<long>(base * jitter(rng))));
        }
    }
}

}  // namespace vigie::insi
