#pragma once
// Every status transition and invariant of identity-rules.md §3, in one place.
//
// Apply() is a pure function: it takes an identity and an event and returns either the identity
// after the event, or a refusal that explains itself in French (« Appel INSi impossible :
// identité douteuse »). Use-cases call it inside a store transaction and journal the result;
// nothing else changes a status.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/domain/Identity.h"
#include "core/domain/Operator.h"

namespace vigie::domain {

namespace event {

struct Create {            // manual entry, or from card data without INSi → PROV
    StrictTraits traits;
    std::string usedName;
    std::string usedFirstName;
};
struct DocumentChecked {   // the operator saw a high-trust document coherent with the traits
    DocumentCheck check;
    Date today;            // to refuse an expired document
};
struct DocumentWithdrawn {};  // the check is found wrong / withdrawn: QUAL→RECUP, VALI→PROV
struct InsAccepted {       // INSi returned exactly one identity and the operator confirms it
    StrictTraits insTraits;  // TIQ, stored exactly as returned
    InsData ins;
};
struct InsInvalidated {    // verification failed: QUAL→VALI, RECUP→PROV, INS removed
    std::string reason;
};
enum class AttributeName { Homonyme, Douteuse, Fictive };
struct SetAttribute {
    AttributeName attribute;
    bool on = true;
};
struct EditTraits {        // manual change of strict and/or complementary traits
    StrictTraits traits;
    std::string usedName;
    std::string usedFirstName;
};

}  // namespace event

using Event = std::variant<event::Create, event::DocumentChecked, event::DocumentWithdrawn,
                           event::InsAccepted, event::InsInvalidated, event::SetAttribute,
                           event::EditTraits>;

struct Refusal {
    std::string code;     // stable: "rule.douteuse", "rule.fictive", "rule.role", …
    std::string message;  // French, complete sentence for the operator
};

struct Outcome {
    std::optional<Identity> after;     // set when allowed
    std::optional<Refusal> refusal;    // set when refused
    std::string action;                // journal action code, e.g. "identity.document_checked"
    std::vector<std::string> notes;    // French: what happened beyond the status (INS removed…)
    bool Allowed() const { return after.has_value(); }
};

class IdentityStateMachine {
public:
    // `role` is the operator's: the only rule that depends on it is that INS traits may be
    // changed by identitovigilance alone (plain permissions are checked by the use-cases).
    static Outcome Apply(const Identity& before, const Event& event, Role role);

    // May INSi be called for this identity? (douteuse, fictive: never — EXI SI 09)
    static std::optional<Refusal> CanCallInsi(const Identity& identity);

    // Checks strict traits for entry: charset (CheckInsCharset), COG format, non-empty names.
    // Returns French messages, one per problem; empty = valid.
    static std::vector<std::string> ValidateTraits(const StrictTraits& traits,
                                                   const std::string& usedName,
                                                   const std::string& usedFirstName);
};

std::string_view AttributeCode(event::AttributeName a);  // homonyme, douteuse, fictive
std::optional<event::AttributeName> ParseAttribute(std::string_view code);

// COG birth place: 5 characters, digits, or 2A/2B + 3 digits; "99999" = unknown.
bool IsValidCogFormat(std::string_view cog);

}  // namespace vigie::domain
