#include "printing/model/TextFit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vigie::printing {

namespace {

// Tolerance for floating point comparisons of widths (far below a printer dot).
constexpr double kEpsilonMm = 1e-9;
constexpr double kShrinkStepPt = 0.5;

struct Token {
    std::string text;        // the word, with its trailing hyphen(s) or slash if any
    bool spaceAfter = false; // a space follows (dropped when the line breaks there)
};

// Break opportunities: after a run of spaces, after a run of '-' or a '/'.
std::vector<Token> Tokenize(std::string_view text) {
    std::vector<Token> tokens;
    Token current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ') {
            if (!current.text.empty()) {
                current.spaceAfter = true;
                tokens.push_back(std::move(current));
                current = {};
            } else if (!tokens.empty()) {
                tokens.back().spaceAfter = true;  // a run of spaces: one break opportunity
            }
            continue;
        }
        current.text += c;
        const bool breakAfter = (c == '-' && (i + 1 >= text.size() || text[i + 1] != '-')) || c == '/';
        if (breakAfter) {
            tokens.push_back(std::move(current));
            current = {};
        }
    }
    if (!current.text.empty()) tokens.push_back(std::move(current));
    return tokens;
}

bool Fits(std::string_view text, double widthMm, const FontSpec& font, const IMeasurer& m) {
    return m.TextWidthMm(text, font) <= widthMm + kEpsilonMm;
}

// Splits a word wider than the width between code points; each piece holds at least one.
std::vector<std::string> BreakWord(const std::string& word, double widthMm, const FontSpec& font,
                                   const IMeasurer& m) {
    std::vector<std::string> pieces;
    std::string piece;
    std::size_t i = 0;
    while (i < word.size()) {
        const std::size_t start = i;
        char32_t cp = 0;
        DecodeUtf8(word, i, cp);
        const std::string next = piece + word.substr(start, i - start);
        if (!piece.empty() && !Fits(next, widthMm, font, m)) {
            pieces.push_back(std::move(piece));
            piece = word.substr(start, i - start);
        } else {
            piece = next;
        }
    }
    if (!piece.empty()) pieces.push_back(std::move(piece));
    return pieces;
}

std::string FormatOneDecimal(double value) {
    const double rounded = std::round(value * 10.0) / 10.0;
    char buf[32];
    if (std::fabs(rounded - std::round(rounded)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", rounded);
    else
        std::snprintf(buf, sizeof buf, "%.1f", rounded);
    std::string s(buf);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

}  // namespace

bool DecodeUtf8(std::string_view s, std::size_t& i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    std::size_t n = 0;
    if (b0 < 0x80) { cp = b0; ++i; return true; }
    if ((b0 & 0xE0) == 0xC0) { n = 1; cp = b0 & 0x1Fu; }
    else if ((b0 & 0xF0) == 0xE0) { n = 2; cp = b0 & 0x0Fu; }
    else if ((b0 & 0xF8) == 0xF0) { n = 3; cp = b0 & 0x07u; }
    else { cp = 0xFFFD; ++i; return false; }
    if (i + n >= s.size()) { cp = 0xFFFD; ++i; return false; }  // truncated sequence
    char32_t value = cp;
    for (std::size_t k = 1; k <= n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) { cp = 0xFFFD; ++i; return false; }
        value = (value << 6) | (byte(i + k) & 0x3Fu);
    }
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (value < kMin[n] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        cp = 0xFFFD; ++i; return false;
    }
    cp = value;
    i += n + 1;
    return true;
}

std::size_t Utf8Length(std::string_view s) {
    std::size_t count = 0;
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size(); ++count) DecodeUtf8(s, i, cp);
    return count;
}

std::optional<std::vector<std::string>> WrapText(std::string_view text, double widthMm, const FontSpec& font,
                                                 const IMeasurer& m, bool breakLongWords) {
    std::vector<std::string> lines;
    std::string line;
    bool pendingSpace = false;  // the previous token on this line was followed by a space
    for (Token& token : Tokenize(text)) {
        std::string candidate = line.empty() ? token.text : line + (pendingSpace ? " " : "") + token.text;
        if (Fits(candidate, widthMm, font, m)) {
            line = std::move(candidate);
        } else {
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            if (Fits(token.text, widthMm, font, m)) {
                line = token.text;
            } else {
                if (!breakLongWords) return std::nullopt;
                std::vector<std::string> pieces = BreakWord(token.text, widthMm, font, m);
                line = std::move(pieces.back());
                pieces.pop_back();
                for (std::string& p : pieces) lines.push_back(std::move(p));
            }
        }
        pendingSpace = token.spaceAfter;
    }
    if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
    return lines;
}

std::optional<FittedText> ShrinkThenWrap(std::string_view text, double widthMm, FontSpec font, double minSizePt,
                                         const IMeasurer& m) {
    const double start = font.sizePt;
    for (int step = 0;; ++step) {
        font.sizePt = std::max(minSizePt, start - kShrinkStepPt * step);
        if (Fits(text, widthMm, font, m)) return FittedText{font.sizePt, {std::string(text)}};
        if (font.sizePt <= minSizePt) break;
    }
    auto lines = WrapText(text, widthMm, font, m);
    if (!lines) return std::nullopt;
    return FittedText{font.sizePt, std::move(*lines)};
}

std::string FormatMm(double mm) { return FormatOneDecimal(mm); }
std::string FormatPt(double pt) { return FormatOneDecimal(pt); }

}  // namespace vigie::printing
