#pragma once
// The billing identity (Assurance Maladie / carte Vitale), kept strictly apart from the INS
// identity (identity-rules.md §1). It is a *key* to query INSi, never a source of INS traits.
// The store links it to an identity; it is never merged into one.

#include <cstdint>
#include <optional>
#include <string>

#include "core/domain/Identity.h"

namespace vigie::domain {

struct BillingIdentity {
    std::int64_t id = 0;
    std::string insuredNir;       // NIR of the ouvrant droit, 13 characters
    std::string insuredNirKey;    // its 2-digit key ("" when the source has none)
    std::string beneficiaryNir;   // the beneficiary's own NIR (15) when the card has it
    std::string lastName;         // as on the card (max 27 chars, no accents)
    std::string firstName;        // usual first name as on the card
    std::string usualName;        // nom usuel when the card carries it
    std::string rawBirthDate;     // verbatim, "lunar" dates allowed (e.g. 19600035, 31/13/1960)
    int birthRank = 0;            // rang de naissance; 0 = unknown
    std::string quality;          // qualité code of the beneficiary ("" = unknown)
    std::optional<IdentityId> identityId;  // the linked INS identity, if any
    std::string updatedAt;
    bool operator==(const BillingIdentity&) const = default;
};

}  // namespace vigie::domain
