#pragma once
// A small argument reader for vigie-cli: positional words, `--name value` options and flags.
// Unknown or repeated options are bad input, reported in French.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vigie::cli {

class Args {
public:
    // `flags` are options without a value (e.g. --json, --force); every other --x takes one.
    Args(const std::vector<std::string>& argv, const std::set<std::string>& flags);

    const std::vector<std::string>& Positional() const { return m_positional; }
    std::string Word(std::size_t index, const char* what) const;  // BadInputError if missing
    std::optional<std::string> Opt(const std::string& name);
    std::string Required(const std::string& name);
    bool Flag(const std::string& name);
    // Fails on any option that no call to Opt/Required/Flag consumed, and on extra words.
    void Done(std::size_t expectedPositional) const;

private:
    std::vector<std::string> m_positional;
    std::map<std::string, std::string> m_options;
    std::set<std::string> m_flags;
    std::set<std::string> m_used;
};

}  // namespace vigie::cli
