#pragma once
// The demo mode: commands on stdin, one per line —
//   insert NOM   inserts DOSSIER/NOM.json (removing the card already inserted, if any)
//   remove       removes the card
//   list         lists the cards of the folder with their description
//   quit         removes the card and leaves (also on end of input or SIGTERM)
// Each command is acknowledged by one line on stdout ("ok …" or "erreur : …"); logs go to stderr.

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "tools/vcard/CardSession.h"

namespace vigie::vcard {

class InteractiveShell {
public:
    InteractiveShell(std::filesystem::path cardsDir, SessionOptions options, const std::atomic<bool>& quit);
    ~InteractiveShell();
    InteractiveShell(const InteractiveShell&) = delete;
    InteractiveShell& operator=(const InteractiveShell&) = delete;

    int Run(int inputFd);

private:
    bool Execute(const std::string& line);  // false = quit
    void Insert(const std::string& name);
    void Remove();
    void List() const;

    std::filesystem::path m_cardsDir;
    SessionOptions m_options;
    const std::atomic<bool>& m_quit;
    std::thread m_thread;
    std::atomic<bool> m_stopCard{false};
    std::atomic<bool> m_inserted{false};
};

}  // namespace vigie::vcard
