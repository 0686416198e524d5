// Potential duplicates already in the file (Identitovigilance screen) over the real SQLite store:
// each pair once, best score first, limited, the referent only.
#include <boost/test/unit_test.hpp>

#include "core/usecases/DuplicateReview.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::usecases;

namespace {
struct ReviewWorld {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    test::FixedClock clock;
    Operator titulaire, referent, counter;
    ReviewWorld() {
        OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "claire", Role::Titulaire).op;
        referent = *ops.Add("claire", "ines", Role::Identitovigilance).op;
        counter = *ops.Add("claire", "paul", Role::Comptoir).op;
    }
    IdentityId Add(const StrictTraits& t) {
        auto r = PatientService(*store, clock).Create(counter, {t, "", "", true});
        BOOST_REQUIRE(r.Ok());
        return r.identity->id;
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(DuplicateReviewSuite)

BOOST_AUTO_TEST_CASE(PairsAreFoundOnceAndSortedByScore) {
    ReviewWorld w;
    const IdentityId dupont = w.Add(test::Traits("DUPONT", "JEAN", {1980, 2, 1}));
    const IdentityId dupond = w.Add(test::Traits("DUPOND", "JEAN", {1980, 2, 1}));
    w.Add(test::Traits("MARTIN", "ANNE", {1975, 6, 9}, Sex::Female));
    const IdentityId zola1 = w.Add(test::Traits("ZOLA", "EMILE", {1960, 4, 2}));
    const IdentityId zola2 = w.Add(test::Traits("ZOLA", "EMILE", {1960, 2, 4}));  // day and month swapped

    const auto r = DuplicateReview(*w.store, w.clock).Find(w.referent);
    BOOST_TEST(r.identitiesScanned == 5);
    BOOST_TEST(!r.truncated);
    BOOST_REQUIRE_EQUAL(r.pairs.size(), 2u);
    for (std::size_t i = 1; i < r.pairs.size(); ++i) BOOST_TEST(r.pairs[i - 1].score >= r.pairs[i].score);
    bool sawDupont = false, sawZola = false;
    for (const auto& p : r.pairs) {
        BOOST_TEST(p.first.id < p.second.id);
        BOOST_TEST(!p.reasons.empty());
        if (p.first.id == dupont && p.second.id == dupond) sawDupont = true;
        if (p.first.id == zola1 && p.second.id == zola2) sawZola = true;
    }
    BOOST_TEST(sawDupont);
    BOOST_TEST(sawZola);
}

BOOST_AUTO_TEST_CASE(LimitsCutThePairsAndSayItWasTruncated) {
    ReviewWorld w;
    for (int i = 0; i < 4; ++i) w.Add(test::Traits("DURAND", "PAUL", {1990, 1, 1}));  // 6 pairs
    DuplicateReviewOptions o;
    o.maxPairs = 3;
    const auto r = DuplicateReview(*w.store, w.clock).Find(w.referent, o);
    BOOST_TEST(r.pairs.size() == 3u);
    BOOST_TEST(r.truncated);
    o = {};
    BOOST_TEST(DuplicateReview(*w.store, w.clock).Find(w.referent, o).pairs.size() == 6u);
    o.maxIdentities = 2;
    const auto few = DuplicateReview(*w.store, w.clock).Find(w.referent, o);
    BOOST_TEST(few.identitiesScanned == 2);
    BOOST_TEST(few.truncated);
}

BOOST_AUTO_TEST_CASE(OnlyTheReferentReviewsTheFile) {
    ReviewWorld w;
    BOOST_TEST(DuplicateReview::CheckAllowed(w.counter).has_value());
    BOOST_TEST(DuplicateReview::CheckAllowed(w.titulaire).has_value());
    BOOST_TEST(!DuplicateReview::CheckAllowed(w.referent).has_value());
    BOOST_CHECK_THROW(DuplicateReview(*w.store, w.clock).Find(w.counter), BusinessError);
}

BOOST_AUTO_TEST_SUITE_END()
