#pragma once
// Reads an INSi request (insi.md §1–2) with libxml2, by namespace URI, never by prefix.
// Independent of the client's codec on purpose: a bug there must not be mirrored here.
// Thread-safe (no shared state); call InitXml() once from the main thread first.

#include <stdexcept>
#include <string>
#include <string_view>

#include "tools/insi-sim/Matcher.h"

namespace vigie::sim {

inline constexpr std::string_view kNsSoap12 = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr std::string_view kNsWsa = "http://www.w3.org/2005/08/addressing";
inline constexpr std::string_view kNsCtxLps = "urn:siram:lps:ctxlps";
inline constexpr std::string_view kNsRecSans = "http://www.cnamts.fr/INSiRecSans";
inline constexpr std::string_view kNsRecVit = "http://www.cnamts.fr/INSiRecVit";
inline constexpr std::string_view kActionRecSans =
    "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
inline constexpr std::string_view kActionRecVit = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale";

enum class Operation { RecSansVitale, RecVitale };
std::string_view OperationName(Operation operation);  // "RECSANSVITALE" / "RECVITALE"

struct SoapRequest {
    std::string action;        // wsa:Action ("" when absent)
    std::string messageId;     // wsa:MessageID ("" when absent)
    bool hasIdam = false;      // ContexteLPS/LPS/IDAM present
    std::string idam;
    Operation operation = Operation::RecSansVitale;
    TraitsQuery traits;        // RECSANSVITALE
    VitaleQuery vitale;        // RECVITALE
};

// Not XML, not a SOAP 1.2 envelope, no Body, or an unknown body element. `messageId` is what
// could be read before the problem (for the fault's echo).
class RequestError : public std::runtime_error {
public:
    RequestError(const std::string& message, std::string messageId)
        : std::runtime_error(message), m_messageId(std::move(messageId)) {}
    const std::string& MessageId() const noexcept { return m_messageId; }

private:
    std::string m_messageId;
};

class SoapRequestParser {
public:
    static void InitXml();
    // Throws RequestError. Missing query fields are left empty: the Matcher decides.
    static SoapRequest Parse(std::string_view xml);
};

}  // namespace vigie::sim
