#include "core/insi/InsiCodec.h"

#include <cstdint>

#include "core/insi/XmlDoc.h"

namespace vigie::insi {
namespace {

using ports::InsiError;

constexpr const char* kNsAddressing = "http://www.w3.org/2005/08/addressing";
constexpr const char* kNsCtxLps = "urn:siram:lps:ctxlps";
constexpr const char* kNsCtxBam = "urn:siram:bam:ctxbam";
constexpr const char* kMalformedCode = "insi.malformed";

[[noreturn]] void Malformed(const std::string& why) {
    throw InsiError(kMalformedCode, "Réponse INSi illisible : " + why + ".", /*transient=*/false);
}

// ------------------------------------------------------------------------------------------
// Requests
// ------------------------------------------------------------------------------------------

// The tree API escapes markup characters, but no escaping can make a control character or
// broken UTF-8 legal XML: refuse such text instead of sending an ill-formed request. (The INSi
// character set itself is checked by the caller, insi.md §5; this is only a safety net.)
xmlNode* AddField(xmlNode* parent, xmlNs* ns, const char* name, const std::string& text) {
    if (!xml::IsXmlSafeText(text))
        throw BadInputError("insi.request_text", std::string("Requête INSi impossible : le champ ") + name +
                                                     " contient des caractères non représentables en XML.");
    return xml::AddText(parent, ns, name, text);
}

struct Envelope {
    xml::DocPtr doc;
    xmlNode* header = nullptr;
    xmlNode* body = nullptr;
};

Envelope NewEnvelope(std::string_view action, const SoapContext& context) {
    xml::EnsureInitialised();
    Envelope e;
    e.doc.reset(xmlNewDoc(xml::X("1.0")));
    xmlNode* root = xmlNewDocNode(e.doc.get(), nullptr, xml::X("Envelope"), nullptr);
    xmlDocSetRootElement(e.doc.get(), root);
    xmlNs* soap = xmlNewNs(root, xml::X(std::string(kNsSoap).c_str()), xml::X("soap"));
    xmlSetNs(root, soap);
    xmlNs* wsa = xmlNewNs(root, xml::X(kNsAddressing), xml::X("wsa"));

    e.header = xml::AddElement(root, soap, "Header");
    AddField(e.header, wsa, "Action", std::string(action));
    AddField(e.header, wsa, "MessageID", context.messageId);

    // ContexteLPS (ROOT_ctxlps_CTXLPS_V01_00.xsd): Id, Temps, Emetteur?, LPS{IDAM, Version,
    // Instance, Nom}. Emetteur is always written here (the certificate OU, insi.md §2).
    xmlNode* lps = xml::AddElement(e.header, nullptr, "ContexteLPS");
    xmlNs* ctxlps = xmlNewNs(lps, xml::X(kNsCtxLps), xml::X("ctxlps"));
    xmlSetNs(lps, ctxlps);
    xmlNewProp(lps, xml::X("Version"), xml::X("01_00"));
    xmlNewProp(lps, xml::X("Nature"), xml::X("CTXLPS"));
    AddField(lps, ctxlps, "Id", context.lpsContextId);
    AddField(lps, ctxlps, "Temps", context.timestamp);
    AddField(lps, ctxlps, "Emetteur", context.emitter);
    xmlNode* software = xml::AddElement(lps, ctxlps, "LPS");
    xmlNode* idam = AddField(software, ctxlps, "IDAM", context.idam);
    xmlNewProp(idam, xml::X("R"), xml::X("4"));
    AddField(software, ctxlps, "Version", context.softwareVersion);
    AddField(software, ctxlps, "Instance", context.instanceId);
    AddField(software, ctxlps, "Nom", "urn:lps:" + context.softwareName + ":" + context.softwareVersion);

    e.body = xml::AddElement(root, soap, "Body");
    return e;
}

// ContexteBAM (ROOT_ctxbam_CTXBAM_V01_02.xsd): Id, Temps, Emetteur?, DateRef?, COUVERTURE.
// Returns COUVERTURE (mandatory, possibly empty) for the caller to fill.
xmlNode* AddBamContext(Envelope& e, const SoapContext& context, xmlNs*& ns) {
    xmlNode* bam = xml::AddElement(e.header, nullptr, "ContexteBAM");
    ns = xmlNewNs(bam, xml::X(kNsCtxBam), xml::X("ctxbam"));
    xmlSetNs(bam, ns);
    xmlNewProp(bam, xml::X("Version"), xml::X("01_02"));
    xmlNewProp(bam, xml::X("Nature"), xml::X("CTXBAM"));
    AddField(bam, ns, "Id", context.bamContextId);
    AddField(bam, ns, "Temps", context.timestamp);
    if (!context.emitter.empty()) AddField(bam, ns, "Emetteur", context.emitter);
    return xml::AddElement(bam, ns, "COUVERTURE");
}

bool AllDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

// ContexteBAM/…/DateNai is typed \d{4}-\d{2}-\d{2} by the XSD while the card gives AAAAMMJJ
// (possibly lunar, e.g. 19600035). Only the punctuation is changed, never the digits; anything
// that does not have one of the two card shapes is sent as it is.
std::string CardDateForBam(const std::string& raw) {
    if (raw.size() == 8 && AllDigits(raw)) return raw.substr(0, 4) + "-" + raw.substr(4, 2) + "-" + raw.substr(6, 2);
    if (raw.size() == 10 && raw[2] == '/' && raw[5] == '/' && AllDigits(raw.substr(0, 2)) &&
        AllDigits(raw.substr(3, 2)) && AllDigits(raw.substr(6, 4)))
        return raw.substr(6, 4) + "-" + raw.substr(3, 2) + "-" + raw.substr(0, 2);
    return raw;
}

// <parent><Num>…</Num><Cle>…</Cle></parent> in ContexteBAM (Cle omitted when unknown).
void AddBamNir(xmlNode* parent, xmlNs* ns, const char* name, const ports::InsiNir& nir) {
    xmlNode* node = xml::AddElement(parent, ns, name);
    AddField(node, ns, "Num", nir.number);
    if (!nir.key.empty()) AddField(node, ns, "Cle", nir.key);
}

// <name><NumIdentifiant/><Cle/>?</name> in the RECVITALE body (default namespace).
void AddMatricule(xmlNode* parent, xmlNs* ns, const char* name, const ports::InsiNir& nir) {
    xmlNode* node = xml::AddElement(parent, ns, name);
    AddField(node, ns, "NumIdentifiant", nir.number);
    if (!nir.key.empty()) AddField(node, ns, "Cle", nir.key);
}

// ------------------------------------------------------------------------------------------
// Responses
// ------------------------------------------------------------------------------------------

// "soap:siram_40" → "siram_40": the prefix is whatever the server chose.
std::string LocalPart(const std::string& qname) {
    const auto colon = qname.rfind(':');
    return colon == std::string::npos ? qname : qname.substr(colon + 1);
}

std::string Res(const xmlNode* parent, const char* name) {
    return xml::Text(xml::Child(parent, kNsResultat, name));
}

// INSACTIF and INSHISTO share one shape. Children are looked up by name, so any order is
// accepted (captures put DateDeb/DateFin before IdIndividu as well as after OID).
domain::InsNumber ParseInsNumber(const xmlNode* node, const char* what) {
    const xmlNode* id = xml::Child(node, kNsResultat, "IdIndividu");
    const std::string number = Res(id, "NumIdentifiant");
    if (number.empty()) Malformed(std::string("matricule absent dans ") + what);
    domain::InsNumber ins;
    ins.matricule = number + Res(id, "Cle");  // kept as received, even with a wrong key
    ins.oid = Res(node, "OID");
    if (ins.oid.empty()) Malformed(std::string("OID absent dans ") + what);
    ins.startDate = Res(node, "DateDeb");
    ins.endDate = Res(node, "DateFin");
    return ins;
}

std::string FirstToken(const std::string& list) {
    const auto space = list.find(' ');
    return space == std::string::npos ? list : list.substr(0, space);
}

domain::StrictTraits ParseTiq(const xmlNode* tiq) {
    domain::StrictTraits traits;
    traits.birthName = Res(tiq, "NomNaissance");
    if (traits.birthName.empty()) Malformed("nom de naissance (TIQ/NomNaissance) absent");
    traits.birthFirstNames = Res(tiq, "ListePrenom");
    if (traits.birthFirstNames.empty()) Malformed("liste des prénoms (TIQ/ListePrenom) absente");
    const std::string first = Res(tiq, "Prenom");  // absent from live answers
    traits.firstBirthFirstName = first.empty() ? FirstToken(traits.birthFirstNames) : first;

    const std::string sex = Res(tiq, "Sexe");
    if (sex == "M")
        traits.sex = domain::Sex::Male;
    else if (sex == "F")
        traits.sex = domain::Sex::Female;
    else
        Malformed("sexe invalide « " + sex + " »");

    // The wire form is AAAA-MM-JJ only; Date::Parse alone would also take JJ/MM/AAAA. A date
    // with unknown parts is not completed here: an INS identity must carry the real date.
    const std::string date = Res(tiq, "DateNaissance");
    const auto parsed = date.size() == 10 && date[4] == '-' ? domain::Date::Parse(date) : std::nullopt;
    if (!parsed) Malformed("date de naissance invalide « " + date + " »");
    traits.birthDate = *parsed;
    traits.birthPlace = Res(tiq, "LieuNaissance");
    return traits;
}

ports::InsiResult ParseResultat(const xmlNode* resultat) {
    const xmlNode* cr = xml::Child(resultat, kNsResultat, "CR");
    const xmlNode* codeNode = xml::Child(cr, kNsResultat, "CodeCR");
    if (!codeNode) Malformed("compte rendu (CR/CodeCR) absent");
    ports::InsiResult result;
    result.code = xml::Text(codeNode);
    result.label = Res(cr, "LibelleCR");
    if (result.code == "01") {
        result.outcome = ports::InsiOutcome::NotFound;
        return result;
    }
    if (result.code == "02") {
        result.outcome = ports::InsiOutcome::Several;
        return result;
    }
    if (result.code != "00") Malformed("code retour inconnu « " + result.code + " »");

    result.outcome = ports::InsiOutcome::Found;
    const xmlNode* individu = xml::Child(resultat, kNsResultat, "INDIVIDU");
    if (!individu) Malformed("INDIVIDU absent pour le code retour 00");
    const xmlNode* active = xml::Child(individu, kNsResultat, "INSACTIF");
    if (!active) Malformed("INSACTIF absent pour le code retour 00");
    const xmlNode* tiq = xml::Child(individu, kNsResultat, "TIQ");
    if (!tiq) Malformed("TIQ absent pour le code retour 00");

    ports::InsiIdentity identity;
    identity.ins.active = ParseInsNumber(active, "INSACTIF");
    for (const xmlNode* histo : xml::Children(individu, kNsResultat, "INSHISTO"))
        identity.ins.history.push_back(ParseInsNumber(histo, "INSHISTO"));
    identity.traits = ParseTiq(tiq);
    result.identity = std::move(identity);
    return result;
}

// SOAP 1.2 Fault (insi.md §4). Parsed leniently: every field is kept raw, missing ones are "".
ports::InsiFault ParseFault(const xmlNode* fault) {
    const std::string soap(kNsSoap);
    ports::InsiFault f;
    const xmlNode* code = xml::Child(fault, soap, "Code");
    f.code = LocalPart(xml::Text(xml::Child(code, soap, "Value")));
    f.subcode = LocalPart(xml::Text(xml::Child(xml::Child(code, soap, "Subcode"), soap, "Value")));
    f.reason = xml::Text(xml::Child(xml::Child(fault, soap, "Reason"), soap, "Text"));
    const xmlNode* error = xml::Child(xml::Child(fault, soap, "Detail"), kNsSiram, "Erreur");
    f.errorCode = xml::Attribute(error, "code");
    f.severity = xml::Attribute(error, "severite");
    f.messageId = xml::Attribute(error, "messageID");
    f.detail = xml::Text(error);
    return f;
}

}  // namespace

std::string BuildRecSansVitale(const ports::InsiTraitsQuery& query, const SoapContext& context) {
    Envelope e = NewEnvelope(kActionRecSansVitale, context);
    xmlNs* bamNs = nullptr;
    AddBamContext(e, context, bamNs);  // COUVERTURE stays empty without a card

    xmlNode* rec = xml::AddElement(e.body, nullptr, "RECSANSVITALE");
    xmlNs* ns = xmlNewNs(rec, xml::X(std::string(kNsRecSans).c_str()), nullptr);
    xmlSetNs(rec, ns);
    AddField(rec, ns, "NomNaissance", query.birthName);
    AddField(rec, ns, "Prenom", query.firstNames);
    AddField(rec, ns, "Sexe", query.sex == domain::Sex::Male ? "M" : "F");
    AddField(rec, ns, "DateNaissance", query.birthDate.ToIso());
    if (!query.birthPlace.empty()) AddField(rec, ns, "LieuNaissance", query.birthPlace);
    return xml::Serialise(e.doc.get());
}

std::string BuildRecVitale(const ports::InsiVitaleQuery& query, const SoapContext& context) {
    Envelope e = NewEnvelope(kActionRecVitale, context);
    xmlNs* bamNs = nullptr;
    xmlNode* coverage = AddBamContext(e, context, bamNs);
    xmlNode* insured = xml::AddElement(coverage, bamNs, "ASSURE");
    AddBamNir(insured, bamNs, "Id", query.insuredNir);
    xmlNode* beneficiary = xml::AddElement(coverage, bamNs, "BENEFICIAIRE");
    if (query.beneficiaryNir) AddBamNir(beneficiary, bamNs, "Nir", *query.beneficiaryNir);
    AddField(beneficiary, bamNs, "DateNai", CardDateForBam(query.rawBirthDate));
    AddField(beneficiary, bamNs, "Rang", std::to_string(query.birthRank));

    xmlNode* rec = xml::AddElement(e.body, nullptr, "RECVITALE");
    xmlNs* ns = xmlNewNs(rec, xml::X(std::string(kNsRecVit).c_str()), nullptr);
    xmlSetNs(rec, ns);
    if (query.beneficiaryNir) AddMatricule(rec, ns, "MatriculeIndividu", *query.beneficiaryNir);
    AddMatricule(rec, ns, "MatriculeOD", query.insuredNir);
    AddField(rec, ns, "NomNaissance", query.birthName);
    AddField(rec, ns, "DateNaissance", query.rawBirthDate);  // verbatim (identity-rules.md §6)
    AddField(rec, ns, "RangNaissance", std::to_string(query.birthRank));
    return xml::Serialise(e.doc.get());
}

ParsedResponse ParseResponse(std::string_view text) {
    if (text.empty()) Malformed("réponse vide");
    if (text.size() > kMaxResponseBytes)
        Malformed("réponse trop volumineuse (" + std::to_string(text.size()) + " octets, maximum " +
                  std::to_string(kMaxResponseBytes) + ")");

    std::string error;
    const xml::DocPtr doc = xml::ParseUntrusted(text, error);
    if (!doc) Malformed(error);

    const std::string soap(kNsSoap);
    const xmlNode* envelope = xmlDocGetRootElement(doc.get());
    if (!xml::Is(envelope, soap, "Envelope"))
        Malformed("enveloppe SOAP 1.2 absente (racine " + xml::ExpandedName(envelope) + ")");
    const xmlNode* body = xml::Child(envelope, soap, "Body");
    if (!body) Malformed("corps SOAP (Body) absent");
    const xmlNode* content = xml::FirstElementChild(body);
    if (!content) Malformed("corps SOAP vide");

    ParsedResponse parsed;
    if (xml::Is(content, soap, "Fault"))
        parsed.fault = ParseFault(content);
    else if (xml::Is(content, kNsResultat, "RESULTAT"))
        parsed.result = ParseResultat(content);
    else
        Malformed("contenu inattendu " + xml::ExpandedName(content));
    return parsed;
}

}  // namespace vigie::insi
