#pragma once
// The content of a printed document, read from a JSON file given with --content:
//   {"dispensing": [{"medication": "…", "quantity": "…", "posology": "…"}],
//    "intakes":    [{"medication": "…", "morning": "1", "noon": "", "evening": "1", "bedtime": "", "notes": "…"}],
//    "notes":      ["…"]}
// Every key is optional; unknown keys and wrong types are bad input, in French, naming the path.

#include <string>

#include "printing/service/PrintJobs.h"

namespace vigie::cli {

void ReadDocumentContent(const std::string& path, printing::DocumentJob& job);

}  // namespace vigie::cli
