#include "tools/insi-sim/SoapWriter.h"

#include "tools/insi-sim/TraitRules.h"

namespace vigie::sim {

namespace {

constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr const char* kEnvelopeOpen = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">";
constexpr const char* kEnvelopeClose = "</soap:Envelope>";

std::string Element(const char* name, std::string_view value) {
    return std::string("<") + name + ">" + SoapWriter::Escape(value) + "</" + name + ">";
}

}  // namespace

std::string SoapWriter::Escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

std::string SoapWriter::Envelope(const std::string& bodyContent) const {
    if (m_style == ResponseStyle::Live) {
        return std::string(kXmlDecl) + kEnvelopeOpen +
               "<env:Body xmlns:S=\"http://www.w3.org/2003/05/soap-envelope\" "
               "xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\">" +
               bodyContent + "</env:Body>" + kEnvelopeClose;
    }
    return std::string(kXmlDecl) + kEnvelopeOpen + "<S:Body xmlns:S=\"http://www.w3.org/2003/05/soap-envelope\">" +
           bodyContent + "</S:Body>" + kEnvelopeClose;
}

std::string SoapWriter::InsBlock(const char* element, const InsEntry& entry, bool datesFirst) const {
    std::string dates;
    if (!entry.startDate.empty()) {
        dates += Element("DateDeb", entry.startDate);
    }
    if (!entry.endDate.empty()) {
        dates += Element("DateFin", entry.endDate);
    }
    std::string id = "<IdIndividu>" + Element("NumIdentifiant", entry.nir);
    if (!entry.key.empty()) {
        id += Element("Cle", entry.key);
    }
    id += "</IdIndividu>" + Element("OID", entry.oid);
    return std::string("<") + element + ">" + (datesFirst ? dates + id : id + dates) + "</" + element + ">";
}

std::string SoapWriter::Individu(const Persona& p) const {
    std::string out = "<INDIVIDU>" + InsBlock("INSACTIF", p.active, false);
    for (const auto& entry : p.history) {
        out += InsBlock("INSHISTO", entry, m_style == ResponseStyle::Cnda);
    }
    const auto firstNames = SplitFirstNames(p.firstNames);
    out += "<TIQ>" + Element("NomNaissance", p.birthName);
    if (!firstNames.empty()) {
        out += Element("Prenom", firstNames.front());
    }
    out += Element("ListePrenom", p.firstNames) + Element("Sexe", p.sex) + Element("DateNaissance", p.birthDate);
    if (!p.birthPlace.empty()) {
        out += Element("LieuNaissance", p.birthPlace);
    }
    return out + "</TIQ></INDIVIDU>";
}

std::string SoapWriter::Result(const MatchOutcome& outcome) const {
    std::string code = "01";
    std::string label = "Aucune identite trouvee";
    if (outcome.kind == MatchKind::Found && outcome.persona != nullptr) {
        code = "00";
        label = "OK";
    } else if (outcome.kind == MatchKind::Several) {
        code = "02";
        label = "Plusieurs identites trouvees";
    }
    std::string resultat =
        m_style == ResponseStyle::Live
            ? "<RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\" xmlns:ns0=\"http://www.cnamts.fr/INSiRecVit\" "
              "xmlns:ns1=\"http://www.cnamts.fr/INSiRecSans\">"
            : "<RESULTAT xmlns:ns3=\"http://www.cnamts.fr/INSiRecVit\" xmlns:ns2=\"http://www.cnamts.fr/INSiRecSans\" "
              "xmlns=\"http://www.cnamts.fr/INSiResultat\">";
    resultat += "<CR>" + Element("CodeCR", code) + Element("LibelleCR", label) + "</CR>";
    if (code == "00") {
        resultat += Individu(*outcome.persona);
    }
    return Envelope(resultat + "</RESULTAT>");
}

std::string SoapWriter::Fault(const FaultSpec& fault, std::string_view messageId, std::string_view comment) const {
    std::string out = std::string(kXmlDecl) + kEnvelopeOpen +
                      "<env:Body xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Fault><soap:Code>" +
                      Element("soap:Value", fault.codeValue);
    if (!fault.subcode.empty()) {
        out += "<soap:Subcode>" + Element("soap:Value", fault.subcode) + "</soap:Subcode>";
    }
    out += "</soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">" + Escape(fault.reason) +
           "</soap:Text></soap:Reason><soap:Detail><siram:Erreur code=\"" + Escape(fault.errorCode) + "\"";
    const std::string idAttribute = messageId.empty() ? "" : " messageID=\"" + Escape(messageId) + "\"";
    const std::string severityAttribute = " severite=\"" + Escape(fault.severity) + "\"";
    out += fault.messageIdFirst ? idAttribute + severityAttribute : severityAttribute + idAttribute;
    out += " xmlns:siram=\"urn:siram\">" + Escape(fault.text) + "</siram:Erreur>";
    if (!comment.empty()) {
        std::string safe(comment);
        for (std::size_t pos = safe.find("--"); pos != std::string::npos; pos = safe.find("--")) {
            safe.replace(pos, 2, "- ");
        }
        if (safe.back() == '-') {
            safe.push_back(' ');
        }
        out += "<!-- simulator: " + safe + " -->";
    }
    return out + "</soap:Detail></soap:Fault></env:Body>" + kEnvelopeClose;
}

}  // namespace vigie::sim
