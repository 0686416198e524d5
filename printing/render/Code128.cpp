#include "printing/render/Code128.h"

#include <zint.h>

#include <cmath>
#include <memory>
#include <string>

#include "core/domain/Errors.h"

namespace vigie::printing {

namespace {
struct SymbolDeleter {
    void operator()(zint_symbol* s) const { ZBarcode_Delete(s); }
};
}  // namespace

std::vector<std::uint8_t> EncodeCode128(std::string_view data) {
    if (data.empty()) throw BadInputError("input.code128", "Code 128 : aucune donnée à coder.");
    std::unique_ptr<zint_symbol, SymbolDeleter> symbol(ZBarcode_Create());
    if (!symbol) throw InternalError("print.code128", "Encodeur Code 128 (zint) indisponible.");
    symbol->symbology = BARCODE_CODE128;
    symbol->input_mode = UNICODE_MODE;  // UTF-8 in, Latin-1 in the symbol
    symbol->show_hrt = 0;
    symbol->whitespace_width = 0;
    symbol->output_options = BARCODE_NO_QUIET_ZONES;
    symbol->height = 10;
    const std::string bytes(data);
    const int rc = ZBarcode_Encode(symbol.get(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                   static_cast<int>(bytes.size()));
    if (rc >= ZINT_ERROR)
        throw BadInputError("input.code128", "Code 128 impossible pour « " + bytes + " » : " + symbol->errtxt);
    // The vector output is zint's public view of the bars: rectangles in a unit that we
    // normalise by the symbol width in modules (zint's scale conventions stay zint's business).
    if (ZBarcode_Buffer_Vector(symbol.get(), 0) >= ZINT_ERROR || !symbol->vector || symbol->width <= 0)
        throw InternalError("print.code128", std::string("Code 128 : rendu zint impossible : ") + symbol->errtxt);
    const int modules = symbol->width;
    const double unit = static_cast<double>(symbol->vector->width) / modules;
    std::vector<std::uint8_t> bars(static_cast<std::size_t>(modules), 0);
    for (const zint_vector_rect* r = symbol->vector->rectangles; r; r = r->next) {
        const long first = std::lround(r->x / unit);
        const long count = std::lround(r->width / unit);
        for (long i = first; i < first + count; ++i) {
            if (i < 0 || i >= modules) throw InternalError("print.code128", "Code 128 : barre hors du symbole.");
            bars[static_cast<std::size_t>(i)] = 1;
        }
    }
    return bars;
}

}  // namespace vigie::printing
