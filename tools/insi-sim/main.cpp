// vigie-insi-sim: the thin executable over vigie_insi_sim_lib (see CommandLine.h for usage).
// Exit codes: 0 success, 1 refused (PKI already there), 2 bad usage or input, 3 environment
// (TLS material, port in use, files), 4 internal error.

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <thread>

#include "core/domain/Errors.h"
#include "tools/insi-sim/CommandLine.h"
#include "tools/insi-sim/PersonaStore.h"

namespace {

using namespace vigie::sim;

int Serve(const ServeCommand& cmd, const sigset_t& stopSignals) {
    Matcher matcher(PersonaStore::LoadFile(cmd.personas));
    SimControl control(cmd.control);
    SimStats stats;
    std::unique_ptr<RequestLog> log;
    if (cmd.log) {
        log = std::make_unique<RequestLog>(*cmd.log);
    }
    InsiSimService service(std::move(matcher), cmd.service, control, stats, log.get());
    SimServer server(cmd.server, service, control, stats);
    const int port = server.Bind();

    std::atomic<bool> signalled{false};
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        signalled = true;
        server.Stop();
    });
    std::cout << "LISTENING " << cmd.server.host << ":" << port << std::endl;
    server.Run();
    if (!signalled) {
        pthread_kill(waiter.native_handle(), SIGTERM);  // Run ended on its own: release the waiter
    }
    waiter.join();
    std::cerr << "vigie-insi-sim: stopped\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Before any thread exists: SIGINT/SIGTERM are taken by sigwait in one thread only, and a
    // client closing its connection early must not kill the process.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    try {
        const CommandLine cl = CommandLine::Parse(std::vector<std::string>(argv + 1, argv + argc));
        switch (cl.mode) {
        case CommandLine::Mode::Help:
            std::cout << CommandLine::Usage();
            return 0;
        case CommandLine::Mode::Pki:
            TestPki::Create(cl.pki);
            std::cout << "test PKI written to " << cl.pki.outDir.string() << " (client configuration: vigie.conf)\n";
            return 0;
        case CommandLine::Mode::Serve:
            return Serve(cl.serve, stopSignals);
        }
    } catch (const UsageError& e) {
        std::cerr << "vigie-insi-sim: " << e.what() << "\n\n" << CommandLine::Usage();
        return 2;
    } catch (const vigie::Error& e) {
        std::cerr << "vigie-insi-sim: " << e.what() << "\n";
        switch (e.Kind()) {
        case vigie::ErrorKind::Business:
            return 1;
        case vigie::ErrorKind::BadInput:
            return 2;
        default:
            return 3;
        }
    } catch (const std::exception& e) {
        std::cerr << "vigie-insi-sim: internal error: " << e.what() << "\n";
        return 4;
    }
    return 0;
}
