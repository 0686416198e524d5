#pragma once
// Fitting text into a width, shared by label and document layout. Text is never cut: it is
// shrunk (labels, down to a minimum size), then wrapped at word boundaries (after a space, which
// is dropped at the break, or after a hyphen or a slash, which stay at the end of the line).
// Documents may, as a last resort, break a word that is wider than the column between two
// characters: every character is still printed, on the next line.
//
// Pure functions over IMeasurer; UTF-8 in, UTF-8 out.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "printing/model/Page.h"

namespace vigie::printing {

// Decodes one code point at `i` and advances `i`. Invalid sequences consume one byte and return
// false (cp = U+FFFD).
bool DecodeUtf8(std::string_view s, std::size_t& i, char32_t& cp);
// Number of code points (an invalid byte counts as one).
std::size_t Utf8Length(std::string_view s);

// Greedy wrap at word boundaries. nullopt when one word alone is wider than `widthMm`
// (labels refuse then; `breakLongWords` makes documents break such a word between characters).
std::optional<std::vector<std::string>> WrapText(std::string_view text, double widthMm, const FontSpec& font,
                                                 const IMeasurer& measurer, bool breakLongWords = false);

struct FittedText {
    double sizePt = 0;
    std::vector<std::string> lines;  // one line when it fitted by shrinking alone
};

// Labels: from `font.sizePt` down to `minSizePt` in 0.5 pt steps the first size at which the
// text fits on one line; otherwise wrapped at `minSizePt`. nullopt when a single word does not
// fit even at the minimum size.
std::optional<FittedText> ShrinkThenWrap(std::string_view text, double widthMm, FontSpec font, double minSizePt,
                                         const IMeasurer& measurer);

// Millimetres for French messages: "62", "101,6" (at most one decimal, comma).
std::string FormatMm(double mm);
// Points: "6", "6,5".
std::string FormatPt(double pt);

}  // namespace vigie::printing
