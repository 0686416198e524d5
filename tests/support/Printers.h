#pragma once
// operator<< for domain types, so Boost.Test can print them in failure messages (found by ADL).

#include <optional>
#include <ostream>

#include "core/domain/Date.h"
#include "core/domain/Status.h"

namespace vigie::domain {
inline std::ostream& operator<<(std::ostream& os, const Date& d) { return os << d.ToIso(); }
inline std::ostream& operator<<(std::ostream& os, IdentityStatus s) { return os << StatusCode(s); }
inline std::ostream& operator<<(std::ostream& os, const std::optional<Date>& d) {
    return d ? os << *d : os << "(none)";
}
}  // namespace vigie::domain
