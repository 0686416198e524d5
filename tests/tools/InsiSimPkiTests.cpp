// `vigie-insi-sim pki`: the files, their chains (checked with the OpenSSL API), subjects,
// SANs, the PKCS#12 (password, AES), key permissions, vigie.conf, and idempotency.

#include "core/domain/Errors.h"
#include "tests/tools/SimTestData.h"
#include "tests/tools/TempDir.h"
#include "tools/insi-sim/TestPki.h"

#include <boost/test/unit_test.hpp>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <map>
#include <memory>

namespace sim = vigie::sim;
namespace t = vigie::sim::test;
namespace fs = std::filesystem;

namespace {

struct X509Free {
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr LoadCert(const fs::path& path) {
    FILE* file = std::fopen(path.c_str(), "r");
    BOOST_TEST_REQUIRE(file != nullptr, path);
    X509Ptr cert(PEM_read_X509(file, nullptr, nullptr, nullptr));
    std::fclose(file);
    BOOST_TEST_REQUIRE(cert != nullptr, path);
    return cert;
}

bool Verifies(const fs::path& leaf, const fs::path& caFile, int purpose) {
    X509Ptr ca = LoadCert(caFile);
    X509Ptr cert = LoadCert(leaf);
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, ca.get());
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, cert.get(), nullptr);
    X509_STORE_CTX_set_purpose(ctx, purpose);
    const bool ok = X509_verify_cert(ctx) == 1;
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    return ok;
}

std::string SubjectField(X509* cert, int nid) {
    char buffer[256] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert), nid, buffer, sizeof buffer);
    return buffer;
}

std::map<std::string, std::string> ReadConf(const fs::path& path) {
    std::map<std::string, std::string> values;
    for (const auto& line : t::Lines(t::ReadText(path))) {
        if (line[0] == '#') {
            continue;
        }
        const auto eq = line.find(" = ");
        BOOST_TEST_REQUIRE(eq != std::string::npos, line);
        BOOST_TEST(values.count(line.substr(0, eq)) == 0u, "duplicate key " << line);
        values[line.substr(0, eq)] = line.substr(eq + 3);
    }
    return values;
}

struct PkiFixture {
    PkiFixture() { sim::TestPki::Create({dir.Path() / "pki", 18600, 30, false}); }
    fs::path File(const std::string& name) const { return dir.Path() / "pki" / name; }
    t::TempDir dir;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(InsiSimPki, PkiFixture)

BOOST_AUTO_TEST_CASE(all_files_exist_and_keys_are_private) {
    for (const char* name : {"ca.pem", "ca.key", "server.pem", "server.key", "server-wrong-name.pem",
                             "server-wrong-name.key", "insi-manu.pem", "insi-manu.key", "insi-auto.pem", "insi-auto.key",
                             "wrong-cn.pem", "wrong-cn.key", "insi-manu.p12", "other-ca.pem", "other-client.pem",
                             "other-client.key", "vigie.conf"}) {
        BOOST_TEST(fs::is_regular_file(File(name)), name);
    }
    for (const char* name : {"ca.key", "server.key", "server-wrong-name.key", "insi-manu.key", "insi-auto.key",
                             "wrong-cn.key", "other-client.key", "insi-manu.p12"}) {
        struct stat st {};
        BOOST_TEST_REQUIRE(::stat(File(name).c_str(), &st) == 0);
        BOOST_TEST((st.st_mode & 0777) == 0600u, name);
    }
}

BOOST_AUTO_TEST_CASE(chains_verify_against_the_right_ca_only) {
    const fs::path ca = File("ca.pem");
    BOOST_TEST(Verifies(File("server.pem"), ca, X509_PURPOSE_SSL_SERVER));
    BOOST_TEST(Verifies(File("server-wrong-name.pem"), ca, X509_PURPOSE_SSL_SERVER));
    for (const char* client : {"insi-manu.pem", "insi-auto.pem", "wrong-cn.pem"}) {
        BOOST_TEST(Verifies(File(client), ca, X509_PURPOSE_SSL_CLIENT), client);
        BOOST_TEST(!Verifies(File(client), File("other-ca.pem"), X509_PURPOSE_SSL_CLIENT), client);
    }
    BOOST_TEST(Verifies(File("other-client.pem"), File("other-ca.pem"), X509_PURPOSE_SSL_CLIENT));
    BOOST_TEST(!Verifies(File("other-client.pem"), ca, X509_PURPOSE_SSL_CLIENT));
    // A client certificate cannot act as a server.
    BOOST_TEST(!Verifies(File("insi-manu.pem"), ca, X509_PURPOSE_SSL_SERVER));
}

BOOST_AUTO_TEST_CASE(subjects_and_names) {
    X509Ptr ca = LoadCert(File("ca.pem"));
    BOOST_TEST(SubjectField(ca.get(), NID_commonName) == "Vigie Test CA");
    const std::map<std::string, std::string> expectedCn = {
        {"insi-manu.pem", "INSI-MANU"}, {"insi-auto.pem", "INSI-AUTO"}, {"wrong-cn.pem", "INSI-OTHER"},
        {"other-client.pem", "INSI-MANU"}};
    for (const auto& [file, cn] : expectedCn) {
        X509Ptr cert = LoadCert(File(file));
        BOOST_TEST(SubjectField(cert.get(), NID_commonName) == cn, file);
        BOOST_TEST(SubjectField(cert.get(), NID_organizationalUnitName) == sim::kTestOrganisationId, file);
        BOOST_TEST(SubjectField(cert.get(), NID_organizationName) == "PHARMACIE DE TEST VIGIE", file);
    }
    X509Ptr server = LoadCert(File("server.pem"));
    BOOST_TEST(X509_check_host(server.get(), "localhost", 0, 0, nullptr) == 1);
    BOOST_TEST(X509_check_ip_asc(server.get(), "127.0.0.1", 0) == 1);
    X509Ptr wrong = LoadCert(File("server-wrong-name.pem"));
    BOOST_TEST(X509_check_host(wrong.get(), "localhost", 0, 0, nullptr) != 1);
    BOOST_TEST(X509_check_ip_asc(wrong.get(), "127.0.0.1", 0) != 1);
    BOOST_TEST(X509_check_host(wrong.get(), "not-insi.invalid", 0, 0, nullptr) == 1);
}

BOOST_AUTO_TEST_CASE(pkcs12_opens_with_the_password_and_uses_aes) {
    FILE* file = std::fopen(File("insi-manu.p12").c_str(), "rb");
    BOOST_TEST_REQUIRE(file != nullptr);
    PKCS12* p12 = d2i_PKCS12_fp(file, nullptr);
    std::fclose(file);
    BOOST_TEST_REQUIRE(p12 != nullptr);
    BOOST_TEST(PKCS12_verify_mac(p12, "wrong", -1) == 0);
    BOOST_TEST(PKCS12_verify_mac(p12, sim::kP12Password, -1) == 1);
    const ASN1_OBJECT* macAlgorithm = nullptr;
    const X509_ALGOR* macAlgor = nullptr;
    PKCS12_get0_mac(nullptr, &macAlgor, nullptr, nullptr, p12);
    X509_ALGOR_get0(&macAlgorithm, nullptr, nullptr, macAlgor);
    BOOST_TEST(OBJ_obj2nid(macAlgorithm) == NID_sha256);

    // Every encrypted part uses PBES2 (the modern scheme, here with AES-256-CBC).
    STACK_OF(PKCS7)* safes = PKCS12_unpack_authsafes(p12);
    BOOST_TEST_REQUIRE(safes != nullptr);
    int pbes2 = 0;
    for (int i = 0; i < sk_PKCS7_num(safes); ++i) {
        PKCS7* p7 = sk_PKCS7_value(safes, i);
        STACK_OF(PKCS12_SAFEBAG)* bags = nullptr;
        if (OBJ_obj2nid(p7->type) == NID_pkcs7_encrypted) {
            const ASN1_OBJECT* scheme = nullptr;
            X509_ALGOR_get0(&scheme, nullptr, nullptr, p7->d.encrypted->enc_data->algorithm);
            BOOST_TEST(OBJ_obj2nid(scheme) == NID_pbes2);
            ++pbes2;
            bags = PKCS12_unpack_p7encdata(p7, sim::kP12Password, -1);
        } else {
            bags = PKCS12_unpack_p7data(p7);
        }
        for (int j = 0; bags != nullptr && j < sk_PKCS12_SAFEBAG_num(bags); ++j) {
            const PKCS12_SAFEBAG* bag = sk_PKCS12_SAFEBAG_value(bags, j);
            if (PKCS12_SAFEBAG_get_nid(bag) == NID_pkcs8ShroudedKeyBag) {
                const X509_ALGOR* alg = nullptr;
                const ASN1_OBJECT* scheme = nullptr;
                X509_SIG_get0(PKCS12_SAFEBAG_get0_pkcs8(bag), &alg, nullptr);
                X509_ALGOR_get0(&scheme, nullptr, nullptr, alg);
                BOOST_TEST(OBJ_obj2nid(scheme) == NID_pbes2);
                ++pbes2;
            }
        }
        sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
    }
    sk_PKCS7_pop_free(safes, PKCS7_free);
    BOOST_TEST(pbes2 == 2);

    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* chain = nullptr;
    BOOST_TEST_REQUIRE(PKCS12_parse(p12, sim::kP12Password, &key, &cert, &chain) == 1);
    BOOST_TEST(SubjectField(cert, NID_commonName) == "INSI-MANU");
    BOOST_TEST(X509_check_private_key(cert, key) == 1);
    BOOST_TEST(sk_X509_num(chain) == 1);
    EVP_PKEY_free(key);
    X509_free(cert);
    sk_X509_pop_free(chain, X509_free);
    PKCS12_free(p12);
}

BOOST_AUTO_TEST_CASE(vigie_conf_has_exactly_the_client_keys) {
    const auto conf = ReadConf(File("vigie.conf"));
    const fs::path pkiDir = fs::canonical(dir.Path() / "pki");
    const std::map<std::string, std::string> expected = {
        {"insi.endpoint", "https://127.0.0.1:18600/lps"},
        {"insi.ca_file", (pkiDir / "ca.pem").string()},
        {"insi.cert_manu", (pkiDir / "insi-manu.pem").string()},
        {"insi.key_manu", (pkiDir / "insi-manu.key").string()},
        {"insi.cert_auto", (pkiDir / "insi-auto.pem").string()},
        {"insi.key_auto", (pkiDir / "insi-auto.key").string()},
        {"insi.idam", "VIGIE0000001"},
        {"insi.software_name", "Vigie"},
        {"insi.connect_timeout_ms", "3000"},
        {"insi.timeout_ms", "10000"},
        {"insi.retries", "2"},
        {"insi.rate_cap", "10"},
        {"insi.test_mode", "true"}};
    BOOST_TEST(conf.size() == expected.size());
    for (const auto& [key, value] : expected) {
        BOOST_TEST_CONTEXT(key) {
            BOOST_TEST_REQUIRE(conf.count(key) == 1u);
            BOOST_TEST(conf.at(key) == value);
        }
    }
    BOOST_TEST(conf.at("insi.idam").size() == 12u);
}

BOOST_AUTO_TEST_CASE(refuses_to_overwrite_without_force) {
    const std::string before = t::ReadText(File("ca.pem"));
    BOOST_CHECK_THROW(sim::TestPki::Create({dir.Path() / "pki", 18600, 30, false}), vigie::BusinessError);
    BOOST_TEST(t::ReadText(File("ca.pem")) == before);
    sim::TestPki::Create({dir.Path() / "pki", 18601, 30, true});
    BOOST_TEST(t::ReadText(File("ca.pem")) != before);
    BOOST_TEST(ReadConf(File("vigie.conf")).at("insi.endpoint") == "https://127.0.0.1:18601/lps");
    BOOST_TEST(Verifies(File("insi-manu.pem"), File("ca.pem"), X509_PURPOSE_SSL_CLIENT));
}

BOOST_AUTO_TEST_SUITE_END()
