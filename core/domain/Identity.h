#pragma once
// The INS identity (health identity) of a person, as the référentiel holds it
// (identity-rules.md §2–3). The billing identity from the carte Vitale is a separate type
// (BillingIdentity.h) and is never merged into this one.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/Date.h"

namespace vigie::domain {

using IdentityId = std::int64_t;  // the local identifier (IPP); always exists, INS or not

enum class Sex { Male, Female };

// Exactly one status per identity (EXI SI 07): two axes, INSi (I) and document check (C).
enum class IdentityStatus {
    Provisoire,  // PROV: neither
    Recuperee,   // RECUP: traits from INSi, no document check
    Validee,     // VALI: document checked, not from INSi
    Qualifiee,   // QUAL: both — the only status that lets the INS be shown, printed or sent
};

struct Attributes {
    bool homonyme = false;  // any status
    bool douteuse = false;  // PROV only; may combine with homonyme
    bool fictive = false;   // PROV only; combines with nothing
    bool operator==(const Attributes&) const = default;
};

// The five reference traits (+ the first birth first name kept for compatibility).
struct StrictTraits {
    std::string birthName;            // nom de naissance
    std::string birthFirstNames;      // liste des prénoms de naissance, space separated, civil order
    std::string firstBirthFirstName;  // premier prénom de naissance (first element of the list)
    Date birthDate;
    bool birthDateCompleted = false;  // a part was unknown and completed (§6): never RECUP/QUAL
    Sex sex = Sex::Female;
    std::string birthPlace;           // INSEE COG, 5 chars; "" = unknown (99999 also means unknown)
    bool operator==(const StrictTraits&) const = default;
};

// One matricule INS as INSi returns it (INSACTIF or an INSHISTO element).
struct InsNumber {
    std::string matricule;  // 15 characters (13 + key) exactly as received
    std::string oid;        // never stored or sent without it
    std::string startDate;  // DateDeb as received ("" when absent)
    std::string endDate;    // DateFin as received
    bool operator==(const InsNumber&) const = default;
};

struct InsData {
    InsNumber active;                 // INSACTIF
    std::vector<InsNumber> history;   // INSHISTO, kept as returned (EXI REC 08)
    std::string retrievedAt;          // UTC timestamp of the INSi call
    bool operator==(const InsData&) const = default;
};

struct DocumentCheck {
    std::string documentType;         // code from the document catalog (DocumentTypes.h)
    std::optional<Date> expiry;       // when known
    std::string operatorName;
    std::string checkedAt;            // UTC timestamp
    bool operator==(const DocumentCheck&) const = default;
};

struct Identity {
    IdentityId id = 0;                // 0 until stored
    StrictTraits traits;
    std::string usedName;             // nom utilisé: never auto-filled from the birth name
    std::string usedFirstName;        // prénom utilisé
    IdentityStatus status = IdentityStatus::Provisoire;
    Attributes attributes;
    std::optional<InsData> ins;       // held only in RECUP and QUAL
    std::optional<DocumentCheck> documentCheck;  // the last one; held only in VALI and QUAL
    std::string createdAt;
    std::string updatedAt;
    std::int64_t version = 0;         // optimistic concurrency: bumped by the store on update

    bool HasIns() const { return ins.has_value(); }
    bool operator==(const Identity&) const = default;
};

}  // namespace vigie::domain
