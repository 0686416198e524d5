#include "tests/pcsc/PcscSupport.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

namespace vigie::pcsctest {

const Bytes kSelectVitale{0x00, 0xA4, 0x04, 0x00, 0x0B, 0xD2, 0x50, 0x00, 0x00, 0x02, 0x56, 0x49, 0x54, 0x41, 0x4C, 0x45};
const Bytes kReadBinarySfi2{0x00, 0xB0, 0x82, 0x00, 0x00};

std::string Hex(const Bytes& bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i != 0) out += ' ';
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0x0F];
    }
    return out;
}

std::string PcscCode(LONG rv) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08lX", static_cast<unsigned long>(rv) & 0xFFFFFFFFUL);
    return std::string(buffer) + " (" + pcsc_stringify_error(rv) + ")";
}

// ---- pcscd ----

PcscdEnvironment& PcscdEnvironment::Instance() {
    static PcscdEnvironment environment;
    return environment;
}

int PcscdEnvironment::Script(const std::string& command, std::string& output) const {
    const std::string line = "'" + std::string(VIGIE_SOURCE_DIR) + "/tests/pcsc/pcscd-env.sh' " + command + " '" + m_dir + "'";
    FILE* pipe = ::popen(line.c_str(), "r");
    if (pipe == nullptr) return -1;
    std::array<char, 256> buffer{};
    output.clear();
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) output += buffer.data();
    const int status = ::pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void PcscdEnvironment::Start() {
    if (m_dir.empty()) {
        char pattern[] = "/tmp/vigie-pcsc-XXXXXX";
        if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp");
        m_dir = pattern;
    }
    std::string output;
    const int rc = Script("start", output);
    if (rc == 77) {
        std::cerr << "pcsc tests: pcscd cannot run here (see the message above): SKIPPED\n";
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
        std::cerr.flush();
        std::_Exit(77);
    }
    if (rc != 0) throw std::runtime_error("pcscd-env.sh start failed with " + std::to_string(rc));
    m_pid = static_cast<pid_t>(std::stol(output));
}

void PcscdEnvironment::Stop() {
    std::string output;
    Script("stop", output);
    m_pid = -1;
    if (std::getenv("VIGIE_PCSC_KEEP") == nullptr) {
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    } else {
        std::cerr << "pcsc tests: logs kept in " << m_dir << "\n";
    }
}

// ---- context ----

PcscContext::PcscContext() {
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &m_context);
    if (rv != SCARD_S_SUCCESS) throw std::runtime_error("SCardEstablishContext: " + PcscCode(rv));
}

PcscContext::~PcscContext() { SCardReleaseContext(m_context); }

LONG PcscContext::ListReaders(std::vector<std::string>& readers) const {
    readers.clear();
    DWORD size = 0;
    LONG rv = SCardListReaders(m_context, nullptr, nullptr, &size);
    if (rv != SCARD_S_SUCCESS) return rv;
    std::string buffer(size, '\0');
    rv = SCardListReaders(m_context, nullptr, buffer.data(), &size);
    if (rv != SCARD_S_SUCCESS) return rv;
    for (std::size_t i = 0; i < buffer.size() && buffer[i] != '\0';) {
        const std::string name(buffer.c_str() + i);
        readers.push_back(name);
        i += name.size() + 1;
    }
    return rv;
}

bool WaitForReader(const PcscContext& context, const std::string& reader, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::vector<std::string> readers;
    do {
        if (context.ListReaders(readers) == SCARD_S_SUCCESS)
            for (const auto& r : readers)
                if (r == reader) return true;
        std::this_thread::sleep_for(100ms);
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
}

std::optional<std::string> WaitForCard(const PcscContext& context, const std::string& reader, bool present,
                                       std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    SCARD_READERSTATE state{};
    state.szReader = reader.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        const LONG rv = SCardGetStatusChange(context.Get(), static_cast<DWORD>(left.count()), &state, 1);
        if (rv == SCARD_E_TIMEOUT) return std::nullopt;
        if (rv != SCARD_S_SUCCESS) {
            std::this_thread::sleep_for(100ms);  // e.g. the reader is not there yet
            state.dwCurrentState = SCARD_STATE_UNAWARE;
            continue;
        }
        if (present && (state.dwEventState & SCARD_STATE_PRESENT) != 0 && state.cbAtr > 0)
            return Hex(Bytes(state.rgbAtr, state.rgbAtr + state.cbAtr));
        if (!present && (state.dwEventState & SCARD_STATE_EMPTY) != 0) return std::string();
        state.dwCurrentState = state.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    }
}

// ---- card ----

CardConnection::CardConnection(const PcscContext& context, const std::string& reader) {
    m_rv = SCardConnect(context.Get(), reader.c_str(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &m_card,
                        &m_protocol);
}

CardConnection::~CardConnection() {
    if (m_rv == SCARD_S_SUCCESS) SCardDisconnect(m_card, SCARD_RESET_CARD);
}

Response CardConnection::Transmit(const Bytes& command) const {
    Response r;
    if (m_rv != SCARD_S_SUCCESS) {
        r.rv = m_rv;
        return r;
    }
    std::array<BYTE, 300> buffer{};
    DWORD length = buffer.size();
    const SCARD_IO_REQUEST* pci = m_protocol == SCARD_PROTOCOL_T1 ? SCARD_PCI_T1 : SCARD_PCI_T0;
    r.rv = SCardTransmit(m_card, pci, command.data(), static_cast<DWORD>(command.size()), nullptr, buffer.data(), &length);
    if (r.rv != SCARD_S_SUCCESS) return r;
    if (length < 2) {
        r.rv = SCARD_F_UNKNOWN_ERROR;
        return r;
    }
    r.data.assign(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(length - 2));
    r.sw = static_cast<std::uint16_t>((buffer[length - 2] << 8) | buffer[length - 1]);
    return r;
}

IdentityRead ReadIdentityFile(const CardConnection& card) {
    IdentityRead out;
    auto send = [&](const Bytes& command) {
        ++out.apdus;
        Response r = card.Transmit(command);
        if (!r.Ok() && out.rv == SCARD_S_SUCCESS) out.rv = r.rv;
        if (r.Ok()) out.statuses.push_back(r.sw);
        return r;
    };
    const Response select = send(kSelectVitale);
    if (!select.Ok()) return out;
    out.selectSw = select.sw;
    if (select.sw != 0x9000) return out;
    Bytes command = kReadBinarySfi2;
    for (int guard = 0; guard < 64; ++guard) {
        const Response r = send(command);
        if (!r.Ok()) return out;
        out.data.insert(out.data.end(), r.data.begin(), r.data.end());
        const auto sw1 = static_cast<std::uint8_t>(r.sw >> 8);
        const auto sw2 = static_cast<std::uint8_t>(r.sw & 0xFF);
        if (sw1 == 0x6C) {
            command.back() = sw2;  // resend the same command with the right Le
        } else if (sw1 == 0x61) {
            command = Bytes{0x00, 0xC0, 0x00, 0x00, sw2};
        } else {
            return out;
        }
    }
    return out;
}

// ---- TLV ----

std::vector<Template> DecodeTemplates(const Bytes& data) {
    std::vector<Template> out;
    std::size_t i = 0;
    while (i < data.size()) {
        if (data[i] != 0x65) throw std::runtime_error("tag 65 attendu à l'octet " + std::to_string(i));
        if (i + 2 > data.size() || data[i + 1] > 0x7F) throw std::runtime_error("longueur de gabarit invalide");
        const std::size_t end = i + 2 + data[i + 1];
        if (end > data.size()) throw std::runtime_error("gabarit tronqué");
        Template t;
        for (std::size_t j = i + 2; j < end;) {
            if (j + 2 > end || data[j + 1] > 0x7F || j + 2 + data[j + 1] > end) throw std::runtime_error("TLV tronqué");
            t[data[j]] = std::string(data.begin() + static_cast<std::ptrdiff_t>(j + 2),
                                     data.begin() + static_cast<std::ptrdiff_t>(j + 2 + data[j + 1]));
            j += 2 + data[j + 1];
        }
        out.push_back(t);
        i = end;
    }
    return out;
}

namespace {
nlohmann::json ReadJson(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file);
    return nlohmann::json::parse(in);
}
}  // namespace

std::vector<Template> ExpectedTemplates(const std::string& cardFile) {
    std::vector<Template> out;
    const nlohmann::json card = ReadJson(cardFile);
    bool first = true;
    for (const auto& b : card.at("beneficiaries")) {
        Template t{{0x80, b.at("last_name").get<std::string>()},
                   {0x81, b.at("first_name").get<std::string>()},
                   {0x82, b.at("birth_date").get<std::string>()}};
        std::string nir = b.value("nir", std::string());
        if (first && nir.empty()) nir = card.value("insured_nir", std::string()) + card.value("insured_key", std::string());
        first = false;
        if (!nir.empty()) t[0x93] = nir;
        out.push_back(t);
    }
    return out;
}

std::string CardAtr(const std::string& cardFile) { return ReadJson(cardFile).at("atr").get<std::string>(); }

}  // namespace vigie::pcsctest
