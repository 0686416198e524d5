#include "core/domain/DuplicateFinder.h"

#include <algorithm>

#include "core/domain/TraitText.h"

namespace vigie::domain {
namespace {

// The first characters of the comparable form, spaces included: the store filters on the same.
std::string Prefix(const std::string& comparable, std::size_t n) { return comparable.substr(0, n); }

// One component differs, or day and month are swapped: typical entry mistakes.
bool NearDate(const Date& a, const Date& b) {
    if (a == b) return false;
    const int same = (a.year == b.year) + (a.month == b.month) + (a.day == b.day);
    const bool swapped = a.year == b.year && a.day == b.month && a.month == b.day;
    return same == 2 || swapped;
}

struct Names {
    std::string birth, birthKey, birthPrefix, first, firstKey, used;
};

Names NamesOf(const StrictTraits& t, const std::string& usedName) {
    Names n;
    n.birth = ComparableForm(t.birthName);
    n.birthKey = PhoneticKey(t.birthName);
    n.birthPrefix = Prefix(n.birth, 3);
    const std::string first = t.firstBirthFirstName.empty() ? FirstOfList(t.birthFirstNames) : t.firstBirthFirstName;
    n.first = ComparableForm(first);
    n.firstKey = PhoneticKey(first);
    n.used = ComparableForm(usedName);
    return n;
}

}  // namespace

std::vector<DuplicateCandidate> RankDuplicates(const StrictTraits& probe, const std::string& probeUsedName,
                                               const std::vector<Identity>& pool, IdentityId excludeId) {
    const Names p = NamesOf(probe, probeUsedName);
    std::vector<DuplicateCandidate> out;
    for (const Identity& other : pool) {
        if (other.id == excludeId && excludeId != 0) continue;
        const Names o = NamesOf(other.traits, other.usedName);
        DuplicateCandidate c;
        int nameSignal = 0;
        if (!p.birth.empty() && p.birth == o.birth) {
            nameSignal = 30;
            c.reasons.emplace_back("nom de naissance identique");
        } else if (!p.birthKey.empty() && p.birthKey == o.birthKey) {
            nameSignal = 20;
            c.reasons.emplace_back("nom de naissance phonétiquement proche");
        } else if (p.birthPrefix.size() == 3 && p.birthPrefix == o.birthPrefix) {
            nameSignal = 15;
            c.reasons.emplace_back("nom de naissance commençant pareil");
        } else if ((!p.used.empty() && p.used == o.birth) || (!o.used.empty() && o.used == p.birth) ||
                   (!p.used.empty() && p.used == o.used)) {
            nameSignal = 20;
            c.reasons.emplace_back("nom utilisé et nom de naissance croisés");
        }
        int firstSignal = 0;
        if (!p.first.empty() && p.first == o.first) {
            firstSignal = 20;
            c.reasons.emplace_back("premier prénom identique");
        } else if (!p.firstKey.empty() && p.firstKey == o.firstKey) {
            firstSignal = 10;
            c.reasons.emplace_back("premier prénom phonétiquement proche");
        }
        const bool sameDate = probe.birthDate == other.traits.birthDate;
        const bool nearDate = NearDate(probe.birthDate, other.traits.birthDate);
        bool keep = false;
        if (sameDate && nameSignal > 0) {
            keep = true;
            c.reasons.insert(c.reasons.begin(), "même date de naissance");
            c.score = 50 + nameSignal + firstSignal;
        } else if (nearDate && nameSignal >= 20 && firstSignal > 0) {
            keep = true;
            c.reasons.insert(c.reasons.begin(), "date de naissance proche (saisie inversée ou erronée)");
            c.score = 25 + nameSignal + firstSignal;
        }
        if (!keep) continue;
        if (probe.sex == other.traits.sex) c.score += 5;
        c.identity = other;
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const DuplicateCandidate& a, const DuplicateCandidate& b) { return a.score > b.score; });
    return out;
}

}  // namespace vigie::domain
