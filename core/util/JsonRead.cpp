#include "core/util/JsonRead.h"

#include "core/util/Utf8.h"

namespace vigie::util {

namespace {

class Reader {
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    void SkipSpace() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' ||
                                         m_text[m_pos] == '\t'))
            ++m_pos;
    }
    bool Eat(char c) {
        SkipSpace();
        if (m_pos >= m_text.size() || m_text[m_pos] != c) return false;
        ++m_pos;
        return true;
    }
    char Peek() {
        SkipSpace();
        return m_pos < m_text.size() ? m_text[m_pos] : '\0';
    }

    // A string literal at the cursor, decoded (\uXXXX to UTF-8, surrogate pairs joined).
    std::optional<std::string> String() {
        if (!Eat('"')) return std::nullopt;
        std::string out;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"') return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size()) return std::nullopt;
            const char e = m_text[m_pos++];
            switch (e) {
                case '"': case '\\': case '/': out += e; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    auto cp = Hex4();
                    if (!cp) return std::nullopt;
                    if (*cp >= 0xD800 && *cp < 0xDC00 && m_text.substr(m_pos, 2) == "\\u") {
                        m_pos += 2;
                        auto low = Hex4();
                        if (!low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
                        *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
                    }
                    util::AppendUtf8(out, static_cast<char32_t>(*cp));
                    break;
                }
                default: return std::nullopt;
            }
        }
        return std::nullopt;  // unterminated
    }

    // Skips one value of any kind; false when the text cannot be followed.
    bool SkipValue() {
        const char c = Peek();
        if (c == '"') return String().has_value();
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_pos;
            if (Eat(close)) return true;
            do {
                if (close == '}' && (!String() || !Eat(':'))) return false;
                if (!SkipValue()) return false;
            } while (Eat(','));
            return Eat(close);
        }
        const std::size_t start = m_pos;  // number, true, false, null
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '}' && m_text[m_pos] != ']' &&
               m_text[m_pos] != ' ' && m_text[m_pos] != '\n')
            ++m_pos;
        return m_pos > start;
    }

private:
    std::optional<unsigned> Hex4() {
        if (m_pos + 4 > m_text.size()) return std::nullopt;
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_text[m_pos++];
            v <<= 4;
            if (h >= '0' && h <= '9') v |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') v |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') v |= static_cast<unsigned>(h - 'A' + 10);
            else return std::nullopt;
        }
        return v;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

}  // namespace

std::optional<std::string> TopLevelString(std::string_view json, std::string_view key) {
    Reader r(json);
    if (!r.Eat('{')) return std::nullopt;
    if (r.Eat('}')) return std::nullopt;
    do {
        auto name = r.String();
        if (!name || !r.Eat(':')) return std::nullopt;
        if (*name == key) return r.Peek() == '"' ? r.String() : std::nullopt;
        if (!r.SkipValue()) return std::nullopt;
    } while (r.Eat(','));
    return std::nullopt;
}

}  // namespace vigie::util
