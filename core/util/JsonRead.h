#pragma once
// The smallest JSON reading the core needs (the journal snapshots are written by JsonWriter):
// one string member of the top-level object. Nested objects and arrays are skipped, never
// searched, so {"ins":{"status":…}} does not answer for "status". Not a validator: anything it
// cannot follow gives nullopt.

#include <optional>
#include <string>
#include <string_view>

namespace vigie::util {

// The decoded value of the string member `key` of the top-level object of `json`; nullopt when
// `json` is not an object, has no such member, the member is not a string, or the text is cut.
std::optional<std::string> TopLevelString(std::string_view json, std::string_view key);

}  // namespace vigie::util
