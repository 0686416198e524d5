#pragma once
// Shared by the INSi codec test files (tests/core/insi/InsiCodec*Tests.cpp): where the real
// captures and the official XSDs are, and small helpers to parse and check answers.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/insi/InsiCodec.h"

#ifndef VIGIE_SOURCE_DIR
#define VIGIE_SOURCE_DIR "."
#endif
#ifndef VIGIE_SHARED_DIR
#define VIGIE_SHARED_DIR "../shared"
#endif

namespace vigie::insi::codec_test {

namespace fs = std::filesystem;
namespace utf = boost::unit_test;

inline const fs::path kProjectCaptures = fs::path(VIGIE_SOURCE_DIR) / "tests/data/insi-captures";
inline const fs::path kSharedCaptures = fs::path(VIGIE_SHARED_DIR) / "reference/insi-captures";
inline const fs::path kSchemas = fs::path(VIGIE_SHARED_DIR) / "reference/insi-schemas/xsd";

// The project's own copy first, so these tests run without ../shared.
inline fs::path CapturesDir() { return fs::is_directory(kProjectCaptures) ? kProjectCaptures : kSharedCaptures; }

inline boost::test_tools::assertion_result Skipped(const std::string& why) {
    BOOST_TEST_MESSAGE("skipped: " << why);
    boost::test_tools::assertion_result r(false);
    r.message() << "skipped: " << why;
    return r;
}
inline boost::test_tools::assertion_result CapturesAvailable(utf::test_unit_id) {
    if (fs::is_directory(CapturesDir())) return true;
    return Skipped("no INSi captures in " + kProjectCaptures.string() + " nor " + kSharedCaptures.string());
}
inline boost::test_tools::assertion_result SchemasAvailable(utf::test_unit_id) {
    if (fs::is_directory(kSchemas)) return true;
    return Skipped("official XSDs absent (" + kSchemas.string() + ")");
}

inline std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}
inline std::string Capture(const std::string& name) { return ReadFile(CapturesDir() / name); }

inline ports::InsiResult ParseResult(const std::string& xml) {
    ParsedResponse p = ParseResponse(xml);
    BOOST_REQUIRE(p.result.has_value());
    BOOST_REQUIRE(!p.fault.has_value());
    return *p.result;
}

inline ports::InsiIdentity Found(const ports::InsiResult& r) {
    BOOST_REQUIRE(r.outcome == ports::InsiOutcome::Found);
    BOOST_TEST(r.code == "00");
    BOOST_TEST(r.label == "OK");
    BOOST_REQUIRE(r.identity.has_value());
    return *r.identity;
}

inline void CheckTraits(const domain::StrictTraits& t, const std::string& name, const std::string& list,
                 const std::string& first, domain::Sex sex, const std::string& date, const std::string& place) {
    BOOST_TEST(t.birthName == name);
    BOOST_TEST(t.birthFirstNames == list);
    BOOST_TEST(t.firstBirthFirstName == first);
    BOOST_TEST((t.sex == sex));
    BOOST_TEST(t.birthDate.ToIso() == date);
    BOOST_TEST(!t.birthDateCompleted);
    BOOST_TEST(t.birthPlace == place);
}

inline const std::string kOidNir = "1.2.250.1.213.1.4.8";

// Expects ParseResponse to refuse `xml` as malformed; returns the message for further checks.
inline std::string Refused(const std::string& xml) {
    try {
        ParseResponse(xml);
    } catch (const ports::InsiError& e) {
        BOOST_TEST(e.Code() == "insi.malformed");
        BOOST_TEST(!e.Transient());
        BOOST_TEST(std::string(e.what()).rfind("Réponse INSi illisible : ", 0) == 0);
        return e.what();
    }
    BOOST_ERROR("answer accepted: " << xml.substr(0, 200));
    return {};
}

inline std::string Soap(const std::string& body) {
    return R"(<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope">)"
           "<S:Body>" + body + "</S:Body></S:Envelope>";
}
inline const std::string kTiq =
    "<TIQ><NomNaissance>DUPONT</NomNaissance><ListePrenom>JEAN</ListePrenom><Sexe>M</Sexe>"
    "<DateNaissance>1980-01-31</DateNaissance></TIQ>";
inline const std::string kInsActif =
    "<INSACTIF><IdIndividu><NumIdentifiant>1800175123456</NumIdentifiant><Cle>12</Cle></IdIndividu>"
    "<OID>1.2.250.1.213.1.4.8</OID></INSACTIF>";
inline std::string Resultat(const std::string& code, const std::string& individu) {
    return Soap(R"(<RESULTAT xmlns="http://www.cnamts.fr/INSiResultat"><CR><CodeCR>)" + code +
                "</CodeCR><LibelleCR>x</LibelleCR></CR>" + individu + "</RESULTAT>");
}


}  // namespace vigie::insi::codec_test
