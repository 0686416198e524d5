#include "core/domain/Date.h"

#include <cstdio>

namespace vigie::domain {
namespace {

bool ParseDigits(std::string_view s, int& out) {
    if (s.empty()) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

// Splits "AAAA-MM-JJ" or "JJ/MM/AAAA" into numbers without validating the calendar.
bool SplitDate(std::string_view text, int& y, int& m, int& d) {
    if (text.size() == 10 && text[4] == '-' && text[7] == '-')
        return ParseDigits(text.substr(0, 4), y) && ParseDigits(text.substr(5, 2), m) &&
               ParseDigits(text.substr(8, 2), d);
    if (text.size() == 10 && text[2] == '/' && text[5] == '/')
        return ParseDigits(text.substr(6, 4), y) && ParseDigits(text.substr(3, 2), m) &&
               ParseDigits(text.substr(0, 2), d);
    return false;
}

std::string Format(const char* fmt, int a, int b, int c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, fmt, a, b, c);
    return buf;
}

}  // namespace

bool Date::IsValid(int y, int m, int d) {
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int max = (m == 2 && leap) ? 29 : kDays[m - 1];
    return d <= max;
}

std::optional<Date> Date::Parse(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (!SplitDate(text, y, m, d) || !IsValid(y, m, d)) return std::nullopt;
    return Date{y, m, d};
}

std::string Date::ToIso() const { return Format("%04d-%02d-%02d", year, month, day); }
std::string Date::ToFrench() const { return Format("%02d/%02d/%04d", day, month, year); }
std::string Date::ToDmyHyphen() const { return Format("%02d-%02d-%04d", day, month, year); }

std::optional<CompletedDate> ParseBirthDateWithUnknowns(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (!SplitDate(text, y, m, d)) return std::nullopt;
    bool completed = false;
    if (m == 0 && d == 0) {
        m = 12;
        d = 31;
        completed = true;
    } else {
        if (m == 0) { m = 1; completed = true; }
        if (d == 0) { d = 1; completed = true; }
    }
    if (!Date::IsValid(y, m, d)) return std::nullopt;
    return CompletedDate{Date{y, m, d}, completed};
}

}  // namespace vigie::domain
