#pragma once
// Time, behind a port so tests are deterministic. Thread affinity: any thread.

#include <string>

#include "core/domain/Date.h"

namespace vigie::ports {

class IClock {
public:
    virtual ~IClock() = default;
    virtual std::string NowUtc() const = 0;     // ISO 8601 with milliseconds: 2026-11-22T10:15:30.123Z
    virtual domain::Date Today() const = 0;     // local civil date (document expiry)
};

class SystemClock final : public IClock {
public:
    std::string NowUtc() const override;
    domain::Date Today() const override;
};

}  // namespace vigie::ports
