#include "core/domain/TraitComparison.h"

#include "core/domain/Status.h"
#include "core/domain/TraitText.h"

namespace vigie::domain {
namespace {

TraitVerdict CompareText(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return TraitVerdict::Unknown;
    return ComparableForm(a) == ComparableForm(b) ? TraitVerdict::Equal : TraitVerdict::Differs;
}

bool UnknownPlace(const std::string& cog) { return cog.empty() || cog == "99999"; }

}  // namespace

bool TraitComparison::NoDifference() const {
    for (const auto& l : lines)
        if (l.verdict == TraitVerdict::Differs) return false;
    return true;
}

TraitComparison CompareTraits(const StrictTraits& local, const StrictTraits& ins) {
    TraitComparison c;
    c.lines.push_back({"birth_name", "Nom de naissance", local.birthName, ins.birthName,
                       CompareText(local.birthName, ins.birthName)});

    TraitVerdict names = CompareText(local.birthFirstNames, ins.birthFirstNames);
    if (names == TraitVerdict::Differs && FirstNameCoherent(local.birthFirstNames, ins.birthFirstNames))
        names = TraitVerdict::Coherent;
    c.lines.push_back({"first_names", "Prénom(s) de naissance", local.birthFirstNames,
                       ins.birthFirstNames, names});

    const std::string localFirst =
        local.firstBirthFirstName.empty() ? FirstOfList(local.birthFirstNames) : local.firstBirthFirstName;
    const std::string insFirst =
        ins.firstBirthFirstName.empty() ? FirstOfList(ins.birthFirstNames) : ins.firstBirthFirstName;
    TraitVerdict first = CompareText(localFirst, insFirst);
    if (first == TraitVerdict::Differs && FirstNameCoherent(localFirst, ins.birthFirstNames))
        first = TraitVerdict::Coherent;
    c.lines.push_back({"first_name", "Premier prénom de naissance", localFirst, insFirst, first});

    c.lines.push_back({"birth_date", "Date de naissance", local.birthDate.ToFrench(),
                       ins.birthDate.ToFrench(),
                       local.birthDate == ins.birthDate ? TraitVerdict::Equal : TraitVerdict::Differs});
    c.lines.push_back({"sex", "Sexe", std::string(1, SexCode(local.sex)), std::string(1, SexCode(ins.sex)),
                       local.sex == ins.sex ? TraitVerdict::Equal : TraitVerdict::Differs});

    TraitVerdict place = TraitVerdict::Unknown;
    if (!UnknownPlace(local.birthPlace) && !UnknownPlace(ins.birthPlace))
        place = local.birthPlace == ins.birthPlace ? TraitVerdict::Equal : TraitVerdict::Differs;
    c.lines.push_back({"birth_place", "Lieu de naissance (code INSEE)", local.birthPlace, ins.birthPlace, place});
    return c;
}

std::string_view VerdictCode(TraitVerdict v) {
    switch (v) {
        case TraitVerdict::Equal: return "equal";
        case TraitVerdict::Coherent: return "coherent";
        case TraitVerdict::Differs: return "differs";
        case TraitVerdict::Unknown: return "unknown";
    }
    return "differs";
}

}  // namespace vigie::domain
