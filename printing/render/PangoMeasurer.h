#pragma once
// IMeasurer with the engines that draw: Pango (through TextEngine, the renderers' own text set-up)
// for text, libdmtx (EncodeDatamatrixC40) for the Datamatrix INS, zint for Code 128. A width
// measured here is the width the PDF, PNG, SVG and ZPL renderers draw, at any resolution.
//
// Thread affinity: one thread at a time (IMeasurer's contract); create one per thread.
// Errors: InternalError when Pango or an encoder is unusable; BadInputError (French) when a
// Code 128 cannot carry the data.

#include <memory>

#include "printing/model/Page.h"

namespace vigie::printing {

namespace detail {
class TextEngine;
}

class PangoMeasurer final : public IMeasurer {
public:
    PangoMeasurer();
    ~PangoMeasurer() override;
    PangoMeasurer(const PangoMeasurer&) = delete;
    PangoMeasurer& operator=(const PangoMeasurer&) = delete;

    double TextWidthMm(std::string_view text, const FontSpec& font) const override;
    double LineHeightMm(const FontSpec& font) const override;
    int DatamatrixModules(std::string_view payload) const override;
    int Code128Modules(std::string_view data) const override;

private:
    std::unique_ptr<detail::TextEngine> m_text;  // const methods measure through it (no shared state)
};

}  // namespace vigie::printing
