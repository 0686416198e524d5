#include "tools/insi-sim/SoapRequest.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <limits>
#include <memory>

#include "tools/insi-sim/TraitRules.h"

namespace vigie::sim {

namespace {

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

std::string_view ToView(const xmlChar* text) {
    return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

bool Is(const xmlNode* node, std::string_view ns, std::string_view name) {
    return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
           ToView(node->ns->href) == ns && ToView(node->name) == name;
}

// First child element with this namespace and local name, or nullptr.
const xmlNode* Child(const xmlNode* parent, std::string_view ns, std::string_view name) {
    if (parent == nullptr) {
        return nullptr;
    }
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
        if (Is(c, ns, name)) {
            return c;
        }
    }
    return nullptr;
}

const xmlNode* FirstElement(const xmlNode* parent) {
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            return c;
        }
    }
    return nullptr;
}

// Text content, trimmed; "" for a missing node.
std::string Text(const xmlNode* node) {
    if (node == nullptr) {
        return {};
    }
    xmlChar* content = xmlNodeGetContent(node);
    std::string text = Trim(ToView(content));
    xmlFree(content);
    return text;
}

std::string ChildText(const xmlNode* parent, std::string_view ns, std::string_view name) {
    return Text(Child(parent, ns, name));
}

void ReadHeader(const xmlNode* header, SoapRequest& request) {
    request.action = ChildText(header, kNsWsa, "Action");
    request.messageId = ChildText(header, kNsWsa, "MessageID");
    const xmlNode* lps = Child(Child(header, kNsCtxLps, "ContexteLPS"), kNsCtxLps, "LPS");
    const xmlNode* idam = Child(lps, kNsCtxLps, "IDAM");
    request.hasIdam = idam != nullptr;
    request.idam = Text(idam);
}

void ReadRecSans(const xmlNode* body, TraitsQuery& q) {
    q.birthName = ChildText(body, kNsRecSans, "NomNaissance");
    // The schema allows several Prenom elements; the service is sent one. Several are read as
    // one list separated by spaces.
    for (const xmlNode* c = body->children; c != nullptr; c = c->next) {
        if (Is(c, kNsRecSans, "Prenom")) {
            const std::string name = Text(c);
            q.firstNames += (q.firstNames.empty() || name.empty() ? "" : " ") + name;
        }
    }
    q.sex = ChildText(body, kNsRecSans, "Sexe");
    q.birthDate = ChildText(body, kNsRecSans, "DateNaissance");
    q.birthPlace = ChildText(body, kNsRecSans, "LieuNaissance");
}

void ReadRecVit(const xmlNode* body, VitaleQuery& q) {
    q.beneficiaryNir = ChildText(Child(body, kNsRecVit, "MatriculeIndividu"), kNsRecVit, "NumIdentifiant");
    q.insuredNir = ChildText(Child(body, kNsRecVit, "MatriculeOD"), kNsRecVit, "NumIdentifiant");
    q.birthName = ChildText(body, kNsRecVit, "NomNaissance");
    q.birthDate = ChildText(body, kNsRecVit, "DateNaissance");
    q.birthRank = ChildText(body, kNsRecVit, "RangNaissance");
}

}  // namespace

std::string_view OperationName(Operation operation) {
    return operation == Operation::RecVitale ? "RECVITALE" : "RECSANSVITALE";
}

void SoapRequestParser::InitXml() { xmlInitParser(); }

SoapRequest SoapRequestParser::Parse(std::string_view xml) {
    if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw RequestError("request too large", "");
    }
    // No network, no entity substitution, no DTD loading: hostile input stays inert.
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    std::unique_ptr<xmlDoc, DocFree> doc(
        xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "request.xml", nullptr, options));
    if (!doc) {
        throw RequestError("the request is not well-formed XML", "");
    }
    if (doc->intSubset != nullptr) {
        throw RequestError("a SOAP message must not contain a DTD", "");
    }
    const xmlNode* envelope = xmlDocGetRootElement(doc.get());
    if (!Is(envelope, kNsSoap12, "Envelope")) {
        throw RequestError("the root element is not a SOAP 1.2 Envelope (" + std::string(kNsSoap12) + ")", "");
    }
    SoapRequest request;
    ReadHeader(Child(envelope, kNsSoap12, "Header"), request);
    const xmlNode* body = Child(envelope, kNsSoap12, "Body");
    if (body == nullptr) {
        throw RequestError("the SOAP Envelope has no Body", request.messageId);
    }
    const xmlNode* query = FirstElement(body);
    if (Is(query, kNsRecSans, "RECSANSVITALE")) {
        request.operation = Operation::RecSansVitale;
        ReadRecSans(query, request.traits);
    } else if (Is(query, kNsRecVit, "RECVITALE")) {
        request.operation = Operation::RecVitale;
        ReadRecVit(query, request.vitale);
    } else {
        throw RequestError("the SOAP Body holds neither RECSANSVITALE (" + std::string(kNsRecSans) +
                               ") nor RECVITALE (" + std::string(kNsRecVit) + ")",
                           request.messageId);
    }
    return request;
}

}  // namespace vigie::sim
