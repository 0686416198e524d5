#include "core/util/ConfigFile.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/domain/Errors.h"

namespace vigie::util {
namespace {
std::string Number(double d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}

std::string Trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}
}  // namespace

ConfigFile ConfigFile::Load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw EnvironmentError("config.open", "Fichier de configuration illisible : « " + path + " ».");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return Parse(buffer.str(), path);
}

ConfigFile ConfigFile::Parse(const std::string& text, const std::string& origin) {
    ConfigFile c;
    c.m_origin = origin;
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        const std::string t = Trim(line);
        if (t.empty() || t[0] == '#') continue;
        const auto eq = t.find('=');
        if (eq == std::string::npos || Trim(t.substr(0, eq)).empty())
            throw BadInputError("config.syntax", origin + ", ligne " + std::to_string(n) + " : « clé = valeur » attendu.");
        const std::string key = Trim(t.substr(0, eq));
        if (c.m_values.count(key))
            throw BadInputError("config.duplicate", origin + ", ligne " + std::to_string(n) + " : clé « " + key +
                                                        " » déjà définie ligne " + std::to_string(c.m_lines[key]) + ".");
        c.m_values[key] = Trim(t.substr(eq + 1));
        c.m_lines[key] = n;
    }
    return c;
}

std::optional<std::string> ConfigFile::Get(const std::string& key) const {
    auto it = m_values.find(key);
    if (it == m_values.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

std::string ConfigFile::Require(const std::string& key) const {
    auto v = Get(key);
    if (!v) throw BadInputError("config.missing", m_origin + " : réglage obligatoire manquant « " + key + " ».");
    return *v;
}

long ConfigFile::GetLong(const std::string& key, long fallback, long min, long max) const {
    auto v = Get(key);
    if (!v) return fallback;
    errno = 0;
    char* end = nullptr;
    const long n = std::strtol(v->c_str(), &end, 10);
    if (errno || !end || *end || n < min || n > max)
        throw BadInputError("config.value", m_origin + ", ligne " + std::to_string(m_lines.at(key)) + " : « " + key +
                                                " » doit être un entier entre " + std::to_string(min) + " et " +
                                                std::to_string(max) + ".");
    return n;
}

double ConfigFile::GetDouble(const std::string& key, double fallback, double min, double max) const {
    auto v = Get(key);
    if (!v) return fallback;
    errno = 0;
    char* end = nullptr;
    const double d = std::strtod(v->c_str(), &end);
    if (errno || !end || *end || !(d >= min && d <= max))
        throw BadInputError("config.value", m_origin + ", ligne " + std::to_string(m_lines.at(key)) + " : « " + key +
                                                " » doit être un nombre entre " + Number(min) + " et " + Number(max) + ".");
    return d;
}

bool ConfigFile::GetBool(const std::string& key, bool fallback) const {
    auto v = Get(key);
    if (!v) return fallback;
    if (*v == "true" || *v == "yes" || *v == "1") return true;
    if (*v == "false" || *v == "no" || *v == "0") return false;
    throw BadInputError("config.value", m_origin + ", ligne " + std::to_string(m_lines.at(key)) + " : « " + key +
                                            " » doit valoir true ou false.");
}

}  // namespace vigie::util
