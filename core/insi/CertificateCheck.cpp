#include "core/insi/CertificateCheck.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace vigie::insi {
namespace {

using FilePtr = std::unique_ptr<FILE, int (*)(FILE*)>;
using X509Ptr = std::unique_ptr<X509, void (*)(X509*)>;
using KeyPtr = std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY*)>;

FilePtr Open(const std::string& path) { return FilePtr(std::fopen(path.c_str(), "rb"), &std::fclose); }

int PasswordCallback(char* buf, int size, int, void* userdata) {
    const auto* password = static_cast<const std::string*>(userdata);
    if (!password || password->empty() || static_cast<int>(password->size()) > size) return 0;
    password->copy(buf, password->size());
    return static_cast<int>(password->size());
}

CertificateInfo Info(X509* cert) {
    CertificateInfo info;
    {
        std::unique_ptr<BIO, int (*)(BIO*)> bio(BIO_new(BIO_s_mem()), &BIO_free);
        X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
        char* data = nullptr;
        const long n = BIO_get_mem_data(bio.get(), &data);
        if (n > 0) info.subject.assign(data, static_cast<std::size_t>(n));
    }
    std::tm tm{};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(cert), &tm) == 1) {
        char date[16];
        std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
        info.notAfter = date;
    }
    info.expired = X509_cmp_current_time(X509_get0_notAfter(cert)) < 0;
    info.notYetValid = X509_cmp_current_time(X509_get0_notBefore(cert)) > 0;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (X509_digest(cert, EVP_sha256(), md, &len) == 1) {
        static const char* hex = "0123456789abcdef";
        for (unsigned i = 0; i < len; ++i) {
            info.sha256 += hex[md[i] >> 4];
            info.sha256 += hex[md[i] & 0xF];
        }
    }
    return info;
}

std::string DateFr(const std::string& iso) {  // 2027-11-22 → 22/11/2027
    if (iso.size() != 10) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

CertificateCheck WithDates(CertificateInfo info) {
    CertificateCheck c;
    if (info.expired) c.error = "certificat expiré depuis le " + DateFr(info.notAfter) + ".";
    else if (info.notYetValid) c.error = "certificat pas encore valide.";
    c.info = std::move(info);
    return c;
}

CertificateCheck Unreadable(const std::string& what) {
    ERR_clear_error();
    CertificateCheck c;
    c.error = what;
    return c;
}

KeyPtr ReadKey(const std::string& path, const std::string& password, std::string& error) {
    KeyPtr none(nullptr, &EVP_PKEY_free);
    auto file = Open(path);
    if (!file) {
        error = "fichier de clé introuvable ou illisible.";
        return none;
    }
    std::string pw = password;
    KeyPtr key(PEM_read_PrivateKey(file.get(), nullptr, &PasswordCallback, &pw), &EVP_PKEY_free);
    ERR_clear_error();
    if (!key) error = "clé privée PEM illisible (ou mot de passe de la clé incorrect ou manquant).";
    return key;
}

}  // namespace

CertificateCheck CheckPemCertificate(const std::string& path) {
    auto file = Open(path);
    if (!file) return Unreadable("fichier introuvable ou illisible.");
    X509Ptr cert(PEM_read_X509(file.get(), nullptr, nullptr, nullptr), &X509_free);
    if (!cert) return Unreadable("pas un certificat PEM lisible.");
    return WithDates(Info(cert.get()));
}

CertificateCheck CheckCaFile(const std::string& path) {
    CertificateCheck c = CheckPemCertificate(path);
    if (!c.info && c.error == "pas un certificat PEM lisible.")
        c.error = "aucun certificat d'autorité PEM lisible dans ce fichier.";
    return c;
}

std::string CheckPemKey(const std::string& path, const std::string& password) {
    std::string error;
    ReadKey(path, password, error);
    return error;
}

CertificateCheck CheckPemIdentity(const std::string& certPath, const std::string& keyPath,
                                  const std::string& password) {
    auto file = Open(certPath);
    if (!file) return Unreadable("fichier du certificat introuvable ou illisible.");
    X509Ptr cert(PEM_read_X509(file.get(), nullptr, nullptr, nullptr), &X509_free);
    if (!cert) return Unreadable("pas un certificat PEM lisible (un fichier PKCS#12 s'indique sans clé).");
    CertificateCheck c = WithDates(Info(cert.get()));
    if (!c.Ok()) return c;
    std::string error;
    KeyPtr key = ReadKey(keyPath, password, error);
    if (!key) c.error = error;
    else if (X509_check_private_key(cert.get(), key.get()) != 1) c.error = "la clé privée ne correspond pas au certificat.";
    ERR_clear_error();
    return c;
}

CertificateCheck CheckPkcs12(const std::string& path, const std::string& password) {
    auto file = Open(path);
    if (!file) return Unreadable("fichier PKCS#12 introuvable ou illisible.");
    std::unique_ptr<PKCS12, void (*)(PKCS12*)> p12(d2i_PKCS12_fp(file.get(), nullptr), &PKCS12_free);
    if (!p12) return Unreadable("pas un fichier PKCS#12 lisible.");
    EVP_PKEY* rawKey = nullptr;
    X509* rawCert = nullptr;
    STACK_OF(X509)* chain = nullptr;
    const int ok = PKCS12_parse(p12.get(), password.c_str(), &rawKey, &rawCert, &chain);
    KeyPtr key(rawKey, &EVP_PKEY_free);
    X509Ptr cert(rawCert, &X509_free);
    sk_X509_pop_free(chain, X509_free);
    if (ok != 1) return Unreadable("fichier PKCS#12 illisible : mot de passe incorrect ou manquant.");
    if (!cert || !key) return Unreadable("le fichier PKCS#12 ne contient pas un certificat et sa clé.");
    CertificateCheck c = WithDates(Info(cert.get()));
    if (c.Ok() && X509_check_private_key(cert.get(), key.get()) != 1)
        c.error = "la clé privée ne correspond pas au certificat.";
    ERR_clear_error();
    return c;
}

bool LooksLikePkcs12(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char first = 0;
    return in.get(first) && static_cast<unsigned char>(first) == 0x30;  // DER SEQUENCE, not "-----BEGIN"
}

std::string Describe(const CertificateInfo& info) {
    return info.subject + (info.expired ? " — EXPIRÉ depuis le " : " — expire le ") + DateFr(info.notAfter);
}

}  // namespace vigie::insi
