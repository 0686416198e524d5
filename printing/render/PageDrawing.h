#pragma once
// Private to printing/render: draws a Page on any cairo target (PDF, SVG, image). Every public
// renderer goes through here, so a page looks the same in every format.

#include "printing/model/Page.h"
#include "printing/symbol/DatamatrixSymbol.h"

typedef struct _cairo cairo_t;  // cairo's own typedef; cairo.h stays in .cpp files

namespace vigie::printing::detail {

class TextEngine;

// `cr`'s user space must be millimetres, origin at the top-left of the page, no rotation.
// pixelsPerMm > 0 tells that the target is a raster of that resolution: barcode modules are
// then snapped to a whole number of pixels (rounded, and reduced when needed so that the symbol
// and its quiet zone stay inside the layout's box), which decoders need. 0 = vector target:
// modules drawn at exactly moduleMm. InternalError when a barcode box is smaller than its symbol
// with its quiet zone (a layout bug).
void DrawPage(cairo_t* cr, const Page& page, TextEngine& text, double pixelsPerMm);

// The page rasterised at `pixelsPerMm`, white background, 8-bit gray (0 = black).
// BadInputError (French) for an absurd resolution or an image over 200 megapixels.
GrayImage RasterizePage(const Page& page, double pixelsPerMm);

}  // namespace vigie::printing::detail
