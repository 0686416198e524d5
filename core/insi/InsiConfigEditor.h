#pragma once
// « Réglages › Connexion INSi » (issue #6, titulaire only): the insi.* keys of this workstation's
// configuration file, edited. Every field is validated (French message naming the field) before
// anything is written; the file is then replaced atomically with only the edited keys changed
// (comments, order and every other key kept) and `settings.insi_changed` is journaled with
// before/after of the non-secret values (paths, endpoint, IDAM, rate cap, delays, each
// certificate's subject, expiry and SHA-256 fingerprint — never a password or key content).
// « Importer… » copies a certificate/key file, checked first, into <config dir>/certificates/
// (mode 0600); the form then points to the copy.
//
// Threading: no state besides its arguments; call from the worker (store + file I/O).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/Operator.h"
#include "core/insi/CertificateCheck.h"
#include "core/ports/IClock.h"
#include "core/ports/IInsiService.h"
#include "core/ports/IStore.h"

namespace vigie::insi {

// The values as typed in the form. A certificate with an empty key file is a PKCS#12 file.
struct InsiIdentityForm {
    std::string certFile;
    std::string keyFile;
    std::optional<std::string> password;  // nullopt: keep the configured one (never shown)
};
struct InsiConfigForm {
    std::string endpoint;
    std::string caFile;
    InsiIdentityForm manual, automatic;
    std::string idam;
    std::string rateCap = "10";
    std::string connectTimeoutMs = "3000";
    std::string timeoutMs = "10000";
    std::string retries = "2";
};

struct InsiFieldError {
    std::string field;    // endpoint, ca_file, cert_manu, key_manu, cert_auto, key_auto, idam, rate_cap,
                          // connect_timeout_ms, timeout_ms, retries
    std::string message;  // French, naming the field
};

struct InsiConfigState {
    InsiConfigForm form;
    CertificateCheck ca, manual, automatic;  // what the configured files hold
    std::string error;                       // French, when the file could not be read
};

struct InsiSaveResult {
    std::optional<std::string> refusal;  // French: permission, invalid fields (see errors), I/O
    std::vector<InsiFieldError> errors;
    bool changed = false;                // the file was replaced (and journaled)
};

struct InsiImportResult {
    std::optional<std::string> refusal;  // French
    std::string path;                    // the copy, under <config dir>/certificates/
};
enum class InsiFileKind { Certificate, Key, Pkcs12, Ca };

class InsiConfigEditor {
public:
    InsiConfigEditor(std::string configPath, ports::IStore& store, const ports::IClock& clock)
        : m_path(std::move(configPath)), m_store(store), m_clock(clock) {}

    InsiConfigState Load() const;
    std::vector<InsiFieldError> Validate(const InsiConfigForm& form) const;
    InsiSaveResult Save(const domain::Operator& op, const InsiConfigForm& form);
    InsiImportResult Import(const domain::Operator& op, const std::string& source, InsiFileKind kind,
                            const std::string& password);

private:
    std::string m_path;
    ports::IStore& m_store;
    const ports::IClock& m_clock;
};

// A new INSi client from the configuration file (the composition roots' recipe).
std::unique_ptr<ports::IInsiService> OpenInsiClient(const std::string& configPath, ports::IStore& store,
                                                    const ports::IClock& clock);

}  // namespace vigie::insi
