#include "core/usecases/InsiSearch.h"

#include "core/domain/TraitText.h"

namespace vigie::usecases {

using namespace vigie::domain;
using namespace vigie::ports;

namespace {

std::vector<std::string> Words(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find(' ', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::optional<Refusal> CheckQueryText(InsiTraitsQuery& q) {
    const TextCheck name = CheckInsCharset(q.birthName, TraitKind::BirthName);
    if (!name.ok)
        return Refusal{"insi.refused_locally",
                       "Recherche INSi non envoyée — nom de naissance : " + DescribeRefusal(name) + "."};
    const TextCheck first = CheckInsCharset(q.firstNames, TraitKind::FirstNames);
    if (!first.ok)
        return Refusal{"insi.refused_locally",
                       "Recherche INSi non envoyée — prénom(s) : " + DescribeRefusal(first) + "."};
    q.birthName = name.value;
    q.firstNames = first.value;
    return std::nullopt;
}

// One call, recorded; the birth place is sent only when asked.
InsiResult Ask(IInsiService& insi, InsiSearchOutcome& out, const InsiTraitsQuery& q, const std::string& firstNames,
               bool withPlace, InsiCallMode mode) {
    InsiTraitsQuery sent = q;
    sent.firstNames = firstNames;
    if (!withPlace) sent.birthPlace.clear();
    InsiResult r = insi.SearchByTraits(sent, mode);
    out.attempts.push_back({"RECSANSVITALE", firstNames, withPlace, sent.birthName, r.code});
    return r;
}

bool KnownPlace(const std::string& cog) { return !cog.empty() && cog != "99999"; }

}  // namespace

InsiSearchOutcome SearchInsByTraits(IInsiService& insi, const InsiTraitsQuery& entered, InsiCallMode mode) {
    InsiSearchOutcome out;
    InsiTraitsQuery q = entered;
    if (auto refusal = CheckQueryText(q)) {
        out.refusal = std::move(refusal);
        return out;
    }
    std::vector<std::string> candidates = Words(q.firstNames);
    if (candidates.size() > 1) candidates.push_back(q.firstNames);  // all of them, last
    std::optional<InsiResult> several, last;
    for (const std::string& firstNames : candidates) {
        InsiResult r = Ask(insi, out, q, firstNames, false, mode);
        if (r.outcome == InsiOutcome::Several && KnownPlace(q.birthPlace)) {
            several = r;
            r = Ask(insi, out, q, firstNames, true, mode);
        }
        if (r.outcome == InsiOutcome::Found) {
            out.result = std::move(r);
            return out;
        }
        if (r.outcome == InsiOutcome::Several) several = r;
        last = std::move(r);
    }
    // "Several" is reported over "none": it tells the operator what to add (the birth place).
    out.result = several ? std::move(several) : std::move(last);
    return out;
}

InsiSearchOutcome SearchInsWithCard(IInsiService& insi, const InsiVitaleQuery& card, const std::string& usualName,
                                    const std::optional<InsiTraitsQuery>& localTraits, InsiCallMode mode) {
    InsiSearchOutcome out;
    InsiResult r = insi.SearchWithVitale(card, mode);
    out.attempts.push_back({"RECVITALE", "", false, card.birthName, r.code});
    if (r.outcome == InsiOutcome::NotFound && !usualName.empty() && usualName != card.birthName) {
        InsiVitaleQuery second = card;
        second.birthName = usualName;
        r = insi.SearchWithVitale(second, mode);
        out.attempts.push_back({"RECVITALE", "", false, usualName, r.code});
    }
    if (r.outcome == InsiOutcome::NotFound && localTraits) {
        InsiSearchOutcome traits = SearchInsByTraits(insi, *localTraits, mode);
        out.attempts.insert(out.attempts.end(), traits.attempts.begin(), traits.attempts.end());
        if (traits.result) r = std::move(*traits.result);
        // A local refusal of the fallback leaves the RECVITALE answer as the result.
    }
    out.result = std::move(r);
    return out;
}

InsiTraitsQuery TraitsQueryOf(const StrictTraits& t) {
    return InsiTraitsQuery{t.birthName, t.birthFirstNames, t.sex, t.birthDate, t.birthPlace};
}

VerificationResult VerifyIns(IInsiService& insi, const Identity& identity, InsiCallMode mode) {
    VerificationResult v;
    v.search = SearchInsByTraits(insi, TraitsQueryOf(identity.traits), mode);
    if (v.search.refusal) {
        v.verdict = VerificationVerdict::NotFound;
        v.reason = v.search.refusal->message;
        return v;
    }
    const InsiResult& r = *v.search.result;
    if (r.outcome == InsiOutcome::NotFound) {
        v.verdict = VerificationVerdict::NotFound;
        v.reason = "vérification INSi : aucune identité trouvée";
        return v;
    }
    if (r.outcome == InsiOutcome::Several) {
        v.verdict = VerificationVerdict::Several;
        v.reason = "vérification INSi : plusieurs identités trouvées";
        return v;
    }
    v.returned = r.identity;
    const InsNumber& held = identity.ins ? identity.ins->active : InsNumber{};
    const InsNumber& now = r.identity->ins.active;
    if (now.matricule != held.matricule || now.oid != held.oid) {
        v.verdict = VerificationVerdict::InsChanged;
        v.reason = "vérification INSi : le matricule INS actif a changé";
        return v;
    }
    // INS traits are held exactly as returned: any difference means the registers changed.
    const StrictTraits& a = identity.traits;
    StrictTraits b = r.identity->traits;
    if (a.birthName != b.birthName || a.birthFirstNames != b.birthFirstNames || a.birthDate != b.birthDate ||
        a.sex != b.sex || a.birthPlace != b.birthPlace) {
        v.verdict = VerificationVerdict::TraitsDiffer;
        v.reason = "vérification INSi : les traits de référence ont changé";
        return v;
    }
    v.verdict = VerificationVerdict::Confirmed;
    v.reason = "vérification INSi : INS confirmé";
    return v;
}

std::string_view VerdictCode(VerificationVerdict v) {
    switch (v) {
        case VerificationVerdict::Confirmed: return "confirmed";
        case VerificationVerdict::NotFound: return "not_found";
        case VerificationVerdict::Several: return "several";
        case VerificationVerdict::InsChanged: return "ins_changed";
        case VerificationVerdict::TraitsDiffer: return "traits_differ";
    }
    return "not_found";
}

}  // namespace vigie::usecases
