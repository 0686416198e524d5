#pragma once
// Test data builders shared by the suites: a plausible identity, INS data from the official
// INSi test personas, a fixed clock.

#include <string>

#include "core/domain/Identity.h"
#include "core/ports/IClock.h"
#include "tests/support/Printers.h"

namespace vigie::test {

inline domain::StrictTraits Traits(std::string birthName = "DUPONT", std::string firstNames = "JEAN PIERRE",
                                   domain::Date date = {1980, 2, 1}, domain::Sex sex = domain::Sex::Male,
                                   std::string place = "63220") {
    domain::StrictTraits t;
    t.birthName = std::move(birthName);
    t.birthFirstNames = std::move(firstNames);
    t.firstBirthFirstName = t.birthFirstNames.substr(0, t.birthFirstNames.find(' '));
    t.birthDate = date;
    t.sex = sex;
    t.birthPlace = std::move(place);
    return t;
}

inline domain::Identity IdentityWith(domain::IdentityStatus status, domain::StrictTraits traits = Traits()) {
    domain::Identity id;
    id.id = 42;
    id.version = 1;
    id.traits = std::move(traits);
    id.status = status;
    if (status == domain::IdentityStatus::Recuperee || status == domain::IdentityStatus::Qualifiee)
        id.ins = domain::InsData{{"180026322012345", "1.2.250.1.213.1.4.8", "", ""}, {}, "2026-01-01T00:00:00.000Z"};
    if (status == domain::IdentityStatus::Validee || status == domain::IdentityStatus::Qualifiee)
        id.documentCheck = domain::DocumentCheck{"passeport", std::nullopt, "alice", "2026-01-01T00:00:00.000Z"};
    return id;
}

// ECETINSI PIERRE-ALAIN MURIEL FLORIANT: official INSi test persona with an INSHISTO.
inline domain::InsData EcetinsiIns() {
    domain::InsData ins;
    ins.active = {"109076322083489", "1.2.250.1.213.1.4.8", "", ""};
    ins.history = {{"209076322083439", "1.2.250.1.213.1.4.8", "2019-03-01", "2019-02-28"},
                   {"209066322012355", "1.2.250.1.213.1.4.8", "", ""}};
    ins.retrievedAt = "2026-11-22T10:00:00.000Z";
    return ins;
}
inline domain::StrictTraits EcetinsiTraits() {
    return Traits("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", {2009, 7, 14}, domain::Sex::Male, "63220");
}

class FixedClock final : public ports::IClock {
public:
    std::string now = "2026-11-22T10:00:00.000Z";
    domain::Date today{2026, 11, 22};
    std::string NowUtc() const override { return now; }
    domain::Date Today() const override { return today; }
};

}  // namespace vigie::test
