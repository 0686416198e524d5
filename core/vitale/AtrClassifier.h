#pragma once
// Tells a carte Vitale 2 from the cards that share the pharmacy's readers, by the ATR alone
// (vitale-pcsc.md §2), before any APDU is sent: a CPS must never receive one.
//   Vitale 2: 3B 75 13 00 00 4x 09 EA 90 00  or  3B 75 13 00 00 4x 09 FA 90 00 (x: any nibble)
//   Vitale 1: 3F 65 25 …   (inverse convention; only the prefix is stable across issues)
//   CPS:      3B AC 00 40 2A …
// Anything else is Unknown, and the PC/SC reader refuses to read it: an unknown ATR may be a
// CPS generation not listed here, so "try anyway" is not an option.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/ports/ICardReader.h"

namespace vigie::vitale {

ports::CardKind ClassifyAtr(std::span<const std::uint8_t> atr);
// Hex with or without separators (spaces, ':' or '-'), any case; not hex → Unknown.
ports::CardKind ClassifyAtrHex(std::string_view hex);

// "3B 75 13 …": upper case, one space between bytes (the form of CarteVitale::atr).
std::string AtrToHex(std::span<const std::uint8_t> atr);
// The inverse of AtrToHex, lenient on separators and case; nullopt for anything not hex.
std::optional<std::vector<std::uint8_t>> AtrFromHex(std::string_view hex);

}  // namespace vigie::vitale
