// INSi SOAP codec, requests (insi.md §1–2): the right values in the right namespaces, escaped
// text, what XML cannot carry refused before sending.
#include <boost/test/unit_test.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <set>

#include "core/util/Uuid.h"

#include "tests/core/insi/InsiCodecRequestSupport.h"

namespace fs = std::filesystem;
namespace utf = boost::unit_test;
using namespace vigie;
using namespace vigie::insi;
using namespace vigie::insi::codec_test;

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
