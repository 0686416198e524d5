#pragma once
// A civil calendar date, as the INS needs it: always complete and valid. Unknown parts are
// completed by a documented rule and flagged (identity-rules.md §6) by the caller.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::domain {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    auto operator<=>(const Date&) const = default;

    // "AAAA-MM-JJ" (also accepts "JJ/MM/AAAA"); nullopt when not a real calendar date.
    static std::optional<Date> Parse(std::string_view text);
    static bool IsValid(int year, int month, int day);
    std::string ToIso() const;      // AAAA-MM-JJ
    std::string ToFrench() const;   // JJ/MM/AAAA
    std::string ToDmyHyphen() const; // JJ-MM-AAAA (Datamatrix INS S6)
};

struct CompletedDate {
    Date date;
    bool completed = false;  // a part was unknown and filled by the rule
};

// Birth date entry where parts may be unknown: "AAAA-00-00", "AAAA-MM-00", "00/MM/AAAA"…
// Unknown day → 01, unknown month → 01, both unknown → 31/12 of the year (§6).
std::optional<CompletedDate> ParseBirthDateWithUnknowns(std::string_view text);

}  // namespace vigie::domain
