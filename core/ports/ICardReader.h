#pragma once
// The card reader as the core sees it (vitale-pcsc.md §1): events from a monitor thread, and the
// carte Vitale read as a billing identity source. Implementations: PC/SC direct (core/vitale),
// an in-process simulated reader (demo, unit tests), later a SESAM-Vitale library adapter.
//
// Threading: Start() launches the implementation's own monitor thread; the listener is called on
// that thread and must return quickly (post to a queue, never touch a GUI). ReadVitale() may be
// called from any thread, one read per reader at a time. Stop() joins the monitor thread and is
// idempotent; the destructor stops.
// Errors: ReadVitale throws CardError (a vigie::Error) with a French message: no card, card
// removed during the read, not a Vitale 2 card, malformed data, service unavailable.

#include <string>
#include <vector>

#include "core/domain/Errors.h"

namespace vigie::ports {

enum class CardKind {
    Vitale2,   // readable with plain APDUs
    Vitale1,   // « carte Vitale 1 : lecture non prise en charge »
    Cps,       // a professional card: never sent APDUs
    Unknown,
};

struct VitaleBeneficiary {
    std::string lastName;       // tag 80, as on the card
    std::string firstName;      // tag 81
    std::string rawBirthDate;   // tag 82, AAAAMMJJ, may be lunar: kept verbatim
    std::string nir;            // tag 93, the beneficiary's own NIR (15 chars) when present
    int birthRank = 0;          // 0 = unknown (position not public for PC/SC reads)
    std::string quality;        // "" = unknown
};

struct CarteVitale {
    std::string atr;                              // hex, upper case, spaces between bytes
    std::string insuredNir;                       // 13 characters, the ouvrant droit
    std::string insuredNirKey;                    // 2 digits
    std::vector<VitaleBeneficiary> beneficiaries; // card order; the first is the insured
};

struct ReaderEvent {
    enum class Type { ReaderAdded, ReaderRemoved, CardInserted, CardRemoved, ServiceLost, ServiceRestored };
    Type type = Type::CardInserted;
    std::string reader;
    std::string atr;                 // CardInserted
    CardKind kind = CardKind::Unknown;
};

class ICardReaderListener {
public:
    virtual ~ICardReaderListener() = default;
    virtual void OnReaderEvent(const ReaderEvent& event) = 0;
};

struct CardError : Error {
    CardError(std::string code, const std::string& message) : Error(ErrorKind::Environment, std::move(code), message) {}
};

class ICardReader {
public:
    virtual ~ICardReader() = default;
    virtual void Start(ICardReaderListener& listener) = 0;
    virtual void Stop() = 0;
    virtual std::vector<std::string> Readers() = 0;
    virtual CarteVitale ReadVitale(const std::string& reader) = 0;
};

std::string_view EventTypeCode(ReaderEvent::Type t);  // reader_added, card_inserted, …
std::string_view CardKindCode(CardKind k);            // vitale2, vitale1, cps, unknown

}  // namespace vigie::ports
