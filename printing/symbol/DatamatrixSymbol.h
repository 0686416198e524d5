#pragma once
// The Datamatrix INS symbol (datamatrix-ins.md §2): ECC200, square, the whole payload encoded
// with libdmtx's C40 scheme so that the 26-character header is in C40 (first codeword 230, the
// C40 latch — zint 2.11 cannot force it). libdmtx stays inside the .cpp.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::printing {

struct ModuleMatrix {
    int size = 0;                        // modules per side (square symbol)
    std::vector<std::uint8_t> dark;      // size × size, row-major, top row first
    std::vector<std::uint8_t> codewords; // data codewords as encoded
    bool At(int row, int col) const { return dark[static_cast<std::size_t>(row * size + col)] != 0; }
};

// InternalError when libdmtx cannot encode (it can for any payload of the spec's bounds).
ModuleMatrix EncodeDatamatrixC40(std::string_view payload);

// 8-bit grayscale image: black modules of `pixelsPerModule`, a white quiet zone of
// `quietModules` on every side (decoders fail without one).
struct GrayImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;  // 0 = black, 255 = white
};
GrayImage RenderModules(const ModuleMatrix& matrix, int pixelsPerModule, int quietModules);

// Writes the image as PNG; EnvironmentError (French) when the file cannot be written.
void WritePng(const GrayImage& image, const std::string& path);

// Decodes a Data Matrix from an image with libdmtx ("" when none is found): the independent
// check used by the tests, and the future "scan a document" feature.
std::string DecodeDatamatrix(const GrayImage& image);

}  // namespace vigie::printing
