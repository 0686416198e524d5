#pragma once
// Reading identity traits from command options, with the INSi character rules applied at the
// boundary: case and spaces are fixed silently, anything else is refused with the proposal.

#include <optional>
#include <string>

#include "app/cli/Args.h"
#include "core/domain/Identity.h"
#include "core/domain/TraitText.h"

namespace vigie::cli {

// A trait value checked with CheckInsCharset; BadInputError quoting the proposal when refused.
std::string CheckedTrait(const std::string& value, domain::TraitKind kind, const char* label);
// AAAA-MM-JJ (or JJ/MM/AAAA); unknown parts as 00 are completed and flagged.
domain::CompletedDate ParseBirthDateOption(const std::string& value);
domain::Date ParseDateOption(const std::string& value, const char* label);
domain::Sex ParseSexOption(const std::string& value);
std::string ParseBirthPlaceOption(const std::string& value);
domain::IdentityId ParseIdentityId(const std::string& value);

}  // namespace vigie::cli
