#pragma once
// Builds INSi requests for the simulator's tests, written by hand (not with the client's codec,
// which the simulator must not mirror). Prefixes are deliberately unusual, to prove that the
// simulator reads by namespace.

#include <string>

namespace vigie::sim::test {

inline const std::string kActionSans = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
inline const std::string kActionVit = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale";

inline std::string SoapContentType(const std::string& action) {
    return "application/soap+xml; charset=utf-8; action=\"" + action + "\"";
}

struct RequestHeader {
    std::string action = kActionSans;
    std::string messageId = "uuid:0b6a3f0e-8f0c-4c43-9d55-6f7f2f0f9a01";
    std::string idam = "VIGIE0000001";
    bool withIdam = true;
};

inline std::string Envelope(const RequestHeader& h, const std::string& body) {
    std::string idam = h.withIdam ? "<l:IDAM R=\"4\">" + h.idam + "</l:IDAM>" : "";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:unused=\"urn:x-unused\">"
           "<e:Header>"
           "<l:ContexteLPS xmlns:l=\"urn:siram:lps:ctxlps\" Nature=\"CTXLPS\" Version=\"01_00\">"
           "<l:Id>5f1e2d3c-0000-4000-8000-000000000001</l:Id><l:Temps>2026-01-02T03:04:05.678Z</l:Temps>"
           "<l:Emetteur>10B0152872</l:Emetteur><l:LPS>" +
           idam +
           "<l:Version>0.1.0</l:Version><l:Instance>5f1e2d3c-0000-4000-8000-000000000002</l:Instance>"
           "<l:Nom>urn:lps:Vigie:0.1.0</l:Nom></l:LPS></l:ContexteLPS>"
           "<a:MessageID xmlns:a=\"http://www.w3.org/2005/08/addressing\">" +
           h.messageId +
           "</a:MessageID>"
           "<a:Action xmlns:a=\"http://www.w3.org/2005/08/addressing\">" +
           h.action +
           "</a:Action>"
           "<b:ContexteBAM xmlns:b=\"urn:siram:bam:ctxbam\" Nature=\"CTXBAM\" Version=\"01_02\">"
           "<b:Id>5f1e2d3c-0000-4000-8000-000000000003</b:Id><b:Temps>2026-01-02T03:04:05.678Z</b:Temps>"
           "<b:COUVERTURE/></b:ContexteBAM>"
           "<w:Security xmlns:w=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"/>"
           "</e:Header><e:Body>" +
           body + "</e:Body></e:Envelope>";
}

inline std::string Opt(const char* element, const std::string& value, const char* prefix = "r:") {
    return value.empty() ? "" : std::string("<") + prefix + element + ">" + value + "</" + prefix + element + ">";
}

inline std::string RecSansBody(const std::string& name, const std::string& firstNames, const std::string& sex,
                               const std::string& date, const std::string& place = "") {
    return "<r:RECSANSVITALE xmlns:r=\"http://www.cnamts.fr/INSiRecSans\">" + Opt("NomNaissance", name) +
           Opt("Prenom", firstNames) + Opt("Sexe", sex) + Opt("DateNaissance", date) + Opt("LieuNaissance", place) +
           "</r:RECSANSVITALE>";
}

inline std::string RecSans(const std::string& name, const std::string& firstNames, const std::string& sex,
                           const std::string& date, const std::string& place = "", RequestHeader h = {}) {
    h.action = kActionSans;
    return Envelope(h, RecSansBody(name, firstNames, sex, date, place));
}

// RECVITALE in the default namespace (no prefix), as some clients write it.
inline std::string RecVit(const std::string& ownNir, const std::string& insuredNir, const std::string& name,
                          const std::string& date, const std::string& rank, RequestHeader h = {}) {
    h.action = kActionVit;
    std::string body = "<RECVITALE xmlns=\"http://www.cnamts.fr/INSiRecVit\">";
    if (!ownNir.empty()) {
        body += "<MatriculeIndividu><NumIdentifiant>" + ownNir + "</NumIdentifiant></MatriculeIndividu>";
    }
    body += "<MatriculeOD><NumIdentifiant>" + insuredNir + "</NumIdentifiant><TypeMatricule>NIR</TypeMatricule>"
            "</MatriculeOD>" +
            Opt("NomNaissance", name, "") + Opt("DateNaissance", date, "") + Opt("RangNaissance", rank, "") +
            "</RECVITALE>";
    return Envelope(h, body);
}

}  // namespace vigie::sim::test
