#pragma once
// vigie-vcard logs to stderr only, one line per event, prefixed "vigie-vcard: ".

#include <string>

namespace vigie::vcard {

void LogLine(const std::string& line);

}  // namespace vigie::vcard
