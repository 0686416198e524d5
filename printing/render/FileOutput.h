#pragma once
// Private to printing/render: renderers produce bytes; this writes them where the user asked.

#include <string>
#include <string_view>

namespace vigie::printing::detail {

// Writes (replaces) the file. EnvironmentError (French) when it cannot be written completely.
void WriteFileBytes(const std::string& path, std::string_view bytes);

}  // namespace vigie::printing::detail
