// INSi SOAP codec, hostile input: refused as "insi.malformed", never a crash, never a file or
// network read (DOCTYPE, external entities), whatever the nesting.
#include <boost/test/unit_test.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "tests/core/insi/InsiCodecSupport.h"

namespace fs = std::filesystem;
namespace utf = boost::unit_test;
using namespace vigie;
using namespace vigie::insi;
using namespace vigie::insi::codec_test;

// ---------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(InsiCodecHostile)

BOOST_AUTO_TEST_CASE(EmptyAndNonXmlRefused) {
    Refused("");
    Refused("   ");
    Refused("502 Bad Gateway");
    Refused(std::string("\0\0\0\0", 4));
    Refused("\xEF\xBB\xBF");
    BOOST_TEST(Refused("<html><body>Bad gateway</body></html>").find("enveloppe") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(Soap11EnvelopeRefused) {
    Refused(R"(<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body/></e:Envelope>)");
}

BOOST_AUTO_TEST_CASE(UnknownOrEmptyBodyRefused) {
    BOOST_TEST(Refused(Soap(R"(<Ping xmlns="urn:x"/>)")).find("{urn:x}Ping") != std::string::npos);
    Refused(Soap(""));
    Refused(Soap("<!-- nothing -->  "));
    Refused(R"(<S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope"><S:Header/></S:Envelope>)");
    // The right local name in the wrong namespace is not a RESULTAT.
    Refused(Soap(R"(<RESULTAT xmlns="urn:evil"><CR><CodeCR>01</CodeCR></CR></RESULTAT>)"));
}

BOOST_AUTO_TEST_CASE(IncompleteOrUnknownResultatRefused) {
    Refused(Soap(R"(<RESULTAT xmlns="http://www.cnamts.fr/INSiResultat"/>)"));
    BOOST_TEST(Refused(Resultat("03", "")).find("« 03 »") != std::string::npos);
    Refused(Resultat("", ""));
    Refused(Resultat("00", ""));                                            // no INDIVIDU
    Refused(Resultat("00", "<INDIVIDU>" + kInsActif + "</INDIVIDU>"));      // no TIQ
    Refused(Resultat("00", "<INDIVIDU>" + kTiq + "</INDIVIDU>"));           // no INSACTIF
    Refused(Resultat("00", "<INDIVIDU><INSACTIF><OID>1.2</OID></INSACTIF>" + kTiq + "</INDIVIDU>"));
    Refused(Resultat("00", "<INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>1800175123456</NumIdentifiant>"
                           "</IdIndividu></INSACTIF>" + kTiq + "</INDIVIDU>"));  // no OID
    auto tiq = [](const std::string& from, const std::string& to) {
        std::string t = kTiq;
        t.replace(t.find(from), from.size(), to);
        return Resultat("00", "<INDIVIDU>" + kInsActif + t + "</INDIVIDU>");
    };
    BOOST_TEST(Refused(tiq("1980-01-31", "1980-02-30")).find("date de naissance") != std::string::npos);
    Refused(tiq("1980-01-31", "1980-00-00"));  // never completed silently for an INS identity
    Refused(tiq("1980-01-31", "31/01/1980"));
    Refused(tiq("<Sexe>M</Sexe>", "<Sexe>I</Sexe>"));
    Refused(tiq("<ListePrenom>JEAN</ListePrenom>", "<Prenom>JEAN</Prenom>"));
    Refused(tiq("<NomNaissance>DUPONT</NomNaissance>", ""));
    // Control: the same answer untouched is fine.
    BOOST_TEST(ParseResponse(tiq("JEAN", "JEAN")).result.has_value());
}

BOOST_AUTO_TEST_CASE(ToleratesPrefixesCdataCommentsAndUnknownElements) {
    const std::string xml =
        R"(<?xml version="1.0" encoding="ISO-8859-1"?>)"
        R"(<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:unused="urn:u">)"
        R"(<env:Header><x:Foo xmlns:x="urn:x">1</x:Foo></env:Header><env:Body>)"
        R"(<ns2:RESULTAT xmlns:ns2="http://www.cnamts.fr/INSiResultat"><ns2:Extra/><ns2:CR>)"
        "<ns2:CodeCR> 00 </ns2:CodeCR><ns2:LibelleCR>OK</ns2:LibelleCR></ns2:CR><ns2:INDIVIDU>"
        "<ns2:INSACTIF><ns2:OID>1.2.250<!-- c -->.1.213.1.4.8</ns2:OID><ns2:IdIndividu>"
        "<ns2:NumIdentifiant>1800175123456</ns2:NumIdentifiant></ns2:IdIndividu></ns2:INSACTIF>"
        "<ns2:TIQ><ns2:NomNaissance><![CDATA[D'ARC]]></ns2:NomNaissance><ns2:ListePrenom>\n  JEAN MARIE\n"
        "</ns2:ListePrenom><ns2:Sexe>F</ns2:Sexe><ns2:DateNaissance>1980-01-31</ns2:DateNaissance>"
        "<ns2:LieuNaissance>HAUTE-\xC9TOILE</ns2:LieuNaissance></ns2:TIQ></ns2:INDIVIDU></ns2:RESULTAT>"
        "</env:Body></env:Envelope>";
    const auto r = ParseResult(xml);
    BOOST_TEST(r.code == "00");
    BOOST_REQUIRE(r.identity.has_value());
    BOOST_TEST(r.identity->ins.active.matricule == "1800175123456");  // no key: kept as received
    BOOST_TEST(r.identity->ins.active.oid == kOidNir);
    CheckTraits(r.identity->traits, "D'ARC", "JEAN MARIE", "JEAN", domain::Sex::Female, "1980-01-31",
                "HAUTE-\xC3\x89TOILE");  // ISO-8859-1 decoded to UTF-8
}

BOOST_AUTO_TEST_CASE(FaultWithoutDetailIsStillAFault) {
    const auto p = ParseResponse(Soap(
        "<S:Fault><S:Code><S:Value>S:Receiver</S:Value></S:Code><S:Reason><S:Text>boom</S:Text></S:Reason></S:Fault>"));
    BOOST_REQUIRE(p.fault.has_value());
    BOOST_TEST(p.fault->code == "Receiver");
    BOOST_TEST(p.fault->subcode.empty());
    BOOST_TEST(p.fault->reason == "boom");
    BOOST_TEST(p.fault->errorCode.empty());
}

// Records every attempt libxml2 makes to load an external resource during one parse.
int g_externalLoads = 0;
xmlExternalEntityLoader g_previousLoader = nullptr;
xmlParserInputPtr RecordingLoader(const char* url, const char* id, xmlParserCtxtPtr ctxt) {
    ++g_externalLoads;
    return g_previousLoader ? g_previousLoader(url, id, ctxt) : nullptr;
}

BOOST_AUTO_TEST_CASE(DoctypeAndExternalEntitiesRefusedWithoutAnyLoad) {
    const fs::path secret = fs::temp_directory_path() / "vigie-insi-xxe-secret.txt";
    { std::ofstream(secret) << "TOP-SECRET-XXE"; }
    const std::string url = "file://" + secret.string();
    const std::string body =
        R"(<S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope"><S:Body>)"
        R"(<RESULTAT xmlns="http://www.cnamts.fr/INSiResultat"><CR><CodeCR>01</CodeCR><LibelleCR>&x;</LibelleCR>)"
        "</CR></RESULTAT></S:Body></S:Envelope>";
    const std::vector<std::string> attacks = {
        R"(<!DOCTYPE S:Envelope [<!ENTITY x SYSTEM ")" + url + R"(">]>)" + body,
        R"(<!DOCTYPE S:Envelope [<!ENTITY % p SYSTEM ")" + url + R"("> %p; <!ENTITY x "y">]>)" + body,
        R"(<!DOCTYPE S:Envelope SYSTEM ")" + url + R"("><!-- -->)" + body,
        R"(<!DOCTYPE S:Envelope SYSTEM "http://127.0.0.1:9/x.dtd">)" + body,
        R"(<!DOCTYPE S:Envelope [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">)"
        R"(<!ENTITY x "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>)" + body,  // entity expansion bomb
        R"(<?xml version="1.0"?><!DOCTYPE S:Envelope>)" + body,
    };
    g_externalLoads = 0;
    g_previousLoader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(&RecordingLoader);
    for (const auto& attack : attacks) {
        const std::string message = Refused(attack);
        BOOST_TEST(message.find("DOCTYPE") != std::string::npos, message);
        BOOST_TEST(message.find("TOP-SECRET") == std::string::npos);
    }
    xmlSetExternalEntityLoader(g_previousLoader);
    BOOST_TEST(g_externalLoads == 0);
    fs::remove(secret);
}

BOOST_AUTO_TEST_CASE(DeeplyNestedGarbageDoesNotCrash) {
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += "<a>";
    Refused(Soap(deep));                       // unclosed and beyond libxml2's depth limit
    std::string closed = deep;
    for (int i = 0; i < 20000; ++i) closed += "</a>";
    Refused(Soap(closed));
    std::string shallow;                       // within the limit, but not an INSi body
    for (int i = 0; i < 200; ++i) shallow += "<a>";
    for (int i = 0; i < 200; ++i) shallow += "</a>";
    Refused(Soap(shallow));
    // Garbage nested inside a text field is ignored; the direct text is what counts.
    std::string tiq = kTiq;
    tiq.replace(tiq.find("DUPONT"), 6, "DUPONT" + shallow);
    const auto r = ParseResult(Resultat("00", "<INDIVIDU>" + kInsActif + tiq + "</INDIVIDU>"));
    BOOST_TEST(r.identity->traits.birthName == "DUPONT");
}

BOOST_AUTO_TEST_SUITE_END()
