#pragma once
// The card side of the Vitale 2 read (vitale-pcsc.md §2), behaving like a T=0 card:
//   SELECT AID VITALE (00 A4 04 00 0B D2 50 00 00 02 56 49 54 41 4C 45) → 90 00 (or the
//   configured status); MF_VITALE is accepted too but holds no identity EF;
//   READ BINARY SFI 2 (00 B0 82 <offset> <Le>) → 61 xx, the data then come with GET RESPONSE
//   (00 C0 00 00 xx), in steps of faults.t0_chunk bytes when set (61 xx chains); Le = 00 means
//   "everything from the offset" (possibly more than 256 bytes, through the 61 xx chain);
//   a Le larger than what is left → 6C xx (resend with Le = xx), for READ BINARY and GET RESPONSE.
// Other statuses: unknown INS 6D 00, CLA ≠ 00 6E 00, wrong P1/P2 (or offset past the end) 6B 00,
// bad length 67 00, unknown AID 6A 82, READ BINARY before SELECT 69 86, GET RESPONSE with
// nothing pending 69 85. A Vitale 1 or CPS card answers 6D 00 to everything.

#include <cstddef>

#include "tools/vcard/CardDescription.h"

namespace vigie::vcard {

class VitaleApplet {
public:
    explicit VitaleApplet(const CardDescription& card);

    void Reset();  // power on, power off, warm reset: nothing selected, nothing pending
    Bytes Process(const Bytes& command);

    static const Bytes& VitaleAid();
    static const Bytes& MfVitaleAid();

private:
    enum class Selected { None, Vitale, MfVitale };

    Bytes Select(const Bytes& command);
    Bytes ReadBinary(const Bytes& command);
    Bytes GetResponse(const Bytes& command);
    Bytes Announce();  // 61 xx for the next step of m_pending

    bool m_answers;
    CardFaults m_faults;
    Bytes m_identityFile;
    Selected m_selected = Selected::None;
    Bytes m_pending;              // response data not fetched yet
    std::size_t m_announced = 0;  // bytes promised by the last 61 xx
};

}  // namespace vigie::vcard
