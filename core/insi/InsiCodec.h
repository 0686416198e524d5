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

// Requests are built with libxml2's tree API, so every value is escaped. The INSi character set
// is the caller's check (insi.md §5); text that no XML can carry (control characters, invalid
// UTF-8) throws BadInputError "insi.request_text" instead of producing an ill-formed request.
// No wsse:Security block is written: in software-certificate mode it would be empty, and the
// WSSE XSD requires at least one saml:Assertion in it. RECVITALE sends the card's birth date
// verbatim in the body (DateNaissance) but punctuated AAAA-MM-JJ in ContexteBAM/DateNai, whose
// XSD type has that pattern (AAAAMMJJ and JJ/MM/AAAA are re-punctuated, digits never changed).
std::string BuildRecSansVitale(const ports::InsiTraitsQuery& query, const SoapContext& context);
std::string BuildRecVitale(const ports::InsiVitaleQuery& query, const SoapContext& context);

struct ParsedResponse {
    std::optional<ports::InsiResult> result;  // a RESULTAT body
    std::optional<ports::InsiFault> fault;    // a SOAP Fault body
};

// Exactly one of result/fault is set. Throws ports::InsiError (code "insi.malformed",
// not transient) with a French message for anything else: not XML, too large, no Envelope/Body,
// unknown CodeCR, CodeCR 00 without INDIVIDU/INSACTIF/TIQ, missing mandatory TIQ fields
// (NomNaissance, ListePrenom, Sexe M/F, DateNaissance as a real AAAA-MM-JJ date), an INS without
// NumIdentifiant or OID, a DOCTYPE (refused outright: no DTD, no entity is ever processed).
// Matricules are NumIdentifiant + Cle exactly as received (no key check); DateDeb/DateFin raw.
ParsedResponse ParseResponse(std::string_view xml);

}  // namespace vigie::insi
