#pragma once
// « Réglages › Connexion INSi » (issue #6, titulaire only): the insi.* keys of this workstation's
// configuration file as a form — address, CA file, the INSI-MANU and INSI-AUTO certificates
// (PEM + key, or PKCS#12 with an empty key), IDAM, rate cap, delays. « Choisir… » picks a file
// where it is; « Importer… » copies it (checked first) into the configuration directory.
// « Enregistrer » runs insi::InsiConfigEditor on the worker (validation with a French message
// under each field, atomic write, journal), then replaces the app's INSi client
// (AppStack::insiClient) so the next call uses the new settings. « Annuler les modifications »
// reloads the file. Passwords are never shown: an empty password field keeps the stored one.
// GUI thread only.

#include <map>
#include <string>

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/Worker.h"
#include "core/insi/InsiConfigEditor.h"

namespace vigie::gui {

class InsiPanel final : public wxPanel {
public:
    InsiPanel(wxWindow* parent, AppStack& stack, Worker& worker);
    void Reload();  // « Annuler les modifications »
    void Save();    // « Enregistrer »
    void Import(const std::string& field, const std::string& path);  // « Importer… » answered with `path`
    bool Busy() const { return m_busy; }
    // Automation: the text of a field (endpoint, ca_file, cert_manu, key_manu, password_manu,
    // cert_auto, key_auto, password_auto, idam, rate_cap, connect_timeout_ms, timeout_ms, retries).
    bool SetField(const std::string& field, const std::string& value);
    std::string DumpJson() const;  // {"endpoint":…,"errors":{field:message},"message":…}

    wxButton* m_save;
    wxButton* m_revert;
    wxStaticText* m_message;

private:
    struct Field {
        wxTextCtrl* text = nullptr;
        wxSpinCtrl* spin = nullptr;
        wxStaticText* error = nullptr;
        wxStaticText* info = nullptr;  // certificate subject and validity
    };
    void AddRow(wxWindow* parent, wxSizer* grid, const std::string& key, const std::string& label, int kind);
    void Show(const insi::InsiConfigState& state);
    void ShowErrors(const std::vector<insi::InsiFieldError>& errors);
    void Done(const std::string& message);
    insi::InsiConfigForm Form() const;
    std::string Value(const std::string& field) const;

    AppStack& m_stack;
    Worker& m_worker;
    WindowRef<InsiPanel> m_self;
    std::map<std::string, Field> m_fields;
    bool m_busy = false;
};

}  // namespace vigie::gui
