#pragma once
// The view model of the Comptoir screen: plain strings, flags and colour tokens that a view
// renders as they are. No wx type here (architecture: presenters are unit-tested without wx).

#include <optional>
#include <string>
#include <vector>

#include "core/domain/Identity.h"

namespace vigie::presenters {

// Colour tokens, mapped to real colours by the view (one palette, readable at a distance).
enum class Tone { Neutral, Provisoire, Recuperee, Validee, Qualifiee, Info, Warning, Danger };
std::string_view ToneCode(Tone t);  // neutral, provisoire, recuperee, validee, qualifiee, info, warning, danger

struct Badge {
    std::string text;  // « Identité qualifiée », …
    Tone tone = Tone::Neutral;
};
Badge StatusBadge(domain::IdentityStatus status);

struct TraitRow {
    std::string label;   // « Nom de naissance », …
    std::string local;   // dossier local ("" when none)
    std::string ins;     // INS traits ("" when none)
    bool differs = false;
};

struct DocumentChoice {
    std::string code;
    std::string label;
};

struct CounterView {
    std::string readerText;                  // « Lecteur simulé : prêt »
    std::string cardText;                    // « Aucune carte », « Carte Vitale : lecture… »
    std::string insiText;                    // « INSi : joignable (dernière réponse 10:42:03) »
    Tone insiTone = Tone::Neutral;
    std::optional<std::string> banner;       // INSi unavailable, INSi refused (douteuse…)
    Tone bannerTone = Tone::Warning;
    bool busy = false;                       // a read or an INSi call is running
    std::vector<std::string> beneficiaries;  // picker entries (only asked when several)
    bool pickerNeeded = false;
    bool proposalVisible = false;
    std::string patientTitle;                // « NESSI MICHELANGELO — né(e) le 07/08/2010 »
    std::string insiOutcome;                 // « Identité INS trouvée », « Aucune identité INS », …
    std::string localText;                   // « Dossier local n° 3 (IPP) » / « Aucun dossier local »
    std::vector<TraitRow> rows;              // local vs INS, side by side
    std::optional<Badge> badge;              // status of the local identity
    std::vector<std::string> attributes;     // « Identité douteuse », …
    bool canCreateFromIns = false;
    bool canTakeInsTraits = false;
    bool canValidate = false;
    bool canPrint = false;                   // a local identity is current and the operator may print
    std::string message;                     // result of the last action (French)
    Tone messageTone = Tone::Neutral;
};

}  // namespace vigie::presenters
