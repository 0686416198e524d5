#include "tools/insi-sim/FaultCatalog.h"

namespace vigie::sim {

FaultSpec FaultCatalog::For(std::string_view errorCode) {
    if (errorCode == kFaultUnknownIdam) {
        return FaultSpec{"soap:Sender", "soap:siram_100",
                         "L'accès par ce progiciel au service n'est pas autorisé. Contactez l'éditeur du progiciel "
                         "ou votre responsable informatique.",
                         std::string(errorCode), "erreur", "Numéro d'autorisation du logiciel inconnu.", true};
    }
    if (errorCode == kFaultUnavailable) {
        return FaultSpec{"soap:Sender", "soap:siram_40",
                         "Le service est temporairement inaccessible. Veuillez renouveler votre demande "
                         "ultérieurement. Si le problème persiste, contactez l'éditeur du progiciel ou votre "
                         "responsable informatique.",
                         std::string(errorCode), "fatale", "Le service appelé est temporairement indisponible",
                         false};
    }
    if (errorCode == kFaultTraitsSearch) {
        return FaultSpec{"soap:Sender", "soap:siram_40",
                         "Une erreur technique est survenue lors du traitement de la demande. Si le problème "
                         "persiste, contactez l'éditeur du progiciel ou votre responsable informatique.",
                         std::string(errorCode), "fatal",
                         "Erreur technique lors de la recherche de l'identité par les traits.", false};
    }
    if (errorCode == kFaultRights) {
        return FaultSpec{"soap:Sender", "",
                         "Les droits attachés au certificat ne permettent pas l'accès au service. Contactez "
                         "l'éditeur du progiciel ou votre responsable informatique.",
                         std::string(errorCode), "erreur",
                         "Droits insuffisants : le certificat doit avoir pour CN INSI-AUTO ou INSI-MANU.", false};
    }
    if (errorCode == kFaultBadRequest) {
        return FaultSpec{"soap:Sender", "", "La requête est invalide.", std::string(errorCode), "erreur",
                         "Requête illisible par le simulateur INSi.", false};
    }
    return FaultSpec{"soap:Receiver", "", "Erreur interne du service.", std::string(errorCode), "fatale",
                     "Erreur interne du service.", false};
}

}  // namespace vigie::sim
