#include "app/gui/AppStack.h"

#include <cstdlib>
#include <filesystem>

#include "app/gui/InactivityWatcher.h"
#include "core/insi/InsiClient.h"
#include "core/usecases/Installation.h"
#include "core/usecases/MeteredInsiService.h"
#include "core/usecases/OperatorService.h"
#include "core/util/ConfigFile.h"
#include "core/vitale/PcscCardReader.h"
#include "db/sqlite/SqliteStore.h"

namespace fs = std::filesystem;

namespace vigie::gui {

AppStack::~AppStack() {
    if (reader) reader->Stop();  // joins the monitor thread before anything it uses goes away
}

namespace {

std::string EnvOr(const std::optional<std::string>& value, const char* env, const fs::path& fallback) {
    if (value) return *value;
    if (const char* e = std::getenv(env); e && *e) return e;
    return fallback.string();
}

fs::path Home(const char* xdg, const char* sub) {
    if (const char* x = std::getenv(xdg); x && *x) return x;
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / sub;
    return fs::current_path();
}

std::unique_ptr<ports::IInsiService> OpenInsi(const std::string& config, ports::IStore& store, const ports::IClock& clock) {
    if (!fs::exists(config))
        throw EnvironmentError("config.missing", "Configuration INSi introuvable : « " + config + " » (--config).");
    return std::make_unique<insi::InsiClient>(insi::InsiSettings::FromConfig(util::ConfigFile::Load(config)),
                                              usecases::InstallationInstanceId(store), clock);
}

// pharmacy.name, pharmacy.address = 12 rue des Lilas ; 75011 Paris  (lines separated by ';')
printing::PharmacyHeader PharmacyOf(const std::string& config, bool demo) {
    printing::PharmacyHeader h;
    if (fs::exists(config)) {
        const auto c = util::ConfigFile::Load(config);
        h.name = c.Get("pharmacy.name").value_or("");
        const std::string address = c.Get("pharmacy.address").value_or("");
        std::size_t start = 0;
        while (start < address.size()) {
            auto end = address.find(';', start);
            if (end == std::string::npos) end = address.size();
            std::string line = address.substr(start, end - start);
            line.erase(0, line.find_first_not_of(' '));
            line.erase(line.find_last_not_of(' ') + 1);
            if (!line.empty()) h.addressLines.push_back(line);
            start = end + 1;
        }
    }
    if (h.name.empty() && demo) h.name = "Pharmacie de démonstration";
    return h;
}

}  // namespace

const printing::IMeasurer& AppStack::Measurer() {
    if (!m_measurer) m_measurer = std::make_unique<printing::PangoMeasurer>();
    return *m_measurer;
}

void CreateDemoOperators(ports::IStore& store, const ports::IClock& clock) {
    usecases::OperatorService ops(store, clock);
    if (!ops.List().empty()) return;
    ops.Add(std::nullopt, "claire", domain::Role::Titulaire);
    ops.Add("claire", "paul", domain::Role::Comptoir);
    ops.Add("claire", "ines", domain::Role::Identitovigilance);
    // Demo PINs (issue #6; F12 « Changer d'opérateur », lock screen): claire 2580, paul 1357, ines 4826.
    ops.SetPin("claire", "claire", "2580");
    ops.SetPin("claire", "paul", "1357");
    ops.SetPin("claire", "ines", "4826");
}

std::unique_ptr<AppStack> BuildStack(const Options& o) {
    auto s = std::make_unique<AppStack>();
    std::string dbPath, config, user;
    if (o.demo) {
        s->demo = std::make_unique<DemoStack>();
        dbPath = s->demo->Database().string();
        config = s->demo->Config().string();
        user = o.user.value_or("paul");  // --user claire: the demo as the titulaire (Tableau de bord)
    } else {
        dbPath = EnvOr(o.db, "VIGIE_DB", Home("XDG_DATA_HOME", ".local/share") / "vigie" / "vigie.db");
        config = EnvOr(o.config, "VIGIE_CONFIG", Home("XDG_CONFIG_HOME", ".config") / "vigie" / "vigie.conf");
        user = EnvOr(o.user, "VIGIE_USER", "");
        if (user.empty()) throw BadInputError("input.user", "Opérateur requis : --user NOM (ou variable VIGIE_USER).");
        std::error_code ec;
        fs::create_directories(fs::path(dbPath).parent_path(), ec);
    }
    s->store = db::OpenSqliteStore(dbPath);
    if (o.demo) CreateDemoOperators(*s->store, s->clock);
    usecases::OperatorService ops(*s->store, s->clock);
    s->op = ops.Authenticate(user);
    if (o.demo) s->referent = ops.Authenticate("ines");
    // Every INSi call is measured for the Tableau de bord (issue #6).
    auto client = std::make_unique<usecases::SwappableInsiService>(OpenInsi(config, *s->store, s->clock));
    s->insiClient = client.get();
    s->insi = std::make_unique<usecases::MeteredInsiService>(std::move(client), *s->store, s->clock);
    s->pharmacy = PharmacyOf(config, o.demo);
    s->configPath = config;
    s->lockMinutes = LockMinutesFromConfig(config);
    if (o.demo) {
        auto sim = std::make_unique<cardsim::SimulatedCardReader>();
        s->simulated = sim.get();
        s->reader = std::move(sim);
    } else {
        s->reader = std::make_unique<vitale::PcscCardReader>();
    }
    return s;
}

}  // namespace vigie::gui
