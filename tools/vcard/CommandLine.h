#pragma once
// vigie-vcard's command line:
//   vigie-vcard --card FILE [--port N] [--hold SECONDS] [--connect-timeout SECONDS] [--verbose]
//   vigie-vcard --interactive --cards DIR [--port N] [--verbose]
//   vigie-vcard --check FILE...      (validates card files, prints one line each)

#include <optional>
#include <string>
#include <vector>

namespace vigie::vcard {

struct Options {
    enum class Mode { Card, Interactive, Check, Help };
    Mode mode = Mode::Help;
    std::string cardFile;
    std::string cardsDir;
    std::vector<std::string> checkFiles;
    int port = 35963;
    std::optional<double> holdSeconds;
    double connectTimeoutSeconds = 10;
    bool verbose = false;
};

class CommandLine {
public:
    // Throws std::invalid_argument with a French message on a bad command line.
    static Options Parse(const std::vector<std::string>& args);
    static const char* Usage();
};

}  // namespace vigie::vcard
