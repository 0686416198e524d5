#pragma once
// A small `key = value` configuration file (# comments, blank lines), as written by
// `vigie-insi-sim pki` and documented in the README. Unknown keys are kept (other modules read
// their own); a malformed line is bad input with its line number.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vigie::util {

class ConfigFile {
public:
    static ConfigFile Load(const std::string& path);   // BadInputError / EnvironmentError, in French
    static ConfigFile Parse(const std::string& text, const std::string& origin);

    std::optional<std::string> Get(const std::string& key) const;
    std::string Require(const std::string& key) const;                 // BadInputError when missing
    long GetLong(const std::string& key, long fallback, long min, long max) const;
    double GetDouble(const std::string& key, double fallback, double min, double max) const;
    bool GetBool(const std::string& key, bool fallback) const;
    const std::string& Origin() const { return m_origin; }

    // Writing (ConfigFileWrite.cpp; Réglages › Connexion INSi, issue #6).
    using Changes = std::vector<std::pair<std::string, std::optional<std::string>>>;
    // `text` with `changes` applied: a present key gets its new value on its own line (comments,
    // blank lines, order and every other key untouched); nullopt removes the key's line; a new
    // key is appended at the end. Values are written trimmed; a value with a line break is
    // BadInputError.
    static std::string Edit(const std::string& text, const Changes& changes);
    // Replaces `path` atomically: a temporary file in the same directory (mode `mode`), written,
    // fsync'ed, renamed over `path`, then the directory fsync'ed. EnvironmentError (French) on
    // failure, the original file untouched.
    static void WriteAtomically(const std::string& path, const std::string& text, unsigned mode = 0600);

private:
    std::map<std::string, std::string> m_values;
    std::map<std::string, int> m_lines;
    std::string m_origin;
};

}  // namespace vigie::util
