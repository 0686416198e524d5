#pragma once
// Card description files (tools/vcard/cards/*.json, format in tools/vcard/README.md): the virtual
// card for the real PC/SC daemon and the in-process simulated reader read the same files.

#include <string>

#include "core/ports/ICardReader.h"

namespace vigie::cardsim {

struct CardFile {
    std::string description;    // French, shown in the demo
    ports::CarteVitale card;    // what a reader would return
    ports::CardKind kind = ports::CardKind::Unknown;  // from the ATR
};

// BadInputError (French, with the JSON path) when the file is unreadable or malformed.
CardFile LoadCardFile(const std::string& path);

}  // namespace vigie::cardsim
