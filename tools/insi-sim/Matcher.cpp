#include "tools/insi-sim/Matcher.h"

#include <charconv>

#include "tools/insi-sim/TraitRules.h"

namespace vigie::sim {

namespace {

MatchOutcome Invalid(std::string detail) {
    return MatchOutcome{MatchKind::Fault, nullptr, "insi_102", std::move(detail)};
}

}  // namespace

std::string MatchOutcome::ResultLabel() const {
    switch (kind) {
    case MatchKind::Found:
        return "00";
    case MatchKind::NotFound:
        return "01";
    case MatchKind::Several:
        return "02";
    case MatchKind::Fault:
        break;
    }
    return "fault:" + faultCode;
}

bool Matcher::FirstNamesMatch(const Persona& persona, const std::string& queryKey) {
    if (queryKey == SearchKey(persona.firstNames)) {
        return true;  // the whole list
    }
    for (const auto& name : SplitFirstNames(persona.firstNames)) {
        if (queryKey == SearchKey(name)) {
            return true;
        }
    }
    return false;
}

MatchOutcome Matcher::Conclude(const std::vector<const Persona*>& found) const {
    for (const Persona* p : found) {
        if (p->IsFault()) {
            return MatchOutcome{MatchKind::Fault, nullptr, p->faultCode,
                                "technical error configured for this query (personas line " +
                                    std::to_string(p->line) + ")"};
        }
    }
    if (found.empty()) {
        return MatchOutcome{MatchKind::NotFound, nullptr, {}, {}};
    }
    if (found.size() > 1) {
        return MatchOutcome{MatchKind::Several, nullptr, {}, {}};
    }
    return MatchOutcome{MatchKind::Found, found.front(), {}, {}};
}

MatchOutcome Matcher::MatchTraits(const TraitsQuery& q) const {
    if (q.birthName.empty() || q.firstNames.empty() || q.sex.empty() || q.birthDate.empty()) {
        return Invalid("NomNaissance, Prenom, Sexe and DateNaissance are required");
    }
    if (!IsInsiCharset(q.birthName) || !IsInsiCharset(q.firstNames)) {
        return Invalid("characters outside A-Z, space, apostrophe, hyphen in NomNaissance or Prenom");
    }
    if (q.sex != "M" && q.sex != "F") {
        return Invalid("Sexe must be M or F");
    }
    if (!IsDateShape(q.birthDate)) {
        return Invalid("DateNaissance must be AAAA-MM-JJ");
    }
    if (!q.birthPlace.empty() && !IsCogShape(q.birthPlace)) {
        return Invalid("LieuNaissance must be a 5-character COG");
    }
    const std::string nameKey = SearchKey(q.birthName);
    const std::string firstKey = SearchKey(q.firstNames);
    std::vector<const Persona*> found;
    for (const Persona& p : m_store.All()) {
        if (SearchKey(p.birthName) == nameKey && p.sex == q.sex && p.birthDate == q.birthDate &&
            (q.birthPlace.empty() || p.birthPlace == q.birthPlace) && FirstNamesMatch(p, firstKey)) {
            found.push_back(&p);
        }
    }
    return Conclude(found);
}

MatchOutcome Matcher::MatchVitale(const VitaleQuery& q) const {
    std::vector<const Persona*> found;
    if (!q.beneficiaryNir.empty()) {
        if (!IsNir13Shape(q.beneficiaryNir)) {
            return Invalid("MatriculeIndividu/NumIdentifiant is not a 13-character NIR");
        }
        for (const Persona& p : m_store.All()) {
            if (!p.IsFault() && p.active.nir == q.beneficiaryNir) {
                found.push_back(&p);
            }
        }
        return Conclude(found);
    }
    if (q.insuredNir.empty() || q.birthName.empty() || q.birthDate.empty()) {
        return Invalid("without MatriculeIndividu, MatriculeOD, NomNaissance and DateNaissance are required");
    }
    if (!IsNir13Shape(q.insuredNir)) {
        return Invalid("MatriculeOD/NumIdentifiant is not a 13-character NIR");
    }
    if (!IsInsiCharset(q.birthName)) {
        return Invalid("characters outside A-Z, space, apostrophe, hyphen in NomNaissance");
    }
    const auto dateKey = CardDateKey(q.birthDate);
    if (!dateKey) {
        return Invalid("DateNaissance must be AAAAMMJJ as on the card, or AAAA-MM-JJ (lunar dates allowed)");
    }
    int rank = 0;  // 0 = not sent: any rank
    if (!q.birthRank.empty()) {
        const char* end = q.birthRank.data() + q.birthRank.size();
        const auto [ptr, ec] = std::from_chars(q.birthRank.data(), end, rank);
        if (ec != std::errc() || ptr != end || rank < 1 || rank > 9) {
            return Invalid("RangNaissance must be a number between 1 and 9");
        }
    }
    const std::string nameKey = SearchKey(q.birthName);
    for (const Persona& p : m_store.All()) {
        if (!p.IsFault() && p.CoveringNir() == q.insuredNir && SearchKey(p.birthName) == nameKey &&
            CardDateKey(p.DateOnCard()) == dateKey && (rank == 0 || p.birthRank == rank)) {
            found.push_back(&p);
        }
    }
    return Conclude(found);
}

}  // namespace vigie::sim
