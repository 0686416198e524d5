// Reading requests by namespace, and writing answers exactly like the captured real ones
// (tests/data/insi-captures): byte for byte where the capture's layout is the simulator's,
// element by element otherwise.

#include "tests/tools/SimRequests.h"
#include "tests/tools/SimTestData.h"
#include "tests/tools/XmlShape.h"
#include "tools/insi-sim/MediaType.h"
#include "tools/insi-sim/SoapRequest.h"
#include "tools/insi-sim/SoapWriter.h"

#include <boost/test/unit_test.hpp>

namespace sim = vigie::sim;
namespace t = vigie::sim::test;

namespace {

const sim::Matcher& ProjectMatcher() {
    static const sim::Matcher matcher(sim::PersonaStore::LoadFile(t::ProjectPersonas()));
    return matcher;
}

std::string Capture(const std::string& name) {
    std::string text;
    for (char c : t::ReadText(t::CapturesDir() / name)) {
        if (c != '\r') {
            text.push_back(c);  // one capture has a CRLF after its XML declaration
        }
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

std::string WithoutPrenom(std::string xml) {
    const auto begin = xml.find("<Prenom>");
    const auto end = xml.find("</Prenom>");
    return begin == std::string::npos ? xml : xml.erase(begin, end + 9 - begin);
}

std::string Answer(sim::ResponseStyle style, const sim::TraitsQuery& query) {
    return sim::SoapWriter(style).Result(ProjectMatcher().MatchTraits(query));
}

const char* const kCapturedMessageId = "uuid:b3549edd-4ae9-472a-b26f-fd2fb4ef397f";

}  // namespace

BOOST_AUTO_TEST_SUITE(InsiSimSoap)

BOOST_AUTO_TEST_CASE(request_is_read_by_namespace_whatever_the_prefixes) {
    const auto r = sim::SoapRequestParser::Parse(t::RecSans("ECETINSI", "PIERRE ALAIN", "M", "2009-07-14", "63220"));
    BOOST_TEST(r.action == t::kActionSans);
    BOOST_TEST(r.messageId == "uuid:0b6a3f0e-8f0c-4c43-9d55-6f7f2f0f9a01");
    BOOST_TEST(r.hasIdam);
    BOOST_TEST(r.idam == "VIGIE0000001");
    BOOST_TEST((r.operation == sim::Operation::RecSansVitale));
    BOOST_TEST(r.traits.birthName == "ECETINSI");
    BOOST_TEST(r.traits.firstNames == "PIERRE ALAIN");
    BOOST_TEST(r.traits.sex == "M");
    BOOST_TEST(r.traits.birthDate == "2009-07-14");
    BOOST_TEST(r.traits.birthPlace == "63220");
}

BOOST_AUTO_TEST_CASE(recvitale_in_the_default_namespace) {
    const auto r = sim::SoapRequestParser::Parse(t::RecVit("", "2770763220829", "NESSI", "2010-08-07", "1"));
    BOOST_TEST((r.operation == sim::Operation::RecVitale));
    BOOST_TEST(r.action == t::kActionVit);
    BOOST_TEST(r.vitale.beneficiaryNir.empty());
    BOOST_TEST(r.vitale.insuredNir == "2770763220829");
    BOOST_TEST(r.vitale.birthName == "NESSI");
    BOOST_TEST(r.vitale.birthDate == "2010-08-07");
    BOOST_TEST(r.vitale.birthRank == "1");
    const auto own = sim::SoapRequestParser::Parse(t::RecVit("1100863220830", "2770763220829", "", "", ""));
    BOOST_TEST(own.vitale.beneficiaryNir == "1100863220830");
}

BOOST_AUTO_TEST_CASE(elements_in_a_wrong_namespace_are_not_read) {
    // Unqualified children (a classic codec bug) leave the traits empty → insi_102 later.
    const std::string body = "<r:RECSANSVITALE xmlns:r=\"http://www.cnamts.fr/INSiRecSans\"><NomNaissance>ADRUN"
                             "</NomNaissance><Prenom>ZOE</Prenom></r:RECSANSVITALE>";
    const auto r = sim::SoapRequestParser::Parse(t::Envelope({}, body));
    BOOST_TEST(r.traits.birthName.empty());
    BOOST_TEST(r.traits.firstNames.empty());
    // A MessageID in a wrong namespace is not the wsa one.
    t::RequestHeader h;
    const std::string xml = t::Envelope(h, t::RecSansBody("ADRUN", "ZOE", "F", "1975-12-31"));
    std::string wrongWsa = xml;
    wrongWsa.replace(wrongWsa.find("http://www.w3.org/2005/08/addressing"), 36, "http://www.w3.org/2004/08/addressing");
    BOOST_TEST(sim::SoapRequestParser::Parse(wrongWsa).messageId.empty());
}

BOOST_AUTO_TEST_CASE(several_prenom_elements_are_read_as_one_list) {
    const std::string body = "<r:RECSANSVITALE xmlns:r=\"http://www.cnamts.fr/INSiRecSans\"><r:NomNaissance>ECETINSI"
                             "</r:NomNaissance><r:Prenom>PIERRE-ALAIN</r:Prenom><r:Prenom>MURIEL</r:Prenom>"
                             "</r:RECSANSVITALE>";
    BOOST_TEST(sim::SoapRequestParser::Parse(t::Envelope({}, body)).traits.firstNames == "PIERRE-ALAIN MURIEL");
}

BOOST_AUTO_TEST_CASE(missing_idam_is_noticed) {
    t::RequestHeader h;
    h.withIdam = false;
    const auto r = sim::SoapRequestParser::Parse(t::RecSans("ADRUN", "ZOE", "F", "1975-12-31", "", h));
    BOOST_TEST(!r.hasIdam);
}

BOOST_AUTO_TEST_CASE(unreadable_requests_throw) {
    BOOST_CHECK_THROW(sim::SoapRequestParser::Parse("not xml"), sim::RequestError);
    BOOST_CHECK_THROW(sim::SoapRequestParser::Parse("<a><b></a>"), sim::RequestError);
    BOOST_CHECK_THROW(sim::SoapRequestParser::Parse(
                          "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>"),
                      sim::RequestError);
    BOOST_CHECK_THROW(sim::SoapRequestParser::Parse("<!DOCTYPE x [<!ENTITY a \"b\">]><e:Envelope "
                                                    "xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"/>"),
                      sim::RequestError);
    try {
        sim::SoapRequestParser::Parse(t::Envelope({}, "<x:Other xmlns:x=\"urn:other\"/>"));
        BOOST_ERROR("unknown body accepted");
    } catch (const sim::RequestError& e) {
        BOOST_TEST(e.MessageId() == "uuid:0b6a3f0e-8f0c-4c43-9d55-6f7f2f0f9a01");
    }
}

BOOST_AUTO_TEST_CASE(content_type_parameters) {
    const auto m = sim::MediaType::Parse("Application/SOAP+XML ; charset=utf-8; ACTION=\"urn:a;b:c\"");
    BOOST_TEST(m.type == "application/soap+xml");
    BOOST_TEST(m.Param("charset") == "utf-8");
    BOOST_TEST(m.Param("action") == "urn:a;b:c");
    BOOST_TEST(sim::MediaType::Parse("application/soap+xml;action=urn:x").Param("action") == "urn:x");
    BOOST_TEST(sim::MediaType::Parse("text/xml").Param("action").empty());
}

BOOST_AUTO_TEST_CASE(found_answers_are_the_live_captures_plus_prenom) {
    const std::string adrtrois = Answer(sim::ResponseStyle::Live, {"ADRTROIS", "DOMINIQUE", "F", "1997-02-26", ""});
    BOOST_TEST(adrtrois.find("<Prenom>DOMINIQUE</Prenom><ListePrenom>") != std::string::npos);
    BOOST_TEST(WithoutPrenom(adrtrois) == Capture("adrtrois-dominique_cr00.xml"));
    BOOST_TEST(WithoutPrenom(Answer(sim::ResponseStyle::Live, {"ADRTROIS", "TOUSSAINT", "M", "1960-01-01", ""})) ==
               Capture("adrtrois-toussaint_cr00.xml"));
    BOOST_TEST(WithoutPrenom(Answer(sim::ResponseStyle::Live, {"TCHITCHI", "CATARINA", "F", "1936-06-21", ""})) ==
               Capture("tchitchi-catarina_cr00.xml"));
}

BOOST_AUTO_TEST_CASE(cnda_style_answers_are_the_cnda_captures) {
    BOOST_TEST(WithoutPrenom(Answer(sim::ResponseStyle::Cnda, {"ECETINSI", "MURIEL", "M", "2009-07-14", ""})) ==
               Capture("cnda-2.04-cas2_history.xml"));
    BOOST_TEST(WithoutPrenom(Answer(sim::ResponseStyle::Cnda, {"ECETINSI", "MURIEL", "M", "2009-07-14", ""})) ==
               Capture("ecetinsi-pierre-alain_cr00.xml"));
    BOOST_TEST(Answer(sim::ResponseStyle::Cnda, {"HOUILLES", "PIERRE", "M", "1993-01-27", ""}) ==
               Capture("cr01_no-identity.xml"));
    // Pretty-printed captures (with Prenom): same elements, namespaces and values.
    BOOST_TEST(t::Shape(Answer(sim::ResponseStyle::Cnda, {"PROVISOIRE", "MATRICULE", "M", "2009-07-01", ""})) ==
                   t::Shape(Capture("cnda-2.05_nia.xml")),
               boost::test_tools::per_element());
    BOOST_TEST(t::Shape(Answer(sim::ResponseStyle::Cnda, {"CORSE", "ANTHONY", "M", "1980-03-02", ""})) ==
                   t::Shape(Capture("cnda-2.08-cas1_history-same.xml")),
               boost::test_tools::per_element());
    BOOST_TEST(t::Shape(Answer(sim::ResponseStyle::Cnda, {"HERMANN", "GATIEN", "M", "1981-03-24", ""})) ==
                   t::Shape(Capture("cnda-2.08-cas2_history-bad-keys.xml")),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(live_history_keeps_dates_after_the_oid) {
    const std::string xml = Answer(sim::ResponseStyle::Live, {"ECETINSI", "MURIEL", "M", "2009-07-14", ""});
    const std::string live = Capture("ecetinsi-pierre-alain_cr00_live.xml");
    const std::string firstHisto = live.substr(live.find("<INSHISTO>"), live.find("</INSHISTO>") - live.find("<INSHISTO>"));
    BOOST_TEST(xml.find(firstHisto) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(several_identities_answer_02) {
    const std::string xml = Answer(sim::ResponseStyle::Live, {"DE VINCI", "LEONARDO", "M", "2014-02-01", ""});
    BOOST_TEST(xml.find("<CR><CodeCR>02</CodeCR><LibelleCR>Plusieurs identites trouvees</LibelleCR></CR></RESULTAT>") !=
               std::string::npos);
    BOOST_TEST(t::IsWellFormed(xml));
}

BOOST_AUTO_TEST_CASE(apostrophes_are_returned_and_escaping_is_right) {
    const std::string xml = Answer(sim::ResponseStyle::Live, {"DARTAGNAN DE LHERAULT", "PIERRE-ALAIN", "M", "2001-06-17", ""});
    BOOST_TEST(xml.find("<NomNaissance>D'ARTAGNAN DE L'HERAULT</NomNaissance>") != std::string::npos);
    BOOST_TEST(xml.find("<OID>1.2.250.1.213.1.4.10</OID>") != std::string::npos);
    BOOST_TEST(sim::SoapWriter::Escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c'");
}

BOOST_AUTO_TEST_CASE(faults_are_the_captured_faults) {
    const sim::SoapWriter writer;
    BOOST_TEST(writer.Fault(sim::FaultCatalog::For(sim::kFaultUnknownIdam), kCapturedMessageId) ==
               Capture("fault_siram100_desir550.xml"));
    BOOST_TEST(writer.Fault(sim::FaultCatalog::For(sim::kFaultUnavailable), kCapturedMessageId) ==
               Capture("fault_siram40_desir1020.xml"));
}

BOOST_AUTO_TEST_CASE(other_faults_have_the_same_shape) {
    const sim::SoapWriter writer;
    const auto reference = t::Shape(Capture("fault_siram40_desir1020.xml"));
    const auto insi102 = t::Shape(writer.Fault(sim::FaultCatalog::For(sim::kFaultTraitsSearch), "uuid:x", "why -- so"));
    BOOST_TEST_REQUIRE(insi102.size() == reference.size());
    for (std::size_t i = 0; i < reference.size(); ++i) {
        BOOST_TEST(insi102[i].substr(0, insi102[i].find('=')) == reference[i].substr(0, reference[i].find('=')));
    }
    const std::string xml = writer.Fault(sim::FaultCatalog::For(sim::kFaultTraitsSearch), "uuid:x", "why -- so-");
    BOOST_TEST(xml.find("<siram:Erreur code=\"insi_102\" severite=\"fatal\" messageID=\"uuid:x\"") != std::string::npos);
    BOOST_TEST(xml.find("<soap:Value>soap:siram_40</soap:Value>") != std::string::npos);
    // DESIR_560: no Subcode (none is documented), still a Detail/Erreur.
    const std::string rights = writer.Fault(sim::FaultCatalog::For(sim::kFaultRights), "");
    BOOST_TEST(rights.find("Subcode") == std::string::npos);
    BOOST_TEST(rights.find("code=\"DESIR_560\"") != std::string::npos);
    BOOST_TEST(rights.find("messageID") == std::string::npos);
    BOOST_TEST(t::IsWellFormed(rights));
}

BOOST_AUTO_TEST_SUITE_END()
