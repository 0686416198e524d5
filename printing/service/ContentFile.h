#pragma once
// The content of a printed document (ordonnance lines, plan-de-prise lines, « Remarques »), read
// from a JSON file by the CLI (`print document --content FILE.json`) and by the Impression dialog
// (« Importer un contenu… »), and checked before printing:
//   {"dispensing": [{"medication": "…", "quantity": "…", "posology": "…"}],
//    "intakes":    [{"medication": "…", "morning": "1", "noon": "", "evening": "1", "bedtime": "", "notes": "…"}],
//    "notes":      ["…"]}
// Every key is optional; unknown keys and wrong types are bad input, in French, naming the path.
//
// Thread affinity: none (pure functions and one file read).

#include <optional>
#include <string>

#include "core/domain/IdentityStateMachine.h"
#include "printing/service/PrintJobs.h"

namespace vigie::printing {

// Appends the file's lines and notes to `job`. BadInputError (French, naming the path) when the
// file cannot be read or is not such a document; `job` is left untouched then.
void ReadDocumentContent(const std::string& path, DocumentJob& job);

// The content rules of a document with lines: an ordonnance or a plan de prise needs at least
// one line, and every line names its médicament. Refusal code "document.content" (French, the
// line number named); nullopt for the fiche, which has no lines.
std::optional<domain::Refusal> CheckDocumentContent(const DocumentJob& job);

}  // namespace vigie::printing
