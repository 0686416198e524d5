#pragma once
// UTF-8 encoding of one code point, shared by the trait text rules and the small JSON reader.

#include <string>

namespace vigie::util {

// Appends `cp` (≤ U+10FFFF, not a surrogate: callers validate) encoded in UTF-8.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace vigie::util
