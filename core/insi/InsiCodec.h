#pragma once
// The INSi SOAP 1.2 codec (insi.md §1–2, §4): builds RECSANSVITALE / RECVITALE requests and reads
// RESULTAT answers and SOAP faults. Pure text in, values out; libxml2 stays inside the .cpp.
// Responses are read by namespace URI, never by prefix; unknown elements are ignored.

#include <optional>
#include <string>
#include <string_view>

#include "core/ports/IInsiService.h"

namespace vigie::insi {

inline constexpr std::string_view kActionRecSansVitale =
    "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
inline constexpr std::string_view kActionRecVitale = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale";

inline constexpr std::string_view kNsSoap = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr std::string_view kNsResultat = "http://www.cnamts.fr/INSiResultat";
inline constexpr std::string_view kNsRecSans = "http://www.cnamts.fr/INSiRecSans";
inline constexpr std::string_view kNsRecVit = "http://www.cnamts.fr/INSiRecVit";
inline constexpr std::string_view kNsSiram = "urn:siram";

// Largest answer the parser accepts (a real answer is ~1–2 KiB).
inline constexpr std::size_t kMaxResponseBytes = 256 * 1024;

// Everything in the SOAP header that is not the query itself (insi.md §2).
struct SoapContext {
    std::string messageId;        // "uuid:" + UUID v4, echoed in faults
    std::string lpsContextId;     // ContexteLPS/Id (UUID)
    std::string bamContextId;     // ContexteBAM/Id (UUID)
    std::string timestamp;        // UTC dateTime with milliseconds: 2026-11-22T10:15:30.123Z
    std::string emitter;          // Emetteur: OU of the client certificate ("" = omitted in BAM)
    std::string idam;             // CNDA authorisation number, 12 characters
    std::string softwareName;     // e.g. "Vigie"
    std::string softwareVersion;  // e.g. "0.1.0"
    std::string instanceId;       // UUID generated once per installation
};

std::string BuildRecSansVitale(const ports::InsiTraitsQuery& query, const SoapContext& context);
std::string BuildRecVitale(const ports::InsiVitaleQuery& query, const SoapContext& context);

struct ParsedResponse {
    std::optional<ports::InsiResult> result;  // a RESULTAT body
    std::optional<ports::InsiFault> fault;    // a SOAP Fault body
};

// Exactly one of result/fault is set. Throws ports::InsiError (code "insi.malformed",
// not transient) with a French message for anything else: not XML, too large, no Envelope/Body,
// unknown CodeCR, CodeCR 00 without INDIVIDU/INSACTIF/TIQ, missing mandatory TIQ fields.
ParsedResponse ParseResponse(std::string_view xml);

// A random (version 4) UUID, lower-case, without the "uuid:" prefix.
std::string NewUuidV4();

}  // namespace vigie::insi
