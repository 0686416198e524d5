#pragma once
// The search of the simulated INSi (insi.md §7): exact matching like the real service, with
// the real service's tolerance for separators in names and for any one birth first name.
// Thread-safe once built (read-only).

#include <optional>
#include <string>

#include "tools/insi-sim/PersonaStore.h"

namespace vigie::sim {

struct TraitsQuery {           // RECSANSVITALE, fields as received ("" = absent)
    std::string birthName;
    std::string firstNames;    // one first name or several separated by spaces
    std::string sex;
    std::string birthDate;
    std::string birthPlace;    // optional
};

struct VitaleQuery {           // RECVITALE, fields as received ("" = absent)
    std::string beneficiaryNir;  // MatriculeIndividu/NumIdentifiant
    std::string insuredNir;      // MatriculeOD/NumIdentifiant
    std::string birthName;
    std::string birthDate;       // as on the card (AAAAMMJJ, lunar allowed) or AAAA-MM-JJ
    std::string birthRank;       // RangNaissance
};

enum class MatchKind { Found, NotFound, Several, Fault };

struct MatchOutcome {
    MatchKind kind = MatchKind::NotFound;
    const Persona* persona = nullptr;  // Found only; points into the Matcher's store
    std::string faultCode;             // Fault only: insi_102, desir_1020
    std::string detail;                // Fault only: why (invalid characters, missing field…)

    // "00", "01", "02" or "fault:<code>": the label used by stats and the request log.
    std::string ResultLabel() const;
};

class Matcher {
public:
    explicit Matcher(PersonaStore store) : m_store(std::move(store)) {}

    // Validates the traits (INSi character set, sex, date shape, COG) then searches.
    MatchOutcome MatchTraits(const TraitsQuery& query) const;
    // Own NIR when sent; else insured NIR + birth name + birth date (compared digit by digit,
    // whatever the punctuation) + rank (any rank when not sent).
    MatchOutcome MatchVitale(const VitaleQuery& query) const;

    const PersonaStore& Store() const noexcept { return m_store; }

private:
    static bool FirstNamesMatch(const Persona& persona, const std::string& queryKey);
    MatchOutcome Conclude(const std::vector<const Persona*>& found) const;

    PersonaStore m_store;
};

}  // namespace vigie::sim
