#include "tools/insi-sim/TraitRules.h"

#include <algorithm>

namespace vigie::sim {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '\''; }
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

bool IsInsiCharset(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return IsUpper(c) || IsSeparator(c); });
}

std::string SearchKey(std::string_view text) {
    std::string key;
    key.reserve(text.size());
    for (char c : text) {
        if (!IsSeparator(c)) {
            key.push_back(c);
        }
    }
    return key;
}

std::vector<std::string> SplitFirstNames(std::string_view firstNames) {
    std::vector<std::string> names;
    std::size_t pos = 0;
    while (pos < firstNames.size()) {
        const std::size_t end = std::min(firstNames.find(' ', pos), firstNames.size());
        if (end > pos) {
            names.emplace_back(firstNames.substr(pos, end - pos));
        }
        pos = end + 1;
    }
    return names;
}

bool IsDateShape(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != 4 && i != 7 && !IsDigit(text[i])) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> CardDateKey(std::string_view text) {
    auto digits = [](std::string_view part) {
        return !part.empty() && std::all_of(part.begin(), part.end(), IsDigit);
    };
    if (text.size() == 8 && digits(text)) {
        return std::string(text);
    }
    if (IsDateShape(text)) {
        return std::string(text.substr(0, 4)) + std::string(text.substr(5, 2)) + std::string(text.substr(8, 2));
    }
    if (text.size() == 10 && text[2] == '/' && text[5] == '/' && digits(text.substr(0, 2)) &&
        digits(text.substr(3, 2)) && digits(text.substr(6, 4))) {
        return std::string(text.substr(6, 4)) + std::string(text.substr(3, 2)) + std::string(text.substr(0, 2));
    }
    return std::nullopt;
}

bool IsCogShape(std::string_view text) {
    return text.size() == 5 && std::all_of(text.begin(), text.end(), [](char c) { return IsDigit(c) || IsUpper(c); });
}

bool IsNir13Shape(std::string_view text) {
    if (text.size() != 13) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool corsica = i == 6 && (text[i] == 'A' || text[i] == 'B');
        if (!IsDigit(text[i]) && !corsica) {
            return false;
        }
    }
    return true;
}

std::string Trim(std::string_view text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && IsBlank(text[begin])) {
        ++begin;
    }
    while (end > begin && IsBlank(text[end - 1])) {
        --end;
    }
    return std::string(text.substr(begin, end - begin));
}

}  // namespace vigie::sim
