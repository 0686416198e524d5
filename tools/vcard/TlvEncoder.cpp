#include "tools/vcard/TlvEncoder.h"

#include <stdexcept>

namespace vigie::vcard {
namespace {

void Append(Bytes& out, std::uint8_t tag, const std::string& value) {
    if (value.size() > 127) throw std::length_error("valeur TLV trop longue pour une longueur sur un octet");
    out.push_back(tag);
    out.push_back(static_cast<std::uint8_t>(value.size()));
    out.insert(out.end(), value.begin(), value.end());
}

}  // namespace

Bytes TlvEncoder::EncodeBeneficiary(const CardBeneficiary& b) {
    Bytes out;
    out.push_back(0x65);
    out.push_back(0x00);  // the length, known at the end
    Append(out, 0x80, b.lastName);
    Append(out, 0x81, b.firstName);
    Append(out, 0x82, b.birthDate);
    if (!b.nir.empty()) Append(out, 0x93, b.nir);
    if (out.size() - 2 > 127) throw std::length_error("gabarit 65 trop long pour une longueur sur un octet");
    out[1] = static_cast<std::uint8_t>(out.size() - 2);
    return out;
}

Bytes TlvEncoder::EncodeIdentityFile(const CardDescription& card) {
    Bytes out;
    bool first = true;
    for (CardBeneficiary b : card.beneficiaries) {
        // The insured's template carries the insured NIR even when the file leaves it empty
        // (that is where a reader finds it; core/vitale's encoder does the same).
        if (first && b.nir.empty() && !card.insuredNir.empty()) b.nir = card.insuredNir + card.insuredKey;
        first = false;
        const Bytes t = EncodeBeneficiary(b);
        out.insert(out.end(), t.begin(), t.end());
    }
    return out;
}

}  // namespace vigie::vcard
