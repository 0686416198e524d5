#pragma once
// Label rule sets as a versioned JSON document, so a pharmacy can back them up, share them
// between counters or edit them by hand:
//
//   {"format": "vigie-label-rules", "version": 1,
//    "ruleSets": [{"name": "boite", "displayName": "Boîte",
//                  "stock": {"widthMm": 89, "heightMm": 36},
//                  "marginsMm": {"top": 2, "right": 3, "bottom": 2, "left": 3},
//                  "font": {"family": "DejaVu Sans", "baseSizePt": 9, "minSizePt": 6},
//                  "barcodeModuleMm": 0.25,
//                  "fields": [{"kind": "nom-naissance", "sizePt": 12, "bold": true, "align": "gauche"},
//                             {"kind": "texte-libre", "text": "…"},
//                             {"kind": "code-patient", "barHeightMm": 10}, …]}]}
//
// Field kinds: FieldKindCode (LabelRules.h); align: gauche | centre | droite. In a field, only
// "kind" is required; "text" belongs to texte-libre and "barHeightMm" to code-patient.
// nlohmann_json stays inside the .cpp.

#include <string>
#include <string_view>
#include <vector>

#include "printing/model/LabelRules.h"

namespace vigie::printing {

inline constexpr std::string_view kLabelRulesFormat = "vigie-label-rules";
inline constexpr int kLabelRulesVersion = 1;

// Pretty-printed (2 spaces), UTF-8, keys in a stable order.
std::string ExportLabelRules(const std::vector<LabelRuleSet>& ruleSets);

// Throws BadInputError (code "input.label_rules") with a French message naming the path of the
// bad value (« ruleSets[0].fields[2].kind : valeur inconnue « adresse » … »): unreadable JSON,
// wrong format or version, missing or unknown keys, wrong types, unknown codes, duplicate rule
// set names, and every ValidateLabelRules problem.
std::vector<LabelRuleSet> ImportLabelRules(std::string_view json);

}  // namespace vigie::printing
