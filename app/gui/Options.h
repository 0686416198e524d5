#pragma once
// The command line of the counter app.

#include <optional>
#include <string>
#include <vector>

namespace vigie::gui {

struct Options {
    bool demo = false;                      // embedded stack: SQLite, INSi simulator, simulated reader
    std::optional<std::string> automation;  // test hook: a command file (Automation.h)
    std::optional<std::string> results;     // where the automation writes its results (JSON lines)
    std::optional<std::string> reader;      // PC/SC reader name (real mode)
    std::optional<std::string> db;
    std::optional<std::string> config;
    std::optional<std::string> user;
    bool headless = false;                  // forced (tests); also chosen when there is no display
    bool help = false;
};

// BadInputError (French) on an unknown option.
Options ParseOptions(const std::vector<std::string>& args);
extern const char* kUsage;

}  // namespace vigie::gui
