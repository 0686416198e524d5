#include "core/vitale/VitaleApdu.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace vigie::vitale {
namespace {

// Bounds against a hostile or broken card that keeps answering 61xx / 6Cxx: a real identity
// file is a few hundred bytes, one or two GET RESPONSE at most.
constexpr int kMaxGetResponse = 64;
constexpr std::size_t kMaxData = 64 * 1024;

std::string SwText(std::uint16_t sw) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02X %02X", sw >> 8, sw & 0xFF);
    return buf;
}

std::string SwMeaning(std::uint16_t sw) {
    switch (sw) {
        case 0x6A82: return "fichier ou application introuvable";
        case 0x6A86: return "paramètres P1-P2 incorrects";
        case 0x6982: return "conditions de sécurité non satisfaites";
        case 0x6985: return "conditions d'utilisation non satisfaites";
        case 0x6D00: return "instruction non prise en charge";
        case 0x6E00: return "classe non prise en charge";
        case 0x6700: return "longueur incorrecte";
        case 0x6B00: return "paramètres incorrects";
        default: return "erreur de la carte";
    }
}

[[noreturn]] void Fail(const char* command, std::uint16_t sw) {
    throw ports::CardError("card.apdu", std::string("carte Vitale : ") + command + " refusé, " + SwMeaning(sw) +
                                            " (SW " + SwText(sw) + ")");
}

// Sets Le of a command to `le`: replaces it for case 2/4 APDUs, appends it for case 1/3 ones.
void SetLe(std::vector<std::uint8_t>& capdu, std::uint8_t le) {
    const bool hasLe = capdu.size() == 5 || (capdu.size() > 5 && capdu.size() == 6u + capdu[4]);
    if (hasLe)
        capdu.back() = le;
    else
        capdu.push_back(le);
}

}  // namespace

std::vector<std::uint8_t> VitaleApdu::SelectVitale() {
    // Sized up front rather than insert()ed: GCC 12 at -O2 reports a false -Warray-bounds on the insert.
    std::vector<std::uint8_t> capdu(5 + kAidVitale.size());
    capdu[1] = 0xA4;
    capdu[2] = 0x04;
    capdu[4] = static_cast<std::uint8_t>(kAidVitale.size());
    std::copy(kAidVitale.begin(), kAidVitale.end(), capdu.begin() + 5);
    return capdu;
}

std::vector<std::uint8_t> VitaleApdu::ReadBinarySfi2() { return {0x00, 0xB0, 0x82, 0x00, 0x00}; }

Rapdu VitaleApdu::TransmitOnce(const std::vector<std::uint8_t>& capdu) {
    std::vector<std::uint8_t> raw = m_transmit(capdu);
    if (raw.size() < 2)
        throw ports::CardError("card.apdu", "carte Vitale : réponse de la carte trop courte (moins de deux octets)");
    Rapdu r;
    r.sw = static_cast<std::uint16_t>((raw[raw.size() - 2] << 8) | raw[raw.size() - 1]);
    raw.resize(raw.size() - 2);
    r.data = std::move(raw);
    return r;
}

Rapdu VitaleApdu::Exchange(std::vector<std::uint8_t> capdu) {
    Rapdu r = TransmitOnce(capdu);
    // 6Cxx: wrong Le; the card tells the right one. Only once: a card asking again is broken.
    if ((r.sw >> 8) == 0x6C) {
        SetLe(capdu, static_cast<std::uint8_t>(r.sw & 0xFF));
        r = TransmitOnce(capdu);
    }
    Rapdu result;
    result.data = std::move(r.data);
    result.sw = r.sw;
    for (int i = 0; (result.sw >> 8) == 0x61; ++i) {
        if (i >= kMaxGetResponse || result.data.size() > kMaxData)
            throw ports::CardError("card.apdu", "carte Vitale : la carte annonce des données sans fin (61xx)");
        const std::uint8_t available = static_cast<std::uint8_t>(result.sw & 0xFF);
        Rapdu more = TransmitOnce({0x00, 0xC0, 0x00, 0x00, available});
        if ((more.sw >> 8) == 0x6C) more = TransmitOnce({0x00, 0xC0, 0x00, 0x00, static_cast<std::uint8_t>(more.sw & 0xFF)});
        result.data.insert(result.data.end(), more.data.begin(), more.data.end());
        result.sw = more.sw;
    }
    return result;
}

std::vector<std::uint8_t> VitaleApdu::ReadIdentityFile() {
    const Rapdu select = Exchange(SelectVitale());
    if (select.sw != 0x9000) Fail("sélection de l'application VITALE", select.sw);
    Rapdu read = Exchange(ReadBinarySfi2());
    if (read.sw != 0x9000 && read.sw != 0x6282) Fail("lecture du fichier d'identité", read.sw);
    return std::move(read.data);
}

}  // namespace vigie::vitale
