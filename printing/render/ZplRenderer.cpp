#include "printing/render/ZplRenderer.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/domain/Errors.h"
#include "printing/render/PageDrawing.h"

namespace vigie::printing {

namespace {

constexpr int kMaxGraphicBytes = 99999;  // ^GF's limit on the graphic field count
constexpr char kHex[] = "0123456789ABCDEF";

int DotsPerMm(int dpi) {
    switch (dpi) {
        case 203: return 8;
        case 300: return 12;
        case 600: return 24;
        default:
            throw BadInputError("input.dpi", "Résolution Zebra non prise en charge : " + std::to_string(dpi) +
                                                 " ppp (203, 300 ou 600 attendu).");
    }
}

// One run of `count` identical hex digits: count as 400s (z) and 20s (g–y) then units (G–Y).
void AppendRun(std::string& out, char digit, int count) {
    while (count > 0) {
        const int chunk = std::min(count, 419);  // "zY" at most: one count prefix per run
        count -= chunk;
        if (chunk < 3) {
            out.append(static_cast<std::size_t>(chunk), digit);
            continue;
        }
        if (chunk >= 20) out += static_cast<char>('g' + chunk / 20 - 1);
        if (chunk % 20) out += static_cast<char>('G' + chunk % 20 - 1);
        out += digit;
    }
}

std::string CompressRow(const std::string& hex) {
    std::size_t end = hex.size();
    char fill = 0;
    if (end >= 2 && hex.compare(end - 2, 2, "00") == 0) fill = ',';
    if (end >= 2 && hex.compare(end - 2, 2, "FF") == 0) fill = '!';
    if (fill) {
        const char digit = fill == ',' ? '0' : 'F';
        while (end >= 2 && hex[end - 1] == digit && hex[end - 2] == digit) end -= 2;  // whole bytes only
    }
    std::string out;
    for (std::size_t i = 0; i < end;) {
        std::size_t j = i;
        while (j < end && hex[j] == hex[i]) ++j;
        AppendRun(out, hex[i], static_cast<int>(j - i));
        i = j;
    }
    if (fill) out += fill;
    return out;
}

}  // namespace

std::string RenderZpl(const Page& page, int dpi) {
    const int dotsPerMm = DotsPerMm(dpi);
    const GrayImage image = detail::RasterizePage(page, dotsPerMm);
    const int bytesPerRow = (image.width + 7) / 8;
    const int rowsPerBand = std::max(1, kMaxGraphicBytes / bytesPerRow);

    std::string zpl = "^XA\n^LH0,0\n^PW" + std::to_string(image.width) + "\n^LL" + std::to_string(image.height) + "\n";
    std::string hex(static_cast<std::size_t>(bytesPerRow) * 2, '0');
    for (int top = 0; top < image.height; top += rowsPerBand) {
        const int rows = std::min(rowsPerBand, image.height - top);
        const int total = rows * bytesPerRow;
        zpl += "^FO0," + std::to_string(top) + "^GFA," + std::to_string(total) + "," + std::to_string(total) + "," +
               std::to_string(bytesPerRow) + ",";
        std::string previous;
        for (int y = top; y < top + rows; ++y) {
            const std::uint8_t* row = image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
            for (int b = 0; b < bytesPerRow; ++b) {
                unsigned byte = 0;
                for (int bit = 0; bit < 8; ++bit) {
                    const int x = b * 8 + bit;
                    if (x < image.width && row[x] < 128) byte |= 0x80u >> bit;  // 1 = dot printed
                }
                hex[static_cast<std::size_t>(b) * 2] = kHex[byte >> 4];
                hex[static_cast<std::size_t>(b) * 2 + 1] = kHex[byte & 0xF];
            }
            if (y > top && hex == previous) {
                zpl += ':';
            } else {
                zpl += CompressRow(hex);
                previous = hex;
            }
        }
        zpl += "^FS\n";
    }
    zpl += "^PQ1\n^XZ\n";
    return zpl;
}

}  // namespace vigie::printing
