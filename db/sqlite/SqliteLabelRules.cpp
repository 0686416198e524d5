// SqliteTransaction, part 3: the owner's label rule sets (migration 0004), stored whole as the
// JSON document that printing/ validated, with an optimistic version.
#include "db/sqlite/SqliteTransaction.h"

namespace vigie::db {

namespace {
constexpr const char* kColumns = "name, body, version, updated_at, updated_by";
ports::StoredLabelRules ReadRules(const Statement& s) {
    return ports::StoredLabelRules{s.Text(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4)};
}
[[noreturn]] void ThrowStale(const std::string& name) {
    throw BusinessError("store.stale", "Le jeu de règles d'étiquette « " + name +
                                           " » a été modifié entre-temps à un autre poste : recommencer.");
}
}  // namespace

std::vector<ports::StoredLabelRules> SqliteTransaction::ListLabelRules() {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kColumns + " FROM label_rules ORDER BY name");
    std::vector<ports::StoredLabelRules> out;
    while (s.Step()) out.push_back(ReadRules(s));
    return out;
}

std::optional<ports::StoredLabelRules> SqliteTransaction::GetLabelRules(const std::string& name) {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kColumns + " FROM label_rules WHERE name = ?");
    s.Bind(1, name);
    if (!s.Step()) return std::nullopt;
    auto rules = ReadRules(s);
    s.Reset();
    return rules;
}

std::int64_t SqliteTransaction::SaveLabelRules(const ports::StoredLabelRules& rules, std::int64_t expectedVersion) {
    if (expectedVersion == 0) {
        if (GetLabelRules(rules.name))
            throw BusinessError("store.exists", "Un jeu de règles d'étiquette nommé « " + rules.name + " » existe déjà.");
        m_conn.Prepare("INSERT INTO label_rules (name, body, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)")
            .Bind(1, rules.name)
            .Bind(2, rules.body)
            .Bind(3, rules.updatedAt)
            .Bind(4, rules.updatedBy)
            .Run();
        return 1;
    }
    m_conn.Prepare("UPDATE label_rules SET body = ?, version = version + 1, updated_at = ?, updated_by = ? "
                   "WHERE name = ? AND version = ?")
        .Bind(1, rules.body)
        .Bind(2, rules.updatedAt)
        .Bind(3, rules.updatedBy)
        .Bind(4, rules.name)
        .Bind(5, expectedVersion)
        .Run();
    if (m_conn.Changes() != 1) ThrowStale(rules.name);
    return expectedVersion + 1;
}

void SqliteTransaction::DeleteLabelRules(const std::string& name, std::int64_t expectedVersion) {
    m_conn.Prepare("DELETE FROM label_rules WHERE name = ? AND version = ?").Bind(1, name).Bind(2, expectedVersion).Run();
    if (m_conn.Changes() != 1) ThrowStale(name);
}

}  // namespace vigie::db
