#include "printing/service/LabelRuleBook.h"

#include <algorithm>
#include <map>

#include "core/domain/Errors.h"
#include "core/usecases/PatientService.h"
#include "printing/model/LabelRulesJson.h"

namespace vigie::printing {

using ports::IStoreTransaction;
using ports::TransactionMode;

namespace {

std::optional<domain::Refusal> CheckConfigure(const domain::Operator& op) {
    if (!op.active) return domain::Refusal{"rule.operator_inactive", "Opérateur désactivé : " + op.name + "."};
    if (!domain::HasPermission(op.role, domain::Permission::ConfigureStructure))
        return domain::Refusal{"rule.permission", "Droit insuffisant pour modifier les règles d'étiquette (profil " +
                                                      std::string(domain::RoleLabel(op.role)) +
                                                      ") : réservé au titulaire."};
    return std::nullopt;
}

RuleSetEntry FromStored(const ports::StoredLabelRules& s) {
    auto sets = ImportLabelRules(s.body);  // validated again: the store is not trusted blindly
    if (sets.size() != 1 || sets[0].name != s.name)
        throw InternalError("label_rules.stored", "stored label rule set '" + s.name + "' does not hold exactly itself");
    return RuleSetEntry{std::move(sets[0]), false, s.version, s.updatedAt, s.updatedBy};
}

std::map<std::string, RuleSetEntry> AllSets(IStoreTransaction& tx) {
    std::map<std::string, RuleSetEntry> all;
    for (auto& rules : DefaultLabelRuleSets()) {
        std::string name = rules.name;
        all[name] = RuleSetEntry{std::move(rules), true, 0, "", ""};
    }
    for (const auto& s : tx.ListLabelRules()) all[s.name] = FromStored(s);
    return all;
}

// Saves one set inside `tx` and journals it; expectedVersion -1 = "whatever is stored".
void SaveIn(IStoreTransaction& tx, const ports::IClock& clock, const domain::Operator& op, const LabelRuleSet& rules,
            std::int64_t expectedVersion) {
    const auto stored = tx.GetLabelRules(rules.name);
    if (expectedVersion < 0) expectedVersion = stored ? stored->version : 0;
    ports::StoredLabelRules s{rules.name, ExportLabelRules({rules}), 0, clock.NowUtc(), op.name};
    tx.SaveLabelRules(s, expectedVersion);
    usecases::Journal(tx, clock, op, "label_rules.saved", std::nullopt, stored ? stored->body : "", s.body);
}

}  // namespace

std::vector<RuleSetEntry> LabelRuleBook::List() {
    auto all = ports::RunInTransaction(m_store, TransactionMode::Read, [](IStoreTransaction& tx) { return AllSets(tx); });
    std::vector<RuleSetEntry> out;
    for (auto& [name, entry] : all) out.push_back(std::move(entry));
    return out;
}

RuleSetEntry LabelRuleBook::Get(const std::string& name) {
    auto all = ports::RunInTransaction(m_store, TransactionMode::Read, [](IStoreTransaction& tx) { return AllSets(tx); });
    auto it = all.find(name);
    if (it == all.end()) {
        std::string known;
        for (const auto& [n, e] : all) known += (known.empty() ? "" : ", ") + n;
        throw BadInputError("input.label_rules_name",
                            "Aucun jeu de règles d'étiquette nommé « " + name + " » (disponibles : " + known + ").");
    }
    return it->second;
}

RuleBookResult LabelRuleBook::Import(const domain::Operator& op, std::string_view json) {
    RuleBookResult r;
    if ((r.refusal = CheckConfigure(op))) return r;
    const auto sets = ImportLabelRules(json);  // BadInputError with the path of the bad value
    return ports::RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        RuleBookResult out;
        for (const auto& rules : sets) {
            SaveIn(tx, m_clock, op, rules, -1);
            out.saved.push_back(rules.name);
        }
        return out;
    });
}

RuleBookResult LabelRuleBook::Save(const domain::Operator& op, const LabelRuleSet& rules, std::int64_t expectedVersion) {
    RuleBookResult r;
    if ((r.refusal = CheckConfigure(op))) return r;
    if (auto problems = ValidateLabelRules(rules); !problems.empty()) {
        std::string all;
        for (const auto& p : problems) all += (all.empty() ? "" : " ") + p;
        r.refusal = domain::Refusal{"rule.label_rules", all};
        return r;
    }
    return ports::RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        SaveIn(tx, m_clock, op, rules, expectedVersion);
        return RuleBookResult{{rules.name}, std::nullopt};
    });
}

RuleBookResult LabelRuleBook::Remove(const domain::Operator& op, const std::string& name) {
    RuleBookResult r;
    if ((r.refusal = CheckConfigure(op))) return r;
    return ports::RunInTransaction(m_store, TransactionMode::Write, [&](IStoreTransaction& tx) {
        RuleBookResult out;
        const auto stored = tx.GetLabelRules(name);
        if (!stored) {
            out.refusal = domain::Refusal{"rule.label_rules_unknown",
                                          "Aucun jeu de règles enregistré sous le nom « " + name + " »."};
            return out;
        }
        tx.DeleteLabelRules(name, stored->version);
        usecases::Journal(tx, m_clock, op, "label_rules.removed", std::nullopt, stored->body, "");
        out.saved.push_back(name);
        return out;
    });
}

std::string LabelRuleBook::Export(const std::vector<std::string>& names) {
    std::vector<LabelRuleSet> sets;
    if (names.empty()) {
        for (auto& e : List()) sets.push_back(std::move(e.rules));
    } else {
        for (const auto& n : names) sets.push_back(Get(n).rules);
    }
    return ExportLabelRules(sets);
}

}  // namespace vigie::printing
