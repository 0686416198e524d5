#pragma once
// One row of the personas file: an identity the simulated INSi knows (insi.md §7). Plain data;
// PersonaStore reads it, Matcher searches it, SoapWriter turns it into a RESULTAT.

#include <string>
#include <vector>

namespace vigie::sim {

struct InsEntry {              // INSACTIF or one INSHISTO
    std::string nir;           // 13 characters
    std::string key;           // 2 digits as written: not checked, CNDA files hold wrong keys on purpose
    std::string oid;
    std::string startDate;     // DateDeb, "" when absent
    std::string endDate;       // DateFin, "" when absent
};

struct Persona {
    int line = 0;              // line in the personas file, for diagnostics
    std::string source;        // official, simulator, fault:insi_102…
    std::string faultCode;     // Erreur code answered for a query matching a `fault:` row, else ""
    std::string birthName;
    std::string firstNames;    // birth first names separated by spaces; a hyphenated name is one
    std::string sex;           // "M" / "F"
    std::string birthDate;     // AAAA-MM-JJ
    std::string birthPlace;    // COG, "" when unknown
    InsEntry active;           // nir empty for fault rows
    std::vector<InsEntry> history;
    std::string notes;

    // Billing side (carte Vitale): optional trailing columns of the project's personas file.
    std::string insuredNir;    // ouvrant droit (13 chars); "" = the persona is its own insured
    std::string insuredKey;
    int birthRank = 1;
    std::string cardBirthDate; // as on the card, AAAAMMJJ or AAAA-MM-JJ (lunar allowed); "" = birthDate

    bool IsFault() const { return !faultCode.empty(); }
    const std::string& CoveringNir() const { return insuredNir.empty() ? active.nir : insuredNir; }
    const std::string& DateOnCard() const { return cardBirthDate.empty() ? birthDate : cardBirthDate; }
};

}  // namespace vigie::sim
