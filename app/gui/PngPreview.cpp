#include "app/gui/PngPreview.h"

#include <wx/image.h>
#include <wx/mstream.h>

namespace vigie::gui {

void ShowPngPreview(wxStaticBitmap& target, const std::vector<std::uint8_t>& png, const wxSize& minSize) {
    if (png.empty()) {
        target.SetBitmap(wxNullBitmap);
        return;
    }
    wxMemoryInputStream in(png.data(), png.size());
    wxImage image(in, wxBITMAP_TYPE_PNG);
    if (image.IsOk()) target.SetBitmap(wxBitmap(image));
    target.SetMinSize(minSize);
}

}  // namespace vigie::gui
