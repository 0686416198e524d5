#pragma once
// Codes and the official French wording of statuses, sexes and attributes.

#include <optional>
#include <string_view>

#include "core/domain/Identity.h"

namespace vigie::domain {

std::string_view StatusCode(IdentityStatus s);    // PROV, RECUP, VALI, QUAL (FHIR FR Core / PAM)
std::string_view StatusLabel(IdentityStatus s);   // « Identité provisoire », …
std::optional<IdentityStatus> ParseStatusCode(std::string_view code);

char SexCode(Sex s);                               // 'M' / 'F'
std::optional<Sex> ParseSex(std::string_view text); // "M" / "F" (case-insensitive)

}  // namespace vigie::domain
