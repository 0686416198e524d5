#pragma once
// Label layout: a rule set + what a label may carry → one Page of the stock's size.
//
// LabelData is the *only* input about the person, and it is built from an Identity by copying
// the traits a label may show: there is no member for the matricule INS, its OID or the
// birthplace, so they cannot reach a label whatever the rule set says.
//
// Fitting (datamatrix-ins.md §3, never a silent cut): a line that is too wide shrinks in 0.5 pt
// steps down to the rule set's minimum size, then wraps at word boundaries (spaces, hyphens);
// when the label is too short, every field is shrunk together towards the minimum; if it still
// does not fit, the layout refuses, naming the field and the stock. Every TextRun's measured
// width is ≤ its widthMm and every element stays inside the margins.
//
// Pure functions: no state; the measurer is used from the calling thread only.

#include <optional>
#include <string>
#include <vector>

#include "core/domain/Identity.h"
#include "core/domain/IdentityStateMachine.h"
#include "printing/model/LabelRules.h"
#include "printing/model/Page.h"

namespace vigie::printing {

struct LabelData {
    std::string birthName;            // nom de naissance
    std::string firstBirthFirstName;  // premier prénom de naissance
    std::string birthFirstNames;      // prénom(s) de naissance
    domain::Date birthDate;
    domain::Sex sex = domain::Sex::Female;
    std::string usedName;             // nom utilisé ("" = none)
    std::string usedFirstName;        // prénom utilisé ("" = none)
    std::string patientNumber;        // local identifier (IPP), for the Code 128; "" when not stored
    std::optional<domain::Date> dispensingDate;
    std::string pharmacyName;
};

// Copies only what a label may carry. The IPP is the identity's id (empty while it is 0).
LabelData MakeLabelData(const domain::Identity& identity, std::optional<domain::Date> dispensingDate = std::nullopt,
                        std::string pharmacyName = {});

struct LabelLayoutResult {
    std::optional<Page> page;                // set when laid out
    std::vector<std::string> warnings;       // French: optional fields left out for lack of data
    std::optional<domain::Refusal> refusal;  // French reason otherwise
    bool Ok() const { return page.has_value(); }
};

// Refusal codes: "label.rules" (invalid rule set), "label.data" (a minimum trait is empty),
// "label.overflow" (does not fit the stock).
LabelLayoutResult LayoutLabel(const LabelRuleSet& rules, const LabelData& data, const IMeasurer& measurer);

// The text a field shows for this data ("" = nothing to show), e.g. « Nom utilisé : MARTIN ».
// The used names are shown only when set and different from the birth ones (RNIV: advised when
// they differ; always labelled so they cannot be taken for birth traits).
std::string LabelFieldText(const LabelField& field, const LabelData& data);

}  // namespace vigie::printing
