#pragma once
// The Datamatrix INS alone, for `vigie-cli datamatrix ID --out FILE.png|.svg|.pdf --module-mm X`:
// a page exactly the size of the symbol and its quiet zone, drawn by the ordinary renderers.

#include <string>
#include <string_view>

#include "printing/model/Page.h"

namespace vigie::printing {

inline constexpr double kMinModuleMm = 0.25;  // below, office scanners stop reading
inline constexpr double kMaxModuleMm = 1.0;   // above, a 64×64 symbol no longer fits a label
inline constexpr int kStandaloneQuietModules = 2;  // the spec's minimum is 1; 2 forgives trimming
inline constexpr int kStandalonePngDpi = 600;

// The one-symbol page for an already built payload (BuildDatamatrixInsPayload): side
// (modules + 2 × kStandaloneQuietModules) × moduleMm. BadInputError (French) when moduleMm is
// outside [kMinModuleMm, kMaxModuleMm].
Page BuildDatamatrixPage(std::string_view payload, double moduleMm);

// Writes that page, format chosen by the extension of `path` (case-insensitive): .png (gray, at
// kStandalonePngDpi, whole pixels per module), .svg, .pdf. BadInputError (French) for another
// extension or module size; EnvironmentError (French) when the file cannot be written.
void WriteDatamatrixFile(std::string_view payload, double moduleMm, const std::string& path);

}  // namespace vigie::printing
