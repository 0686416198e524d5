#pragma once
// Reads and validates a card description file. Never crashes on bad input: every problem is a
// CardFileError with a French message "<fichier> : <chemin JSON> : <problème>".

#include <filesystem>
#include <string>

#include "tools/vcard/CardDescription.h"

namespace vigie::vcard {

class CardFileLoader {
public:
    static CardDescription LoadFile(const std::filesystem::path& path);
    // `source` names the text in messages (a file name).
    static CardDescription Parse(const std::string& jsonText, const std::string& source, const std::string& name);
};

}  // namespace vigie::vcard
