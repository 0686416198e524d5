#pragma once
// Local traits vs INS traits, trait by trait (what the counter shows side by side and what the
// state machine uses to decide whether a document check still holds after INS traits replace
// the local ones). Comparison goes through ComparableForm: hyphen/apostrophe = space, case and
// accents ignored.

#include <string>
#include <vector>

#include "core/domain/Identity.h"

namespace vigie::domain {

enum class TraitVerdict {
    Equal,     // same after normalisation
    Coherent,  // first names: the local value is the start of the INS list (§2)
    Differs,
    Unknown,   // one side has no value (e.g. birth place unknown)
};

struct TraitLine {
    std::string code;   // birth_name, first_names, first_name, birth_date, sex, birth_place
    std::string label;  // French: « Nom de naissance », …
    std::string local;  // as displayed
    std::string ins;
    TraitVerdict verdict = TraitVerdict::Differs;
};

struct TraitComparison {
    std::vector<TraitLine> lines;
    // No line Differs (Unknown and Coherent are acceptable).
    bool NoDifference() const;
};

TraitComparison CompareTraits(const StrictTraits& local, const StrictTraits& ins);
std::string_view VerdictCode(TraitVerdict v);  // equal, coherent, differs, unknown

}  // namespace vigie::domain
