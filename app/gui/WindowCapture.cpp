#include "app/gui/WindowCapture.h"

#include <dlfcn.h>

#include <cstdint>

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>

namespace vigie::gui {

namespace {

// The few GTK 3 / cairo entry points used, looked up in the already loaded libraries.
struct Gtk {
    void* (*surfaceCreate)(int format, int width, int height) = nullptr;  // cairo_image_surface_create
    void* (*create)(void* surface) = nullptr;                            // cairo_create
    void (*destroy)(void* cr) = nullptr;                                 // cairo_destroy
    void (*surfaceFlush)(void* surface) = nullptr;
    void (*surfaceDestroy)(void* surface) = nullptr;
    unsigned char* (*data)(void* surface) = nullptr;
    int (*stride)(void* surface) = nullptr;
    void (*draw)(void* widget, void* cr) = nullptr;                       // gtk_widget_draw
    bool Ok() const { return surfaceCreate && create && destroy && surfaceFlush && surfaceDestroy && data && stride && draw; }
};

template <class F>
void Resolve(F& f, const char* name) {
    f = reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
}

const Gtk& Symbols() {
    static const Gtk gtk = [] {
        Gtk g;
        Resolve(g.surfaceCreate, "cairo_image_surface_create");
        Resolve(g.create, "cairo_create");
        Resolve(g.destroy, "cairo_destroy");
        Resolve(g.surfaceFlush, "cairo_surface_flush");
        Resolve(g.surfaceDestroy, "cairo_surface_destroy");
        Resolve(g.data, "cairo_image_surface_get_data");
        Resolve(g.stride, "cairo_image_surface_get_stride");
        Resolve(g.draw, "gtk_widget_draw");
        return g;
    }();
    return gtk;
}

wxImage Rendered(wxWindow& window) {
#ifdef __WXGTK3__
    const Gtk& g = Symbols();
    const wxSize size = window.GetSize();
    if (!g.Ok() || !window.GetHandle() || size.x <= 0 || size.y <= 0) return {};
    window.Update();  // pending size events / layout first
    void* surface = g.surfaceCreate(0 /* CAIRO_FORMAT_ARGB32 */, size.x, size.y);
    void* cr = g.create(surface);
    g.draw(window.GetHandle(), cr);
    g.destroy(cr);
    g.surfaceFlush(surface);
    wxImage image(size.x, size.y);
    const unsigned char* src = g.data(surface);
    const int stride = g.stride(surface);
    unsigned char* dst = image.GetData();
    for (int y = 0; y < size.y; ++y)
        for (int x = 0; x < size.x; ++x) {
            const std::uint32_t px = *reinterpret_cast<const std::uint32_t*>(src + y * stride + x * 4);
            const unsigned a = px >> 24;  // premultiplied ARGB, composed over white
            const auto channel = [&](int shift) {
                return static_cast<unsigned char>(((px >> shift) & 0xff) + (255 - a));
            };
            *dst++ = channel(16);
            *dst++ = channel(8);
            *dst++ = channel(0);
        }
    g.surfaceDestroy(surface);
    return image;
#else
    (void)window;
    return {};
#endif
}

wxImage FromScreen(wxWindow& window) {
    const wxRect r = window.GetScreenRect();
    wxBitmap bmp(r.GetWidth(), r.GetHeight());
    {
        wxScreenDC screen;
        wxMemoryDC mem(bmp);
        mem.Blit(0, 0, r.GetWidth(), r.GetHeight(), &screen, r.GetX(), r.GetY());
    }
    return bmp.ConvertToImage();
}

}  // namespace

wxImage CaptureWindow(wxWindow& window) {
    wxImage image = Rendered(window);
    return image.IsOk() ? image : FromScreen(window);
}

}  // namespace vigie::gui
