#include "app/gui/Options.h"

#include "core/domain/Errors.h"

namespace vigie::gui {

const char* kUsage = R"(Usage : vigie [--demo] [--reader NOM] [--db FICHIER] [--config FICHIER] [--user NOM]
             [--headless] [--automation FICHIER [--results FICHIER]]

  --demo        démonstration sur la pile embarquée : base SQLite, simulateur INSi local (PKI de
                test), lecteur de cartes simulé (menu « Démo » pour insérer les cartes)
  --reader NOM  lecteur PC/SC à utiliser (sinon le premier détecté)
  --headless    sans interface : le scénario de comptoir en mode texte (choisi d'office sans affichage)
)";

Options ParseOptions(const std::vector<std::string>& args) {
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) throw BadInputError("input.option", "Valeur manquante après " + a + ".");
            return args[++i];
        };
        if (a == "--demo") o.demo = true;
        else if (a == "--headless") o.headless = true;
        else if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--automation") o.automation = value();
        else if (a == "--results") o.results = value();
        else if (a == "--reader") o.reader = value();
        else if (a == "--db") o.db = value();
        else if (a == "--config") o.config = value();
        else if (a == "--user") o.user = value();
        else throw BadInputError("input.option", "Option inconnue : « " + a + " » (vigie --help).");
    }
    return o;
}

}  // namespace vigie::gui
