// INS collisions under review (Identitovigilance « Collisions INS », issue #6): the journal read
// by action (store contract, every backend) and usecases::CollisionReview over it — open
// collisions newest first with both identities, the review journaled once, the referent only.
#include <sqlite3.h>

#include <limits>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/usecases/CollisionReview.h"
#include "core/usecases/JournalChain.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::usecases;
using ports::TransactionMode;
using vigie::test::StoreBackends;
namespace bdata = boost::unit_test::data;

namespace collision_tests {  // named: the data test cases capture these types

constexpr std::int64_t kNewest = std::numeric_limits<std::int64_t>::max();

struct CollisionWorld {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store;
    test::FixedClock clock;
    Operator titulaire, counter, referent;

    explicit CollisionWorld(const test::StoreBackend& backend) : store(backend.open(dir.Path())) {
        OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "claire", Role::Titulaire).op;
        counter = *ops.Add("claire", "paul", Role::Comptoir).op;
        referent = *ops.Add("claire", "ines", Role::Identitovigilance).op;
    }
    PatientService Patients() { return PatientService(*store, clock); }
    IdentityId Add(const StrictTraits& t) {
        auto r = Patients().Create(counter, {t, "", "", true});
        BOOST_REQUIRE(r.Ok());
        return r.identity->id;
    }
    // `holder` takes `ins`, then `refused` is refused the same INS: one identity.ins_collision.
    std::int64_t Collide(IdentityId holder, IdentityId refused, const InsData& ins, const StrictTraits& t) {
        if (!Patients().Get(holder).identity.ins) BOOST_REQUIRE(Patients().AcceptIns(counter, holder, t, ins).Ok());
        const auto r = Patients().AcceptIns(counter, refused, t, ins);
        BOOST_REQUIRE(!r.Ok());
        BOOST_REQUIRE(r.refusal->code == "rule.ins_collision");
        return Journal().back().seq;
    }
    std::vector<ports::JournalEntry> Journal() {
        std::vector<ports::JournalEntry> all;
        ports::RunInTransaction(*store, TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
            tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
                all.push_back(e);
                return true;
            });
        });
        return all;
    }
    std::vector<ports::JournalEntry> ByAction(const std::string& action, std::int64_t before, int limit) {
        return ports::RunInTransaction(*store, TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
            return tx.JournalEntriesByAction(action, before, limit);
        });
    }
    CollisionReviewResult Review(const Operator& op, std::int64_t seq, std::string comment = "Même date, prénoms proches",
                                 CollisionVerdict verdict = CollisionVerdict::SamePerson) {
        return CollisionReview(*store, clock).MarkReviewed(op, {seq, verdict, std::move(comment)});
    }
};

InsData OtherIns() {
    InsData ins;
    ins.active = {"280026322012387", "1.2.250.1.213.1.4.8", "", ""};
    ins.retrievedAt = "2026-11-22T10:00:00.000Z";
    return ins;
}

}  // namespace collision_tests
using namespace collision_tests;

BOOST_AUTO_TEST_SUITE(CollisionReviewSuite)

BOOST_DATA_TEST_CASE(JournalByActionIsNewestFirstAndPaged, bdata::make(StoreBackends()), backend) {
    CollisionWorld w(backend);
    const IdentityId a = w.Add(test::EcetinsiTraits());
    const IdentityId b = w.Add(test::Traits("ECETINSI", "PIERRE", {2009, 7, 14}));
    const IdentityId c = w.Add(test::Traits("ECETINSI", "ALAIN", {2009, 7, 14}));
    const std::int64_t first = w.Collide(a, b, test::EcetinsiIns(), test::EcetinsiTraits());
    const std::int64_t second = w.Collide(a, c, test::EcetinsiIns(), test::EcetinsiTraits());
    const std::int64_t third = w.Collide(a, b, test::EcetinsiIns(), test::EcetinsiTraits());

    const auto all = w.ByAction(kInsCollisionAction, kNewest, 10);
    BOOST_REQUIRE_EQUAL(all.size(), 3u);
    BOOST_TEST(all[0].seq == third);
    BOOST_TEST(all[1].seq == second);
    BOOST_TEST(all[2].seq == first);
    BOOST_TEST(all[1].identityId.value_or(0) == c);
    BOOST_TEST(all[1].after == "{\"other_identity\":" + std::to_string(a) + "}");
    BOOST_TEST(all[1].operatorName == "paul");
    BOOST_TEST(!all[1].hash.empty());
    // Paging backwards: the limit, then strictly before the last seq seen.
    const auto page = w.ByAction(kInsCollisionAction, kNewest, 2);
    BOOST_REQUIRE_EQUAL(page.size(), 2u);
    const auto rest = w.ByAction(kInsCollisionAction, page.back().seq, 2);
    BOOST_REQUIRE_EQUAL(rest.size(), 1u);
    BOOST_TEST(rest[0].seq == first);
    // Any action is answered (only these two are indexed); an unknown one gives nothing.
    const auto created = w.ByAction("identity.created_despite_duplicates", kNewest, 10);  // b and c
    BOOST_REQUIRE_EQUAL(created.size(), 2u);
    BOOST_TEST(created[0].identityId.value_or(0) == c);
    BOOST_TEST(w.ByAction("identity.created", kNewest, 10).size() == 1u);
    BOOST_TEST(w.ByAction(kCollisionReviewedAction, kNewest, 10).empty());
    BOOST_TEST(w.ByAction("identity.nothing", kNewest, 10).empty());
}

BOOST_DATA_TEST_CASE(OpenCollisionsCarryBothIdentitiesNewestFirst, bdata::make(StoreBackends()), backend) {
    CollisionWorld w(backend);
    const IdentityId a = w.Add(test::EcetinsiTraits());
    const IdentityId b = w.Add(test::Traits("ECETINSI", "PIERRE", {2009, 7, 14}));
    const IdentityId c = w.Add(test::Traits("MARTIN", "ANNE", {1975, 6, 9}, Sex::Female));
    const IdentityId d = w.Add(test::Traits("MARTINE", "ANNE", {1975, 6, 9}, Sex::Female));
    w.clock.now = "2026-11-22T10:05:00.000Z";
    const std::int64_t first = w.Collide(a, b, test::EcetinsiIns(), test::EcetinsiTraits());
    w.clock.now = "2026-11-22T10:06:00.000Z";
    const std::int64_t second = w.Collide(c, d, OtherIns(), test::Traits("MARTIN", "ANNE", {1975, 6, 9}, Sex::Female));

    auto list = CollisionReview(*w.store, w.clock).ListOpen(w.referent);
    BOOST_TEST(!list.truncated);
    BOOST_REQUIRE_EQUAL(list.open.size(), 2u);
    const InsCollision& newest = list.open[0];
    BOOST_TEST(newest.seq == second);
    BOOST_TEST(newest.at == "2026-11-22T10:06:00.000Z");
    BOOST_TEST(newest.operatorName == "paul");
    BOOST_TEST(newest.refusedId == d);
    BOOST_TEST(newest.holderId == c);
    BOOST_REQUIRE(newest.refused && newest.holder);
    BOOST_TEST(newest.refused->traits.birthName == "MARTINE");
    BOOST_TEST(StatusCode(newest.refused->status) == "PROV");
    BOOST_TEST(StatusCode(newest.holder->status) == "RECUP");
    BOOST_TEST(list.open[1].seq == first);
    BOOST_TEST(list.open[1].holder->traits.birthName == "ECETINSI");

    // The INS is shown only once the holder is qualifiée.
    BOOST_TEST(CollisionInsLabel(list.open[1]) == "INS présent (identité non qualifiée)");
    BOOST_REQUIRE(w.Patients().CheckDocument(w.counter, a, "passeport", std::nullopt).Ok());
    list = CollisionReview(*w.store, w.clock).ListOpen(w.referent);
    BOOST_TEST(StatusCode(list.open[1].holder->status) == "QUAL");  // loaded as stored now
    BOOST_TEST(CollisionInsLabel(list.open[1]) == "INS : 109076322083489 (NIR)");
    // The limit keeps the newest.
    list = CollisionReview(*w.store, w.clock).ListOpen(w.referent, 1);
    BOOST_TEST(list.truncated);
    BOOST_REQUIRE_EQUAL(list.open.size(), 1u);
    BOOST_TEST(list.open[0].seq == second);
}

BOOST_DATA_TEST_CASE(ReviewIsJournaledOnceAndClosesTheCollision, bdata::make(StoreBackends()), backend) {
    CollisionWorld w(backend);
    const IdentityId a = w.Add(test::EcetinsiTraits());
    const IdentityId b = w.Add(test::Traits("ECETINSI", "PIERRE", {2009, 7, 14}));
    const IdentityId c = w.Add(test::Traits("ECETINSI", "ALAIN", {2009, 7, 14}));
    const std::int64_t first = w.Collide(a, b, test::EcetinsiIns(), test::EcetinsiTraits());
    const std::int64_t second = w.Collide(a, c, test::EcetinsiIns(), test::EcetinsiTraits());
    const std::size_t before = w.Journal().size();

    const auto r = w.Review(w.referent, first, "  Même personne, dossier créé deux fois  ",
                            CollisionVerdict::SamePerson);
    BOOST_REQUIRE(r.Ok());
    const auto journal = w.Journal();
    BOOST_REQUIRE_EQUAL(journal.size(), before + 1);  // appended, nothing rewritten
    const auto& e = journal.back();
    BOOST_TEST(e.seq == r.reviewSeq);
    BOOST_TEST(e.action == kCollisionReviewedAction);
    BOOST_TEST(e.operatorName == "ines");
    BOOST_TEST(e.role == "identitovigilance");
    BOOST_TEST(e.identityId.value_or(0) == b);
    BOOST_TEST(e.before.empty());
    BOOST_TEST(e.after == "{\"collision_seq\":" + std::to_string(first) +
                              ",\"verdict\":\"meme-personne\",\"comment\":\"Même personne, dossier créé deux fois\"}");
    BOOST_TEST(journal[static_cast<std::size_t>(first - journal.front().seq)].action == kInsCollisionAction);

    auto list = CollisionReview(*w.store, w.clock).ListOpen(w.referent);
    BOOST_REQUIRE_EQUAL(list.open.size(), 1u);
    BOOST_TEST(list.open[0].seq == second);

    // Reviewed twice: refused, nothing journaled.
    const auto again = w.Review(w.referent, first, "Encore", CollisionVerdict::Other);
    BOOST_REQUIRE(!again.Ok());
    BOOST_TEST(again.refusal->code == "rule.already_reviewed");
    BOOST_TEST(again.refusal->message == "La collision n° " + std::to_string(first) + " a déjà été examinée.");
    BOOST_TEST(w.Journal().size() == before + 1);

    BOOST_REQUIRE(w.Review(w.referent, second, "Jumeaux : INS à vérifier", CollisionVerdict::DifferentPersons).Ok());
    BOOST_TEST(CollisionReview(*w.store, w.clock).ListOpen(w.referent).open.empty());
    BOOST_TEST(w.Journal().back().after.find("\"verdict\":\"personnes-differentes\"") != std::string::npos);
    const auto verification = ports::RunInTransaction(*w.store, TransactionMode::Read, [](ports::IStoreTransaction& tx) {
        return JournalChain::Verify(tx);
    });
    BOOST_TEST(verification.ok);
}

BOOST_DATA_TEST_CASE(OnlyTheReferentReviews, bdata::make(StoreBackends()), backend) {
    CollisionWorld w(backend);
    const IdentityId a = w.Add(test::EcetinsiTraits());
    const IdentityId b = w.Add(test::Traits("ECETINSI", "PIERRE", {2009, 7, 14}));
    const std::int64_t seq = w.Collide(a, b, test::EcetinsiIns(), test::EcetinsiTraits());
    const std::size_t before = w.Journal().size();
    for (const Operator* op : {&w.counter, &w.titulaire}) {
        const auto r = w.Review(*op, seq);
        BOOST_REQUIRE(!r.Ok());
        BOOST_TEST(r.refusal->code == "rule.permission");
        BOOST_TEST(r.refusal->message.find("référent identitovigilance") != std::string::npos);
        BOOST_CHECK_THROW(CollisionReview(*w.store, w.clock).ListOpen(*op), BusinessError);
    }
    Operator inactive = w.referent;
    inactive.active = false;
    BOOST_TEST(!w.Review(inactive, seq).Ok());
    BOOST_TEST(w.Journal().size() == before);
    BOOST_TEST(CollisionReview(*w.store, w.clock).ListOpen(w.referent).open.size() == 1u);
}

BOOST_DATA_TEST_CASE(BadReviewsAreRefusedInFrench, bdata::make(StoreBackends()), backend) {
    CollisionWorld w(backend);
    const IdentityId a = w.Add(test::EcetinsiTraits());
    const IdentityId b = w.Add(test::Traits("ECETINSI", "PIERRE", {2009, 7, 14}));
    const std::int64_t seq = w.Collide(a, b, test::EcetinsiIns(), test::EcetinsiTraits());
    const std::size_t before = w.Journal().size();
    const auto code = [&](std::int64_t s, std::string comment) {
        const auto r = w.Review(w.referent, s, std::move(comment));
        return r.Ok() ? std::string("ok") : r.refusal->code;
    };
    BOOST_TEST(code(seq, "") == "input.comment");
    BOOST_TEST(code(seq, "   \n ") == "input.comment");
    BOOST_TEST(code(seq, std::string(CollisionReview::kMaxCommentChars + 1, 'x')) == "input.comment");
    BOOST_TEST(code(0, "vu") == "input.unknown_collision");
    BOOST_TEST(code(seq - 1, "vu") == "input.unknown_collision");  // an entry, but not a collision
    BOOST_TEST(code(seq + 1000, "vu") == "input.unknown_collision");
    BOOST_TEST(w.Journal().size() == before);
    BOOST_TEST((ParseVerdict("meme-personne") == CollisionVerdict::SamePerson));
    BOOST_TEST(!ParseVerdict("doublon"));
    BOOST_TEST(std::string(VerdictLabel(CollisionVerdict::DifferentPersons)) == "Personnes différentes : INS à vérifier");
}

// Migration 0007: the statement SqliteJournalQueries.cpp runs for these two actions is served by
// the partial index (SQLite only uses it when the query repeats the index's WHERE).
BOOST_AUTO_TEST_CASE(SqliteListsCollisionsThroughThePartialIndex) {
    test::TempDir dir;
    const std::string path = (dir.Path() / "v.db").string();
    db::OpenSqliteStore(path);  // migrated
    sqlite3* raw = nullptr;
    BOOST_REQUIRE(sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    const std::string sql =
        "EXPLAIN QUERY PLAN SELECT seq, at, operator, role, action, identity_id, before, after, prev_hash, hash "
        "FROM journal WHERE action = ? AND seq < ? "
        "AND action IN ('identity.ins_collision', 'identity.collision_reviewed') ORDER BY seq DESC LIMIT ?";
    sqlite3_stmt* stmt = nullptr;
    BOOST_REQUIRE(sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::string plan;
    while (sqlite3_step(stmt) == SQLITE_ROW) plan += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3));
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    BOOST_TEST(plan.find("journal_review_actions") != std::string::npos, plan);
}

BOOST_AUTO_TEST_SUITE_END()
