#include "tools/vcard/CardDescription.h"

namespace vigie::vcard {

std::string ToHex(const Bytes& bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i != 0) out += ' ';
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0x0F];
    }
    return out;
}

CardFamily CardDescription::Family() const {
    if (atr.size() >= 5 && atr[0] == 0x3B && atr[1] == 0x75 && atr[2] == 0x13 && atr[3] == 0x00 && atr[4] == 0x00)
        return CardFamily::Vitale2;
    if (atr.size() >= 4 && atr[0] == 0x3F && atr[1] == 0x65 && atr[2] == 0x25) return CardFamily::Vitale1;
    if (atr.size() >= 5 && atr[0] == 0x3B && atr[1] == 0xAC && atr[2] == 0x00 && atr[3] == 0x40 && atr[4] == 0x2A)
        return CardFamily::Cps;
    return CardFamily::Other;
}

bool CardDescription::AnswersApdus() const {
    const CardFamily f = Family();
    return f != CardFamily::Vitale1 && f != CardFamily::Cps;
}

std::string CardDescription::AtrHex() const { return ToHex(atr); }

}  // namespace vigie::vcard
