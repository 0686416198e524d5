#include "app/gui/Headless.h"

#include <iostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "app/gui/AppStack.h"
#include "app/gui/DemoStack.h"
#include "core/cardsim/SimulatedCardReader.h"
#include "core/insi/InsiClient.h"
#include "core/util/ConfigFile.h"
#include "db/sqlite/SqliteStore.h"

namespace vigie::gui {

int RunHeadlessDemo() {
    std::cout << "Aucun affichage graphique (DISPLAY absent) : Vigie fonctionne sans interface.\n"
              << "Comptoir en mode texte sur la pile de démonstration (SQLite, simulateur INSi, lecteur simulé).\n";
    DemoStack demo;
    const std::string db = demo.Database().string();
    const std::string config = demo.Config().string();
    static ports::SystemClock clock;
    {
        auto store = db::OpenSqliteStore(db);
        CreateDemoOperators(*store, clock);
    }
    cli::Context ctx(
        std::cout, std::cerr, [db] { return db::OpenSqliteStore(db); },
        [config](const std::string& instanceId) {
            return std::make_unique<insi::InsiClient>(insi::InsiSettings::FromConfig(util::ConfigFile::Load(config)),
                                                      instanceId, clock);
        },
        [](const std::optional<std::string>& cardFile) -> std::unique_ptr<ports::ICardReader> {
            auto reader = std::make_unique<cardsim::SimulatedCardReader>();
            if (cardFile) reader->Insert(cardsim::LoadCardFile(*cardFile));
            return reader;
        });
    ctx.json = true;
    ctx.user = "paul";
    const std::string card = (DemoStack::CardsDir() / "nessi-famille.json").string();
    std::cout << "Carte insérée : " << card << " (bénéficiaire 2, INS accepté, passeport vérifié)\n";
    cli::Args args({"--simulated", card, "--beneficiary", "2", "--document", "passeport", "--auto-accept"},
                   {"auto-accept", "once"});
    return cli::Counter(ctx, args);
}

}  // namespace vigie::gui
