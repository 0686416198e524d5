#pragma once
// Connection settings of the INSi client, read from the configuration file (README
// "Configuration"; `vigie-insi-sim pki` writes a demo one pointing at the local simulator).

#include <string>

#include "core/util/ConfigFile.h"

namespace vigie::insi {

// The organisation certificate used for one kind of call: PEM certificate + key, or PKCS#12.
struct TlsIdentity {
    std::string certFile;     // PEM, or PKCS#12 when p12 is true
    std::string keyFile;      // PEM key ("" with PKCS#12)
    std::string password;     // key or PKCS#12 password ("" = none)
    bool p12 = false;
};

struct InsiSettings {
    std::string endpoint;             // https://…/lps
    std::string caFile;               // trusted CA bundle (IGC-Santé chain in production)
    TlsIdentity manual;               // CN INSI-MANU: calls made for an operator
    TlsIdentity automatic;            // CN INSI-AUTO: batch calls
    std::string idam;                 // CNDA authorisation number (12 characters)
    std::string softwareName = "Vigie";
    std::string softwareVersion;      // defaults to the build's version
    long connectTimeoutMs = 3000;
    long timeoutMs = 10000;
    int retries = 2;                  // extra attempts for transient failures only
    double rateCap = 10;              // batch requests per second (never above 65)
    bool testMode = false;            // accepts test/demo OIDs; visibly flagged

    // Reads insi.* keys; BadInputError (French, with the file and line) when invalid.
    static InsiSettings FromConfig(const util::ConfigFile& config);
};

// The real service's capacity for everybody (seed FAQ); a client never asks for more.
inline constexpr double kMaxRateCap = 65.0;

}  // namespace vigie::insi
