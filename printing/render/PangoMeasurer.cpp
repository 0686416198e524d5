#include "printing/render/PangoMeasurer.h"

#include "printing/render/Code128.h"
#include "printing/render/TextEngine.h"
#include "printing/symbol/DatamatrixSymbol.h"

namespace vigie::printing {

PangoMeasurer::PangoMeasurer() : m_text(std::make_unique<detail::TextEngine>()) {}
PangoMeasurer::~PangoMeasurer() = default;

double PangoMeasurer::TextWidthMm(std::string_view text, const FontSpec& font) const {
    return m_text->Measure(text, font).widthPt * detail::kMmPerPt;
}

double PangoMeasurer::LineHeightMm(const FontSpec& font) const {
    return m_text->LineHeightPt(font) * detail::kMmPerPt;
}

int PangoMeasurer::DatamatrixModules(std::string_view payload) const {
    return EncodeDatamatrixC40(payload).size;
}

int PangoMeasurer::Code128Modules(std::string_view data) const {
    return static_cast<int>(EncodeCode128(data).size()) + 2 * kCode128QuietModules;
}

}  // namespace vigie::printing
