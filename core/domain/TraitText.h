#pragma once
// Trait text rules of the INS (identity-rules.md §5): the INSi character set, transliteration
// proposals at entry, comparison forms and first-name coherence. Pure functions, no state.
//
// Strings are UTF-8 throughout. Positions in TextIssue are 1-based *character* (code point)
// positions, so a message can point the operator at the offending letter.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::domain {

enum class TraitKind {
    BirthName,      // nom de naissance: `--` allowed
    FirstNames,     // prénom(s) de naissance (space-separated list)
    UsedName,       // nom utilisé: same rules as a birth name
    UsedFirstName,  // prénom utilisé: same rules as first names
};

struct TextIssue {
    std::size_t position = 0;  // 1-based character position; 0 = the whole value
    std::string character;     // the offending character(s), UTF-8, empty for whole-value issues
    std::string message;       // French, for the operator, e.g. « Caractère non autorisé « / » en position 4 »
};

struct TextCheck {
    bool ok = false;                 // true when `value` is acceptable as is for INSi
    std::string value;               // the normalised form (always filled, best effort)
    bool changed = false;            // value differs from the input
    std::vector<TextIssue> issues;   // empty when ok
    std::string proposal;            // CheckInsCharset refusals: NormalizeTrait's valid form, if any
};

// Entry-time normalisation: trims and collapses spaces, upper-cases, transliterates accents and
// ligatures (É→E, Ç→C, Œ→OE, Æ→AE, ß→SS, curly apostrophes → '), then validates the syntax
// (first char not space/hyphen, no doubled space or apostrophe, no "space+apostrophe",
// first names: no `--`, not ending with - or '). Characters with no mapping (digits, / . _ , …)
// are reported, never dropped. The result is a *proposal* the operator accepts.
TextCheck NormalizeTrait(std::string_view input, TraitKind kind);

// Query-boundary check (insi.md §5.1): only trims/collapses spaces and upper-cases ASCII and
// accented letters' case; never transliterates. Anything outside A–Z, space, ' and - (and `--`
// in names) is refused, with NormalizeTrait's proposal quoted in the message when one exists.
TextCheck CheckInsCharset(std::string_view input, TraitKind kind);

// One French sentence for a refused check: the issues joined, then the proposal once
// (« Caractère non autorisé « Æ » en position 3 ; forme proposée : D'AEION »).
std::string DescribeRefusal(const TextCheck& check);

// Comparison form (local vs INS, duplicate search): normalised, `-` and `'` mapped to space,
// spaces collapsed. Never fails: unmappable characters are kept as they are.
std::string ComparableForm(std::string_view input);

// The local first first name is coherent with an INS first-name list when it matches the start
// of the list on whole words, hyphen/apostrophe counting as a space:
// "JEAN CHRISTOPHE PIERRE" ← JEAN, JEAN-CHRISTOPHE, JEAN CHRISTOPHE-PIERRE: coherent; CHRISTOPHE: not.
bool FirstNameCoherent(std::string_view localFirstName, std::string_view insFirstNameList);

// First element of a space-separated first-name list ("" when empty). Hyphenated first names
// stay whole: "PIERRE-ALAIN MURIEL" → "PIERRE-ALAIN".
std::string FirstOfList(std::string_view firstNameList);

// French-aware phonetic key for duplicate search (a Soundex/Phonex family key adapted to French
// spelling: silent letters, PH→F, GU/QU→K, EAU/AU→O, AI/EI→E, doubled letters…). Two spellings a
// counter clerk could hear as the same name give the same key: DUPOND/DUPONT, PHILIPPE/FILIPE,
// MEUNIER/MEUGNIER. Input is normalised first; an empty input gives "".
std::string PhoneticKey(std::string_view name);

// Special values for people without a birth name / first name (seed FAQ).
inline constexpr std::string_view kNoBirthName = "SANSNOM";
inline constexpr std::string_view kNoFirstName = "SANSPRENOM";

}  // namespace vigie::domain
