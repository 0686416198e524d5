#include "app/gui/Palette.h"

#include <wx/settings.h>

namespace vigie::gui {

using presenters::Tone;

wxColour Background(Tone tone) {
    switch (tone) {
        case Tone::Provisoire: return wxColour(0x9E, 0x9E, 0x9E);  // grey: nothing checked yet
        case Tone::Recuperee: return wxColour(0x1E, 0x63, 0xB4);   // blue: from INSi
        case Tone::Validee: return wxColour(0x6A, 0x3D, 0x9A);     // violet: document checked
        case Tone::Qualifiee: return wxColour(0x1B, 0x7F, 0x3B);   // green: both
        case Tone::Info: return wxColour(0xE3, 0xF2, 0xFD);
        case Tone::Warning: return wxColour(0xFF, 0xE0, 0x82);
        case Tone::Danger: return wxColour(0xC6, 0x28, 0x28);
        case Tone::Neutral: break;
    }
    return wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
}

wxColour Foreground(Tone tone) {
    switch (tone) {
        case Tone::Provisoire:
        case Tone::Recuperee:
        case Tone::Validee:
        case Tone::Qualifiee:
        case Tone::Danger: return *wxWHITE;
        case Tone::Warning:
        case Tone::Info: return *wxBLACK;
        case Tone::Neutral: break;
    }
    return wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
}

wxFont LargeFont(int pointsMore, bool bold) {
    wxFont f = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    f.SetPointSize(f.GetPointSize() + pointsMore);
    if (bold) f.MakeBold();
    return f;
}

}  // namespace vigie::gui
