#include "tools/insi-sim/CommandLine.h"

#include <arpa/inet.h>

#include <charconv>

namespace vigie::sim {

namespace {

long long ParseInteger(const std::string& option, const std::string& text, long long min, long long max) {
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) {
        throw UsageError(option + ": expected an integer between " + std::to_string(min) + " and " +
                         std::to_string(max) + ", got '" + text + "'");
    }
    return value;
}

double ParseRate(const std::string& option, const std::string& text) {
    std::size_t used = 0;
    double value = -1.0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || !(value >= 0.0 && value <= 1.0)) {
        throw UsageError(option + ": expected a probability between 0 and 1, got '" + text + "'");
    }
    return value;
}

std::vector<std::string> SplitList(const std::string& text) {
    std::vector<std::string> items(1);
    for (char c : text) {
        if (c == ',') {
            items.emplace_back();
        } else if (c != ' ') {
            items.back().push_back(c);
        }
    }
    std::erase_if(items, [](const std::string& s) { return s.empty(); });
    return items;
}

class ArgCursor {
public:
    explicit ArgCursor(const std::vector<std::string>& args, std::size_t start) : m_args(args), m_index(start) {}
    bool Done() const { return m_index >= m_args.size(); }
    const std::string& Next() { return m_args[m_index++]; }
    const std::string& Value(const std::string& option) {
        if (Done()) {
            throw UsageError(option + " needs a value");
        }
        return Next();
    }

private:
    const std::vector<std::string>& m_args;
    std::size_t m_index;
};

PkiOptions ParsePki(ArgCursor args) {
    PkiOptions pki;
    while (!args.Done()) {
        const std::string opt = args.Next();
        if (opt == "--out") {
            pki.outDir = args.Value(opt);
        } else if (opt == "--port") {
            pki.port = static_cast<int>(ParseInteger(opt, args.Value(opt), 1, 65535));
        } else if (opt == "--days") {
            pki.days = static_cast<int>(ParseInteger(opt, args.Value(opt), 1, 36500));
        } else if (opt == "--force") {
            pki.force = true;
        } else {
            throw UsageError("pki: unknown option " + opt);
        }
    }
    if (pki.outDir.empty()) {
        throw UsageError("pki: --out DIR is required");
    }
    return pki;
}

ServeCommand ParseServe(ArgCursor args) {
    ServeCommand cmd;
    bool listenSet = false;
    while (!args.Done()) {
        const std::string opt = args.Next();
        if (opt == "--listen") {
            ParseLoopbackListen(args.Value(opt), cmd.server.host, cmd.server.port);
            listenSet = true;
        } else if (opt == "--pki") {
            cmd.server.pkiDir = args.Value(opt);
        } else if (opt == "--personas") {
            cmd.personas = args.Value(opt);
        } else if (opt == "--idam") {
            cmd.service.idamAllowList = SplitList(args.Value(opt));
        } else if (opt == "--server-identity") {
            const std::string identity = args.Value(opt);
            if (identity != "default" && identity != "wrong-name") {
                throw UsageError("--server-identity: default or wrong-name, got '" + identity + "'");
            }
            cmd.server.wrongNameIdentity = identity == "wrong-name";
        } else if (opt == "--latency-ms") {
            cmd.control.latencyMs = static_cast<int>(ParseInteger(opt, args.Value(opt), 0, 600000));
        } else if (opt == "--failure-rate") {
            cmd.control.failureRate = ParseRate(opt, args.Value(opt));
        } else if (opt == "--max-rate") {
            cmd.control.maxRate = static_cast<int>(ParseInteger(opt, args.Value(opt), 0, 1000000));
        } else if (opt == "--outage") {
            cmd.control.outage = true;
        } else if (opt == "--log") {
            cmd.log = args.Value(opt);
        } else if (opt == "--seed") {
            cmd.service.seed = static_cast<std::uint64_t>(ParseInteger(opt, args.Value(opt), 0, INT64_MAX));
        } else if (opt == "--style") {
            const std::string style = args.Value(opt);
            if (style != "live" && style != "cnda") {
                throw UsageError("--style: live or cnda, got '" + style + "'");
            }
            cmd.service.style = style == "cnda" ? ResponseStyle::Cnda : ResponseStyle::Live;
        } else if (opt == "--threads") {
            cmd.server.threads = static_cast<std::size_t>(ParseInteger(opt, args.Value(opt), 4, 1024));
        } else {
            throw UsageError("unknown option " + opt);
        }
    }
    if (!listenSet || cmd.server.pkiDir.empty() || cmd.personas.empty()) {
        throw UsageError("--listen, --pki and --personas are required");
    }
    if (cmd.service.idamAllowList.empty()) {
        throw UsageError("--idam: the allow-list is empty");
    }
    return cmd;
}

}  // namespace

void ParseLoopbackListen(const std::string& text, std::string& host, int& port) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        throw UsageError("--listen: expected HOST:PORT, got '" + text + "'");
    }
    host = text.substr(0, colon);
    port = static_cast<int>(ParseInteger("--listen", text.substr(colon + 1), 0, 65535));
    if (host == "localhost") {
        host = "127.0.0.1";
    }
    in_addr address{};
    // inet_pton accepts only the dotted-quad form, so "127.1" or names cannot slip through.
    if (::inet_pton(AF_INET, host.c_str(), &address) != 1 || (ntohl(address.s_addr) >> 24) != 127) {
        throw UsageError("--listen: the simulator listens on loopback only (127.0.0.0/8), refused '" + host + "'");
    }
}

CommandLine CommandLine::Parse(const std::vector<std::string>& args) {
    CommandLine cl;
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        cl.mode = Mode::Help;
    } else if (args[0] == "pki") {
        cl.mode = Mode::Pki;
        cl.pki = ParsePki(ArgCursor(args, 1));
    } else {
        cl.mode = Mode::Serve;
        cl.serve = ParseServe(ArgCursor(args, 0));
    }
    return cl;
}

std::string CommandLine::Usage() {
    return "vigie-insi-sim: local simulator of the INSi teleservice (test PKI, mutual TLS)\n"
           "\n"
           "  vigie-insi-sim pki --out DIR [--port N] [--days N] [--force]\n"
           "      creates a test CA, server and client certificates and DIR/vigie.conf\n"
           "      (default port 18443, 365 days; refuses to overwrite without --force)\n"
           "\n"
           "  vigie-insi-sim --listen 127.0.0.1:PORT --pki DIR --personas FILE\n"
           "      [--idam LIST]              allowed IDAM numbers, comma-separated (VIGIE0000001)\n"
           "      [--server-identity default|wrong-name]\n"
           "      [--latency-ms N] [--failure-rate P] [--max-rate N] [--outage]\n"
           "      [--log FILE]               one JSON line per /lps request\n"
           "      [--seed S]                 seed of the injected failures\n"
           "      [--style live|cnda]        answer layout, both as captured (live)\n"
           "      [--threads N]              connections served at once (64)\n"
           "      PORT 0 picks a free port. Prints 'LISTENING 127.0.0.1:<port>' when ready;\n"
           "      stops on SIGTERM/SIGINT.\n"
           "\n"
           "Runtime control (same TLS client certificate): POST /_sim/control {\"outage\":bool,\n"
           "\"latency_ms\":int,\"failure_rate\":number,\"max_rate\":int,\"hostile\":\"none|truncated|not-xml|\n"
           "huge|fault-200|slow|wrong-content-type\",\"reset_stats\":bool}; GET /_sim/stats.\n";
}

}  // namespace vigie::sim
