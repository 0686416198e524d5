#pragma once
// Reading the INSi connection's certificate files before they are used (Réglages › Connexion
// INSi, issue #6): a CA bundle, a PEM certificate with its PEM key, or a PKCS#12 file, as
// CurlTransport will load them. Checks that they parse, that the certificate is valid today and
// that the key matches it. OpenSSL stays inside the .cpp. Any thread; never throws: problems
// come back as French messages (without the file's content or any password).

#include <optional>
#include <string>

namespace vigie::insi {

struct CertificateInfo {
    std::string subject;   // « CN = INSI-MANU, O = … » (one line)
    std::string notAfter;  // ISO date, UTC: « 2027-11-22 »
    std::string sha256;    // fingerprint of the DER certificate, lowercase hex
    bool expired = false;
    bool notYetValid = false;
};

struct CertificateCheck {
    std::optional<CertificateInfo> info;  // the (first) certificate, when one could be read
    std::string error;                    // French, "" when usable
    bool Ok() const { return error.empty(); }
};

// The first certificate of a PEM CA bundle (at least one; the first one valid today).
CertificateCheck CheckCaFile(const std::string& path);
// A PEM certificate, valid today.
CertificateCheck CheckPemCertificate(const std::string& path);
// A PEM certificate and its PEM private key (decrypted with `password` when encrypted), which
// must match.
CertificateCheck CheckPemIdentity(const std::string& certPath, const std::string& keyPath,
                                  const std::string& password);
// A PKCS#12 file opened with `password`: a certificate valid today and its matching key.
CertificateCheck CheckPkcs12(const std::string& path, const std::string& password);
// A PEM private key alone (decrypted with `password` when encrypted).
std::string CheckPemKey(const std::string& path, const std::string& password);  // "" when readable
// True when the file looks like PKCS#12 (DER) rather than PEM text.
bool LooksLikePkcs12(const std::string& path);

// « CN = INSI-MANU, O = … — expire le 22/11/2027 » (or « — EXPIRÉ depuis le … »).
std::string Describe(const CertificateInfo& info);

}  // namespace vigie::insi
