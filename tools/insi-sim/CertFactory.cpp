#include "tools/insi-sim/CertFactory.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509v3.h>

#include "core/domain/Errors.h"

namespace vigie::sim {

namespace {

struct BioFree {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

std::string Drain(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

BioPtr MemoryBio() {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio) {
        CertFactory::Fail("BIO_new");
    }
    return bio;
}

void AddName(X509_NAME* name, const char* field, const std::string& value) {
    if (value.empty()) {
        return;
    }
    if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value.c_str()),
                                   -1, -1, 0) != 1) {
        CertFactory::Fail(std::string("subject field ") + field);
    }
}

void AddExtension(X509* cert, X509V3_CTX* ctx, int nid, const std::string& value) {
    X509_EXTENSION* ext = X509V3_EXT_nconf_nid(nullptr, ctx, nid, value.c_str());
    if (ext == nullptr) {
        CertFactory::Fail("extension " + std::string(OBJ_nid2sn(nid)) + "=" + value);
    }
    const int ok = X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    if (ok != 1) {
        CertFactory::Fail("X509_add_ext");
    }
}

void SetRandomSerial(X509* cert) {
    BIGNUM* bn = BN_new();
    const bool ok = bn != nullptr && BN_rand(bn, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
                    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert)) != nullptr;
    BN_free(bn);
    if (!ok) {
        CertFactory::Fail("serial number");
    }
}

std::string Join(const std::vector<std::string>& dns, const std::vector<std::string>& ips) {
    std::string out;
    for (const auto& d : dns) {
        out += (out.empty() ? "" : ",") + std::string("DNS:") + d;
    }
    for (const auto& ip : ips) {
        out += (out.empty() ? "" : ",") + std::string("IP:") + ip;
    }
    return out;
}

}  // namespace

void CertFactory::Fail(const std::string& what) {
    std::string reason;
    for (unsigned long code = ERR_get_error(); code != 0; code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        reason += std::string(reason.empty() ? "" : "; ") + buffer;
    }
    throw EnvironmentError("sim.pki", "OpenSSL: " + what + (reason.empty() ? "" : " (" + reason + ")"));
}

PkeyPtr CertFactory::NewKey() {
    PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        Fail("EC P-256 key generation");
    }
    return key;
}

X509Ptr CertFactory::Issue(const CertSpec& spec, EVP_PKEY* subjectKey, X509* issuer, EVP_PKEY* issuerKey) {
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1) {
        Fail("X509_new");
    }
    SetRandomSerial(cert.get());
    // One hour in the past: tolerates a client clock slightly behind.
    if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) == nullptr ||
        X509_time_adj_ex(X509_getm_notAfter(cert.get()), spec.days, 0, nullptr) == nullptr) {
        Fail("validity period");
    }
    X509_NAME* subject = X509_get_subject_name(cert.get());
    AddName(subject, "C", spec.country);
    AddName(subject, "O", spec.organisation);
    AddName(subject, "OU", spec.unit);
    AddName(subject, "CN", spec.commonName);
    X509* signer = issuer != nullptr ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) != 1 ||
        X509_set_pubkey(cert.get(), subjectKey) != 1) {
        Fail("issuer or public key");
    }
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, signer, cert.get(), nullptr, nullptr, 0);
    AddExtension(cert.get(), &ctx, NID_basic_constraints, spec.isCa ? "critical,CA:TRUE" : "critical,CA:FALSE");
    AddExtension(cert.get(), &ctx, NID_key_usage,
                 spec.isCa ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,keyAgreement");
    AddExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash");
    AddExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always");
    std::string usages;
    if (spec.serverAuth) {
        usages = "serverAuth";
    }
    if (spec.clientAuth) {
        usages += usages.empty() ? "clientAuth" : ",clientAuth";
    }
    if (!usages.empty()) {
        AddExtension(cert.get(), &ctx, NID_ext_key_usage, usages);
    }
    const std::string san = Join(spec.dnsNames, spec.ipAddresses);
    if (!san.empty()) {
        AddExtension(cert.get(), &ctx, NID_subject_alt_name, san);
    }
    if (X509_sign(cert.get(), issuerKey, EVP_sha256()) == 0) {
        Fail("X509_sign");
    }
    return cert;
}

std::string CertFactory::CertPem(X509* cert) {
    BioPtr bio = MemoryBio();
    if (PEM_write_bio_X509(bio.get(), cert) != 1) {
        Fail("PEM_write_bio_X509");
    }
    return Drain(bio.get());
}

std::string CertFactory::KeyPem(EVP_PKEY* key) {
    BioPtr bio = MemoryBio();
    if (PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        Fail("PEM_write_bio_PrivateKey");
    }
    return Drain(bio.get());
}

std::string CertFactory::Pkcs12(EVP_PKEY* key, X509* cert, X509* ca, const std::string& password,
                                const std::string& friendlyName) {
    STACK_OF(X509)* chain = sk_X509_new_null();
    if (chain == nullptr || (ca != nullptr && sk_X509_push(chain, ca) == 0)) {
        sk_X509_free(chain);
        Fail("certificate chain");
    }
    // mac_iter -1: no MAC yet; it is set below with an explicit SHA-256.
    PKCS12* p12 = PKCS12_create(password.c_str(), friendlyName.c_str(), key, cert, chain, NID_aes_256_cbc,
                                NID_aes_256_cbc, PKCS12_DEFAULT_ITER, -1, 0);
    sk_X509_free(chain);  // the stack only; PKCS12_create copied what it needs
    if (p12 == nullptr) {
        Fail("PKCS12_create");
    }
    const int macOk = PKCS12_set_mac(p12, password.c_str(), -1, nullptr, 0, PKCS12_DEFAULT_ITER, EVP_sha256());
    BioPtr bio = MemoryBio();
    const int writeOk = macOk == 1 ? i2d_PKCS12_bio(bio.get(), p12) : 0;
    PKCS12_free(p12);
    if (macOk != 1 || writeOk != 1) {
        Fail("PKCS#12 MAC or encoding");
    }
    return Drain(bio.get());
}

}  // namespace vigie::sim
