#include "tools/insi-sim/MediaType.h"

#include <cctype>
#include <vector>

#include "tools/insi-sim/TraitRules.h"

namespace vigie::sim {

namespace {

std::string Lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// Splits on ';' outside double quotes.
std::vector<std::string> SplitParams(std::string_view header) {
    std::vector<std::string> parts(1);
    bool quoted = false;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const char c = header[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (c == '\\' && quoted && i + 1 < header.size()) {
            parts.back().push_back(c);
            parts.back().push_back(header[++i]);
            continue;
        }
        if (c == ';' && !quoted) {
            parts.emplace_back();
        } else {
            parts.back().push_back(c);
        }
    }
    return parts;
}

std::string Unquote(const std::string& value) {
    if (value.size() < 2 || value.front() != '"' || value.back() != '"') {
        return value;
    }
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
        if (value[i] == '\\' && i + 2 < value.size()) {
            ++i;
        }
        out.push_back(value[i]);
    }
    return out;
}

}  // namespace

MediaType MediaType::Parse(std::string_view header) {
    MediaType media;
    const auto parts = SplitParams(header);
    media.type = Lower(Trim(parts.front()));
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto eq = parts[i].find('=');
        if (eq == std::string::npos) {
            continue;
        }
        media.params[Lower(Trim(parts[i].substr(0, eq)))] = Unquote(Trim(parts[i].substr(eq + 1)));
    }
    return media;
}

std::string MediaType::Param(const std::string& name) const {
    const auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

}  // namespace vigie::sim
