#include "core/insi/InsiSettings.h"

#include "core/domain/Errors.h"

#ifndef VIGIE_VERSION
#define VIGIE_VERSION "0.0.0"
#endif

namespace vigie::insi {
namespace {

TlsIdentity ReadIdentity(const util::ConfigFile& c, const std::string& suffix) {
    TlsIdentity id;
    if (auto p12 = c.Get("insi.p12_" + suffix)) {
        id.certFile = *p12;
        id.p12 = true;
    } else {
        id.certFile = c.Require("insi.cert_" + suffix);
        id.keyFile = c.Require("insi.key_" + suffix);
    }
    id.password = c.Get("insi.password_" + suffix).value_or("");
    return id;
}

}  // namespace

InsiSettings InsiSettings::FromConfig(const util::ConfigFile& c) {
    InsiSettings s;
    s.endpoint = c.Require("insi.endpoint");
    if (s.endpoint.rfind("https://", 0) != 0)
        throw BadInputError("config.value", c.Origin() + " : insi.endpoint doit commencer par https:// (TLS obligatoire).");
    s.caFile = c.Require("insi.ca_file");
    s.manual = ReadIdentity(c, "manu");
    s.automatic = ReadIdentity(c, "auto");
    s.idam = c.Require("insi.idam");
    if (s.idam.size() != 12)
        throw BadInputError("config.value", c.Origin() + " : insi.idam doit compter 12 caractères (numéro d'autorisation CNDA).");
    s.softwareName = c.Get("insi.software_name").value_or("Vigie");
    s.softwareVersion = c.Get("insi.software_version").value_or(VIGIE_VERSION);
    s.connectTimeoutMs = c.GetLong("insi.connect_timeout_ms", 3000, 100, 60000);
    s.timeoutMs = c.GetLong("insi.timeout_ms", 10000, 100, 120000);
    s.retries = static_cast<int>(c.GetLong("insi.retries", 2, 0, 5));
    s.rateCap = c.GetDouble("insi.rate_cap", 10, 0.1, kMaxRateCap);
    s.testMode = c.GetBool("insi.test_mode", false);
    return s;
}

}  // namespace vigie::insi
