#include "core/vitale/PcscCardReader.h"

#include <winscard.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "core/vitale/AtrClassifier.h"
#include "core/vitale/ReaderTracker.h"
#include "core/vitale/VitaleApdu.h"
#include "core/vitale/VitaleTlv.h"

namespace vigie::vitale {
namespace {

constexpr char kPnpReader[] = "\\\\?PnP?\\Notification";

// Errors after which the context is dead: the daemon stopped, restarted (our handle is unknown
// to the new one) or the socket broke. SCardIsValidContext cannot tell (vitale-pcsc.md §3).
bool IsServiceGone(LONG rv) {
    return rv == SCARD_E_NO_SERVICE || rv == SCARD_E_SERVICE_STOPPED || rv == SCARD_F_COMM_ERROR ||
           rv == SCARD_E_INVALID_HANDLE || rv == SCARD_F_INTERNAL_ERROR;
}

// SCardListReaders, filtered. No reader is an empty list, not an error.
LONG ListReaders(SCARDCONTEXT context, const std::string& filter, std::vector<std::string>& out) {
    out.clear();
    for (int attempt = 0; attempt < 3; ++attempt) {  // the list may grow between the two calls
        DWORD size = 0;
        LONG rv = SCardListReaders(context, nullptr, nullptr, &size);
        if (rv == SCARD_E_NO_READERS_AVAILABLE) return SCARD_S_SUCCESS;
        if (rv != SCARD_S_SUCCESS) return rv;
        std::vector<char> buffer(size + 1, '\0');
        rv = SCardListReaders(context, nullptr, buffer.data(), &size);
        if (rv == SCARD_E_INSUFFICIENT_BUFFER) continue;
        if (rv == SCARD_E_NO_READERS_AVAILABLE) return SCARD_S_SUCCESS;
        if (rv != SCARD_S_SUCCESS) return rv;
        buffer.back() = '\0';  // the multi-string ends with two NULs; never trust it to
        for (std::size_t i = 0; i < buffer.size() && buffer[i] != '\0';) {
            std::string name(&buffer[i]);
            i += name.size() + 1;
            if (filter.empty() || name.find(filter) != std::string::npos) out.push_back(std::move(name));
        }
        return SCARD_S_SUCCESS;
    }
    return SCARD_E_INSUFFICIENT_BUFFER;
}

// RAII for the handles of one ReadVitale call.
struct ContextGuard {
    SCARDCONTEXT context = 0;
    ~ContextGuard() { SCardReleaseContext(context); }
};
struct CardGuard {
    SCARDHANDLE card = 0;
    ~CardGuard() { SCardDisconnect(card, SCARD_LEAVE_CARD); }
};
struct TransactionGuard {
    SCARDHANDLE card = 0;
    ~TransactionGuard() { SCardEndTransaction(card, SCARD_LEAVE_CARD); }
};

// A response without status word is no answer a card gives: on vpcd (and readers that poll
// for removal) SCardTransmit returns success with nothing when the card was pulled mid-command,
// and pcscd notices the removal only at its next poll. Watch the card for a short while so the
// user reads « carte retirée » rather than a protocol error.
void ThrowIfCardGone(SCARDHANDLE card) {
    for (int i = 0; i < 20; ++i) {
        char name[MAX_READERNAME + 1] = {};
        DWORD nameSize = sizeof name;
        DWORD state = 0;
        DWORD protocol = 0;
        BYTE atr[MAX_ATR_SIZE] = {};
        DWORD atrSize = sizeof atr;
        const LONG rv = SCardStatus(card, name, &nameSize, &state, &protocol, atr, &atrSize);
        if (rv != SCARD_S_SUCCESS) throw CardErrorFromPcsc(rv, true);
        if ((state & SCARD_ABSENT) != 0) throw CardErrorFromPcsc(SCARD_W_REMOVED_CARD, true);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

}  // namespace

ports::CardError CardErrorFromPcsc(long rv, bool duringRead) {
    const LONG code = static_cast<LONG>(rv);
    if (IsServiceGone(code))
        return {"card.service", "service des cartes à puce (pcscd) indisponible : vérifiez qu'il est démarré"};
    switch (code) {
        case SCARD_E_NO_READERS_AVAILABLE:
        case SCARD_E_UNKNOWN_READER:
        case SCARD_E_READER_UNAVAILABLE:
            return {"card.reader", "lecteur de cartes introuvable ou débranché"};
        case SCARD_E_NO_SMARTCARD:
        case SCARD_W_REMOVED_CARD:
        case SCARD_W_RESET_CARD:
            if (duringRead || code == SCARD_W_RESET_CARD) return {"card.removed", "carte retirée pendant la lecture"};
            return {"card.absent", "aucune carte dans le lecteur"};
        case SCARD_W_UNRESPONSIVE_CARD:
        case SCARD_W_UNPOWERED_CARD:
        case SCARD_W_UNSUPPORTED_CARD:
        case SCARD_E_PROTO_MISMATCH:
            return {"card.unresponsive", "la carte ne répond pas : vérifiez le sens d'insertion"};
        case SCARD_E_SHARING_VIOLATION:
            return {"card.busy", "la carte est utilisée par une autre application"};
        default: break;
    }
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08lX", static_cast<unsigned long>(rv) & 0xFFFFFFFFul);
    return {"card.pcsc", std::string("erreur du lecteur de cartes (PC/SC ") + hex + ")"};
}

struct PcscCardReader::Impl {
    explicit Impl(PcscOptions o) : options(std::move(o)) {}

    void Run();
    void Emit(const std::vector<ports::ReaderEvent>& events);
    void WaitFor(std::chrono::milliseconds delay);
    bool Stopping() {
        std::lock_guard lock(mutex);
        return stop;
    }
    void ReleaseContext() {
        std::lock_guard lock(mutex);
        if (hasContext) SCardReleaseContext(context);
        hasContext = false;
    }

    PcscOptions options;
    ports::ICardReaderListener* listener = nullptr;
    std::thread thread;
    // Guards stop and the monitor's context: Stop() cancels on that context from its own thread,
    // so the monitor releases it only under the lock. The monitor reads `context` unlocked: it is
    // the only writer.
    std::mutex mutex;
    std::condition_variable wake;
    bool stop = false;
    bool hasContext = false;
    SCARDCONTEXT context = 0;
};

void PcscCardReader::Impl::Emit(const std::vector<ports::ReaderEvent>& events) {
    for (const ports::ReaderEvent& e : events) {
        try {
            listener->OnReaderEvent(e);
        } catch (...) {
            // A listener bug must not kill the monitor (an exception escaping a thread terminates).
        }
    }
}

void PcscCardReader::Impl::WaitFor(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex);
    wake.wait_for(lock, delay, [this] { return stop; });
}

void PcscCardReader::Impl::Run() {
    ReaderTracker tracker;
    std::chrono::milliseconds backoff = options.backoffInitial;
    std::map<std::string, DWORD> lastState;  // dwEventState seen per reader, fed back as dwCurrentState
    DWORD pnpState = 0;
    const auto loseService = [&] {
        ReleaseContext();
        Emit(tracker.OnServiceLost());
        lastState.clear();
        pnpState = 0;
        WaitFor(backoff);
        backoff = std::min(backoff * 2, options.backoffMax);
    };

    while (!Stopping()) {
        if (!hasContext) {
            SCARDCONTEXT fresh = 0;
            const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &fresh);
            if (rv != SCARD_S_SUCCESS) {
                loseService();
                continue;
            }
            {
                std::lock_guard lock(mutex);
                if (stop) {
                    SCardReleaseContext(fresh);
                    break;
                }
                context = fresh;
                hasContext = true;
            }
            Emit(tracker.OnServiceUp());
        }

        std::vector<std::string> readers;
        LONG rv = ListReaders(context, options.readerFilter, readers);
        if (rv != SCARD_S_SUCCESS) {
            loseService();
            continue;
        }
        Emit(tracker.OnReaders(readers));
        std::erase_if(lastState, [&](const auto& kv) {
            return std::find(readers.begin(), readers.end(), kv.first) == readers.end();
        });

        std::vector<SCARD_READERSTATE> states(readers.size() + 1);
        for (std::size_t i = 0; i < readers.size(); ++i) {
            states[i].szReader = readers[i].c_str();
            states[i].dwCurrentState = lastState.contains(readers[i]) ? lastState[readers[i]] : SCARD_STATE_UNAWARE;
        }
        states.back().szReader = kPnpReader;
        states.back().dwCurrentState = pnpState;

        rv = SCardGetStatusChange(context, static_cast<DWORD>(options.pollInterval.count()), states.data(),
                                  static_cast<DWORD>(states.size()));
        if (rv == SCARD_S_SUCCESS) {
            backoff = options.backoffInitial;
            for (std::size_t i = 0; i < readers.size(); ++i) {
                const DWORD ev = states[i].dwEventState;
                const bool fresh = states[i].dwCurrentState == SCARD_STATE_UNAWARE;
                lastState[readers[i]] = ev & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
                if (!fresh && (ev & SCARD_STATE_CHANGED) == 0) continue;
                // A reader vanishing shows as UNKNOWN/UNAVAILABLE: the next listing reports it.
                if (ev & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE | SCARD_STATE_IGNORE)) continue;
                const bool present = (ev & SCARD_STATE_PRESENT) != 0;
                const auto counter = static_cast<std::uint16_t>((ev >> 16) & 0xFFFF);
                const std::size_t atrSize = std::min<std::size_t>(states[i].cbAtr, sizeof states[i].rgbAtr);
                Emit(tracker.OnCardState(readers[i], present, counter,
                                         std::span<const std::uint8_t>(states[i].rgbAtr, atrSize)));
            }
            pnpState = states.back().dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
        } else if (rv == SCARD_E_TIMEOUT || rv == SCARD_E_CANCELLED) {
            backoff = options.backoffInitial;  // nothing wrong with the daemon: loop and re-list
        } else if (rv == SCARD_E_UNKNOWN_READER || rv == SCARD_E_READER_UNAVAILABLE ||
                   rv == SCARD_E_NO_READERS_AVAILABLE) {
            // A reader left between the listing and the wait: re-list, after a breath so that a
            // daemon answering this at once cannot turn the loop into a busy one.
            WaitFor(std::chrono::milliseconds(50));
        } else {
            loseService();  // the daemon is gone, or in a state we cannot trust: start afresh
        }
    }
    ReleaseContext();
}

PcscCardReader::PcscCardReader(PcscOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

PcscCardReader::~PcscCardReader() { Stop(); }

void PcscCardReader::Start(ports::ICardReaderListener& listener) {
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->thread.joinable()) throw InternalError("card.started", "le moniteur de lecteurs est déjà démarré");
    m_impl->stop = false;
    m_impl->listener = &listener;
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->Run(); });
}

void PcscCardReader::Stop() {
    {
        std::lock_guard lock(m_impl->mutex);
        if (!m_impl->thread.joinable()) return;
        m_impl->stop = true;
        if (m_impl->hasContext) SCardCancel(m_impl->context);
    }
    m_impl->wake.notify_all();
    // Called from the listener (the monitor thread itself): it cannot join itself; the thread
    // ends at its next check and a later Stop() or the destructor joins it.
    if (m_impl->thread.get_id() == std::this_thread::get_id()) return;
    m_impl->thread.join();
    m_impl->listener = nullptr;
}

std::vector<std::string> PcscCardReader::Readers() {
    ContextGuard guard;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &guard.context);
    if (rv != SCARD_S_SUCCESS) throw CardErrorFromPcsc(rv, false);
    std::vector<std::string> readers;
    rv = ListReaders(guard.context, m_impl->options.readerFilter, readers);
    if (rv != SCARD_S_SUCCESS) throw CardErrorFromPcsc(rv, false);
    return readers;
}

ports::CarteVitale PcscCardReader::ReadVitale(const std::string& reader) {
    ContextGuard context;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context.context);
    if (rv != SCARD_S_SUCCESS) throw CardErrorFromPcsc(rv, false);

    CardGuard card;
    DWORD protocol = 0;
    rv = SCardConnect(context.context, reader.c_str(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                      &card.card, &protocol);
    if (rv != SCARD_S_SUCCESS) throw CardErrorFromPcsc(rv, false);

    char name[MAX_READERNAME + 1] = {};
    DWORD nameSize = sizeof name;
    DWORD state = 0;
    DWORD activeProtocol = 0;
    std::uint8_t atr[MAX_ATR_SIZE] = {};
    DWORD atrSize = sizeof atr;
    rv = SCardStatus(card.card, name, &nameSize, &state, &activeProtocol, atr, &atrSize);
    if (rv != SCARD_S_SUCCESS) throw CardErrorFromPcsc(rv, true);
    const std::span<const std::uint8_t> atrBytes(atr, std::min<std::size_t>(atrSize, sizeof atr));

    // Classified before any APDU: a CPS must never receive one (vitale-pcsc.md §2).
    switch (ClassifyAtr(atrBytes)) {
        case ports::CardKind::Vitale2: break;
        case ports::CardKind::Vitale1:
            throw ports::CardError("card.vitale1", "carte Vitale 1 : lecture non prise en charge");
        case ports::CardKind::Cps: throw ports::CardError("card.cps", "carte CPS : pas une carte Vitale");
        case ports::CardKind::Unknown:
            throw ports::CardError("card.unknown", "carte non reconnue : ce n'est pas une carte Vitale 2 (ATR " +
                                                       AtrToHex(atrBytes) + ")");
    }

    // One transaction for SELECT + READ BINARY: no other application's APDU in between.
    rv = SCardBeginTransaction(card.card);
    if (rv != SCARD_S_SUCCESS) throw CardErrorFromPcsc(rv, true);
    TransactionGuard transaction{card.card};

    const SCARD_IO_REQUEST* pci = protocol == SCARD_PROTOCOL_T1 ? SCARD_PCI_T1 : SCARD_PCI_T0;
    VitaleApdu apdu([&](const std::vector<std::uint8_t>& capdu) {
        std::vector<std::uint8_t> response(258 + 16);  // Le = 00 → at most 256 bytes + SW
        DWORD size = static_cast<DWORD>(response.size());
        const LONG r = SCardTransmit(card.card, pci, capdu.data(), static_cast<DWORD>(capdu.size()), nullptr,
                                     response.data(), &size);
        if (r != SCARD_S_SUCCESS) {
            // pcsc-lite 1.9 reports a card pulled mid-command as NOT_TRANSACTED first; the
            // removal shows on the handle a moment later.
            if (r == SCARD_E_NOT_TRANSACTED) ThrowIfCardGone(card.card);
            throw CardErrorFromPcsc(r, true);
        }
        response.resize(std::min<std::size_t>(size, response.size()));
        if (response.size() < 2) ThrowIfCardGone(card.card);  // else VitaleApdu reports the short answer
        return response;
    });
    ports::CarteVitale result = ParseVitaleTlv(apdu.ReadIdentityFile());
    result.atr = AtrToHex(atrBytes);
    return result;
}

}  // namespace vigie::vitale
