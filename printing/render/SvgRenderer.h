#pragma once
// A Page as SVG (cairo): width and height in millimetres, barcodes as vector rectangles at their
// exact module size, text as glyph outlines (cairo's SVG output does not keep text as text).
// Thread affinity: any thread; calls are independent (each builds its own Pango context on the
// thread's default font map, per thread since Pango 1.32.6).

#include <string>

#include "printing/model/Page.h"

namespace vigie::printing {

// The SVG document (UTF-8 XML). InternalError when cairo fails.
std::string RenderSvg(const Page& page);

// To a file; EnvironmentError (French) when it cannot be written.
void WriteSvg(const Page& page, const std::string& path);

}  // namespace vigie::printing
