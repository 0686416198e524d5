#pragma once
// A Document as PDF (cairo): one PDF page per Page at its exact size in millimetres, text as real
// text (searchable, copyable) in embedded DejaVu subsets, barcodes as filled vector rectangles at
// exactly their module size, the document title in the PDF metadata (it shows in print queues).
// Thread affinity: any thread; calls are independent (each builds its own Pango context on the
// thread's default font map, per thread since Pango 1.32.6).

#include <cstdint>
#include <string>
#include <vector>

#include "printing/model/Page.h"

namespace vigie::printing {

// In memory (for CUPS). InternalError for a document without pages or when cairo fails.
std::vector<std::uint8_t> RenderPdf(const Document& document);

// To a file; EnvironmentError (French) when it cannot be written.
void WritePdf(const Document& document, const std::string& path);

}  // namespace vigie::printing
