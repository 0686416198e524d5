#pragma once
// The printing display list: what a label or a document looks like, in millimetres, before any
// renderer touches it. Layout code (printing/model) produces it; renderers (printing/render:
// PDF/PNG/SVG through cairo + Pango, ZPL) draw it exactly, without wrapping or shrinking
// anything themselves — every decision about fitting text is taken once, in the layout, where
// it is tested. Coordinates: origin at the top-left corner of the page, x to the right, y down.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vigie::printing {

struct FontSpec {
    std::string family = "DejaVu Sans";  // shipped by Debian's fonts-dejavu-core, always present
    double sizePt = 10.0;
    bool bold = false;
    bool italic = false;
    bool operator==(const FontSpec&) const = default;
};

enum class Align { Left, Center, Right };

// One line of text, never wrapped by the renderer. (xMm, yMm) is the top-left corner of the
// line box; the text is aligned inside [xMm, xMm + widthMm]. The layout guarantees that the
// measured width of `text` fits in widthMm.
struct TextRun {
    double xMm = 0, yMm = 0, widthMm = 0;
    std::string text;  // UTF-8
    FontSpec font;
    Align align = Align::Left;
};

struct RuleLine {
    double x1Mm = 0, y1Mm = 0, x2Mm = 0, y2Mm = 0;
    double strokeMm = 0.2;
};

struct Box {
    double xMm = 0, yMm = 0, widthMm = 0, heightMm = 0;
    double strokeMm = 0.2;  // 0 = no outline
    double fillGray = 1.0;  // 1 = no fill (white), 0 = black
};

// A barcode placed at (xMm, yMm), top-left corner of the symbol *including* its quiet zone.
// The layout has sized the box with IMeasurer, so widthMm/heightMm are what the renderer draws.
struct Barcode {
    enum class Kind {
        DatamatrixIns,  // the payload bytes of DatamatrixPayload.h, encoded C40 (DatamatrixSymbol.h)
        Code128,        // e.g. the local patient number (IPP), through zint
    };
    Kind kind = Kind::Code128;
    std::string data;
    double xMm = 0, yMm = 0, widthMm = 0, heightMm = 0;
    double moduleMm = 0.45;  // physical module (Datamatrix) / narrow bar (Code 128) size
};

using Element = std::variant<TextRun, RuleLine, Box, Barcode>;

struct Page {
    double widthMm = 210, heightMm = 297;
    std::vector<Element> elements;
};

struct Document {
    std::string title;  // PDF metadata title (no INS, no name: it shows in print queues)
    std::vector<Page> pages;
};

// What layout needs to know about fonts and symbols, implemented by the renderer library with
// the same engines that draw (Pango, libdmtx, zint) so that measure and drawing agree; tests use
// a deterministic fake. Thread affinity: an instance is used from one thread at a time.
class IMeasurer {
public:
    virtual ~IMeasurer() = default;
    // Advance width of one unwrapped line of UTF-8 text.
    virtual double TextWidthMm(std::string_view text, const FontSpec& font) const = 0;
    // Height of one line box (ascent + descent + leading) for the font.
    virtual double LineHeightMm(const FontSpec& font) const = 0;
    // Modules per side of the square Datamatrix symbol for this payload, quiet zone excluded.
    virtual int DatamatrixModules(std::string_view payload) const = 0;
    // Width of the Code 128 symbol in narrow-bar modules, quiet zones included.
    virtual int Code128Modules(std::string_view data) const = 0;
};

}  // namespace vigie::printing
