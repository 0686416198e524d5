#pragma once
// The automation hook's commands for « Réglages › Connexion INSi » and « Pièces d'identité »
// (issue #6), reached through SettingsAutomation (which forwards every `insi-…` / `documents-…`
// command here once the window is open):
//   insi-set FIELD VALUE…         types VALUE into a field (endpoint, ca_file, cert_manu, key_manu,
//                                 password_manu, cert_auto, key_auto, password_auto, idam, rate_cap,
//                                 connect_timeout_ms, timeout_ms, retries); ok false: unknown field
//   insi-save                     « Enregistrer » (then settings-wait: validation, write, new client)
//   insi-revert                   « Annuler les modifications » (the file read again)
//   insi-import FIELD PATH…       « Importer… » answered with PATH (copied into certificates/)
//   documents-check CODE on|off   ticks or unticks a catalog document (ok false: unknown code)
//   documents-save                « Enregistrer » on the documents page
// and their part of the settings dump: "insi" ({field: value…} without passwords, "errors"
// {field: message}, "cert_manu_info", "cert_auto_info", "message"), "documents" (labels),
// "documents_checked" (codes), "documents_message".

#include <string>
#include <vector>

namespace vigie::gui {

class SettingsFrame;

// The result line (JSON) of an insi-/documents- command.
std::string ConnectionAutomation(SettingsFrame& s, const std::vector<std::string>& words, const std::string& line);
bool ConnectionBusy(SettingsFrame& s);                 // a page still loading or saving
std::string ConnectionDump(const SettingsFrame& s);    // ,"insi":…,"documents":…  (JSON members)

}  // namespace vigie::gui
