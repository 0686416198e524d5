#pragma once
// Reads the personas file: the official `insi-test-personas.csv` exactly as it is (11 columns),
// or the project's copy with the optional trailing columns
// `insured_nir,insured_key,birth_rank,card_birth_date` (any subset, any order, after the 11).
// A row may stop before the optional columns (they are then empty). Blank lines and lines
// starting with '#' are ignored. Fields may be double-quoted (RFC 4180).
//
// Errors: a malformed file throws PersonaFileError naming the file, the line and the column.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Errors.h"
#include "tools/insi-sim/Persona.h"

namespace vigie::sim {

class PersonaFileError : public BadInputError {
public:
    PersonaFileError(int line, const std::string& message)
        : BadInputError("sim.personas", message), m_line(line) {}
    int Line() const noexcept { return m_line; }

private:
    int m_line;
};

class PersonaStore {
public:
    PersonaStore() = default;

    static PersonaStore LoadFile(const std::filesystem::path& path);
    // `origin` names the source in error messages ("personas.csv:12: …").
    static PersonaStore Parse(std::string_view text, const std::string& origin = "personas");

    const std::vector<Persona>& All() const noexcept { return m_personas; }

private:
    std::vector<Persona> m_personas;
};

}  // namespace vigie::sim
