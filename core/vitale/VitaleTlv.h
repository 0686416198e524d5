#pragma once
// The identity file of a carte Vitale 2 (vitale-pcsc.md §2) as bytes <-> ports::CarteVitale.
// Pure: no PC/SC, no I/O. The bytes come from a card, i.e. from outside: every malformed input
// throws ports::CardError("card.malformed") with a French message, never crashes (fuzzed by
// tests/fuzz/FuzzVitaleTlv.cpp).
//
// Layout: a sequence of BER-TLV templates 65, one per beneficiary, each holding
//   80 nom, 81 prénom, 82 date de naissance AAAAMMJJ (may be lunar, kept verbatim), 93 NIR (15).
// Accepted beyond the strict layout, because cards and readers are not all alike:
//   - unknown tags (top level or inside a template) are skipped, multi-byte tag numbers included;
//   - lengths in BER long form 81 xx / 82 xx xx besides the one-byte short form;
//   - 00 / FF filler bytes between top-level objects (an EF read past its content is padded).
// Refused: a length past the end, no template at all, a template without nom, a duplicated tag in
// a template, a value with a non-printable-ASCII byte, a date that is not 8 digits, a NIR that is
// not 15 characters of [0-9AB] (2A/2B = Corse), a first template without NIR (the insured's).

#include <cstdint>
#include <span>
#include <vector>

#include "core/ports/ICardReader.h"

namespace vigie::vitale {

inline constexpr std::uint8_t kTagBeneficiary = 0x65;
inline constexpr std::uint8_t kTagLastName = 0x80;
inline constexpr std::uint8_t kTagFirstName = 0x81;
inline constexpr std::uint8_t kTagBirthDate = 0x82;
inline constexpr std::uint8_t kTagNir = 0x93;

// Parses READ BINARY data. The result's atr is left empty (the caller knows it); insuredNir /
// insuredNirKey are the first template's NIR split 13 + 2; each beneficiary keeps its own NIR.
ports::CarteVitale ParseVitaleTlv(std::span<const std::uint8_t> bytes);

// The inverse, for the virtual card tool and round-trip tests: one template per beneficiary,
// empty fields omitted. The first beneficiary without its own NIR gets insuredNir + insuredNirKey.
// Throws ports::CardError("card.encode") for a value the format cannot carry (over 65535 bytes).
std::vector<std::uint8_t> EncodeVitaleTlv(const ports::CarteVitale& card);

}  // namespace vigie::vitale
