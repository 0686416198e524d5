#pragma once
// Test helpers over pcsc-lite's own API (not core/vitale's adapter): the private pcscd of
// pcscd-env.sh, a context, waiting for card events, APDUs with T=0 handling, and a tiny
// decoder of the Vitale 2 identity templates.

#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigie::pcsctest {

using Bytes = std::vector<std::uint8_t>;
using namespace std::chrono_literals;

inline const std::string kReader0 = "Virtual PCD 00 00";
inline const std::string kReader1 = "Virtual PCD 00 01";

// The pcscd of one test run. Start() exits the process with 77 (CTest skip) when the
// environment cannot host pcscd, so that the whole tier reports SKIPPED rather than passed.
class PcscdEnvironment {
public:
    static PcscdEnvironment& Instance();
    void Start();
    void Stop();
    pid_t Pid() const { return m_pid; }
    const std::string& Dir() const { return m_dir; }
    std::string Log(const std::string& name) const { return m_dir + "/" + name; }

private:
    int Script(const std::string& command, std::string& output) const;
    std::string m_dir;
    pid_t m_pid = -1;
};

class PcscContext {
public:
    PcscContext();  // throws std::runtime_error with the pcsc code
    ~PcscContext();
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;
    SCARDCONTEXT Get() const { return m_context; }
    LONG ListReaders(std::vector<std::string>& readers) const;

private:
    SCARDCONTEXT m_context = 0;
};

// Waits until `reader` holds a card (returns its ATR, hex "3B 75 …") or is empty (returns "");
// nullopt on timeout or a PC/SC error.
std::optional<std::string> WaitForCard(const PcscContext& context, const std::string& reader, bool present,
                                       std::chrono::milliseconds timeout = 5000ms);
// Waits until the reader list contains `reader`.
bool WaitForReader(const PcscContext& context, const std::string& reader, std::chrono::milliseconds timeout = 5000ms);

struct Response {
    LONG rv = SCARD_S_SUCCESS;
    Bytes data;
    std::uint16_t sw = 0;
    bool Ok() const { return rv == SCARD_S_SUCCESS; }
};

class CardConnection {
public:
    CardConnection(const PcscContext& context, const std::string& reader);  // T=0 or T=1, shared
    ~CardConnection();
    CardConnection(const CardConnection&) = delete;
    CardConnection& operator=(const CardConnection&) = delete;
    LONG ConnectResult() const { return m_rv; }
    DWORD Protocol() const { return m_protocol; }
    Response Transmit(const Bytes& command) const;

private:
    SCARDHANDLE m_card = 0;
    DWORD m_protocol = 0;
    LONG m_rv = SCARD_S_SUCCESS;
};

// The reader side of vitale-pcsc.md §2: SELECT AID VITALE, READ BINARY SFI 2 with Le = 00,
// 61xx → GET RESPONSE chains, 6Cxx → resend. `statuses` records every SW seen.
struct IdentityRead {
    LONG rv = SCARD_S_SUCCESS;  // first transport error, if any
    std::uint16_t selectSw = 0;
    Bytes data;
    std::vector<std::uint16_t> statuses;
    int apdus = 0;
};
IdentityRead ReadIdentityFile(const CardConnection& card);

// Tiny BER-TLV decoder: the 65 templates as tag → ASCII value. Throws std::runtime_error on
// malformed data.
using Template = std::map<std::uint8_t, std::string>;
std::vector<Template> DecodeTemplates(const Bytes& data);

// What a card file says the templates must be (read with nlohmann directly), and its ATR.
std::vector<Template> ExpectedTemplates(const std::string& cardFile);
std::string CardAtr(const std::string& cardFile);

std::string Hex(const Bytes& bytes);
std::string PcscCode(LONG rv);  // "0x80100069 (Card was removed.)"

extern const Bytes kSelectVitale;
extern const Bytes kReadBinarySfi2;

}  // namespace vigie::pcsctest
