#pragma once
// The production INSi client: IInsiService over the SOAP codec and the mTLS transport.
// Picks the certificate by call mode (INSI-MANU / INSI-AUTO), fills the SOAP context (IDAM,
// software, installation instance, emitter = OU of the certificate), caps batch calls to the
// configured rate, retries transient failures only (desir_1020, timeouts, connection errors)
// with exponential back-off, and refuses test/demo OIDs unless the settings say test mode.
// Thread-safe.

#include <memory>
#include <string>

#include "core/insi/CurlTransport.h"
#include "core/insi/InsiCodec.h"
#include "core/insi/InsiSettings.h"
#include "core/ports/IClock.h"
#include "core/ports/IInsiService.h"
#include "core/util/RateLimiter.h"

namespace vigie::insi {

class InsiClient final : public ports::IInsiService {
public:
    // `instanceId`: the UUID generated once per installation (kept in the store's settings).
    InsiClient(InsiSettings settings, std::string instanceId, const ports::IClock& clock);

    ports::InsiResult SearchByTraits(const ports::InsiTraitsQuery& query, ports::InsiCallMode mode) override;
    ports::InsiResult SearchWithVitale(const ports::InsiVitaleQuery& query, ports::InsiCallMode mode) override;

    // The exact request that would be sent (support tool: `vigie-cli insi search --print-request`).
    std::string RenderTraitsRequest(const ports::InsiTraitsQuery& query, ports::InsiCallMode mode);
    std::string RenderVitaleRequest(const ports::InsiVitaleQuery& query, ports::InsiCallMode mode);

    const InsiSettings& Settings() const { return m_settings; }
    void SetBatchRate(double perSecond);

private:
    SoapContext NewContext(ports::InsiCallMode mode);
    const TlsIdentity& IdentityFor(ports::InsiCallMode mode) const;
    ports::InsiResult Call(std::string_view action, const std::string& body, ports::InsiCallMode mode);
    ports::InsiResult Interpret(const HttpResponse& response);

    InsiSettings m_settings;
    std::string m_instanceId;
    const ports::IClock& m_clock;
    CurlTransport m_transport;
    util::RateLimiter m_batchLimiter;
    std::string m_emitterManual;
    std::string m_emitterAutomatic;
};

// Maps a SOAP fault to the InsiError the client throws (exposed for tests).
ports::InsiError ErrorForFault(const ports::InsiFault& fault);

// OU of the certificate's subject ("" when absent or unreadable). OpenSSL stays in the .cpp.
std::string CertificateOrganisationalUnit(const TlsIdentity& identity);

}  // namespace vigie::insi
