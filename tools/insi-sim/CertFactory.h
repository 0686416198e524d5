#pragma once
// Small OpenSSL 3 helpers to mint the test PKI (keys, X.509 v3 certificates, PEM, PKCS#12)
// with the C API: no `openssl` command is run. Internal to the simulator library; TestPki is
// the public face. Failures throw vigie::EnvironmentError("sim.pki", …) with OpenSSL's reason.

#include <memory>
#include <string>
#include <vector>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace vigie::sim {

struct PkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct X509Free {
    void operator()(X509* cert) const { X509_free(cert); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;

struct CertSpec {
    // Subject, written in this order: C, O, OU, CN ("" = omitted).
    std::string country = "FR";
    std::string organisation;
    std::string unit;
    std::string commonName;
    bool isCa = false;
    std::vector<std::string> dnsNames;    // subjectAltName DNS entries
    std::vector<std::string> ipAddresses; // subjectAltName IP entries
    bool serverAuth = false;              // extendedKeyUsage
    bool clientAuth = false;
    int days = 365;
};

class CertFactory {
public:
    static PkeyPtr NewKey();  // EC P-256
    // Signs with `issuerKey`; `issuer` null means self-signed (then issuerKey is the subject key).
    static X509Ptr Issue(const CertSpec& spec, EVP_PKEY* subjectKey, X509* issuer, EVP_PKEY* issuerKey);

    static std::string CertPem(X509* cert);
    static std::string KeyPem(EVP_PKEY* key);  // unencrypted PKCS#8
    // PKCS#12 (DER) with AES-256-CBC (PBES2/PBKDF2) for the key and the certificates and an
    // HMAC-SHA256 MAC; `ca` (may be null) is added as a chain certificate.
    static std::string Pkcs12(EVP_PKEY* key, X509* cert, X509* ca, const std::string& password,
                              const std::string& friendlyName);

    [[noreturn]] static void Fail(const std::string& what);
};

}  // namespace vigie::sim
