#pragma once
// The owner's label rule sets, as the pharmacy uses them: the three shipped sets (boite,
// pilulier, preparation) until the owner saves his own under the same or another name; stored
// sets win over shipped ones. Changes need the ConfigureStructure permission (titulaire), are
// validated by the model before reaching the store, and are journaled with before/after.
//
// Thread affinity: none of its own (one store transaction per call). Errors: BadInputError for
// unreadable documents and unknown names; refusals (permission) are values.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Operator.h"
#include "core/ports/IClock.h"
#include "core/ports/IStore.h"
#include "printing/model/LabelRules.h"

namespace vigie::printing {

struct RuleSetEntry {
    LabelRuleSet rules;
    bool shipped = false;          // a default, never saved by the owner
    std::int64_t version = 0;      // store version (0 for a shipped set)
    std::string updatedAt, updatedBy;
};

struct RuleBookResult {
    std::vector<std::string> saved;          // names created or replaced
    std::optional<domain::Refusal> refusal;  // nothing saved when set
    bool Ok() const { return !refusal.has_value(); }
};

class LabelRuleBook {
public:
    LabelRuleBook(ports::IStore& store, const ports::IClock& clock) : m_store(store), m_clock(clock) {}

    std::vector<RuleSetEntry> List();
    // BadInputError « Aucun jeu de règles d'étiquette nommé … » when unknown.
    RuleSetEntry Get(const std::string& name);
    // A vigie-label-rules document (LabelRulesJson.h): every set in it is created or replaced, all
    // or nothing, in one transaction.
    RuleBookResult Import(const domain::Operator& op, std::string_view json);
    RuleBookResult Save(const domain::Operator& op, const LabelRuleSet& rules, std::int64_t expectedVersion);
    // Removes an owner's set (a shipped set of that name comes back).
    RuleBookResult Remove(const domain::Operator& op, const std::string& name);
    // The document of the named sets (all when empty), ready to import elsewhere.
    std::string Export(const std::vector<std::string>& names);

private:
    ports::IStore& m_store;
    const ports::IClock& m_clock;
};

}  // namespace vigie::printing
