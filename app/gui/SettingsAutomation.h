#pragma once
// The automation hook's « Réglages » commands (issue #6), kept beside the settings window so
// that Automation.cpp only forwards to them:
//   settings                   Ctrl+, (ok false with the reason when the operator is not titulaire)
//   settings-wait [MS]         the window open, its jobs done (rule book, preview)
//   rules-select NAME          a rule set in the list (boite, pilulier…)
//   rules-stock W H            the stock width and height (mm), as typed in the spin boxes
//   rules-field CODE           selects the first field of that kind (nom-naissance, texte-libre…)
//   rules-remove-field         « Retirer » (ok false when disabled: RNIV minimum)
//   rules-add-text TEXT…       « Ajouter » a free-text line with this text
//   rules-new NAME DISPLAY…    « Nouveau jeu… » answered with NAME and DISPLAY
//   rules-save                 « Enregistrer » (ok false when disabled)
//   rules-remove               « Supprimer » (the question answered yes)
//   rules-export PATH | rules-import PATH
//   settings-close
//   insi-… / documents-…       see ConnectionAutomation.h (Connexion INSi, Pièces d'identité)
// and the "settings" part of `dump`.

#include <string>
#include <vector>

namespace vigie::gui {

class CounterFrame;

struct SettingsStep {
    bool handled = false;  // not a settings command: the caller goes on
    bool done = true;      // false: call again on the next tick (`waiting` stays set)
    std::string json;      // the result line, when done ("" for none)
};

SettingsStep SettingsAutomation(CounterFrame& frame, const std::vector<std::string>& words, const std::string& line,
                                bool& waiting, double waitedMs);
// ,"settings":{…} when the window is open, "" otherwise.
std::string SettingsDump(CounterFrame& frame);

}  // namespace vigie::gui
