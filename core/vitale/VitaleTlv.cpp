#include "core/vitale/VitaleTlv.h"

#include <optional>
#include <string>

namespace vigie::vitale {
namespace {

[[noreturn]] void Malformed(const std::string& why) {
    throw ports::CardError("card.malformed", "carte Vitale illisible : " + why);
}

// One TLV object located inside the buffer; indices rather than pointers, so that every bound
// check is a plain comparison of sizes (no pointer arithmetic past the end).
struct Tlv {
    std::uint32_t tag = 0;      // first byte in the low byte, further tag bytes shifted in
    std::size_t valueBegin = 0;
    std::size_t valueSize = 0;
};

// Reads one TLV at pos within [0, end) and advances pos. The tag stays small on purpose: more
// than three tag bytes is nothing a Vitale card writes and would only overflow the accumulator.
Tlv ReadTlv(std::span<const std::uint8_t> bytes, std::size_t& pos, std::size_t end) {
    Tlv tlv;
    if (pos >= end) Malformed("objet TLV tronqué");
    const std::uint8_t first = bytes[pos++];
    tlv.tag = first;
    if ((first & 0x1F) == 0x1F) {
        int extra = 0;
        for (;;) {
            if (pos >= end) Malformed("étiquette TLV tronquée");
            const std::uint8_t next = bytes[pos++];
            if (++extra > 2) Malformed("étiquette TLV trop longue");
            tlv.tag = (tlv.tag << 8) | next;
            if ((next & 0x80) == 0) break;
        }
    }
    if (pos >= end) Malformed("longueur TLV absente");
    const std::uint8_t lengthByte = bytes[pos++];
    std::size_t length = 0;
    if (lengthByte < 0x80) {
        length = lengthByte;
    } else if (lengthByte == 0x81 || lengthByte == 0x82) {
        const std::size_t count = lengthByte == 0x81 ? 1 : 2;
        if (end - pos < count) Malformed("longueur TLV tronquée");
        for (std::size_t i = 0; i < count; ++i) length = (length << 8) | bytes[pos++];
    } else {
        Malformed("forme de longueur TLV non prise en charge");
    }
    if (length > end - pos) Malformed("longueur TLV au-delà de la fin des données");
    tlv.valueBegin = pos;
    tlv.valueSize = length;
    pos += length;
    return tlv;
}

std::string AsciiValue(std::span<const std::uint8_t> bytes, const Tlv& tlv, const char* field) {
    std::string value;
    value.reserve(tlv.valueSize);
    for (std::size_t i = 0; i < tlv.valueSize; ++i) {
        const std::uint8_t c = bytes[tlv.valueBegin + i];
        if (c < 0x20 || c > 0x7E) Malformed(std::string(field) + " : caractère non ASCII");
        value.push_back(static_cast<char>(c));
    }
    return value;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

void CheckBirthDate(const std::string& date) {
    // Lunar dates (day or month 00, or above the calendar) are legal: only the shape is checked.
    if (date.size() != 8) Malformed("date de naissance de longueur incorrecte");
    for (char c : date)
        if (!IsDigit(c)) Malformed("date de naissance non numérique");
}

void CheckNir(const std::string& nir) {
    // A and B appear in the département of people born in Corse (2A, 2B); the key is the caller's.
    if (nir.size() != 15) Malformed("NIR de longueur incorrecte (15 caractères attendus)");
    for (char c : nir)
        if (!IsDigit(c) && c != 'A' && c != 'B') Malformed("NIR contenant un caractère invalide");
}

ports::VitaleBeneficiary ParseBeneficiary(std::span<const std::uint8_t> bytes, const Tlv& tpl) {
    std::optional<std::string> lastName, firstName, birthDate, nir;
    const auto take = [&](std::optional<std::string>& slot, const Tlv& tlv, const char* field) {
        if (slot) Malformed(std::string(field) + " en double dans un bénéficiaire");
        slot = AsciiValue(bytes, tlv, field);
    };
    std::size_t pos = tpl.valueBegin;
    const std::size_t end = tpl.valueBegin + tpl.valueSize;
    while (pos < end) {
        const Tlv tlv = ReadTlv(bytes, pos, end);
        switch (tlv.tag) {
            case kTagLastName: take(lastName, tlv, "nom"); break;
            case kTagFirstName: take(firstName, tlv, "prénom"); break;
            case kTagBirthDate: take(birthDate, tlv, "date de naissance"); break;
            case kTagNir: take(nir, tlv, "NIR"); break;
            default: break;  // other fields of the identity EF: not ours to interpret
        }
    }
    if (!lastName || lastName->empty()) Malformed("bénéficiaire sans nom");
    ports::VitaleBeneficiary b;
    b.lastName = std::move(*lastName);
    if (firstName) b.firstName = std::move(*firstName);
    if (birthDate) {
        CheckBirthDate(*birthDate);
        b.rawBirthDate = std::move(*birthDate);
    }
    if (nir) {
        CheckNir(*nir);
        b.nir = std::move(*nir);
    }
    return b;
}

void AppendTlv(std::vector<std::uint8_t>& out, std::uint8_t tag, std::span<const std::uint8_t> value) {
    if (value.size() > 0xFFFF) throw ports::CardError("card.encode", "valeur trop longue pour une carte Vitale");
    out.push_back(tag);
    if (value.size() < 0x80) {
        out.push_back(static_cast<std::uint8_t>(value.size()));
    } else if (value.size() <= 0xFF) {
        out.push_back(0x81);
        out.push_back(static_cast<std::uint8_t>(value.size()));
    } else {
        out.push_back(0x82);
        out.push_back(static_cast<std::uint8_t>(value.size() >> 8));
        out.push_back(static_cast<std::uint8_t>(value.size() & 0xFF));
    }
    out.insert(out.end(), value.begin(), value.end());
}

void AppendText(std::vector<std::uint8_t>& out, std::uint8_t tag, const std::string& text) {
    if (text.empty()) return;
    std::vector<std::uint8_t> value;
    value.reserve(text.size());
    for (char c : text) value.push_back(static_cast<std::uint8_t>(c));
    AppendTlv(out, tag, value);
}

}  // namespace

ports::CarteVitale ParseVitaleTlv(std::span<const std::uint8_t> bytes) {
    ports::CarteVitale card;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        if (bytes[pos] == 0x00 || bytes[pos] == 0xFF) {  // filler, see the header
            ++pos;
            continue;
        }
        const Tlv tlv = ReadTlv(bytes, pos, bytes.size());
        if (tlv.tag == kTagBeneficiary) card.beneficiaries.push_back(ParseBeneficiary(bytes, tlv));
    }
    if (card.beneficiaries.empty()) Malformed("aucun bénéficiaire sur la carte");
    const std::string& insured = card.beneficiaries.front().nir;
    if (insured.empty()) Malformed("NIR de l'assuré absent");
    card.insuredNir = insured.substr(0, 13);
    card.insuredNirKey = insured.substr(13, 2);
    if (!IsDigit(card.insuredNirKey[0]) || !IsDigit(card.insuredNirKey[1]))
        Malformed("clé du NIR non numérique");
    return card;
}

std::vector<std::uint8_t> EncodeVitaleTlv(const ports::CarteVitale& card) {
    std::vector<std::uint8_t> out;
    bool first = true;
    for (const ports::VitaleBeneficiary& b : card.beneficiaries) {
        std::vector<std::uint8_t> inner;
        AppendText(inner, kTagLastName, b.lastName);
        AppendText(inner, kTagFirstName, b.firstName);
        AppendText(inner, kTagBirthDate, b.rawBirthDate);
        const std::string nir = (first && b.nir.empty()) ? card.insuredNir + card.insuredNirKey : b.nir;
        AppendText(inner, kTagNir, nir);
        AppendTlv(out, kTagBeneficiary, inner);
        first = false;
    }
    return out;
}

}  // namespace vigie::vitale
