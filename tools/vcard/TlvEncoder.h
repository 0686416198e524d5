#pragma once
// The identity EF of a Vitale 2 card (vitale-pcsc.md §2): one BER-TLV template 65 per
// beneficiary, with 80 nom, 81 prénom, 82 date de naissance and 93 NIR when present; one-byte
// lengths, ASCII values. Independent of core/vitale on purpose (the two check each other).

#include "tools/vcard/CardDescription.h"

namespace vigie::vcard {

// The first template (the insured) always has a 93 tag: its own nir, else insured_nir + key.
class TlvEncoder {
public:
    static Bytes EncodeIdentityFile(const CardDescription& card);
    static Bytes EncodeBeneficiary(const CardBeneficiary& beneficiary);
};

}  // namespace vigie::vcard
