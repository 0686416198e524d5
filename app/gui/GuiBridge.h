#pragma once
// The hop back to the GUI thread (FileZilla/Poedit style): background code posts a call with
// CallAfter; it runs only if the window still exists (wxWeakRef). The weak reference is created
// and read on the GUI thread only; other threads copy the shared_ptr holding it (thread-safe).

#include <memory>
#include <utility>

#include <wx/app.h>
#include <wx/weakref.h>

namespace vigie::gui {

template <class W>
using WindowRef = std::shared_ptr<wxWeakRef<W>>;

template <class W>
WindowRef<W> MakeWindowRef(W* window) {  // GUI thread
    return std::make_shared<wxWeakRef<W>>(window);
}

// Any thread: runs `fn(window)` later on the GUI thread, if the window is still alive.
template <class W, class F>
void PostToGui(const WindowRef<W>& ref, F fn) {
    if (!wxTheApp) return;
    wxTheApp->CallAfter([ref, fn = std::move(fn)]() mutable {
        if (W* w = ref->get()) fn(*w);
    });
}

}  // namespace vigie::gui
