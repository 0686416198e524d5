#pragma once
// The character set and comparison rules of the simulated INSi search (insi.md §5, §7).
// An independent implementation: the simulator must not share the client's code.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::sim {

// Non-empty and only A–Z, space, apostrophe and hyphen: what INSi accepts in a name.
bool IsInsiCharset(std::string_view text);

// The search key of a name: spaces, hyphens and apostrophes removed, so that
// "DARTAGNAN DE LHERAULT" compares equal to "D'ARTAGNAN DE L'HERAULT" and
// "PIERRE ALAIN" to "PIERRE-ALAIN".
std::string SearchKey(std::string_view text);

// Birth first names split on spaces; a hyphenated first name stays one entry.
std::vector<std::string> SplitFirstNames(std::string_view firstNames);

// AAAA-MM-JJ by shape only (digits and hyphens): lunar dates such as 1960-00-00 pass.
bool IsDateShape(std::string_view text);

// A birth date as a carte Vitale gives it, reduced to its 8 digits AAAAMMJJ so that the
// card's form (19600035, lunar dates allowed), AAAA-MM-JJ and JJ/MM/AAAA compare equal.
// Digits are never changed. nullopt for any other shape.
std::optional<std::string> CardDateKey(std::string_view text);

// A COG: five characters, digits or upper-case letters (2A004, 99100…).
bool IsCogShape(std::string_view text);

// 13 characters: six digits, a digit or A/B, six digits (the NIR without its key).
bool IsNir13Shape(std::string_view text);

// ASCII whitespace removed at both ends.
std::string Trim(std::string_view text);

}  // namespace vigie::sim
