#pragma once
// Paths and small readers shared by the simulator's tests.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vigie::sim::test {

inline std::filesystem::path SourceDir() { return VIGIE_SOURCE_DIR; }
inline std::filesystem::path ProjectPersonas() { return SourceDir() / "tools/insi-sim/personas.csv"; }
inline std::filesystem::path TestCasesCsv() { return SourceDir() / "tests/data/insi-test-cases.csv"; }
inline std::filesystem::path CapturesDir() { return SourceDir() / "tests/data/insi-captures"; }
inline std::filesystem::path OfficialPersonas() { return std::filesystem::path(VIGIE_SHARED_DIR) / "spec/insi-test-personas.csv"; }

inline std::string ReadText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Plain comma split (the project's CSV test files hold no quoted fields).
inline std::vector<std::string> SplitComma(const std::string& line) {
    std::vector<std::string> fields(1);
    for (char c : line) {
        if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back().push_back(c);
        }
    }
    return fields;
}

inline std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

// The project's personas file cut down to the 11 official columns: the shape of the official file.
inline std::string OfficialShape(const std::string& projectCsv) {
    std::string out;
    for (const auto& line : Lines(projectCsv)) {
        auto fields = SplitComma(line);
        fields.resize(11);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out += (i ? "," : "") + fields[i];
        }
        out += "\n";
    }
    return out;
}

}  // namespace vigie::sim::test
