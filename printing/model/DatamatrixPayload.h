#pragma once
// The Datamatrix INS payload (ANS "Datamatrix INS" v2.2, datamatrix-ins.md §1): a 2D-Doc-shaped
// ASCII string, without signature, carrying a *qualified* INS identity:
//   IS01 + 22 × "0"                    header, 26 characters
//   S1 matricule (15)                  fixed
//   S2 OID (19 or 20)                  GS only when 19 long
//   S3 birth first names (1–100)       GS unless 100 long or last
//   S4 birth name (1–100)              GS unless 100 long or last
//   S5 sex M|F, S6 JJ-MM-AAAA          fixed
//   S7 COG birth place (5)             fixed; omitted only when unknown
// Pure: no symbol encoding here (that is the printing adapter's job, with the header in C40).

#include <optional>
#include <string>
#include <string_view>

#include "core/domain/Identity.h"
#include "core/domain/IdentityStateMachine.h"

namespace vigie::printing {

inline constexpr char kGroupSeparator = '\x1d';
inline constexpr std::string_view kDatamatrixInsHeader = "IS010000000000000000000000";

struct PayloadResult {
    std::string payload;                     // set when allowed
    std::optional<domain::Refusal> refusal;  // French reason otherwise
    bool Ok() const { return !refusal.has_value(); }
};

// Refuses anything but a qualified identity (EXI SI 08), names outside the INSi character set or
// over 100 characters, an OID that is not an INS OID, a matricule that is not 15 characters.
PayloadResult BuildDatamatrixInsPayload(const domain::Identity& identity);

struct ScannedIns {
    std::string matricule, oid, firstNames, birthName, birthPlace;
    domain::Sex sex = domain::Sex::Female;
    domain::Date birthDate;
};

// Reads a scanned payload back, fields in any order (the "scan a document" feature).
// BadInputError (French) when the header, a field or its length is wrong.
ScannedIns ParseDatamatrixInsPayload(std::string_view payload);

// The payload with GS shown as "<GS>", for display and support.
std::string EscapePayload(std::string_view payload);

}  // namespace vigie::printing
