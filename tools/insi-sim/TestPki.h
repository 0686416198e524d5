#pragma once
// `vigie-insi-sim pki`: a local test PKI for the simulator and its clients, plus the client's
// configuration file (vigie.conf) pointing at it. Layout of DIR:
//   ca.pem ca.key                       "Vigie Test CA"
//   server.pem server.key               SAN DNS:localhost, IP:127.0.0.1
//   server-wrong-name.pem/.key          SAN DNS:not-insi.invalid only (same CA)
//   insi-manu.pem/.key insi-manu.p12    CN=INSI-MANU (p12 password "vigie-test", AES-256)
//   insi-auto.pem/.key                  CN=INSI-AUTO
//   wrong-cn.pem/.key                   CN=INSI-OTHER (same CA: TLS passes, DESIR_560)
//   other-ca.pem other-client.pem/.key  an unrelated CA and a CN=INSI-MANU client it signed
//   vigie.conf                          insi.* keys, absolute paths
// Keys are EC P-256, written 0600.

#include <filesystem>
#include <string>

#include "tools/insi-sim/SimDefaults.h"

namespace vigie::sim {

inline constexpr const char* kP12Password = "vigie-test";
inline constexpr const char* kTestOrganisation = "PHARMACIE DE TEST VIGIE";
inline constexpr const char* kTestOrganisationId = "10B0152872";  // fake IGC-Santé structure id (OU)

struct PkiOptions {
    std::filesystem::path outDir;
    int port = kDefaultSimPort;
    int days = 365;
    bool force = false;
};

class TestPki {
public:
    // Creates DIR (0700) if needed. Throws vigie::BusinessError("sim.pki.exists") when DIR
    // already holds a PKI and !force; vigie::EnvironmentError on I/O or OpenSSL failures.
    static void Create(const PkiOptions& options);

    // The vigie.conf text for a PKI in `absoluteDir` and a simulator on 127.0.0.1:port.
    static std::string ConfigText(const std::filesystem::path& absoluteDir, int port);
};

}  // namespace vigie::sim
