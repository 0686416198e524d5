#include "db/sqlite/SqliteTransaction.h"

#include <algorithm>
#include <set>

#include "core/domain/Status.h"
#include "core/domain/TraitText.h"

namespace vigie::db {

using namespace vigie::domain;

namespace {

constexpr const char* kIdentityColumns =
    "id, version, status, birth_name, birth_first_names, first_birth_first_name, birth_date, "
    "birth_date_completed, sex, birth_place, used_name, used_first_name, homonyme, douteuse, fictive, "
    "ins_matricule, ins_oid, ins_start, ins_end, ins_retrieved_at, doc_type, doc_expiry, doc_operator, "
    "doc_checked_at, created_at, updated_at";

Identity ReadIdentity(const Statement& s) {
    Identity id;
    id.id = s.Int(0);
    id.version = s.Int(1);
    id.status = ParseStatusCode(s.Text(2)).value_or(IdentityStatus::Provisoire);
    id.traits.birthName = s.Text(3);
    id.traits.birthFirstNames = s.Text(4);
    id.traits.firstBirthFirstName = s.Text(5);
    id.traits.birthDate = Date::Parse(s.Text(6)).value_or(Date{});
    id.traits.birthDateCompleted = s.Int(7) != 0;
    id.traits.sex = s.Text(8) == "M" ? Sex::Male : Sex::Female;
    id.traits.birthPlace = s.Text(9);
    id.usedName = s.Text(10);
    id.usedFirstName = s.Text(11);
    id.attributes = Attributes{s.Int(12) != 0, s.Int(13) != 0, s.Int(14) != 0};
    if (auto matricule = s.OptText(15)) {
        InsData ins;
        ins.active = InsNumber{*matricule, s.Text(16), s.Text(17), s.Text(18)};
        ins.retrievedAt = s.Text(19);
        id.ins = std::move(ins);
    }
    if (auto docType = s.OptText(20)) {
        DocumentCheck d;
        d.documentType = *docType;
        if (auto e = s.OptText(21)) d.expiry = Date::Parse(*e);
        d.operatorName = s.Text(22);
        d.checkedAt = s.Text(23);
        id.documentCheck = std::move(d);
    }
    id.createdAt = s.Text(24);
    id.updatedAt = s.Text(25);
    return id;
}

// Binds every identity column except id/version, from index 1, in kWritableColumns order.
constexpr const char* kWritableColumns =
    "status, birth_name, birth_first_names, first_birth_first_name, birth_date, birth_date_completed, sex, "
    "birth_place, used_name, used_first_name, homonyme, douteuse, fictive, ins_matricule, ins_oid, ins_start, "
    "ins_end, ins_retrieved_at, doc_type, doc_expiry, doc_operator, doc_checked_at, cmp_birth_name, cmp_used_name, "
    "phon_birth_name, phon_first_name, created_at, updated_at";
constexpr int kWritableCount = 28;

// Values derived from an identity for its row; they live here while the statement runs, so
// that every text is bound without a copy (the identity's own strings outlive the call too).
struct DerivedColumns {
    std::string first, birthDate, docExpiry, cmpBirthName, cmpUsedName, phonBirthName, phonFirstName;
    char sex[2] = {0, 0};
};

void BindWritable(Statement& s, const Identity& id, DerivedColumns& d) {
    const auto& t = id.traits;
    d.first = t.firstBirthFirstName.empty() ? FirstOfList(t.birthFirstNames) : t.firstBirthFirstName;
    d.birthDate = t.birthDate.ToIso();
    d.sex[0] = SexCode(t.sex);
    d.cmpBirthName = ComparableForm(t.birthName);
    d.cmpUsedName = ComparableForm(id.usedName);
    d.phonBirthName = PhoneticKey(t.birthName);
    d.phonFirstName = PhoneticKey(d.first);
    s.BindView(1, StatusCode(id.status))
        .BindView(2, t.birthName)
        .BindView(3, t.birthFirstNames)
        .BindView(4, d.first)
        .BindView(5, d.birthDate)
        .Bind(6, t.birthDateCompleted ? 1 : 0)
        .BindView(7, std::string_view(d.sex, 1))
        .BindView(8, t.birthPlace)
        .BindView(9, id.usedName)
        .BindView(10, id.usedFirstName)
        .Bind(11, id.attributes.homonyme ? 1 : 0)
        .Bind(12, id.attributes.douteuse ? 1 : 0)
        .Bind(13, id.attributes.fictive ? 1 : 0);
    if (id.ins) {
        s.BindView(14, id.ins->active.matricule)
            .BindView(15, id.ins->active.oid)
            .BindView(16, id.ins->active.startDate)
            .BindView(17, id.ins->active.endDate)
            .BindView(18, id.ins->retrievedAt);
    } else {
        s.BindNull(14).BindNull(15).BindView(16, "").BindView(17, "").BindView(18, "");
    }
    if (id.documentCheck) {
        const auto& c = *id.documentCheck;
        s.BindView(19, c.documentType);
        if (c.expiry) {
            d.docExpiry = c.expiry->ToIso();
            s.BindView(20, d.docExpiry);
        } else {
            s.BindNull(20);
        }
        s.BindView(21, c.operatorName).BindView(22, c.checkedAt);
    } else {
        s.BindNull(19).BindNull(20).BindView(21, "").BindView(22, "");
    }
    s.BindView(23, d.cmpBirthName)
        .BindView(24, d.cmpUsedName)
        .BindView(25, d.phonBirthName)
        .BindView(26, d.phonFirstName)
        .BindView(27, id.createdAt)
        .BindView(28, id.updatedAt);
}

std::string Placeholders(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += i ? ", ?" : "?";
    return out;
}

// Upper bound for a prefix range on ASCII comparable forms.
std::string PrefixEnd(const std::string& prefix) { return prefix + "\x7f"; }

bool AllDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}


Operator ReadOperator(const Statement& s) {
    Operator op;
    op.id = s.Int(0);
    op.name = s.Text(1);
    op.role = ParseRole(s.Text(2)).value_or(Role::Preparateur);  // least privilege if unknown
    op.active = s.Int(3) != 0;
    op.createdAt = s.Text(4);
    return op;
}

}  // namespace

ports::JournalEntry ReadJournalRow(const Statement& s) {
    ports::JournalEntry e;
    e.seq = s.Int(0);
    e.at = s.Text(1);
    e.operatorName = s.Text(2);
    e.role = s.Text(3);
    e.action = s.Text(4);
    if (auto id = s.OptText(5)) e.identityId = s.Int(5);
    e.before = s.Text(6);
    e.after = s.Text(7);
    e.prevHash = s.Text(8);
    e.hash = s.Text(9);
    return e;
}

SqliteTransaction::SqliteTransaction(Connection& conn, std::unique_lock<std::mutex> lock, ports::TransactionMode mode)
    : m_conn(conn), m_lock(std::move(lock)), m_write(mode == ports::TransactionMode::Write) {
    m_conn.Exec(mode == ports::TransactionMode::Write ? "BEGIN IMMEDIATE" : "BEGIN");
}

SqliteTransaction::~SqliteTransaction() {
    if (!m_done) {
        try {
            m_conn.Exec("ROLLBACK");  // also brings back any index dropped by PrepareBulkInsert
        } catch (...) {
            // Nothing sensible to do in a destructor: SQLite rolls back on close anyway.
        }
    }
    RestoreCacheSize();
}

void SqliteTransaction::Commit() {
    RebuildSuspendedIndexes();  // throws → not committed; the destructor rolls back
    m_conn.Exec("COMMIT");
    m_done = true;
    if (m_bulk) {
        // The whole batch went through the WAL and the checkpoint that ended the commit copied
        // it into the database: give that disk space back now rather than keep a WAL the size of
        // the import. Never waits: with a reader still on old pages it shrinks at a later commit
        // (journal_size_limit).
        m_conn.TryTruncateWal();
    }
}

IdentityId SqliteTransaction::InsertIdentity(const Identity& identity) {
    static const std::string sql = std::string("INSERT INTO identities (") + kWritableColumns + ") VALUES (" +
                                   Placeholders(kWritableCount) + ")";
    auto& s = m_conn.Prepare(sql);
    DerivedColumns derived;
    BindWritable(s, identity, derived);
    s.Run();
    const IdentityId id = m_conn.LastInsertId();
    WriteInsHistory(id, identity);
    return id;
}

void SqliteTransaction::UpdateIdentity(const Identity& identity) {
    static const std::string sql = [] {
        std::string set;
        std::string cols = kWritableColumns;
        std::size_t start = 0;
        while (start < cols.size()) {
            std::size_t end = cols.find(',', start);
            if (end == std::string::npos) end = cols.size();
            std::string col = cols.substr(start, end - start);
            col.erase(0, col.find_first_not_of(' '));
            if (!set.empty()) set += ", ";
            set += col + " = ?";
            start = end + 1;
        }
        return "UPDATE identities SET " + set + ", version = version + 1 WHERE id = ? AND version = ?";
    }();
    auto& s = m_conn.Prepare(sql);
    DerivedColumns derived;
    BindWritable(s, identity, derived);
    s.Bind(kWritableCount + 1, identity.id).Bind(kWritableCount + 2, identity.version);
    s.Run();
    if (m_conn.Changes() != 1)
        throw BusinessError("store.stale", "L'identité n° " + std::to_string(identity.id) +
                                               " a été modifiée entre-temps à un autre poste : recommencer.");
    m_conn.Prepare("DELETE FROM ins_history WHERE identity_id = ?").Bind(1, identity.id).Run();
    WriteInsHistory(identity.id, identity);
}

void SqliteTransaction::WriteInsHistory(IdentityId id, const Identity& identity) {
    if (!identity.ins) return;
    int position = 0;
    for (const auto& h : identity.ins->history) {
        m_conn
            .Prepare("INSERT INTO ins_history (identity_id, position, matricule, oid, start_date, end_date) "
                     "VALUES (?, ?, ?, ?, ?, ?)")
            .Bind(1, id)
            .Bind(2, position++)
            .Bind(3, h.matricule)
            .Bind(4, h.oid)
            .Bind(5, h.startDate)
            .Bind(6, h.endDate)
            .Run();
    }
}

void SqliteTransaction::LoadInsHistory(Identity& identity) {
    if (!identity.ins) return;
    auto& s = m_conn.Prepare(
        "SELECT matricule, oid, start_date, end_date FROM ins_history WHERE identity_id = ? ORDER BY position");
    s.Bind(1, identity.id);
    while (s.Step()) identity.ins->history.push_back(InsNumber{s.Text(0), s.Text(1), s.Text(2), s.Text(3)});
}

std::vector<Identity> SqliteTransaction::QueryIdentities(const std::string& where,
                                                         const std::vector<std::string>& params, int limit) {
    const std::string sql = std::string("SELECT ") + kIdentityColumns + " FROM identities WHERE " + where +
                            " ORDER BY cmp_birth_name, id LIMIT ?";
    auto& s = m_conn.Prepare(sql);
    int i = 1;
    for (const auto& p : params) s.Bind(i++, p);
    s.Bind(i, std::max(limit, 0));
    std::vector<Identity> out;
    while (s.Step()) out.push_back(ReadIdentity(s));
    for (auto& id : out) LoadInsHistory(id);
    return out;
}

std::optional<Identity> SqliteTransaction::GetIdentity(IdentityId id) {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kIdentityColumns + " FROM identities WHERE id = ?");
    s.Bind(1, id);
    if (!s.Step()) return std::nullopt;
    Identity identity = ReadIdentity(s);
    s.Reset();
    LoadInsHistory(identity);
    return identity;
}

std::vector<Identity> SqliteTransaction::Search(const ports::SearchQuery& q) {
    // Conditions every interpretation shares.
    std::string base;
    std::vector<std::string> baseParams;
    auto add = [&](const std::string& condition, std::initializer_list<std::string> values) {
        base += (base.empty() ? "(" : " AND (") + condition + ")";
        baseParams.insert(baseParams.end(), values);
    };
    if (q.birthDate) add("birth_date = ?", {q.birthDate->ToIso()});
    if (!q.birthNamePrefix.empty()) {
        const std::string p = ComparableForm(q.birthNamePrefix);
        add("cmp_birth_name >= ? AND cmp_birth_name < ?", {p, PrefixEnd(p)});
    }
    // A free text is an IPP, a date, or names: "DE LA TOUR MARIE" may be the name "DE LA TOUR"
    // and the first name "MARIE", or the name "DE LA" … so every split of the words is tried,
    // the longest name first. First-name words are matched as word prefixes after the query.
    struct Reading {
        std::string condition;
        std::vector<std::string> params;
        std::vector<std::string> firstNameWords;
    };
    std::vector<Reading> readings;
    if (!q.text.empty()) {
        if (AllDigits(q.text)) {
            readings.push_back({"id = ?", {q.text}, {}});
        } else if (auto d = Date::Parse(q.text)) {
            readings.push_back({"birth_date = ?", {d->ToIso()}, {}});
        } else {
            std::vector<std::string> words;
            const std::string cmp = ComparableForm(q.text);
            for (std::size_t start = 0; start < cmp.size();) {
                std::size_t end = cmp.find(' ', start);
                if (end == std::string::npos) end = cmp.size();
                words.push_back(cmp.substr(start, end - start));
                start = end + 1;
            }
            for (std::size_t k = words.size(); k >= 1; --k) {
                std::string name = words[0];
                for (std::size_t i = 1; i < k; ++i) name += " " + words[i];
                readings.push_back({"id IN (SELECT id FROM identities WHERE cmp_birth_name >= ? AND cmp_birth_name < ? "
                                    "UNION SELECT id FROM identities WHERE cmp_used_name >= ? AND cmp_used_name < ?)",
                                    {name, PrefixEnd(name), name, PrefixEnd(name)},
                                    std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(k), words.end())});
            }
        }
    } else {
        readings.push_back({});
    }
    if (base.empty() && readings.front().condition.empty()) return {};

    std::vector<Identity> out;
    std::set<IdentityId> seen;
    const int limit = std::max(q.limit, 0);
    for (const Reading& r : readings) {
        if (static_cast<int>(out.size()) >= limit) break;
        std::string where = base;
        if (!r.condition.empty()) where += (where.empty() ? "(" : " AND (") + r.condition + ")";
        const int fetch = r.firstNameWords.empty() ? limit : limit * 20;
        auto& s = m_conn.Prepare(std::string("SELECT ") + kIdentityColumns + " FROM identities WHERE " + where +
                                 " ORDER BY cmp_birth_name, id LIMIT ?");
        int i = 1;
        for (const auto& p : baseParams) s.Bind(i++, p);
        for (const auto& p : r.params) s.Bind(i++, p);
        s.Bind(i, fetch);
        while (s.Step() && static_cast<int>(out.size()) < limit) {
            Identity identity = ReadIdentity(s);
            if (seen.count(identity.id)) continue;
            if (!r.firstNameWords.empty()) {
                const std::string names =
                    " " + ComparableForm(identity.traits.birthFirstNames + " " + identity.usedFirstName);
                const bool all = std::all_of(r.firstNameWords.begin(), r.firstNameWords.end(),
                                             [&](const std::string& w) { return names.find(" " + w) != std::string::npos; });
                if (!all) continue;
            }
            seen.insert(identity.id);
            out.push_back(std::move(identity));
        }
        s.Reset();
    }
    for (auto& id : out) LoadInsHistory(id);
    return out;
}

std::vector<Identity> SqliteTransaction::FindDuplicatePool(const ports::DuplicateProbe& p, int limit) {
    char y[8], m[4], d[4];
    std::snprintf(y, sizeof y, "%04d", p.birthDate.year);
    std::snprintf(m, sizeof m, "%02d", p.birthDate.month);
    std::snprintf(d, sizeof d, "%02d", p.birthDate.day);
    const std::string date = p.birthDate.ToIso();
    // Same birth date: the (birth_date, cmp_birth_name) index, names filtered in SQL.
    std::vector<Identity> pool = QueryIdentities(
        "birth_date = ? AND ((cmp_birth_name >= ? AND cmp_birth_name < ?) OR phon_birth_name = ? "
        "OR (? <> '' AND (cmp_birth_name = ? OR cmp_used_name = ?)) OR (cmp_used_name <> '' AND cmp_used_name = ?))",
        {date, p.birthNamePrefix, PrefixEnd(p.birthNamePrefix), p.birthNameKey, p.comparableUsedName,
         p.comparableUsedName, p.comparableUsedName, p.comparableBirthName},
        limit);
    if (p.birthNameKey.empty()) return pool;
    // Near birth date, same phonetic names: the (phon_birth_name, phon_first_name, birth_date) index.
    const std::string swapped = std::string(y) + "-" + d + "-" + m;
    auto near = QueryIdentities(
        "phon_birth_name = ? AND phon_first_name = ? AND birth_date <> ? AND ("
        "birth_date = ? "                                                      // day and month swapped
        "OR (substr(birth_date, 1, 4) = ? AND substr(birth_date, 6, 2) = ?) "  // only the day differs
        "OR (substr(birth_date, 1, 4) = ? AND substr(birth_date, 9, 2) = ?) "  // only the month differs
        "OR (substr(birth_date, 6, 5) = ?))",                                  // only the year differs
        {p.birthNameKey, p.firstNameKey, date, swapped, y, m, y, d, std::string(m) + "-" + d}, limit);
    pool.insert(pool.end(), std::make_move_iterator(near.begin()), std::make_move_iterator(near.end()));
    return pool;
}

std::optional<IdentityId> SqliteTransaction::FindIdentityByIns(const std::string& matricule, const std::string& oid) {
    auto& s = m_conn.Prepare("SELECT id FROM identities WHERE ins_matricule = ? AND ins_oid = ?");
    s.Bind(1, matricule).Bind(2, oid);
    if (!s.Step()) return std::nullopt;
    const IdentityId id = s.Int(0);
    s.Reset();
    return id;
}

std::int64_t SqliteTransaction::CountIdentities() {
    auto& s = m_conn.Prepare("SELECT COUNT(*) FROM identities");
    s.Step();
    const auto n = s.Int(0);
    s.Reset();
    return n;
}

std::vector<std::pair<std::string, std::int64_t>> SqliteTransaction::CountByStatus() {
    auto& s = m_conn.Prepare("SELECT status, COUNT(*) FROM identities GROUP BY status ORDER BY status");
    std::vector<std::pair<std::string, std::int64_t>> out;
    while (s.Step()) out.emplace_back(s.Text(0), s.Int(1));
    return out;
}

std::int64_t SqliteTransaction::SaveBillingIdentity(const BillingIdentity& b) {
    const std::optional<std::string> identity =
        b.identityId ? std::optional<std::string>(std::to_string(*b.identityId)) : std::nullopt;
    Statement* s = nullptr;
    if (b.id == 0) {
        s = &m_conn.Prepare(
            "INSERT INTO billing_identities (identity_id, insured_nir, insured_nir_key, beneficiary_nir, last_name, "
            "first_name, usual_name, raw_birth_date, birth_rank, quality, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    } else {
        s = &m_conn.Prepare(
            "UPDATE billing_identities SET identity_id = ?, insured_nir = ?, insured_nir_key = ?, beneficiary_nir = ?, "
            "last_name = ?, first_name = ?, usual_name = ?, raw_birth_date = ?, birth_rank = ?, quality = ?, "
            "updated_at = ? WHERE id = ?");
        s->Bind(12, b.id);
    }
    if (b.identityId) s->Bind(1, *b.identityId); else s->BindNull(1);
    s->Bind(2, b.insuredNir)
        .Bind(3, b.insuredNirKey)
        .Bind(4, b.beneficiaryNir)
        .Bind(5, b.lastName)
        .Bind(6, b.firstName)
        .Bind(7, b.usualName)
        .Bind(8, b.rawBirthDate)
        .Bind(9, b.birthRank)
        .Bind(10, b.quality)
        .Bind(11, b.updatedAt);
    s->Run();
    if (b.id != 0 && m_conn.Changes() != 1)
        throw BadInputError("input.unknown_billing", "Identité de facturation n° " + std::to_string(b.id) + " introuvable.");
    return b.id == 0 ? m_conn.LastInsertId() : b.id;
}

namespace {
constexpr const char* kBillingColumns =
    "id, identity_id, insured_nir, insured_nir_key, beneficiary_nir, last_name, first_name, usual_name, "
    "raw_birth_date, birth_rank, quality, updated_at";

BillingIdentity ReadBilling(const Statement& s) {
    BillingIdentity b;
    b.id = s.Int(0);
    if (s.OptText(1)) b.identityId = s.Int(1);
    b.insuredNir = s.Text(2);
    b.insuredNirKey = s.Text(3);
    b.beneficiaryNir = s.Text(4);
    b.lastName = s.Text(5);
    b.firstName = s.Text(6);
    b.usualName = s.Text(7);
    b.rawBirthDate = s.Text(8);
    b.birthRank = static_cast<int>(s.Int(9));
    b.quality = s.Text(10);
    b.updatedAt = s.Text(11);
    return b;
}
}  // namespace

std::vector<BillingIdentity> SqliteTransaction::BillingIdentitiesOf(IdentityId id) {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kBillingColumns +
                             " FROM billing_identities WHERE identity_id = ? ORDER BY id");
    s.Bind(1, id);
    std::vector<BillingIdentity> out;
    while (s.Step()) out.push_back(ReadBilling(s));
    return out;
}

std::optional<BillingIdentity> SqliteTransaction::FindBillingIdentity(const std::string& insuredNir,
                                                                      const std::string& lastName,
                                                                      const std::string& firstName,
                                                                      const std::string& rawBirthDate) {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kBillingColumns +
                             " FROM billing_identities WHERE insured_nir = ? AND last_name = ? AND first_name = ? "
                             "AND raw_birth_date = ? ORDER BY id DESC LIMIT 1");
    s.Bind(1, insuredNir).Bind(2, lastName).Bind(3, firstName).Bind(4, rawBirthDate);
    if (!s.Step()) return std::nullopt;
    BillingIdentity b = ReadBilling(s);
    s.Reset();
    return b;
}

void SqliteTransaction::AddDocumentCheck(IdentityId id, const DocumentCheck& c) {
    m_conn
        .Prepare("INSERT INTO document_checks (identity_id, document_type, expiry, operator, checked_at) "
                 "VALUES (?, ?, ?, ?, ?)")
        .Bind(1, id)
        .Bind(2, c.documentType)
        .Bind(3, c.expiry ? std::optional<std::string>(c.expiry->ToIso()) : std::nullopt)
        .Bind(4, c.operatorName)
        .Bind(5, c.checkedAt)
        .Run();
}

std::vector<DocumentCheck> SqliteTransaction::DocumentChecksOf(IdentityId id) {
    auto& s = m_conn.Prepare(
        "SELECT document_type, expiry, operator, checked_at FROM document_checks WHERE identity_id = ? ORDER BY id");
    s.Bind(1, id);
    std::vector<DocumentCheck> out;
    while (s.Step()) {
        DocumentCheck c;
        c.documentType = s.Text(0);
        if (auto e = s.OptText(1)) c.expiry = Date::Parse(*e);
        c.operatorName = s.Text(2);
        c.checkedAt = s.Text(3);
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<ports::JournalEntry> SqliteTransaction::LastJournalEntry() {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kJournalColumns + " FROM journal ORDER BY seq DESC LIMIT 1");
    if (!s.Step()) return std::nullopt;
    auto e = ReadJournalRow(s);
    s.Reset();
    return e;
}

void SqliteTransaction::InsertJournalEntry(const ports::JournalEntry& e) {
    static const std::string sql =
        std::string("INSERT INTO journal (") + kJournalColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    auto& s = m_conn.Prepare(sql);
    s.Bind(1, e.seq).BindView(2, e.at).BindView(3, e.operatorName).BindView(4, e.role).BindView(5, e.action);
    if (e.identityId) s.Bind(6, *e.identityId); else s.BindNull(6);
    s.BindView(7, e.before).BindView(8, e.after).BindView(9, e.prevHash).BindView(10, e.hash);
    s.Run();
}

std::vector<ports::JournalEntry> SqliteTransaction::JournalOf(IdentityId id) {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kJournalColumns + " FROM journal WHERE identity_id = ? ORDER BY seq");
    s.Bind(1, id);
    std::vector<ports::JournalEntry> out;
    while (s.Step()) out.push_back(ReadJournalRow(s));
    return out;
}

void SqliteTransaction::ForEachJournalEntry(const std::function<bool(const ports::JournalEntry&)>& visit) {
    auto& s = m_conn.Prepare(std::string("SELECT ") + kJournalColumns + " FROM journal ORDER BY seq");
    while (s.Step())
        if (!visit(ReadJournalRow(s))) break;
    s.Reset();
}

std::int64_t SqliteTransaction::InsertOperator(const Operator& op) {
    m_conn.Prepare("INSERT INTO operators (name, role, active, created_at) VALUES (?, ?, ?, ?)")
        .Bind(1, op.name)
        .Bind(2, std::string(RoleCode(op.role)))
        .Bind(3, op.active ? 1 : 0)
        .Bind(4, op.createdAt)
        .Run();
    return m_conn.LastInsertId();
}

std::optional<Operator> SqliteTransaction::FindOperator(const std::string& name) {
    auto& s = m_conn.Prepare("SELECT id, name, role, active, created_at FROM operators WHERE name = ?");
    s.Bind(1, name);
    if (!s.Step()) return std::nullopt;
    auto op = ReadOperator(s);
    s.Reset();
    return op;
}

std::vector<Operator> SqliteTransaction::ListOperators() {
    auto& s = m_conn.Prepare("SELECT id, name, role, active, created_at FROM operators ORDER BY name");
    std::vector<Operator> out;
    while (s.Step()) out.push_back(ReadOperator(s));
    return out;
}

std::optional<std::string> SqliteTransaction::GetSetting(const std::string& key) {
    auto& s = m_conn.Prepare("SELECT value FROM settings WHERE key = ?");
    s.Bind(1, key);
    if (!s.Step()) return std::nullopt;
    auto v = s.Text(0);
    s.Reset();
    return v;
}

void SqliteTransaction::SetSetting(const std::string& key, const std::string& value) {
    m_conn.Prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .Bind(1, key)
        .Bind(2, value)
        .Run();
}

}  // namespace vigie::db
