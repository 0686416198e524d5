#include "app/presenters/CertificateSummary.h"

#include <cstdio>
#include <ctime>
#include <memory>

#include <openssl/asn1.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace vigie::presenters {

std::string DescribeCertificate(const std::string& pemPath) {
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(pemPath.c_str(), "rb"), &std::fclose);
    if (!file) return "fichier introuvable ou illisible";
    std::unique_ptr<X509, void (*)(X509*)> cert(PEM_read_X509(file.get(), nullptr, nullptr, nullptr), &X509_free);
    if (!cert) return "pas un certificat PEM lisible";
    std::string subject;
    {
        std::unique_ptr<BIO, int (*)(BIO*)> bio(BIO_new(BIO_s_mem()), &BIO_free);
        X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert.get()), 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
        char* data = nullptr;
        const long n = BIO_get_mem_data(bio.get(), &data);
        if (n > 0) subject.assign(data, static_cast<std::size_t>(n));
    }
    std::tm tm{};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(cert.get()), &tm) != 1) return subject;
    char date[16];
    std::strftime(date, sizeof date, "%d/%m/%Y", &tm);
    const bool expired = X509_cmp_current_time(X509_get0_notAfter(cert.get())) < 0;
    return subject + (expired ? " — EXPIRÉ depuis le " : " — expire le ") + date;
}

}  // namespace vigie::presenters
