#include "tools/vcard/VitaleApplet.h"

#include <algorithm>

#include "tools/vcard/TlvEncoder.h"

namespace vigie::vcard {
namespace {

Bytes Sw(std::uint8_t sw1, std::uint8_t sw2) { return Bytes{sw1, sw2}; }

}  // namespace

const Bytes& VitaleApplet::VitaleAid() {
    static const Bytes aid{0xD2, 0x50, 0x00, 0x00, 0x02, 0x56, 0x49, 0x54, 0x41, 0x4C, 0x45};
    return aid;
}

const Bytes& VitaleApplet::MfVitaleAid() {
    static const Bytes aid{0xD2, 0x50, 0x00, 0x00, 0x02, 0x4D, 0x46, 0x5F, 0x56, 0x49, 0x54, 0x41, 0x4C, 0x45};
    return aid;
}

VitaleApplet::VitaleApplet(const CardDescription& card)
    : m_answers(card.AnswersApdus()), m_faults(card.faults),
      m_identityFile(card.AnswersApdus() ? TlvEncoder::EncodeIdentityFile(card) : Bytes{}) {}

void VitaleApplet::Reset() {
    m_selected = Selected::None;
    m_pending.clear();
    m_announced = 0;
}

Bytes VitaleApplet::Process(const Bytes& command) {
    if (!m_answers) return Sw(0x6D, 0x00);
    if (command.size() < 4) return Sw(0x67, 0x00);
    const std::uint8_t ins = command[1];
    if (ins != 0xC0) {  // any other command drops a pending response (ISO 7816-4)
        m_pending.clear();
        m_announced = 0;
    }
    if (command[0] != 0x00) return Sw(0x6E, 0x00);
    switch (ins) {
        case 0xA4: return Select(command);
        case 0xB0: return ReadBinary(command);
        case 0xC0: return GetResponse(command);
        default: return Sw(0x6D, 0x00);
    }
}

Bytes VitaleApplet::Select(const Bytes& command) {
    if (command[2] != 0x04 || command[3] != 0x00) return Sw(0x6B, 0x00);
    if (command.size() < 5) return Sw(0x67, 0x00);
    const std::size_t lc = command[4];
    if (lc == 0 || (command.size() != 5 + lc && command.size() != 6 + lc)) return Sw(0x67, 0x00);
    const Bytes aid(command.begin() + 5, command.begin() + 5 + static_cast<std::ptrdiff_t>(lc));
    if (aid == VitaleAid()) {
        if (!m_faults.statusForSelect.empty() &&
            !(m_faults.statusForSelect[0] == 0x90 && m_faults.statusForSelect[1] == 0x00)) {
            m_selected = Selected::None;
            return m_faults.statusForSelect;
        }
        m_selected = Selected::Vitale;
        return Sw(0x90, 0x00);
    }
    if (aid == MfVitaleAid()) {
        m_selected = Selected::MfVitale;
        return Sw(0x90, 0x00);
    }
    return Sw(0x6A, 0x82);
}

Bytes VitaleApplet::ReadBinary(const Bytes& command) {
    if (command.size() != 5) return Sw(0x67, 0x00);  // case 2: header + Le only
    if (command[2] != 0x82) return Sw(0x6B, 0x00);   // only the short file id 2 exists here
    if (m_selected == Selected::None) return Sw(0x69, 0x86);
    if (m_selected != Selected::Vitale) return Sw(0x6A, 0x82);
    const std::size_t offset = command[3];
    if (offset >= m_identityFile.size()) return Sw(0x6B, 0x00);
    const std::size_t left = m_identityFile.size() - offset;
    const std::size_t le = command[4];
    if (le != 0 && le > left) return Sw(0x6C, static_cast<std::uint8_t>(left));
    const std::size_t count = le == 0 ? left : le;
    m_pending.assign(m_identityFile.begin() + static_cast<std::ptrdiff_t>(offset),
                     m_identityFile.begin() + static_cast<std::ptrdiff_t>(offset + count));
    return Announce();
}

Bytes VitaleApplet::Announce() {
    std::size_t step = std::min<std::size_t>(m_pending.size(), 256);
    if (m_faults.t0Chunk > 0) step = std::min<std::size_t>(step, static_cast<std::size_t>(m_faults.t0Chunk));
    m_announced = step;
    return Sw(0x61, static_cast<std::uint8_t>(step & 0xFF));  // 61 00 = 256 bytes
}

Bytes VitaleApplet::GetResponse(const Bytes& command) {
    if (command.size() != 5) return Sw(0x67, 0x00);
    if (command[2] != 0x00 || command[3] != 0x00) return Sw(0x6B, 0x00);
    if (m_pending.empty()) return Sw(0x69, 0x85);
    const std::size_t le = command[4] == 0 ? 256 : command[4];
    if (le > m_announced) return Sw(0x6C, static_cast<std::uint8_t>(m_announced & 0xFF));
    Bytes out(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(le));
    m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(le));
    if (m_pending.empty()) {
        m_announced = 0;
        out.push_back(0x90);
        out.push_back(0x00);
    } else {
        const Bytes sw = Announce();
        out.insert(out.end(), sw.begin(), sw.end());
    }
    return out;
}

}  // namespace vigie::vcard
