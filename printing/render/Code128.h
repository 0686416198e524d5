#pragma once
// Code 128 (e.g. the local patient number on a label), encoded by zint behind this header.

#include <cstdint>
#include <string_view>
#include <vector>

namespace vigie::printing {

// ISO/IEC 15417 asks for a light margin of at least 10 modules on each side.
inline constexpr int kCode128QuietModules = 10;

// One entry per narrow module, left to right (1 = bar), quiet zones excluded; zint picks the
// code sets (digit pairs in set C). BadInputError (French) when zint refuses the data (empty,
// too long, characters outside Latin-1).
std::vector<std::uint8_t> EncodeCode128(std::string_view data);

}  // namespace vigie::printing
