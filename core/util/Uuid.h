#pragma once
// Random (version 4) UUIDs: SOAP message ids, the installation instance id.

#include <string>

namespace vigie::util {
// Lower-case, 36 characters, without any "uuid:" prefix. Thread-safe.
std::string NewUuidV4();
}  // namespace vigie::util
