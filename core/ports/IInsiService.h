#pragma once
// The INSi teleservice as the core sees it: queries in, domain values out. The adapter
// (core/insi: SOAP codec + HTTPS transport) implements it; the app and the CLI never see XML.
//
// Threading: implementations are safe to call from several threads at once (bulk verification
// keeps several requests in flight). Calls block until an answer, a fault or a timeout.
// Errors: expected answers (00/01/02) are values; a SOAP fault, a transport failure, a timeout
// or an unreadable answer throws InsiError (a RemoteError) whose `transient` flag says whether
// the same call may succeed later (desir_1020, timeouts, connection errors).

#include <optional>
#include <string>
#include <vector>

#include "core/domain/Errors.h"
#include "core/domain/Identity.h"

namespace vigie::ports {

// Who triggers the call: the certificate CN differs (INSI-MANU for an operator, INSI-AUTO for
// batch work without an operator), and only batch calls are rate-capped.
enum class InsiCallMode { Operator, Batch };

struct InsiTraitsQuery {             // RECSANSVITALE ("WS_INS2")
    std::string birthName;           // INSi character set only: checked before any call
    std::string firstNames;          // one first name, or several separated by single spaces
    domain::Sex sex = domain::Sex::Female;
    domain::Date birthDate;
    std::string birthPlace;          // COG, optional ("" = not sent)
};

struct InsiNir {                     // a NIR as the card gives it
    std::string number;              // 13 characters
    std::string key;                 // 2 digits, "" when unknown
};

struct InsiVitaleQuery {             // RECVITALE ("WS_INS1"), from the card's data
    std::optional<InsiNir> beneficiaryNir;  // the beneficiary's own NIR when the card has it
    InsiNir insuredNir;              // the ouvrant droit
    std::string birthName;           // as on the card (or the nom usuel for the second call)
    std::string rawBirthDate;        // verbatim from the card, lunar dates allowed
    int birthRank = 1;
};

enum class InsiOutcome {
    Found,      // CR 00: exactly one identity
    NotFound,   // CR 01
    Several,    // CR 02: the service never returns more than one person
};

struct InsiIdentity {
    domain::StrictTraits traits;     // TIQ, exactly as returned
    domain::InsData ins;             // INSACTIF + INSHISTO (retrievedAt set by the client)
};

struct InsiResult {
    InsiOutcome outcome = InsiOutcome::NotFound;
    std::string code;                // "00", "01", "02" as received
    std::string label;               // LibelleCR as received
    std::optional<InsiIdentity> identity;  // only for Found
};

struct InsiFault {
    std::string code;                // soap:Sender / soap:Receiver (local name)
    std::string subcode;             // siram_100, siram_40… (local name)
    std::string errorCode;           // siram:Erreur/@code: desir_550, desir_1020, insi_102…
    std::string severity;            // raw: erreur, fatale, fatal…
    std::string messageId;           // echo of the request MessageID
    std::string reason;              // Reason/Text
    std::string detail;              // siram:Erreur text
};

class InsiError : public RemoteError {
public:
    InsiError(std::string code, const std::string& message, bool transient, std::optional<InsiFault> fault = {})
        : RemoteError(std::move(code), message), m_transient(transient), m_fault(std::move(fault)) {}
    bool Transient() const noexcept { return m_transient; }
    const std::optional<InsiFault>& Fault() const noexcept { return m_fault; }

private:
    bool m_transient;
    std::optional<InsiFault> m_fault;
};

class IInsiService {
public:
    virtual ~IInsiService() = default;
    virtual InsiResult SearchByTraits(const InsiTraitsQuery& query, InsiCallMode mode) = 0;
    virtual InsiResult SearchWithVitale(const InsiVitaleQuery& query, InsiCallMode mode) = 0;
};

}  // namespace vigie::ports
