#include "core/insi/InsiConfigEditor.h"

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <utility>

#include "core/domain/Errors.h"
#include "core/insi/InsiClient.h"
#include "core/insi/InsiSettings.h"
#include "core/usecases/Installation.h"
#include "core/usecases/PatientService.h"
#include "core/util/ConfigFile.h"
#include "core/util/Json.h"

namespace fs = std::filesystem;

namespace vigie::insi {
namespace {

using util::ConfigFile;

const char* const kManu = "manu";
const char* const kAuto = "auto";

std::string Trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string ReadText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::optional<ConfigFile> TryLoad(const std::string& path, std::string* error = nullptr) {
    try {
        return ConfigFile::Load(path);
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return std::nullopt;
    }
}

std::string Get(const std::optional<ConfigFile>& c, const std::string& key, const std::string& fallback = "") {
    return c ? c->Get(key).value_or(fallback) : fallback;
}

InsiIdentityForm IdentityOf(const std::optional<ConfigFile>& c, const char* suffix) {
    InsiIdentityForm id;
    const std::string s(suffix);
    if (auto p12 = Get(c, "insi.p12_" + s); !p12.empty()) id.certFile = p12;
    else {
        id.certFile = Get(c, "insi.cert_" + s);
        id.keyFile = Get(c, "insi.key_" + s);
    }
    return id;
}

CertificateCheck CheckIdentity(const InsiIdentityForm& id, const std::string& password) {
    if (id.keyFile.empty()) return CheckPkcs12(id.certFile, password);
    return CheckPemIdentity(id.certFile, id.keyFile, password);
}

std::string PasswordOf(const InsiIdentityForm& id, const std::optional<ConfigFile>& c, const char* suffix) {
    return id.password ? *id.password : Get(c, std::string("insi.password_") + suffix);
}

bool ValidEndpoint(const std::string& url) {
    const std::string prefix = "https://";
    if (url.rfind(prefix, 0) != 0 || url.find_first_of(" \t\"<>\\") != std::string::npos) return false;
    const std::string rest = url.substr(prefix.size());
    const std::string authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.empty() || authority.find('@') != std::string::npos) return false;
    std::string host = authority, port;
    if (host.front() == '[') {
        const auto close = host.find(']');
        if (close == std::string::npos) return false;
        port = host.substr(close + 1);
        host = host.substr(1, close - 1);
        if (host.empty() || host.find_first_not_of("0123456789abcdefABCDEF:.") != std::string::npos) return false;
        if (!port.empty() && port[0] != ':') return false;
        if (!port.empty()) port.erase(0, 1);
    } else {
        if (const auto colon = host.find(':'); colon != std::string::npos) {
            port = host.substr(colon + 1);
            host = host.substr(0, colon);
            if (port.empty()) return false;
        }
        if (host.empty() || host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") !=
                                std::string::npos ||
            host.front() == '.' || host.front() == '-' || host.find("..") != std::string::npos)
            return false;
    }
    if (!port.empty()) {
        if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return false;
        const long p = std::strtol(port.c_str(), nullptr, 10);
        if (p < 1 || p > 65535) return false;
    }
    return true;
}

bool IntegerIn(const std::string& text, long min, long max) {
    const std::string t = Trim(text);
    if (t.empty() || t.size() > 9 || t.find_first_not_of("0123456789") != std::string::npos) return false;
    const long n = std::strtol(t.c_str(), nullptr, 10);
    return n >= min && n <= max;
}

void CheckIdentityFields(const InsiIdentityForm& id, const std::string& password, const char* suffix,
                         const std::string& label, std::vector<InsiFieldError>& errors) {
    const std::string certField = std::string("cert_") + suffix, keyField = std::string("key_") + suffix;
    if (Trim(id.certFile).empty()) {
        errors.push_back({certField, label + " : fichier obligatoire (certificat PEM avec sa clé, ou PKCS#12)."});
        return;
    }
    if (Trim(id.keyFile).empty()) {
        if (!LooksLikePkcs12(id.certFile) && fs::exists(id.certFile)) {
            errors.push_back({keyField, label + " : clé privée obligatoire pour un certificat PEM (ou choisir un "
                                                "fichier PKCS#12)."});
            return;
        }
        const auto c = CheckPkcs12(id.certFile, password);
        if (!c.Ok()) errors.push_back({certField, label + " : " + c.error});
        return;
    }
    const auto cert = CheckPemCertificate(id.certFile);
    if (!cert.Ok()) {
        errors.push_back({certField, label + " : " + cert.error});
        return;
    }
    const auto both = CheckPemIdentity(id.certFile, id.keyFile, password);
    if (!both.Ok()) errors.push_back({keyField, label + " (clé privée) : " + both.error});
}

void CertificateJson(util::JsonWriter& w, const CertificateCheck& c) {
    if (!c.info) {
        w.Null();
        return;
    }
    w.BeginObject()
        .Field("subject", c.info->subject)
        .Field("not_after", c.info->notAfter)
        .Field("sha256", c.info->sha256)
        .EndObject();
}

// The non-secret values of a configuration, for the journal.
std::string Summary(const std::optional<ConfigFile>& c) {
    util::JsonWriter w;
    w.BeginObject();
    w.Field("endpoint", Get(c, "insi.endpoint"));
    const std::string ca = Get(c, "insi.ca_file");
    w.Field("ca_file", ca).Key("ca");
    CertificateJson(w, ca.empty() ? CertificateCheck{} : CheckCaFile(ca));
    for (const char* suffix : {kManu, kAuto}) {
        const auto id = IdentityOf(c, suffix);
        w.Key(suffix == kManu ? "manual" : "automatic").BeginObject();
        w.Field("format", id.keyFile.empty() ? "pkcs12" : "pem").Field("file", id.certFile);
        if (!id.keyFile.empty()) w.Field("key_file", id.keyFile);
        w.Key("certificate");
        CertificateJson(w, id.certFile.empty() ? CertificateCheck{}
                                               : CheckIdentity(id, Get(c, std::string("insi.password_") + suffix)));
        w.EndObject();
    }
    w.Field("idam", Get(c, "insi.idam"))
        .Field("rate_cap", Get(c, "insi.rate_cap", "10"))
        .Field("connect_timeout_ms", Get(c, "insi.connect_timeout_ms", "3000"))
        .Field("timeout_ms", Get(c, "insi.timeout_ms", "10000"))
        .Field("retries", Get(c, "insi.retries", "2"));
    w.EndObject();
    return w.Str();
}

// The paths as they will be written (the form's text, without surrounding blanks).
InsiConfigForm Trimmed(InsiConfigForm f) {
    for (std::string* s : {&f.caFile, &f.manual.certFile, &f.manual.keyFile, &f.automatic.certFile, &f.automatic.keyFile})
        *s = Trim(*s);
    return f;
}

std::optional<std::string> Refuse(const domain::Operator& op) {
    if (!op.active || !domain::HasPermission(op.role, domain::Permission::ConfigureStructure))
        return "Droit insuffisant pour modifier la connexion INSi : réservé au titulaire.";
    return std::nullopt;
}

}  // namespace

InsiConfigState InsiConfigEditor::Load() const {
    InsiConfigState s;
    const auto c = TryLoad(m_path, &s.error);
    s.form.endpoint = Get(c, "insi.endpoint");
    s.form.caFile = Get(c, "insi.ca_file");
    s.form.manual = IdentityOf(c, kManu);
    s.form.automatic = IdentityOf(c, kAuto);
    s.form.idam = Get(c, "insi.idam");
    s.form.rateCap = Get(c, "insi.rate_cap", "10");
    s.form.connectTimeoutMs = Get(c, "insi.connect_timeout_ms", "3000");
    s.form.timeoutMs = Get(c, "insi.timeout_ms", "10000");
    s.form.retries = Get(c, "insi.retries", "2");
    if (!s.form.caFile.empty()) s.ca = CheckCaFile(s.form.caFile);
    if (!s.form.manual.certFile.empty()) s.manual = CheckIdentity(s.form.manual, PasswordOf(s.form.manual, c, kManu));
    if (!s.form.automatic.certFile.empty())
        s.automatic = CheckIdentity(s.form.automatic, PasswordOf(s.form.automatic, c, kAuto));
    return s;
}

std::vector<InsiFieldError> InsiConfigEditor::Validate(const InsiConfigForm& form) const {
    const InsiConfigForm f = Trimmed(form);
    const auto c = TryLoad(m_path);
    std::vector<InsiFieldError> errors;
    const std::string endpoint = Trim(f.endpoint);
    if (endpoint.rfind("https://", 0) != 0)
        errors.push_back({"endpoint", "Adresse du téléservice : doit commencer par https:// (TLS obligatoire)."});
    else if (!ValidEndpoint(endpoint))
        errors.push_back({"endpoint", "Adresse du téléservice : adresse invalide (https://hôte[:port]/chemin attendu)."});
    if (Trim(f.caFile).empty()) {
        errors.push_back({"ca_file", "Autorités de confiance : fichier obligatoire."});
    } else if (const auto ca = CheckCaFile(Trim(f.caFile)); !ca.Ok()) {
        errors.push_back({"ca_file", "Autorités de confiance : " + ca.error});
    }
    CheckIdentityFields(f.manual, PasswordOf(f.manual, c, kManu), kManu, "Certificat opérateur (INSI-MANU)", errors);
    CheckIdentityFields(f.automatic, PasswordOf(f.automatic, c, kAuto), kAuto, "Certificat traitements (INSI-AUTO)",
                        errors);
    const std::string idam = Trim(f.idam);
    if (idam.empty()) errors.push_back({"idam", "Numéro d'autorisation CNDA (IDAM) : obligatoire."});
    else if (idam.size() != 12)
        errors.push_back({"idam", "Numéro d'autorisation CNDA (IDAM) : 12 caractères attendus."});
    if (!IntegerIn(f.rateCap, 1, static_cast<long>(kMaxRateCap)))
        errors.push_back({"rate_cap", "Débit maximal des traitements : nombre entier de 1 à 65 requêtes par seconde."});
    if (!IntegerIn(f.connectTimeoutMs, 100, 60000))
        errors.push_back({"connect_timeout_ms", "Délai de connexion : nombre entier de 100 à 60000 ms."});
    if (!IntegerIn(f.timeoutMs, 100, 120000))
        errors.push_back({"timeout_ms", "Délai de réponse : nombre entier de 100 à 120000 ms."});
    if (!IntegerIn(f.retries, 0, 5)) errors.push_back({"retries", "Nouvelles tentatives : nombre entier de 0 à 5."});
    return errors;
}

InsiSaveResult InsiConfigEditor::Save(const domain::Operator& op, const InsiConfigForm& f) {
    InsiSaveResult r;
    if ((r.refusal = Refuse(op))) return r;
    r.errors = Validate(f);
    if (!r.errors.empty()) {
        r.refusal = "Réglages INSi non enregistrés : " + std::to_string(r.errors.size()) + " champ(s) à corriger.";
        return r;
    }
    if (fs::exists(m_path) && !std::ifstream(m_path)) {  // never replace a file we could not read whole
        r.refusal = "Réglages INSi non enregistrés : fichier de configuration illisible « " + m_path + " ».";
        return r;
    }
    const auto old = TryLoad(m_path);
    const std::string oldText = ReadText(m_path);
    ConfigFile::Changes changes{{"insi.endpoint", Trim(f.endpoint)}, {"insi.ca_file", Trim(f.caFile)}};
    for (const auto& [id, suffix] : {std::pair{&f.manual, kManu}, std::pair{&f.automatic, kAuto}}) {
        const std::string s(suffix);
        if (Trim(id->keyFile).empty()) {
            changes.push_back({"insi.p12_" + s, Trim(id->certFile)});
            changes.push_back({"insi.cert_" + s, std::nullopt});
            changes.push_back({"insi.key_" + s, std::nullopt});
        } else {
            changes.push_back({"insi.p12_" + s, std::nullopt});
            changes.push_back({"insi.cert_" + s, Trim(id->certFile)});
            changes.push_back({"insi.key_" + s, Trim(id->keyFile)});
        }
        if (id->password)
            changes.push_back({"insi.password_" + s, id->password->empty() ? std::nullopt : id->password});
    }
    changes.push_back({"insi.idam", Trim(f.idam)});
    // Keys with a default stay absent while they keep it.
    for (const auto& [key, value, fallback] :
         {std::tuple{"insi.rate_cap", &f.rateCap, "10"}, std::tuple{"insi.connect_timeout_ms", &f.connectTimeoutMs, "3000"},
          std::tuple{"insi.timeout_ms", &f.timeoutMs, "10000"}, std::tuple{"insi.retries", &f.retries, "2"}}) {
        const std::string v = std::to_string(std::strtol(Trim(*value).c_str(), nullptr, 10));
        if (!(old && !old->Get(key) && v == fallback)) changes.push_back({key, v});
    }
    const std::string newText = ConfigFile::Edit(oldText, changes);
    if (newText == oldText) return r;  // nothing changed: nothing written, nothing journaled
    try {
        InsiSettings::FromConfig(ConfigFile::Parse(newText, m_path));
    } catch (const BadInputError& e) {
        r.refusal = std::string("Réglages INSi non enregistrés : ") + e.what();
        return r;
    }
    std::error_code ec;
    const auto perms = fs::status(m_path, ec).permissions();
    const unsigned mode = ec || perms == fs::perms::unknown ? 0600u : static_cast<unsigned>(perms & fs::perms::mask);
    const std::string before = Summary(old);
    const std::string after = Summary(ConfigFile::Parse(newText, m_path));
    // The journal entry and the file go together: the entry only commits once the file is in place.
    ports::RunInTransaction(m_store, ports::TransactionMode::Write, [&](ports::IStoreTransaction& tx) {
        usecases::Journal(tx, m_clock, op, "settings.insi_changed", std::nullopt, before, after);
        ConfigFile::WriteAtomically(m_path, newText, mode);
    });
    r.changed = true;
    return r;
}

InsiImportResult InsiConfigEditor::Import(const domain::Operator& op, const std::string& source, InsiFileKind kind,
                                          const std::string& password) {
    InsiImportResult r;
    if ((r.refusal = Refuse(op))) return r;
    CertificateCheck check;
    switch (kind) {
        case InsiFileKind::Certificate: check = CheckPemCertificate(source); break;
        case InsiFileKind::Ca: check = CheckCaFile(source); break;
        case InsiFileKind::Pkcs12: check = CheckPkcs12(source, password); break;
        case InsiFileKind::Key: check.error = CheckPemKey(source, password); break;
    }
    if (!check.Ok()) {
        r.refusal = "Fichier non importé : " + check.error;
        return r;
    }
    const std::string content = ReadText(source);
    const fs::path dir = fs::absolute(fs::path(m_path)).parent_path() / "certificates";
    std::error_code ec;
    fs::create_directories(dir, ec);
    fs::permissions(dir, fs::perms::owner_all, ec);
    // Never overwrite a file the configuration may use: same content is reused, otherwise a new name.
    const fs::path name = fs::path(source).filename();
    fs::path target = dir / name;
    for (int n = 2; fs::exists(target) && ReadText(target.string()) != content; ++n)
        target = dir / (name.stem().string() + "-" + std::to_string(n) + name.extension().string());
    util::JsonWriter w;
    w.BeginObject().Field("file", target.string()).Field("kind", kind == InsiFileKind::Key ? "key" : "certificate");
    if (check.info) w.Field("subject", check.info->subject).Field("not_after", check.info->notAfter).Field("sha256", check.info->sha256);
    w.EndObject();
    ports::RunInTransaction(m_store, ports::TransactionMode::Write, [&](ports::IStoreTransaction& tx) {
        usecases::Journal(tx, m_clock, op, "settings.insi_file_imported", std::nullopt, "", w.Str());
        ConfigFile::WriteAtomically(target.string(), content, 0600);
    });
    r.path = target.string();
    return r;
}

std::unique_ptr<ports::IInsiService> OpenInsiClient(const std::string& configPath, ports::IStore& store,
                                                    const ports::IClock& clock) {
    return std::make_unique<InsiClient>(InsiSettings::FromConfig(ConfigFile::Load(configPath)),
                                        usecases::InstallationInstanceId(store), clock);
}

}  // namespace vigie::insi
