// vigie-vcard: the virtual carte Vitale. Plays a card described by a JSON file
// (tools/vcard/README.md) in a vpcd virtual reader of the real pcscd.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "tools/vcard/CardFileLoader.h"
#include "tools/vcard/CardSession.h"
#include "tools/vcard/CommandLine.h"
#include "tools/vcard/InteractiveShell.h"
#include "tools/vcard/Log.h"

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void OnSignal(int) { g_stop = true; }

void InstallSignals() {
    struct sigaction action{};
    action.sa_handler = OnSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: poll() returns and the loops look at g_stop
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

int Main(const std::vector<std::string>& args) {
    using namespace vigie::vcard;
    Options options;
    try {
        options = CommandLine::Parse(args);
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "vigie-vcard: %s\n%s", e.what(), CommandLine::Usage());
        return 2;
    }
    SessionOptions session;
    session.port = static_cast<std::uint16_t>(options.port);
    session.verbose = options.verbose;
    session.connectTimeout = std::chrono::milliseconds(static_cast<long long>(options.connectTimeoutSeconds * 1000));

    switch (options.mode) {
        case Options::Mode::Help:
            std::fputs(CommandLine::Usage(), stdout);
            return 0;
        case Options::Mode::Check: {
            int bad = 0;
            for (const std::string& f : options.checkFiles) {
                try {
                    const CardDescription card = CardFileLoader::LoadFile(f);
                    std::printf("ok %s : %zu bénéficiaire(s), ATR %s\n", f.c_str(), card.beneficiaries.size(),
                                card.AtrHex().c_str());
                } catch (const CardFileError& e) {
                    LogLine(std::string("erreur : ") + e.what());
                    ++bad;
                }
            }
            return bad == 0 ? 0 : 1;
        }
        case Options::Mode::Card: {
            CardDescription card;
            try {
                card = CardFileLoader::LoadFile(options.cardFile);
            } catch (const CardFileError& e) {
                LogLine(std::string("erreur : ") + e.what());
                return 1;
            }
            if (options.holdSeconds)
                session.removeAt = std::chrono::steady_clock::now() +
                                   std::chrono::milliseconds(static_cast<long long>(*options.holdSeconds * 1000));
            CardSession run(std::move(card), session);
            return run.Run(g_stop) == CardSession::Outcome::NoReader ? 3 : 0;
        }
        case Options::Mode::Interactive: {
            InteractiveShell shell(options.cardsDir, session, g_stop);
            return shell.Run(0);
        }
    }
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    InstallSignals();
    try {
        return Main(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vigie-vcard: erreur inattendue : %s\n", e.what());
        return 1;
    }
}
