#include "tools/vcard/InteractiveShell.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <sstream>
#include <vector>

#include "tools/vcard/CardFileLoader.h"
#include "tools/vcard/Log.h"

namespace vigie::vcard {
namespace {

void Reply(const std::string& line) {
    std::fputs((line + "\n").c_str(), stdout);
    std::fflush(stdout);
}

}  // namespace

InteractiveShell::InteractiveShell(std::filesystem::path cardsDir, SessionOptions options, const std::atomic<bool>& quit)
    : m_cardsDir(std::move(cardsDir)), m_options(std::move(options)), m_quit(quit) {}

InteractiveShell::~InteractiveShell() { Remove(); }

int InteractiveShell::Run(int inputFd) {
    std::string pending;
    while (!m_quit.load()) {
        pollfd p{inputFd, POLLIN, 0};
        const int n = ::poll(&p, 1, 200);
        if (n < 0 && errno != EINTR) break;
        if (n <= 0) continue;
        char chunk[1024];
        const ssize_t got = ::read(inputFd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;  // end of input
        pending.append(chunk, static_cast<std::size_t>(got));
        std::size_t eol = 0;
        while ((eol = pending.find('\n')) != std::string::npos) {
            const std::string line = pending.substr(0, eol);
            pending.erase(0, eol + 1);
            if (!Execute(line)) {
                Remove();
                return 0;
            }
        }
    }
    Remove();
    return 0;
}

bool InteractiveShell::Execute(const std::string& line) {
    std::istringstream in(line);
    std::string command;
    std::string argument;
    in >> command >> argument;
    if (command.empty() || command[0] == '#') return true;
    if (command == "quit" || command == "exit") {
        Reply("ok au revoir");
        return false;
    }
    if (command == "insert") {
        if (argument.empty()) Reply("erreur : insert NOM (voir list)");
        else Insert(argument);
    } else if (command == "remove") {
        const bool was = m_inserted.load();
        Remove();
        Reply(was ? "ok carte retirée" : "ok aucune carte insérée");
    } else if (command == "list") {
        List();
    } else if (command == "help") {
        Reply("ok commandes : insert NOM, remove, list, quit");
    } else {
        Reply("erreur : commande inconnue « " + command + " » (insert NOM, remove, list, quit)");
    }
    return true;
}

void InteractiveShell::Insert(const std::string& name) {
    std::filesystem::path file = m_cardsDir / name;
    if (file.extension() != ".json") file += ".json";
    CardDescription card;
    try {
        card = CardFileLoader::LoadFile(file);
    } catch (const CardFileError& e) {
        LogLine(std::string("erreur : ") + e.what());
        Reply(std::string("erreur : ") + e.what());
        return;
    }
    if (m_inserted.load()) {
        Remove();
        // A real swap takes a moment; pcscd polls the vpcd reader, and a card replaced faster
        // than its polling period would go unnoticed (the old ATR would stay).
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    }
    Remove();
    m_stopCard = false;
    m_inserted = true;
    const std::string description = card.description;
    m_thread = std::thread([this, c = std::move(card)]() mutable {
        CardSession session(std::move(c), m_options);
        session.Run(m_stopCard);
        m_inserted = false;
    });
    Reply("ok carte « " + name + " » insérée : " + description);
}

void InteractiveShell::Remove() {
    m_stopCard = true;
    if (m_thread.joinable()) m_thread.join();
    m_inserted = false;
}

void InteractiveShell::List() const {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(m_cardsDir, ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec) {
        Reply("erreur : dossier de cartes illisible : " + m_cardsDir.string());
        return;
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        try {
            const CardDescription card = CardFileLoader::LoadFile(f);
            Reply("  " + card.name + " — " + card.description);
        } catch (const CardFileError& e) {
            Reply("  " + f.stem().string() + " — (invalide : " + e.what() + ")");
        }
    }
    Reply("ok " + std::to_string(files.size()) + " cartes");
}

}  // namespace vigie::vcard
