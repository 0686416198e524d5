#pragma once
// The SOAP faults the simulator answers (insi.md §4), with the texts of the captured ones
// (fault_siram100_desir550.xml, fault_siram40_desir1020.xml). Texts of faults never captured
// (insi_102, DESIR_560) are written in the same style; `sim_requete_invalide` is the
// simulator's own fault for a request it cannot read at all.

#include <string>
#include <string_view>

namespace vigie::sim {

struct FaultSpec {
    std::string codeValue;     // soap:Sender / soap:Receiver (QName written with the soap prefix)
    std::string subcode;       // soap:siram_100…; "" = no Subcode element
    std::string reason;        // Reason/Text, xml:lang="fr"
    std::string errorCode;     // siram:Erreur/@code
    std::string severity;      // siram:Erreur/@severite, raw (the service writes "fatal" for insi_102)
    std::string text;          // siram:Erreur text
    bool messageIdFirst = false;  // attribute order: code, messageID, severite (as in the desir_550 capture)
};

inline constexpr std::string_view kFaultUnknownIdam = "desir_550";
inline constexpr std::string_view kFaultUnavailable = "desir_1020";
inline constexpr std::string_view kFaultTraitsSearch = "insi_102";
inline constexpr std::string_view kFaultRights = "DESIR_560";
inline constexpr std::string_view kFaultBadRequest = "sim_requete_invalide";

class FaultCatalog {
public:
    // The fault for an Erreur code above; an unknown code gives a soap:Receiver fault with it.
    static FaultSpec For(std::string_view errorCode);
};

}  // namespace vigie::sim
