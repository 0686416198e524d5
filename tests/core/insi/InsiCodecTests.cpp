// INSi SOAP codec: every real capture parses to the right values, hostile input fails cleanly
// (InsiError "insi.malformed", never a crash, never a file read), requests carry the right
// values and namespaces and validate against the official XSDs (insi.md §1–2, §4).
#include <boost/test/unit_test.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include "core/insi/InsiCodec.h"
#include "core/util/Uuid.h"

#ifndef VIGIE_SOURCE_DIR
#define VIGIE_SOURCE_DIR "."
#endif
#ifndef VIGIE_SHARED_DIR
#define VIGIE_SHARED_DIR "../shared"
#endif

namespace fs = std::filesystem;
namespace utf = boost::unit_test;
using namespace vigie;
using namespace vigie::insi;

namespace {

const fs::path kProjectCaptures = fs::path(VIGIE_SOURCE_DIR) / "tests/data/insi-captures";
const fs::path kSharedCaptures = fs::path(VIGIE_SHARED_DIR) / "reference/insi-captures";
const fs::path kSchemas = fs::path(VIGIE_SHARED_DIR) / "reference/insi-schemas/xsd";

// The project's own copy first, so these tests run without ../shared.
fs::path CapturesDir() { return fs::is_directory(kProjectCaptures) ? kProjectCaptures : kSharedCaptures; }

boost::test_tools::assertion_result Skipped(const std::string& why) {
    BOOST_TEST_MESSAGE("skipped: " << why);
    boost::test_tools::assertion_result r(false);
    r.message() << "skipped: " << why;
    return r;
}
boost::test_tools::assertion_result CapturesAvailable(utf::test_unit_id) {
    if (fs::is_directory(CapturesDir())) return true;
    return Skipped("no INSi captures in " + kProjectCaptures.string() + " nor " + kSharedCaptures.string());
}
boost::test_tools::assertion_result SchemasAvailable(utf::test_unit_id) {
    if (fs::is_directory(kSchemas)) return true;
    return Skipped("official XSDs absent (" + kSchemas.string() + ")");
}

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}
std::string Capture(const std::string& name) { return ReadFile(CapturesDir() / name); }

ports::InsiResult ParseResult(const std::string& xml) {
    ParsedResponse p = ParseResponse(xml);
    BOOST_REQUIRE(p.result.has_value());
    BOOST_REQUIRE(!p.fault.has_value());
    return *p.result;
}

ports::InsiIdentity Found(const ports::InsiResult& r) {
    BOOST_REQUIRE(r.outcome == ports::InsiOutcome::Found);
    BOOST_TEST(r.code == "00");
    BOOST_TEST(r.label == "OK");
    BOOST_REQUIRE(r.identity.has_value());
    return *r.identity;
}

void CheckTraits(const domain::StrictTraits& t, const std::string& name, const std::string& list,
                 const std::string& first, domain::Sex sex, const std::string& date, const std::string& place) {
    BOOST_TEST(t.birthName == name);
    BOOST_TEST(t.birthFirstNames == list);
    BOOST_TEST(t.firstBirthFirstName == first);
    BOOST_TEST((t.sex == sex));
    BOOST_TEST(t.birthDate.ToIso() == date);
    BOOST_TEST(!t.birthDateCompleted);
    BOOST_TEST(t.birthPlace == place);
}

const std::string kOidNir = "1.2.250.1.213.1.4.8";

// Expects ParseResponse to refuse `xml` as malformed; returns the message for further checks.
std::string Refused(const std::string& xml) {
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

std::string Soap(const std::string& body) {
    return R"(<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope">)"
           "<S:Body>" + body + "</S:Body></S:Envelope>";
}
const std::string kTiq =
    "<TIQ><NomNaissance>DUPONT</NomNaissance><ListePrenom>JEAN</ListePrenom><Sexe>M</Sexe>"
    "<DateNaissance>1980-01-31</DateNaissance></TIQ>";
const std::string kInsActif =
    "<INSACTIF><IdIndividu><NumIdentifiant>1800175123456</NumIdentifiant><Cle>12</Cle></IdIndividu>"
    "<OID>1.2.250.1.213.1.4.8</OID></INSACTIF>";
std::string Resultat(const std::string& code, const std::string& individu) {
    return Soap(R"(<RESULTAT xmlns="http://www.cnamts.fr/INSiResultat"><CR><CodeCR>)" + code +
                "</CodeCR><LibelleCR>x</LibelleCR></CR>" + individu + "</RESULTAT>");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(InsiCodecCaptures, *utf::precondition(CapturesAvailable))

BOOST_AUTO_TEST_CASE(AdrtroisDominiqueCorsicanNir) {
    const auto& id = Found(ParseResult(Capture("adrtrois-dominique_cr00.xml")));
    BOOST_TEST(id.ins.active.matricule == "297022A02077878");
    BOOST_TEST(id.ins.active.oid == kOidNir);
    BOOST_TEST(id.ins.history.empty());
    CheckTraits(id.traits, "ADRTROIS", "DOMINIQUE", "DOMINIQUE", domain::Sex::Female, "1997-02-26", "2A020");
}

BOOST_AUTO_TEST_CASE(AdrtroisToussaint) {
    const auto& id = Found(ParseResult(Capture("adrtrois-toussaint_cr00.xml")));
    BOOST_TEST(id.ins.active.matricule == "160012B02077713");
    BOOST_TEST(id.ins.active.oid == kOidNir);
    BOOST_TEST(id.ins.history.empty());
    CheckTraits(id.traits, "ADRTROIS", "TOUSSAINT", "TOUSSAINT", domain::Sex::Male, "1960-01-01", "2B020");
}

// Two history entries, the first with DateDeb/DateFin *before* IdIndividu (not XSD order), and
// DateDeb after DateFin: both kept exactly as received.
void CheckEcetinsiWithTwoHistories(const std::string& file) {
    const auto& id = Found(ParseResult(Capture(file)));
    BOOST_TEST(id.ins.active.matricule == "109076322083489");
    BOOST_TEST(id.ins.active.oid == kOidNir);
    BOOST_TEST(id.ins.active.startDate.empty());
    BOOST_REQUIRE(id.ins.history.size() == 2u);
    BOOST_TEST(id.ins.history[0].matricule == "209076322083439");
    BOOST_TEST(id.ins.history[0].oid == kOidNir);
    BOOST_TEST(id.ins.history[0].startDate == "2019-03-01");
    BOOST_TEST(id.ins.history[0].endDate == "2019-02-28");
    BOOST_TEST(id.ins.history[1].matricule == "209066322012355");
    BOOST_TEST(id.ins.history[1].startDate.empty());
    BOOST_TEST(id.ins.history[1].endDate.empty());
    CheckTraits(id.traits, "ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "PIERRE-ALAIN", domain::Sex::Male,
                "2009-07-14", "63220");
}
BOOST_AUTO_TEST_CASE(Cnda204Cas2History) { CheckEcetinsiWithTwoHistories("cnda-2.04-cas2_history.xml"); }
BOOST_AUTO_TEST_CASE(EcetinsiQualification) { CheckEcetinsiWithTwoHistories("ecetinsi-pierre-alain_cr00.xml"); }

BOOST_AUTO_TEST_CASE(EcetinsiLiveHistoryDatesAfterOid) {
    const auto& id = Found(ParseResult(Capture("ecetinsi-pierre-alain_cr00_live.xml")));
    BOOST_TEST(id.ins.active.matricule == "109076322083489");
    BOOST_REQUIRE(id.ins.history.size() == 1u);
    BOOST_TEST(id.ins.history[0].matricule == "209076322083439");
    BOOST_TEST(id.ins.history[0].oid == kOidNir);
    BOOST_TEST(id.ins.history[0].startDate == "2019-03-01");
    BOOST_TEST(id.ins.history[0].endDate == "2019-02-28");
    CheckTraits(id.traits, "ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "PIERRE-ALAIN", domain::Sex::Male,
                "2009-07-14", "63220");
}

BOOST_AUTO_TEST_CASE(Cnda205NiaPrettyPrintedWithComment) {
    const auto& id = Found(ParseResult(Capture("cnda-2.05_nia.xml")));
    BOOST_TEST(id.ins.active.matricule == "109076322088835");
    BOOST_TEST(id.ins.active.oid == "1.2.250.1.213.1.4.9");
    BOOST_TEST(id.ins.history.empty());
    CheckTraits(id.traits, "PROVISOIRE", "MATRICULE", "MATRICULE", domain::Sex::Male, "2009-07-01", "63220");
}

BOOST_AUTO_TEST_CASE(Cnda208Cas1HistorySameAsActive) {
    const auto& id = Found(ParseResult(Capture("cnda-2.08-cas1_history-same.xml")));
    BOOST_TEST(id.ins.active.matricule == "180032B02040123");
    BOOST_REQUIRE(id.ins.history.size() == 1u);
    BOOST_TEST(id.ins.history[0].matricule == "180032B02040123");
    BOOST_TEST(id.ins.history[0].oid == kOidNir);
    CheckTraits(id.traits, "CORSE", "ANTHONY", "ANTHONY", domain::Sex::Male, "1980-03-02", "2B020");
}

BOOST_AUTO_TEST_CASE(Cnda208Cas2BadKeysKeptVerbatim) {
    // Keys 60 and 10 are not the mod-97 keys (76 and 26): the codec keeps what INSi said.
    const auto& id = Found(ParseResult(Capture("cnda-2.08-cas2_history-bad-keys.xml")));
    BOOST_TEST(id.ins.active.matricule == "181036322045660");
    BOOST_REQUIRE(id.ins.history.size() == 2u);
    BOOST_TEST(id.ins.history[0].matricule == "181036322045660");
    BOOST_TEST(id.ins.history[1].matricule == "281036322045610");
    CheckTraits(id.traits, "HERMANN", "GATIEN", "GATIEN", domain::Sex::Male, "1981-03-24", "63220");
}

BOOST_AUTO_TEST_CASE(TchitchiCatarinaTwoFirstNames) {
    const auto& id = Found(ParseResult(Capture("tchitchi-catarina_cr00.xml")));
    BOOST_TEST(id.ins.active.matricule == "236066322083656");
    BOOST_TEST(id.ins.history.empty());
    CheckTraits(id.traits, "TCHITCHI", "CATARINA BELLA", "CATARINA", domain::Sex::Female, "1936-06-21", "63220");
}

BOOST_AUTO_TEST_CASE(Cr01NoIdentity) {
    const auto r = ParseResult(Capture("cr01_no-identity.xml"));
    BOOST_TEST((r.outcome == ports::InsiOutcome::NotFound));
    BOOST_TEST(r.code == "01");
    BOOST_TEST(r.label == "Aucune identite trouvee");
    BOOST_TEST(!r.identity.has_value());
}

ports::InsiFault ParseFault(const std::string& file) {
    ParsedResponse p = ParseResponse(Capture(file));
    BOOST_REQUIRE(p.fault.has_value());
    BOOST_REQUIRE(!p.result.has_value());
    return *p.fault;
}

BOOST_AUTO_TEST_CASE(FaultUnknownIdam) {
    const auto f = ParseFault("fault_siram100_desir550.xml");
    BOOST_TEST(f.code == "Sender");
    BOOST_TEST(f.subcode == "siram_100");
    BOOST_TEST(f.errorCode == "desir_550");
    BOOST_TEST(f.severity == "erreur");
    BOOST_TEST(f.messageId == "uuid:b3549edd-4ae9-472a-b26f-fd2fb4ef397f");
    BOOST_TEST(f.reason == "L'accès par ce progiciel au service n'est pas autorisé. Contactez l'éditeur du "
                           "progiciel ou votre responsable informatique.");
    BOOST_TEST(f.detail == "Numéro d'autorisation du logiciel inconnu.");
}

BOOST_AUTO_TEST_CASE(FaultServiceUnavailable) {
    const auto f = ParseFault("fault_siram40_desir1020.xml");
    BOOST_TEST(f.code == "Sender");
    BOOST_TEST(f.subcode == "siram_40");
    BOOST_TEST(f.errorCode == "desir_1020");
    BOOST_TEST(f.severity == "fatale");
    BOOST_TEST(f.messageId == "uuid:b3549edd-4ae9-472a-b26f-fd2fb4ef397f");
    BOOST_TEST(f.reason.rfind("Le service est temporairement inaccessible. Veuillez renouveler", 0) == 0);
    BOOST_TEST(f.detail == "Le service appelé est temporairement indisponible");
}

BOOST_AUTO_TEST_CASE(EveryCaptureParsesAndTheProjectCopyMatchesShared) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(CapturesDir())) {
        if (entry.path().extension() != ".xml") continue;
        ++count;
        const ParsedResponse p = ParseResponse(ReadFile(entry.path()));
        BOOST_TEST((p.result.has_value() != p.fault.has_value()), entry.path());
        const fs::path shared = kSharedCaptures / entry.path().filename();
        if (fs::exists(shared) && CapturesDir() != kSharedCaptures)
            BOOST_TEST(ReadFile(shared) == ReadFile(entry.path()), "project copy differs: " << shared);
    }
    BOOST_TEST(count == 12);
}

BOOST_AUTO_TEST_CASE(ParsesConcurrently) {
    // Bulk verification parses on several threads (xmlInitParser once, no shared state).
    const std::string answer = Capture("cnda-2.04-cas2_history.xml");
    std::vector<std::thread> threads;
    std::vector<int> ok(8, 0);
    for (std::size_t t = 0; t < ok.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                try {
                    const auto p = ParseResponse(answer);
                    if (p.result && p.result->identity && p.result->identity->ins.history.size() == 2) ++ok[t];
                } catch (...) {  // counted as a failure below; no Boost macro off the main thread
                }
            }
        });
    for (auto& th : threads) th.join();
    for (int n : ok) BOOST_TEST(n == 200);
}

BOOST_AUTO_TEST_CASE(OversizedCaptureRefusedButLimitItselfAccepted) {
    std::string answer = Capture("tchitchi-catarina_cr00.xml");
    answer.append(kMaxResponseBytes - answer.size(), '\n');  // trailing white space is legal XML
    BOOST_TEST(ParseResponse(answer).result.has_value());
    answer += ' ';
    BOOST_TEST(Refused(answer).find("trop volumineuse") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(TruncatedCapturesRefused) {
    const std::string answer = Capture("cnda-2.05_nia.xml");
    for (std::size_t cut : {std::size_t{1}, std::size_t{40}, answer.size() / 2, answer.size() - 12})
        Refused(answer.substr(0, cut));
}

BOOST_AUTO_TEST_SUITE_END()

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

// ---------------------------------------------------------------------------------------------
namespace {

struct DocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XPathContextDeleter {
    void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
};
struct XPathObjectDeleter {
    void operator()(xmlXPathObject* o) const { xmlXPathFreeObject(o); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;
const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
std::string S(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

// A generated request, queried with XPath by namespace URI (the prefixes below are ours).
class Request {
public:
    explicit Request(const std::string& xml)
        : m_xml(xml), m_doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "request.xml", nullptr, XML_PARSE_NONET)) {
        BOOST_REQUIRE_MESSAGE(m_doc, "the request is not well-formed XML:\n" << xml);
        m_ctx.reset(xmlXPathNewContext(m_doc.get()));
        const std::pair<const char*, std::string_view> ns[] = {
            {"s", kNsSoap}, {"wsa", "http://www.w3.org/2005/08/addressing"}, {"lps", "urn:siram:lps:ctxlps"},
            {"bam", "urn:siram:bam:ctxbam"}, {"rs", kNsRecSans}, {"rv", kNsRecVit}};
        for (const auto& [prefix, uri] : ns) xmlXPathRegisterNs(m_ctx.get(), X(prefix), X(std::string(uri).c_str()));
    }
    std::string Str(const std::string& path) const { return S(Eval("string(" + path + ")")->stringval); }
    int Count(const std::string& path) const { return static_cast<int>(Eval("count(" + path + ")")->floatval); }
    // Local names of the element children of `path`, in document order.
    std::string Children(const std::string& path) const {
        std::string names;
        for (int i = 1; i <= Count(path + "/*"); ++i) names += (i > 1 ? " " : "") + Str("local-name(" + path + "/*[" + std::to_string(i) + "])");
        return names;
    }
    xmlNode* Node(const std::string& path) const {
        auto o = Eval(path);
        BOOST_REQUIRE_MESSAGE(o->nodesetval && o->nodesetval->nodeNr == 1, "no single node at " << path);
        return o->nodesetval->nodeTab[0];
    }
    const std::string& Xml() const { return m_xml; }

private:
    std::unique_ptr<xmlXPathObject, XPathObjectDeleter> Eval(const std::string& expr) const {
        std::unique_ptr<xmlXPathObject, XPathObjectDeleter> o(xmlXPathEvalExpression(X(expr.c_str()), m_ctx.get()));
        BOOST_REQUIRE_MESSAGE(o, "bad XPath " << expr);
        return o;
    }
    std::string m_xml;
    DocPtr m_doc;
    std::unique_ptr<xmlXPathContext, XPathContextDeleter> m_ctx;
};

SoapContext Context() {
    return {.messageId = "uuid:11111111-2222-4333-8444-555555555555", .lpsContextId = "lps-0001",
            .bamContextId = "bam-0001", .timestamp = "2026-11-22T10:15:30.123Z", .emitter = "PHARMACIE-OU",
            .idam = "123456789012", .softwareName = "Vigie", .softwareVersion = "0.1.0",
            .instanceId = "0c1e2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"};
}
ports::InsiTraitsQuery TraitsQuery() {
    return {.birthName = "ECETINSI", .firstNames = "PIERRE-ALAIN MURIEL", .sex = domain::Sex::Male,
            .birthDate = {2009, 7, 14}, .birthPlace = "63220"};
}
ports::InsiVitaleQuery VitaleQuery() {
    return {.beneficiaryNir = ports::InsiNir{"2090763220834", "39"}, .insuredNir = {"1600175123456", "12"},
            .birthName = "ECETINSI", .rawBirthDate = "20090714", .birthRank = 2};
}

const std::string kHeader = "/s:Envelope/s:Header";
const std::string kLps = kHeader + "/lps:ContexteLPS";
const std::string kBam = kHeader + "/bam:ContexteBAM";
const std::string kRecSans = "/s:Envelope/s:Body/rs:RECSANSVITALE";
const std::string kRecVit = "/s:Envelope/s:Body/rv:RECVITALE";

void CheckHeader(const Request& r, std::string_view action) {
    BOOST_TEST(r.Children(kHeader) == "Action MessageID ContexteLPS ContexteBAM");  // no empty wsse:Security
    BOOST_TEST(r.Str(kHeader + "/wsa:Action") == std::string(action));
    BOOST_TEST(r.Str(kHeader + "/wsa:MessageID") == "uuid:11111111-2222-4333-8444-555555555555");
    BOOST_TEST(r.Str(kLps + "/@Version") == "01_00");
    BOOST_TEST(r.Str(kLps + "/@Nature") == "CTXLPS");
    BOOST_TEST(r.Children(kLps) == "Id Temps Emetteur LPS");
    BOOST_TEST(r.Str(kLps + "/lps:Id") == "lps-0001");
    BOOST_TEST(r.Str(kLps + "/lps:Temps") == "2026-11-22T10:15:30.123Z");
    BOOST_TEST(r.Str(kLps + "/lps:Emetteur") == "PHARMACIE-OU");
    BOOST_TEST(r.Children(kLps + "/lps:LPS") == "IDAM Version Instance Nom");
    BOOST_TEST(r.Str(kLps + "/lps:LPS/lps:IDAM") == "123456789012");
    BOOST_TEST(r.Str(kLps + "/lps:LPS/lps:IDAM/@R") == "4");
    BOOST_TEST(r.Str(kLps + "/lps:LPS/lps:Version") == "0.1.0");
    BOOST_TEST(r.Str(kLps + "/lps:LPS/lps:Instance") == "0c1e2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
    BOOST_TEST(r.Str(kLps + "/lps:LPS/lps:Nom") == "urn:lps:Vigie:0.1.0");
    BOOST_TEST(r.Str(kBam + "/@Version") == "01_02");
    BOOST_TEST(r.Str(kBam + "/@Nature") == "CTXBAM");
    BOOST_TEST(r.Str(kBam + "/bam:Id") == "bam-0001");
    BOOST_TEST(r.Str(kBam + "/bam:Temps") == "2026-11-22T10:15:30.123Z");
    BOOST_TEST(r.Str(kBam + "/bam:Emetteur") == "PHARMACIE-OU");
    BOOST_TEST(r.Count("/s:Envelope/s:Body/*") == 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(InsiCodecRequests)

BOOST_AUTO_TEST_CASE(RecSansVitaleCarriesHeaderAndTraits) {
    const Request r(BuildRecSansVitale(TraitsQuery(), Context()));
    CheckHeader(r, kActionRecSansVitale);
    BOOST_TEST(r.Children(kBam) == "Id Temps Emetteur COUVERTURE");
    BOOST_TEST(r.Count(kBam + "/bam:COUVERTURE/node()") == 0);  // empty without a card
    BOOST_TEST(r.Children(kRecSans) == "NomNaissance Prenom Sexe DateNaissance LieuNaissance");
    BOOST_TEST(r.Count(kRecSans + "/rs:*") == 5);  // all in the INSiRecSans namespace
    BOOST_TEST(r.Str(kRecSans + "/rs:NomNaissance") == "ECETINSI");
    BOOST_TEST(r.Str(kRecSans + "/rs:Prenom") == "PIERRE-ALAIN MURIEL");
    BOOST_TEST(r.Str(kRecSans + "/rs:Sexe") == "M");
    BOOST_TEST(r.Str(kRecSans + "/rs:DateNaissance") == "2009-07-14");
    BOOST_TEST(r.Str(kRecSans + "/rs:LieuNaissance") == "63220");
    BOOST_TEST(r.Xml().rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
}

BOOST_AUTO_TEST_CASE(EmptyBirthPlaceIsOmittedAndFemaleIsF) {
    auto q = TraitsQuery();
    q.birthPlace.clear();
    q.sex = domain::Sex::Female;
    const Request r(BuildRecSansVitale(q, Context()));
    BOOST_TEST(r.Children(kRecSans) == "NomNaissance Prenom Sexe DateNaissance");
    BOOST_TEST(r.Str(kRecSans + "/rs:Sexe") == "F");
}

BOOST_AUTO_TEST_CASE(TextIsEscapedAndRoundTrips) {
    auto q = TraitsQuery();
    q.birthName = R"(O'<&"B>]]>&amp;)";
    q.firstNames = "</rs:Prenom><x/>";
    auto c = Context();
    c.softwareName = "V<&>";
    c.messageId = "uuid:\"'&";
    const Request r(BuildRecSansVitale(q, c));
    BOOST_TEST(r.Str(kRecSans + "/rs:NomNaissance") == q.birthName);
    BOOST_TEST(r.Str(kRecSans + "/rs:Prenom") == q.firstNames);
    BOOST_TEST(r.Str(kLps + "/lps:LPS/lps:Nom") == "urn:lps:V<&>:0.1.0");
    BOOST_TEST(r.Str(kHeader + "/wsa:MessageID") == c.messageId);
    BOOST_TEST(r.Count("//*[local-name()='x']") == 0);  // no markup injected
}

BOOST_AUTO_TEST_CASE(EmptyEmitterIsOmittedFromBamOnly) {
    auto c = Context();
    c.emitter.clear();
    const Request r(BuildRecSansVitale(TraitsQuery(), c));
    BOOST_TEST(r.Children(kBam) == "Id Temps COUVERTURE");
    BOOST_TEST(r.Children(kLps) == "Id Temps Emetteur LPS");
}

BOOST_AUTO_TEST_CASE(RecVitaleWithBeneficiaryNir) {
    const Request r(BuildRecVitale(VitaleQuery(), Context()));
    CheckHeader(r, kActionRecVitale);
    const std::string cover = kBam + "/bam:COUVERTURE";
    BOOST_TEST(r.Children(cover) == "ASSURE BENEFICIAIRE");
    BOOST_TEST(r.Str(cover + "/bam:ASSURE/bam:Id/bam:Num") == "1600175123456");
    BOOST_TEST(r.Str(cover + "/bam:ASSURE/bam:Id/bam:Cle") == "12");
    BOOST_TEST(r.Children(cover + "/bam:BENEFICIAIRE") == "Nir DateNai Rang");
    BOOST_TEST(r.Str(cover + "/bam:BENEFICIAIRE/bam:Nir/bam:Num") == "2090763220834");
    BOOST_TEST(r.Str(cover + "/bam:BENEFICIAIRE/bam:Nir/bam:Cle") == "39");
    BOOST_TEST(r.Str(cover + "/bam:BENEFICIAIRE/bam:DateNai") == "2009-07-14");  // XSD pattern AAAA-MM-JJ
    BOOST_TEST(r.Str(cover + "/bam:BENEFICIAIRE/bam:Rang") == "2");
    BOOST_TEST(r.Children(kRecVit) == "MatriculeIndividu MatriculeOD NomNaissance DateNaissance RangNaissance");
    BOOST_TEST(r.Count(kRecVit + "//rv:*") == 9);
    BOOST_TEST(r.Str(kRecVit + "/rv:MatriculeIndividu/rv:NumIdentifiant") == "2090763220834");
    BOOST_TEST(r.Str(kRecVit + "/rv:MatriculeIndividu/rv:Cle") == "39");
    BOOST_TEST(r.Str(kRecVit + "/rv:MatriculeOD/rv:NumIdentifiant") == "1600175123456");
    BOOST_TEST(r.Str(kRecVit + "/rv:MatriculeOD/rv:Cle") == "12");
    BOOST_TEST(r.Str(kRecVit + "/rv:NomNaissance") == "ECETINSI");
    BOOST_TEST(r.Str(kRecVit + "/rv:DateNaissance") == "20090714");  // verbatim from the card
    BOOST_TEST(r.Str(kRecVit + "/rv:RangNaissance") == "2");
}

BOOST_AUTO_TEST_CASE(RecVitaleWithoutBeneficiaryNirNorKeysAndLunarDate) {
    auto q = VitaleQuery();
    q.beneficiaryNir.reset();
    q.insuredNir.key.clear();
    q.rawBirthDate = "19600035";
    const Request r(BuildRecVitale(q, Context()));
    BOOST_TEST(r.Children(kRecVit) == "MatriculeOD NomNaissance DateNaissance RangNaissance");
    BOOST_TEST(r.Children(kRecVit + "/rv:MatriculeOD") == "NumIdentifiant");
    BOOST_TEST(r.Str(kRecVit + "/rv:DateNaissance") == "19600035");
    const std::string cover = kBam + "/bam:COUVERTURE";
    BOOST_TEST(r.Children(cover + "/bam:ASSURE/bam:Id") == "Num");
    BOOST_TEST(r.Children(cover + "/bam:BENEFICIAIRE") == "DateNai Rang");
    BOOST_TEST(r.Str(cover + "/bam:BENEFICIAIRE/bam:DateNai") == "1960-00-35");
}

BOOST_AUTO_TEST_CASE(TextThatXmlCannotCarryIsRefusedNotSent) {
    for (const std::string& bad : {std::string("A\x01" "B"), std::string("A\0B", 3), std::string("\xC3"),
                                  std::string("\xC0\xAF"), std::string("\xED\xA0\x80")}) {
        auto q = TraitsQuery();
        q.birthName = bad;
        BOOST_CHECK_THROW(BuildRecSansVitale(q, Context()), BadInputError);
    }
    auto q = TraitsQuery();
    q.birthName = "\xC3\x89LO\xC3\x8FSE \t";  // accents are the caller's business: valid XML text
    BOOST_TEST(Request(BuildRecSansVitale(q, Context())).Str(kRecSans + "/rs:NomNaissance") == q.birthName);
}

BOOST_AUTO_TEST_CASE(NewUuidV4IsRandomVersion4) {
    // xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx, lower-case hex
    auto wellShaped = [](const std::string& u) {
        if (u.size() != 36 || u[14] != '4' || std::string_view("89ab").find(u[19]) == std::string_view::npos) return false;
        for (std::size_t i = 0; i < u.size(); ++i) {
            const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash != (u[i] == '-')) return false;
            if (!dash && std::string_view("0123456789abcdef").find(u[i]) == std::string_view::npos) return false;
        }
        return true;
    };
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string uuid = vigie::util::NewUuidV4();
        BOOST_TEST(wellShaped(uuid), uuid);
        seen.insert(uuid);
    }
    BOOST_TEST(seen.size() == 1000u);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------
namespace {

struct SchemaDeleter {
    void operator()(xmlSchema* s) const { xmlSchemaFree(s); }
};
struct SchemaParserDeleter {
    void operator()(xmlSchemaParserCtxt* c) const { xmlSchemaFreeParserCtxt(c); }
};
struct SchemaValidDeleter {
    void operator()(xmlSchemaValidCtxt* c) const { xmlSchemaFreeValidCtxt(c); }
};

// The callback's parameter is xmlError* up to libxml2 2.11 and const xmlError* after.
template <typename Error>
void CollectError(void* user, Error error) {
    auto& out = *static_cast<std::string*>(user);
    if (error && error->message) out += std::to_string(error->line) + ": " + error->message;
}

// Validates `doc` against one XSD of the official set; returns the errors ("" when valid).
std::string Validate(xmlDoc* doc, const std::string& xsd) {
    std::string errors;
    std::unique_ptr<xmlSchemaParserCtxt, SchemaParserDeleter> parser(xmlSchemaNewParserCtxt((kSchemas / xsd).c_str()));
    xmlSchemaSetParserStructuredErrors(parser.get(), &CollectError, &errors);
    std::unique_ptr<xmlSchema, SchemaDeleter> schema(xmlSchemaParse(parser.get()));
    if (!schema) return "cannot load " + xsd + ": " + errors;
    std::unique_ptr<xmlSchemaValidCtxt, SchemaValidDeleter> valid(xmlSchemaNewValidCtxt(schema.get()));
    xmlSchemaSetValidStructuredErrors(valid.get(), &CollectError, &errors);
    const int rc = xmlSchemaValidateDoc(valid.get(), doc);
    return rc == 0 ? std::string() : (errors.empty() ? "invalid (" + std::to_string(rc) + ")" : errors);
}

// Copies one element of a message into its own document (in-scope namespaces are carried over).
std::string ValidateElement(const Request& r, const std::string& path, const std::string& xsd) {
    DocPtr alone(xmlNewDoc(X("1.0")));
    xmlDocSetRootElement(alone.get(), xmlDocCopyNode(r.Node(path), alone.get(), 1));
    return Validate(alone.get(), xsd);
}

const std::string kRecSansXsd = "ServiceIdentiteCertifiee/INSi_RECSANS_INS.xsd";
const std::string kRecVitXsd = "ServiceIdentiteCertifiee/INSi_RECVITALE_INS.xsd";
const std::string kResultatXsd = "ServiceIdentiteCertifiee/INSi_RESULTAT_INS.xsd";
const std::string kLpsXsd = "CTX/ROOT_ctxlps_CTXLPS_V01_00.xsd";
const std::string kBamXsd = "CTX/ROOT_ctxbam_CTXBAM_V01_02.xsd";

}  // namespace

BOOST_AUTO_TEST_SUITE(InsiCodecSchemas, *utf::precondition(SchemasAvailable))

BOOST_AUTO_TEST_CASE(RecSansVitaleValidatesAgainstTheOfficialXsds) {
    auto q = TraitsQuery();
    for (const std::string place : {"63220", ""}) {
        q.birthPlace = place;
        auto c = Context();
        if (place.empty()) c.emitter.clear();
        const Request r(BuildRecSansVitale(q, c));
        BOOST_TEST(ValidateElement(r, kRecSans, kRecSansXsd) == "");
        BOOST_TEST(ValidateElement(r, kLps, kLpsXsd) == "");
        BOOST_TEST(ValidateElement(r, kBam, kBamXsd) == "");
    }
}

BOOST_AUTO_TEST_CASE(RecVitaleValidatesAgainstTheOfficialXsds) {
    auto withoutNir = VitaleQuery();
    withoutNir.beneficiaryNir.reset();
    withoutNir.insuredNir.key.clear();
    withoutNir.rawBirthDate = "19600035";
    auto corsican = VitaleQuery();
    corsican.beneficiaryNir = ports::InsiNir{"297022A020778", "78"};
    for (const auto& q : {VitaleQuery(), withoutNir, corsican}) {
        const Request r(BuildRecVitale(q, Context()));
        BOOST_TEST(ValidateElement(r, kRecVit, kRecVitXsd) == "");
        BOOST_TEST(ValidateElement(r, kLps, kLpsXsd) == "");
        BOOST_TEST(ValidateElement(r, kBam, kBamXsd) == "");
    }
}

BOOST_AUTO_TEST_CASE(TheXsdCheckWouldCatchAViolation) {
    // Control for the tests above: a raw card date in DateNai breaks the CTXBAM pattern.
    std::string xml = BuildRecVitale(VitaleQuery(), Context());
    const std::string formatted = "<ctxbam:DateNai>2009-07-14<";
    BOOST_REQUIRE(xml.find(formatted) != std::string::npos);
    xml.replace(xml.find(formatted), formatted.size(), "<ctxbam:DateNai>20090714<");
    BOOST_TEST(ValidateElement(Request(xml), kBam, kBamXsd) != "");
}

BOOST_AUTO_TEST_CASE(CapturedAnswersAgainstTheResultatXsd) {
    // Documents a divergence: two captures put DateDeb/DateFin before IdIndividu in INSHISTO,
    // which the XSD sequence forbids. The parser accepts them (tests above); the XSD does not.
    const std::set<std::string> outOfOrder = {"cnda-2.04-cas2_history.xml", "ecetinsi-pierre-alain_cr00.xml"};
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(CapturesDir())) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".xml" || name.rfind("fault_", 0) == 0) continue;
        const std::string xml = ReadFile(entry.path());
        const Request r(xml);
        const std::string errors = ValidateElement(r, "/s:Envelope/s:Body/*", kResultatXsd);
        BOOST_TEST(errors.empty() == !outOfOrder.count(name), name << ": " << errors);
        ++checked;
    }
    BOOST_TEST(checked == 10);
}

BOOST_AUTO_TEST_SUITE_END()
