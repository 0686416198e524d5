#include "app/gui/AppStack.h"

#include <cstdlib>
#include <filesystem>

#include "core/insi/InsiClient.h"
#include "core/usecases/Installation.h"
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

}  // namespace

void CreateDemoOperators(ports::IStore& store, const ports::IClock& clock) {
    usecases::OperatorService ops(store, clock);
    if (!ops.List().empty()) return;
    ops.Add(std::nullopt, "claire", domain::Role::Titulaire);
    ops.Add("claire", "paul", domain::Role::Comptoir);
    ops.Add("claire", "ines", domain::Role::Identitovigilance);
}

std::unique_ptr<AppStack> BuildStack(const Options& o) {
    auto s = std::make_unique<AppStack>();
    std::string dbPath, config, user;
    if (o.demo) {
        s->demo = std::make_unique<DemoStack>();
        dbPath = s->demo->Database().string();
        config = s->demo->Config().string();
        user = "paul";
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
    s->insi = OpenInsi(config, *s->store, s->clock);
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
