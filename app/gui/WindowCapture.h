#pragma once
// Screenshots for the GUI tier (issue #6). Reading the screen back (wxScreenDC / wxWindowDC blit)
// returns what the X server holds; under Xvfb with no compositor and no window manager, GTK 3
// repaints on its frame clock and the server-side contents of a window often lag behind (or
// belong to another window stacked above it), so successive captures came out identical. The
// window is therefore rendered directly, in its current state, by GTK into an offscreen cairo
// image (gtk_widget_draw — resolved at run time, no GTK headers needed); the screen blit is only
// the fallback (another port, or GTK not found). GUI thread only.

#include <wx/image.h>
#include <wx/window.h>

namespace vigie::gui {

// The window's current contents (children included); an invalid image if nothing worked.
wxImage CaptureWindow(wxWindow& window);

}  // namespace vigie::gui
