#pragma once
// ports::ICardReader over pcsc-lite (vitale-pcsc.md §2–3). The pcsclite headers stay in the .cpp
// (pimpl): nothing that includes this header sees PC/SC types.
//
// Monitor: one thread with its own SCARDCONTEXT waits in SCardGetStatusChange on every reader
// plus "\\?PnP?\Notification", re-lists readers after every return (1.9.9 fires the PnP entry
// only when the count changes during the call) and also wakes every pollInterval, so that a
// missed hot-plug is found at the next tick and Stop() never waits longer than that.
// The daemon going away (SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED, comm errors) is
// ServiceLost; the context is then released and established again with exponential back-off —
// never judged by SCardIsValidContext, which keeps answering OK after the daemon died — and
// ServiceRestored follows. Stop() calls SCardCancel on the monitor's context.
//
// ReadVitale: one context per call (any thread), SCardConnect SHARED T0|T1, the ATR classified
// before any APDU (CPS, Vitale 1 and unknown cards refused), the reading in a PC/SC transaction.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/ports/ICardReader.h"

namespace vigie::vitale {

struct PcscOptions {
    // Only readers whose name contains this text (e.g. "Virtual PCD" for the vpcd tests); "" = all.
    std::string readerFilter;
    std::chrono::milliseconds pollInterval{1000};
    std::chrono::milliseconds backoffInitial{250};
    std::chrono::milliseconds backoffMax{8000};
};

// A PC/SC return code as the CardError ReadVitale throws. `duringRead`: the card was connected,
// so "no card" means it was pulled out (card.removed) rather than never there (card.absent).
// Exposed for the unit tests; `rv` is pcsc-lite's LONG.
ports::CardError CardErrorFromPcsc(long rv, bool duringRead);

class PcscCardReader final : public ports::ICardReader {
public:
    explicit PcscCardReader(PcscOptions options = {});
    ~PcscCardReader() override;
    PcscCardReader(const PcscCardReader&) = delete;
    PcscCardReader& operator=(const PcscCardReader&) = delete;

    // Throws vigie::InternalError("card.started") when already started.
    void Start(ports::ICardReaderListener& listener) override;
    // Idempotent; joins the monitor. Called from the listener (the monitor thread) it only asks
    // the thread to end: a later Stop() or the destructor — from another thread — joins it.
    void Stop() override;
    // The readers now (filtered), from a fresh context. No reader → empty; daemon not running →
    // CardError("card.service").
    std::vector<std::string> Readers() override;
    // Errors (ports::CardError): card.service, card.reader (unknown reader), card.absent,
    // card.busy (held exclusively by another application), card.removed, card.unresponsive,
    // card.vitale1, card.cps, card.unknown (ATR not a Vitale 2), card.apdu, card.malformed, card.pcsc.
    ports::CarteVitale ReadVitale(const std::string& reader) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace vigie::vitale
