#pragma once
// The presenters' colour tokens as colours: one palette for the whole app, strong contrasts
// (readable at a distance), the status colours matching the badge words.

#include <wx/colour.h>
#include <wx/font.h>

#include "app/presenters/CounterView.h"

namespace vigie::gui {

wxColour Background(presenters::Tone tone);  // badge, banner, highlighted row
wxColour Foreground(presenters::Tone tone);  // text on that background
wxFont LargeFont(int pointsMore, bool bold = false);

}  // namespace vigie::gui
