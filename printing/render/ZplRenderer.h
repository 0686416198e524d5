#pragma once
// A label as ZPL II for Zebra printers sent raw (port 9100, or a CUPS raw queue).
//
// The whole label goes as one ^GF graphic (split in bands when over ZPL's 99,999-byte limit),
// drawn by the same code as the PNG (PageDrawing) at the printer's exact dot pitch:
//  - Datamatrix INS and Code 128: a whole number of dots per module, as the spec asks. ZPL's
//    own ^BX cannot force the C40 header and needs GS escaping, so it is not used.
//  - Text: rasterised with Pango rather than ZPL fields (^CI28 + ^A0). The layout measured
//    every line with DejaVu Sans through Pango and guaranteed that it fits its box; ^A0 is the
//    printer's CG Triumvirate Bold Condensed, whose advances differ per glyph, per firmware and
//    with the ^A0 width parameter, so a name that fits on screen could be cut on the label
//    (or overlap the Datamatrix) with nothing to tell us. Rasterising prints exactly what was
//    measured and what the PDF preview shows, accents included, whatever the firmware's code
//    pages. The cost is a larger job (compressed below), irrelevant for a label.
// Pixels are black below 50 % gray: a thermal head cannot print gray, so a light box fill
// disappears and a dark one is solid.
// Data uses ZPL's ASCII compression (repeat counts G–Y/g–z, "," for a white row end, "!" for a
// black one, ":" for a repeated row), which makes the white areas of a label nearly free.
// Thread affinity: any thread; calls are independent (each builds its own Pango context on the
// thread's default font map, per thread since Pango 1.32.6).

#include <string>

#include "printing/model/Page.h"

namespace vigie::printing {

// dpi: 203 (8 dots/mm), 300 (12 dots/mm) or 600 (24 dots/mm), the Zebra print heads; the exact
// dots-per-mm is used. BadInputError (French) for another resolution.
std::string RenderZpl(const Page& page, int dpi);

}  // namespace vigie::printing
