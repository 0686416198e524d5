#pragma once
// Writes a rendered label or document to a file the user named, never leaving a half-written
// file under that name: the bytes go to "<path>.tmp", then a rename replaces the file at once.
// EnvironmentError (French) when the file cannot be written (the temporary file is removed).

#include <string>

namespace vigie::printing {

void WriteOutputFile(const std::string& path, const std::string& bytes);

}  // namespace vigie::printing
