#pragma once
// Shows a PNG rendered by the printing module (printing/render) in a wxStaticBitmap: the label
// or document preview of the Impression dialog and of the label rule editor.

#include <wx/statbmp.h>

#include <cstdint>
#include <vector>

namespace vigie::gui {

// An empty `png` clears the preview; `minSize` keeps the layout stable while previews change.
void ShowPngPreview(wxStaticBitmap& target, const std::vector<std::uint8_t>& png, const wxSize& minSize);

}  // namespace vigie::gui
