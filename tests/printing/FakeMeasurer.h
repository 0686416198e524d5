#pragma once
// A deterministic IMeasurer for layout tests (shared by the printing suites): every character
// has the same advance, so expected widths can be computed by hand.
//   text width   = code points × 0.55 × size pt × 0.3528 mm  (bold and family ignored)
//   line height  = 1.2 × size pt × 0.3528 mm
//   Datamatrix   = 36 modules per side up to 100 payload bytes, else 44 (quiet zone excluded)
//   Code 128     = 11 × (n + 3) + 2 + 20 modules for n characters (quiet zones included)

#include <cstddef>
#include <string_view>

#include "printing/model/Page.h"

namespace vigie::test {

class FakeMeasurer final : public printing::IMeasurer {
public:
    static constexpr double kMmPerPt = 0.3528;

    // Code points: every byte that is not a UTF-8 continuation byte starts one.
    static std::size_t CodePoints(std::string_view text) {
        std::size_t n = 0;
        for (unsigned char c : text)
            if ((c & 0xC0) != 0x80) ++n;
        return n;
    }
    double TextWidthMm(std::string_view text, const printing::FontSpec& font) const override {
        return static_cast<double>(CodePoints(text)) * 0.55 * font.sizePt * kMmPerPt;
    }
    double LineHeightMm(const printing::FontSpec& font) const override { return 1.2 * font.sizePt * kMmPerPt; }
    int DatamatrixModules(std::string_view payload) const override { return payload.size() <= 100 ? 36 : 44; }
    int Code128Modules(std::string_view data) const override {
        return 11 * (static_cast<int>(data.size()) + 3) + 2 + 20;
    }
};

}  // namespace vigie::test
