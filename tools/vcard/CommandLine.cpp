#include "tools/vcard/CommandLine.h"

#include <stdexcept>

namespace vigie::vcard {
namespace {

double Number(const std::string& option, const std::string& text, double min, double max) {
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || value < min || value > max)
        throw std::invalid_argument(option + " : nombre attendu entre " + std::to_string(static_cast<long>(min)) + " et " +
                                    std::to_string(static_cast<long>(max)) + ", reçu « " + text + " »");
    return value;
}

}  // namespace

const char* CommandLine::Usage() {
    return "usage :\n"
           "  vigie-vcard --card FICHIER [--port N] [--hold SECONDES] [--connect-timeout SECONDES] [--verbose]\n"
           "      insère la carte dans le lecteur virtuel vpcd (127.0.0.1:N, 35963 par défaut = « Virtual PCD 00 00 »,\n"
           "      35964 = « 00 01 ») et la laisse insérée jusqu'à l'arrêt du programme ou la fin de --hold.\n"
           "  vigie-vcard --interactive --cards DOSSIER [--port N] [--verbose]\n"
           "      lit des commandes sur l'entrée standard : insert NOM, remove, list, quit.\n"
           "  vigie-vcard --check FICHIER...\n"
           "      vérifie des fichiers de carte.\n";
}

Options CommandLine::Parse(const std::vector<std::string>& args) {
    Options o;
    bool interactive = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw std::invalid_argument(a + " : valeur manquante");
            return args[++i];
        };
        if (a == "--help" || a == "-h") {
            o.mode = Options::Mode::Help;
            return o;
        } else if (a == "--card") {
            o.cardFile = value();
        } else if (a == "--cards") {
            o.cardsDir = value();
        } else if (a == "--interactive") {
            interactive = true;
        } else if (a == "--port") {
            o.port = static_cast<int>(Number(a, value(), 1, 65535));
        } else if (a == "--hold") {
            o.holdSeconds = Number(a, value(), 0, 1e7);
        } else if (a == "--connect-timeout") {
            o.connectTimeoutSeconds = Number(a, value(), 0, 1e7);
        } else if (a == "--verbose" || a == "-v") {
            o.verbose = true;
        } else if (a == "--check") {
            o.mode = Options::Mode::Check;
            while (i + 1 < args.size()) o.checkFiles.push_back(args[++i]);
            if (o.checkFiles.empty()) throw std::invalid_argument("--check : au moins un fichier attendu");
            return o;
        } else {
            throw std::invalid_argument("option inconnue : « " + a + " »");
        }
    }
    if (interactive && !o.cardFile.empty()) throw std::invalid_argument("--card et --interactive s'excluent");
    if (interactive) {
        if (o.cardsDir.empty()) throw std::invalid_argument("--interactive demande --cards DOSSIER");
        o.mode = Options::Mode::Interactive;
    } else if (!o.cardFile.empty()) {
        o.mode = Options::Mode::Card;
    } else {
        throw std::invalid_argument("indiquez --card FICHIER ou --interactive --cards DOSSIER");
    }
    return o;
}

}  // namespace vigie::vcard
