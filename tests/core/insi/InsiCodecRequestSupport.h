#pragma once
// Shared by the INSi codec request and schema tests: a generated request parsed back and queried
// with XPath by namespace URI, a fixed SOAP context and queries, and the header checks.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <string>
#include <string_view>

#include "tests/core/insi/InsiCodecSupport.h"

namespace vigie::insi::codec_test {

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
inline const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
inline std::string S(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

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

inline SoapContext Context() {
    return {.messageId = "uuid:11111111-2222-4333-8444-555555555555", .lpsContextId = "lps-0001",
            .bamContextId = "bam-0001", .timestamp = "2026-11-22T10:15:30.123Z", .emitter = "PHARMACIE-OU",
            .idam = "123456789012", .softwareName = "Vigie", .softwareVersion = "0.1.0",
            .instanceId = "0c1e2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"};
}
inline ports::InsiTraitsQuery TraitsQuery() {
    return {.birthName = "ECETINSI", .firstNames = "PIERRE-ALAIN MURIEL", .sex = domain::Sex::Male,
            .birthDate = {2009, 7, 14}, .birthPlace = "63220"};
}
inline ports::InsiVitaleQuery VitaleQuery() {
    return {.beneficiaryNir = ports::InsiNir{"2090763220834", "39"}, .insuredNir = {"1600175123456", "12"},
            .birthName = "ECETINSI", .rawBirthDate = "20090714", .birthRank = 2};
}

inline const std::string kHeader = "/s:Envelope/s:Header";
inline const std::string kLps = kHeader + "/lps:ContexteLPS";
inline const std::string kBam = kHeader + "/bam:ContexteBAM";
inline const std::string kRecSans = "/s:Envelope/s:Body/rs:RECSANSVITALE";
inline const std::string kRecVit = "/s:Envelope/s:Body/rv:RECVITALE";

inline void CheckHeader(const Request& r, std::string_view action) {
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

}  // namespace vigie::insi::codec_test
