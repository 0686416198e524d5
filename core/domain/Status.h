#pragma once
// Codes and the official French wording of statuses, sexes and attributes.

#include <optional>
#include <string>
#include <string_view>

#include "core/domain/Identity.h"

namespace vigie::domain {

std::string_view StatusCode(IdentityStatus s);    // PROV, RECUP, VALI, QUAL (FHIR FR Core / PAM)
std::string_view StatusLabel(IdentityStatus s);   // « Identité provisoire », …
std::optional<IdentityStatus> ParseStatusCode(std::string_view code);

// The INS as it may be shown to a user, « 109076322083489 (NIR) »: only for a qualifiée identity
// holding one (EXI SI 08); nullopt otherwise, and the caller says why in its own words.
std::optional<std::string> ShowableIns(const Identity& identity);

char SexCode(Sex s);                               // 'M' / 'F'
std::optional<Sex> ParseSex(std::string_view text); // "M" / "F" (case-insensitive)

}  // namespace vigie::domain
