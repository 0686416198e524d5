#include "core/domain/Pin.h"

#include <chrono>
#include <cstdio>

#include "core/domain/Errors.h"

namespace vigie::domain {

std::optional<Refusal> PinRuleViolation(std::string_view pin) {
    bool digits = pin.size() >= kPinMinDigits && pin.size() <= kPinMaxDigits;
    for (char c : pin) digits = digits && c >= '0' && c <= '9';
    if (!digits)
        return Refusal{"input.pin_format", "Le code PIN doit compter de " + std::to_string(kPinMinDigits) + " à " +
                                               std::to_string(kPinMaxDigits) + " chiffres."};
    // Same step between every pair of neighbours: 0 (1111), +1 (1234, 7890) or -1 (4321, 0987),
    // counted modulo 10 so the runs through 9→0 are refused too.
    for (int step : {0, 1, 9}) {
        bool run = true;
        for (std::size_t i = 1; i < pin.size() && run; ++i) run = (pin[i - 1] - '0' + step) % 10 == pin[i] - '0';
        if (run)
            return Refusal{"rule.pin_trivial", step == 0 ? "Code PIN trop simple : un seul chiffre répété. En choisir un autre."
                                                         : "Code PIN trop simple : chiffres qui se suivent. En choisir un autre."};
    }
    return std::nullopt;
}

namespace {
using Millis = std::chrono::sys_time<std::chrono::milliseconds>;

// 2026-11-22T10:15:30.123Z (milliseconds optional), as IClock::NowUtc gives it.
Millis ParseUtc(const std::string& utc) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    char tail[8] = {};
    const int n = std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d%7s", &y, &mo, &d, &h, &mi, &s, &ms, tail);
    const bool ok = (n == 8 && std::string_view(tail) == "Z") || (n == 6 && utc.size() == 20 && utc.back() == 'Z');
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                           std::chrono::day{static_cast<unsigned>(d)}};
    if (!ok || !date.ok() || h > 23 || mi > 59 || s > 60)
        throw BadInputError("input.timestamp", "Horodatage UTC invalide : « " + utc + " ».");
    using namespace std::chrono;
    return Millis(sys_days(date)) + hours(h) + minutes(mi) + seconds(s) + milliseconds(ms);
}
}  // namespace

std::string AddMinutesUtc(const std::string& utc, int minutes) {
    using namespace std::chrono;
    const Millis t = ParseUtc(utc) + std::chrono::minutes(minutes);
    const auto day = floor<days>(t);
    const year_month_day out(day);
    const hh_mm_ss<milliseconds> tod(t - day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(out.year()),
                  static_cast<unsigned>(out.month()), static_cast<unsigned>(out.day()),
                  static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                  static_cast<int>(tod.seconds().count()), static_cast<int>(tod.subseconds().count()));
    return buf;
}

int MinutesUntil(const std::string& fromUtc, const std::string& untilUtc) {
    const auto ms = (ParseUtc(untilUtc) - ParseUtc(fromUtc)).count();
    return ms <= 0 ? 0 : static_cast<int>((ms + 59'999) / 60'000);
}

}  // namespace vigie::domain
