#include "tools/insi-sim/PersonaStore.h"

#include <array>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/domain/Date.h"
#include "tools/insi-sim/TraitRules.h"

namespace vigie::sim {

namespace {

constexpr std::array<std::string_view, 11> kOfficialColumns = {
    "source", "birth_name", "birth_first_names", "sex", "birth_date", "birth_place",
    "nir13",  "key",        "oid",               "history", "notes"};
constexpr std::array<std::string_view, 4> kOptionalColumns = {"insured_nir", "insured_key", "birth_rank",
                                                              "card_birth_date"};
constexpr std::string_view kFaultPrefix = "fault:";
constexpr std::array<std::string_view, 2> kKnownFaults = {"insi_102", "desir_1020"};

// Splits one CSV line; nullopt when a quoted field is not closed.
std::optional<std::vector<std::string>> SplitCsv(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back().push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back().push_back(c);
            }
        } else if (c == '"' && fields.back().empty()) {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back().push_back(c);
        }
    }
    if (quoted) {
        return std::nullopt;
    }
    return fields;
}

bool IsTwoDigits(std::string_view text) {
    return text.size() == 2 && text[0] >= '0' && text[0] <= '9' && text[1] >= '0' && text[1] <= '9';
}

class RowReader {
public:
    RowReader(const std::string& origin, int line, const std::vector<std::string>& header,
              const std::vector<std::string>& fields)
        : m_origin(origin), m_line(line), m_header(header), m_fields(fields) {}

    std::string Get(std::string_view column) const {
        for (std::size_t i = 0; i < m_header.size(); ++i) {
            if (m_header[i] == column) {
                return i < m_fields.size() ? m_fields[i] : std::string();
            }
        }
        return {};
    }

    [[noreturn]] void Fail(std::string_view column, const std::string& problem) const {
        std::ostringstream out;
        out << m_origin << ":" << m_line << ": column " << column << ": " << problem;
        throw PersonaFileError(m_line, out.str());
    }

    InsEntry ParseHistoryEntry(const std::string& text, const std::string& oid) const {
        std::vector<std::string> parts(1);
        for (char c : text) {
            if (c == ':') {
                parts.emplace_back();
            } else {
                parts.back().push_back(c);
            }
        }
        if (parts.size() != 4) {
            Fail("history", "entry '" + text + "' is not nir13:key:start:end");
        }
        if (!IsNir13Shape(parts[0]) || !IsTwoDigits(parts[1])) {
            Fail("history", "entry '" + text + "' needs a 13-character NIR and a 2-digit key");
        }
        for (std::size_t i = 2; i < 4; ++i) {
            if (!parts[i].empty() && !domain::Date::Parse(parts[i])) {
                Fail("history", "entry '" + text + "' has an invalid date '" + parts[i] + "'");
            }
        }
        return InsEntry{parts[0], parts[1], oid, parts[2], parts[3]};
    }

private:
    const std::string& m_origin;
    int m_line;
    const std::vector<std::string>& m_header;
    const std::vector<std::string>& m_fields;
};

Persona ParseRow(const RowReader& row, int line) {
    Persona p;
    p.line = line;
    p.source = row.Get("source");
    if (p.source.starts_with(kFaultPrefix)) {
        p.faultCode = p.source.substr(kFaultPrefix.size());
        bool known = false;
        for (auto code : kKnownFaults) {
            known = known || p.faultCode == code;
        }
        if (!known) {
            row.Fail("source", "unknown fault '" + p.faultCode + "' (known: insi_102, desir_1020)");
        }
    } else if (p.source.empty()) {
        row.Fail("source", "empty");
    }
    p.birthName = row.Get("birth_name");
    p.firstNames = row.Get("birth_first_names");
    if (p.birthName.empty() || p.firstNames.empty()) {
        row.Fail(p.birthName.empty() ? "birth_name" : "birth_first_names", "empty");
    }
    p.sex = row.Get("sex");
    if (p.sex != "M" && p.sex != "F") {
        row.Fail("sex", "'" + p.sex + "' is not M or F");
    }
    p.birthDate = row.Get("birth_date");
    if (!IsDateShape(p.birthDate) || !domain::Date::Parse(p.birthDate)) {
        row.Fail("birth_date", "'" + p.birthDate + "' is not a valid AAAA-MM-JJ date");
    }
    p.birthPlace = row.Get("birth_place");
    if (!p.birthPlace.empty() && !IsCogShape(p.birthPlace)) {
        row.Fail("birth_place", "'" + p.birthPlace + "' is not a 5-character COG");
    }
    p.notes = row.Get("notes");
    const std::string oid = row.Get("oid");
    p.active = InsEntry{row.Get("nir13"), row.Get("key"), oid, "", ""};
    if (!p.IsFault()) {
        if (!IsNir13Shape(p.active.nir)) {
            row.Fail("nir13", "'" + p.active.nir + "' is not a 13-character NIR");
        }
        if (!IsTwoDigits(p.active.key)) {
            row.Fail("key", "'" + p.active.key + "' is not a 2-digit key");
        }
        if (oid.empty()) {
            row.Fail("oid", "empty");
        }
    }
    const std::string history = row.Get("history");
    std::size_t pos = 0;
    while (!history.empty() && pos <= history.size()) {
        const std::size_t end = std::min(history.find('|', pos), history.size());
        p.history.push_back(row.ParseHistoryEntry(history.substr(pos, end - pos), oid));
        pos = end + 1;
    }
    p.insuredNir = row.Get("insured_nir");
    p.insuredKey = row.Get("insured_key");
    if (!p.insuredNir.empty() && !IsNir13Shape(p.insuredNir)) {
        row.Fail("insured_nir", "'" + p.insuredNir + "' is not a 13-character NIR");
    }
    if (!p.insuredKey.empty() && !IsTwoDigits(p.insuredKey)) {
        row.Fail("insured_key", "'" + p.insuredKey + "' is not a 2-digit key");
    }
    const std::string rank = row.Get("birth_rank");
    if (!rank.empty()) {
        if (rank.size() != 1 || rank[0] < '1' || rank[0] > '9') {
            row.Fail("birth_rank", "'" + rank + "' is not a rank between 1 and 9");
        }
        p.birthRank = rank[0] - '0';
    }
    p.cardBirthDate = row.Get("card_birth_date");
    if (!p.cardBirthDate.empty() && !CardDateKey(p.cardBirthDate)) {
        row.Fail("card_birth_date", "'" + p.cardBirthDate + "' is not AAAAMMJJ or AAAA-MM-JJ (lunar dates allowed)");
    }
    return p;
}

std::vector<std::string> CheckHeader(const std::string& origin, const std::vector<std::string>& header) {
    auto fail = [&](const std::string& problem) -> void {
        throw PersonaFileError(1, origin + ":1: header: " + problem);
    };
    if (header.size() < kOfficialColumns.size()) {
        fail("expected at least the " + std::to_string(kOfficialColumns.size()) + " official columns");
    }
    for (std::size_t i = 0; i < kOfficialColumns.size(); ++i) {
        if (header[i] != kOfficialColumns[i]) {
            fail("column " + std::to_string(i + 1) + " is '" + header[i] + "', expected '" +
                 std::string(kOfficialColumns[i]) + "'");
        }
    }
    for (std::size_t i = kOfficialColumns.size(); i < header.size(); ++i) {
        bool known = false;
        for (auto name : kOptionalColumns) {
            known = known || header[i] == name;
        }
        for (std::size_t j = kOfficialColumns.size(); j < i; ++j) {
            if (header[j] == header[i]) {
                fail("column '" + header[i] + "' appears twice");
            }
        }
        if (!known) {
            fail("unknown column '" + header[i] + "'");
        }
    }
    return header;
}

}  // namespace

PersonaStore PersonaStore::LoadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw PersonaFileError(0, "cannot read the personas file " + path.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return Parse(text.str(), path.filename().string());
}

PersonaStore PersonaStore::Parse(std::string_view text, const std::string& origin) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    PersonaStore store;
    std::vector<std::string> header;
    int lineNumber = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        auto fields = SplitCsv(line);
        if (!fields) {
            throw PersonaFileError(lineNumber, origin + ":" + std::to_string(lineNumber) + ": unclosed quote");
        }
        if (header.empty()) {
            header = CheckHeader(origin, *fields);
            continue;
        }
        if (fields->size() < kOfficialColumns.size() || fields->size() > header.size()) {
            throw PersonaFileError(lineNumber, origin + ":" + std::to_string(lineNumber) + ": " +
                                                   std::to_string(fields->size()) + " fields, expected " +
                                                   std::to_string(kOfficialColumns.size()) + " to " +
                                                   std::to_string(header.size()));
        }
        const RowReader row(origin, lineNumber, header, *fields);
        store.m_personas.push_back(ParseRow(row, lineNumber));
    }
    if (header.empty()) {
        throw PersonaFileError(1, origin + ":1: empty personas file (no header)");
    }
    return store;
}

}  // namespace vigie::sim
