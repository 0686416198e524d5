#pragma once
// Writes the simulator's answers exactly in the shape of the captured real ones
// (reference/insi-captures): same namespaces and prefixes, element order, CR labels, fault
// layout. Two styles, both seen in the captures:
//  - Live: `env:Body` with extra `S` declaration, RESULTAT with a default namespace and
//    ns0/ns1, INSHISTO children in schema order (IdIndividu, OID, DateDeb, DateFin);
//  - Cnda: `S:Body`, ns2/ns3 declared before the default namespace, INSHISTO dates first.
// TIQ/Prenom (first birth first name) is always written, as in the CNDA answers.
// Thread-safe (stateless).

#include <string>
#include <string_view>

#include "tools/insi-sim/FaultCatalog.h"
#include "tools/insi-sim/Matcher.h"

namespace vigie::sim {

enum class ResponseStyle { Live, Cnda };

class SoapWriter {
public:
    explicit SoapWriter(ResponseStyle style = ResponseStyle::Live) : m_style(style) {}

    // RESULTAT for a Found / NotFound / Several outcome (a Fault outcome → use Fault()).
    std::string Result(const MatchOutcome& outcome) const;
    // A SOAP 1.2 fault; `messageId` "" omits the messageID attribute. `comment`, when not empty,
    // is added as an XML comment in Detail (the simulator's explanation; real answers have none).
    std::string Fault(const FaultSpec& fault, std::string_view messageId, std::string_view comment = {}) const;

    static std::string Escape(std::string_view text);

private:
    std::string Envelope(const std::string& bodyContent) const;
    std::string Individu(const Persona& persona) const;
    std::string InsBlock(const char* element, const InsEntry& entry, bool datesFirst) const;

    ResponseStyle m_style;
};

}  // namespace vigie::sim
