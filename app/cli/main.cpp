// vigie-cli: the command-line composition root. The store backend is chosen here and nowhere
// else; commands receive the port.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "core/util/Json.h"
#include "core/cardsim/SimulatedCardReader.h"
#include "core/insi/InsiClient.h"
#include "core/vitale/PcscCardReader.h"
#include "core/util/ConfigFile.h"
#include "db/sqlite/SqliteStore.h"

namespace fs = std::filesystem;
using namespace vigie;

namespace {

const char* kUsage = R"(Usage : vigie-cli [--db FICHIER] [--config FICHIER] [--user NOM] [--json] COMMANDE …

  nir check <15 caractères | 13 caractères et clé>
  traits normalize --birth-name S [--first-names S] [--used-name S] [--used-first-name S]
  patient create --birth-name S --first-names S --sex M|F --birth-date AAAA-MM-JJ
                 [--birth-place COG] [--used-name S] [--used-first-name S] [--force]
  patient show ID | history ID
  patient search [--birth-name S] [--birth-date D] [--text S] [--limit N]
  patient validate ID --document cni|passeport|titre-sejour|livret-famille|extrait-naissance [--expires D]
  patient withdraw-document ID
  patient set-attribute ID homonyme|douteuse|fictive [--off]
  patient edit ID [--birth-name S] [--first-names S] [--sex M|F] [--birth-date D] [--birth-place COG]
                  [--used-name S] [--used-first-name S]
  patient import FICHIER.csv [--separator ';'|','|'|'|tab] [--dry-run]
                  (colonnes nom_naissance;prenoms_naissance;sexe;date_naissance[;lieu_naissance;
                   nom_utilise;prenom_utilise] ; tout ou rien, une transaction)
  journal verify
  operator add NOM --role comptoir|preparateur|titulaire|identitovigilance | operator list
  operator set-pin NOM | operator switch NOM   (code PIN lu sur l'entrée standard, jamais en argument)
  stats [--dashboard [--days N]]            (tableau de bord : titulaire uniquement)
  identitovigilance collisions             (collisions d'INS à examiner : référent identitovigilance)
  identitovigilance review-collision N --verdict meme-personne|personnes-differentes|autre --comment S
  insi search --birth-name S --first-names S --sex M|F --birth-date D [--birth-place COG]
              [--print-request] [--show-ins]
  insi vitale --insured-nir N --birth-name S --birth-date D [--beneficiary-nir N] [--rank R]
              [--usual-name S] [--print-request] [--show-ins]
  insi parse FICHIER [--show-ins]
  insi config show | insi config set [--endpoint URL] [--ca-file F] [--cert-manu F --key-manu F]
              [--cert-auto F --key-auto F] [--idam S] [--rate-cap N] [--connect-timeout-ms N]
              [--timeout-ms N] [--retries N]      (titulaire ; mots de passe jamais en argument)
  patient retrieve ID [--accept]
  verify --all | --resume [--rate N] [--concurrency N]
  card read [--reader NOM | --simulated FICHIER]
  card watch [--reader NOM | --simulated FICHIER] [--seconds N]
  counter [--reader NOM | --simulated FICHIER] [--beneficiary N] [--auto-accept] [--document TYPE] [--once]
  datamatrix ID --payload | --out FICHIER.png|.svg|.pdf [--module-mm X]
                                          (Datamatrix INS, identité qualifiée uniquement)
  print label ID [--rules NOM] [--copies N] [--dispensing-date D] [--dpi N]
                 --out FICHIER.pdf|.png|.svg|.zpl | --printer IMPRIMANTE [--zpl]
  print document ID --template ordonnance|plan-de-prise|fiche [--paper A4|A5] [--content FICHIER.json]
                 [--module-mm X] --out FICHIER.pdf|.png | --printer IMPRIMANTE
  print queues                            (imprimantes CUPS de ce poste)
  label-rules list | show NOM | import FICHIER | export [NOM...] [--out FICHIER]

Base : --db, sinon $VIGIE_DB, sinon ~/.local/share/vigie/vigie.db.
Configuration INSi : --config, sinon $VIGIE_CONFIG, sinon ~/.config/vigie/vigie.conf.
Opérateur : --user, sinon $VIGIE_USER.
Codes de sortie : 0 succès, 1 refus métier, 2 saisie invalide, 3 environnement, 4 erreur interne.
)";

std::string DefaultDatabasePath() {
    if (const char* env = std::getenv("VIGIE_DB"); env && *env) return env;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = fs::path(home) / ".local" / "share";
    else base = fs::current_path();
    return (base / "vigie" / "vigie.db").string();
}

std::string DefaultConfigPath() {
    if (const char* env = std::getenv("VIGIE_CONFIG"); env && *env) return env;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = fs::path(home) / ".config";
    else base = fs::current_path();
    return (base / "vigie" / "vigie.conf").string();
}

std::unique_ptr<insi::InsiClient> OpenInsi(const std::string& configPath, const std::string& instanceId,
                                           const ports::IClock& clock) {
    if (!fs::exists(configPath))
        throw EnvironmentError("config.missing",
                               "Configuration INSi introuvable : « " + configPath +
                                   " » (--config ; « vigie-insi-sim pki --out DOSSIER » crée celle de démonstration).");
    return std::make_unique<insi::InsiClient>(insi::InsiSettings::FromConfig(util::ConfigFile::Load(configPath)),
                                              instanceId, clock);
}

std::unique_ptr<ports::ICardReader> OpenPcscReader() { return std::make_unique<vitale::PcscCardReader>(); }

// The card reader: the in-process simulated one (its card inserted at once), else PC/SC.
std::unique_ptr<ports::ICardReader> OpenCardReader(const std::optional<std::string>& cardFile) {
    if (cardFile) {
        auto reader = std::make_unique<cardsim::SimulatedCardReader>();
        const cardsim::CardFile card = cardsim::LoadCardFile(*cardFile);
        reader->Insert(card);  // delivered once Start() is called
        return reader;
    }
    return OpenPcscReader();
}

std::unique_ptr<ports::IStore> OpenStore(const std::string& path) {
    const fs::path p(path);
    if (p.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        if (ec)
            throw EnvironmentError("store.access", "Impossible de créer le dossier « " + p.parent_path().string() +
                                                       " » : " + ec.message());
    }
    return db::OpenSqliteStore(path);
}

const std::map<std::string, cli::Command>& Commands() {
    static const std::map<std::string, cli::Command> commands = {
        {"nir check", cli::NirCheck},
        {"traits normalize", cli::TraitsNormalize},
        {"patient create", cli::PatientCreate},
        {"patient show", cli::PatientShow},
        {"patient search", cli::PatientSearch},
        {"patient history", cli::PatientHistory},
        {"patient validate", cli::PatientValidate},
        {"patient withdraw-document", cli::PatientWithdrawDocument},
        {"patient set-attribute", cli::PatientSetAttribute},
        {"patient edit", cli::PatientEdit},
        {"patient import", cli::PatientImport},
        {"journal verify", cli::JournalVerify},
        {"operator add", cli::OperatorAdd},
        {"operator list", cli::OperatorList},
        {"operator set-pin", cli::OperatorSetPin},
        {"operator switch", cli::OperatorSwitch},
        {"stats", cli::Stats},
        {"identitovigilance collisions", cli::IdentitovigilanceCollisions},
        {"identitovigilance review-collision", cli::IdentitovigilanceReviewCollision},
        {"insi search", cli::InsiSearch},
        {"insi vitale", cli::InsiVitale},
        {"insi parse", cli::InsiParse},
        {"insi config", cli::InsiConfig},
        {"patient retrieve", cli::PatientRetrieve},
        {"verify", cli::VerifyAll},
        {"card read", cli::CardRead},
        {"card watch", cli::CardWatch},
        {"counter", cli::Counter},
        {"datamatrix", cli::Datamatrix},
        {"print label", cli::PrintLabel},
        {"print document", cli::PrintDocument},
        {"print queues", cli::PrintQueues},
        {"label-rules list", cli::LabelRulesList},
        {"label-rules show", cli::LabelRulesShow},
        {"label-rules import", cli::LabelRulesImport},
        {"label-rules export", cli::LabelRulesExport},
    };
    return commands;
}

int Run(const std::vector<std::string>& argv) {
    // Global options come before the command words.
    std::optional<std::string> dbPath, user, configPath;
    bool json = false;
    std::size_t i = 0;
    for (; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--json") json = true;
        else if (a == "--db" && i + 1 < argv.size()) dbPath = argv[++i];
        else if (a == "--user" && i + 1 < argv.size()) user = argv[++i];
        else if (a == "--config" && i + 1 < argv.size()) configPath = argv[++i];
        else if (a == "--help" || a == "-h") { std::cout << kUsage; return cli::kExitOk; }
        else break;
    }
    std::vector<std::string> rest(argv.begin() + static_cast<std::ptrdiff_t>(i), argv.end());
    // Options after the command are accepted too (--json / --user / --db anywhere).
    std::vector<std::string> words;
    for (std::size_t k = 0; k < rest.size(); ++k) {
        if (rest[k] == "--json") json = true;
        else if (rest[k] == "--db" && k + 1 < rest.size()) dbPath = rest[++k];
        else if (rest[k] == "--user" && k + 1 < rest.size()) user = rest[++k];
        else if (rest[k] == "--config" && k + 1 < rest.size()) configPath = rest[++k];
        else words.push_back(rest[k]);
    }
    if (words.empty()) throw BadInputError("input.command", "Commande manquante (vigie-cli --help).");
    cli::Command command = nullptr;
    std::size_t consumed = 0;
    for (std::size_t n : {2u, 1u}) {
        if (words.size() < n) continue;
        std::string key = words[0];
        for (std::size_t k = 1; k < n; ++k) key += " " + words[k];
        auto it = Commands().find(key);
        if (it != Commands().end()) {
            command = it->second;
            consumed = n;
            break;
        }
    }
    if (!command)
        throw BadInputError("input.command", "Commande inconnue : « " + words[0] +
                                                 (words.size() > 1 ? " " + words[1] : "") + " » (vigie-cli --help).");
    if (!user)
        if (const char* env = std::getenv("VIGIE_USER"); env && *env) user = env;
    const std::string path = dbPath.value_or(DefaultDatabasePath());
    const std::string config = configPath.value_or(DefaultConfigPath());
    static ports::SystemClock clock;
    cli::Context ctx(std::cout, std::cerr, [path] { return OpenStore(path); },
                     [config](const std::string& instanceId) { return OpenInsi(config, instanceId, clock); },
                     [](const std::optional<std::string>& cardFile) { return OpenCardReader(cardFile); });
    ctx.json = json;
    ctx.user = user;
    ctx.configPath = config;
    cli::Args args(std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(consumed), words.end()),
                   {"force", "off", "print-request", "show-ins", "accept", "all", "resume", "auto-accept", "once", "payload", "zpl", "dashboard", "dry-run"});
    return command(ctx, args);
}

int ExitCodeFor(const Error& e) {
    switch (e.Kind()) {
        case ErrorKind::BadInput: return cli::kExitBadInput;
        case ErrorKind::Business: return cli::kExitRefused;
        case ErrorKind::Environment:
        case ErrorKind::Remote: return cli::kExitEnvironment;
        case ErrorKind::Internal: return cli::kExitInternal;
    }
    return cli::kExitInternal;
}

}  // namespace

int main(int argc, char** argv) {
    const bool json = [&] {
        for (int k = 1; k < argc; ++k)
            if (std::string(argv[k]) == "--json") return true;
        return false;
    }();
    try {
        return Run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const Error& e) {
        if (json)
            std::cout << R"({"ok":false,"code":")" << e.Code() << R"(","message":)" << [&] {
                std::string s;
                vigie::util::AppendJsonString(s, e.what());
                return s;
            }() << "}\n";
        std::cerr << "Erreur : " << e.what() << '\n';
        return ExitCodeFor(e);
    } catch (const std::exception& e) {
        std::cerr << "Erreur interne : " << e.what() << '\n';
        return cli::kExitInternal;
    }
}
