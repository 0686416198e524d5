#pragma once
// A page as a raster image at a given resolution: 8-bit gray (tests, previews, label drivers
// that take images). Barcode modules are a whole number of pixels (see PageDrawing.h).
// Thread affinity: any thread; calls are independent (each builds its own Pango context on the
// thread's default font map, per thread since Pango 1.32.6).

#include <cstdint>
#include <string>
#include <vector>

#include "printing/model/Page.h"
#include "printing/symbol/DatamatrixSymbol.h"

namespace vigie::printing {

// The page at `dpi` (25–2540), white background, 0 = black. BadInputError (French) for an
// out-of-range resolution or an image over 200 megapixels.
GrayImage RenderPageGray(const Page& page, int dpi);

// The same as an 8-bit gray PNG carrying its resolution (pHYs), in memory.
std::vector<std::uint8_t> RenderPagePng(const Page& page, int dpi);

// … written to a file; EnvironmentError (French) when it cannot be written.
void WritePagePng(const Page& page, int dpi, const std::string& path);

}  // namespace vigie::printing
