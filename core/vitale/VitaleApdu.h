#pragma once
// The APDU dialogue that reads a carte Vitale 2's identity file (vitale-pcsc.md §2), over an
// abstract transmit function so that it runs against a scripted card in the unit tests and
// against SCardTransmit in PcscCardReader. Pure: no PC/SC here.
//
// The card negotiates T=0 and not every reader driver completes its answers, so the T=0 status
// words are handled here: 61xx → GET RESPONSE 00 C0 00 00 xx (looped, data concatenated),
// 6Cxx → the same command again with Le = xx. Any other final status than 90 00 throws
// ports::CardError("card.apdu") with a French message naming the command and the SW.
// Exception: 62 82 (end of file reached before Le bytes) on READ BINARY is success — the data
// is what the file holds. Errors thrown by the transmit function (card removed…) pass through.

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/ports/ICardReader.h"

namespace vigie::vitale {

using Transmit = std::function<std::vector<std::uint8_t>(const std::vector<std::uint8_t>& capdu)>;

inline constexpr std::array<std::uint8_t, 11> kAidVitale{0xD2, 0x50, 0x00, 0x00, 0x02, 0x56, 0x49, 0x54, 0x41, 0x4C, 0x45};

// A response split into data and status word.
struct Rapdu {
    std::vector<std::uint8_t> data;
    std::uint16_t sw = 0;
};

class VitaleApdu {
public:
    explicit VitaleApdu(Transmit transmit) : m_transmit(std::move(transmit)) {}

    // SELECT AID VITALE, then READ BINARY SFI 2 with Le = 00; returns the file's bytes.
    std::vector<std::uint8_t> ReadIdentityFile();

    // One command with the T=0 completion above; returns the final response, whatever its SW.
    Rapdu Exchange(std::vector<std::uint8_t> capdu);

    static std::vector<std::uint8_t> SelectVitale();      // 00 A4 04 00 0B <AID>
    static std::vector<std::uint8_t> ReadBinarySfi2();    // 00 B0 82 00 00

private:
    Rapdu TransmitOnce(const std::vector<std::uint8_t>& capdu);

    Transmit m_transmit;
};

}  // namespace vigie::vitale
