// CounterFlow::RetryInsi: the background retry while INSi is down redoes the INSi search and the
// match for the same billing identity, without journaling the card read again.
#include <boost/test/unit_test.hpp>

#include "core/usecases/CounterFlow.h"
#include "core/usecases/OperatorService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"
#include "tests/support/FakeInsi.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::ports;
using namespace vigie::usecases;

namespace counter_retry {

CarteVitale EcetinsiCard() {
    CarteVitale c;
    c.atr = "3B 75 13 00 00 44 09 EA 90 00";
    c.insuredNir = "1090763220834";
    c.insuredNirKey = "89";
    c.beneficiaries = {{"ECETINSI", "PIERRE-ALAIN", "20090714", "109076322083489", 1, ""}};
    return c;
}

struct World {
    test::TempDir dir;
    std::unique_ptr<IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    test::FixedClock clock;
    test::FakeInsi insi;
    Operator counter;
    bool down = true;
    int calls = 0;
    World() {
        OperatorService ops(*store, clock);
        ops.Add(std::nullopt, "t", Role::Titulaire);
        counter = *ops.Add("t", "paul", Role::Comptoir).op;
        insi.onVitale = [this](const InsiVitaleQuery&) -> InsiResult {
            ++calls;
            if (down) throw InsiError("insi.transport", "connexion refusée", true);
            return test::FakeInsi::Found(test::EcetinsiTraits(), test::EcetinsiIns());
        };
        insi.onTraits = [](const InsiTraitsQuery&) { return test::FakeInsi::NotFound(); };
    }
    CounterFlow Flow() { return CounterFlow(*store, insi, clock); }
    int Count(const std::string& action) {
        int n = 0;
        RunInTransaction(*store, TransactionMode::Read, [&](IStoreTransaction& tx) {
            tx.ForEachJournalEntry([&](const JournalEntry& e) {
                n += e.action == action;
                return true;
            });
        });
        return n;
    }
};

}  // namespace counter_retry

using counter_retry::World;

BOOST_AUTO_TEST_SUITE(CounterRetrySuite)

BOOST_AUTO_TEST_CASE(RetriesWhileDownDoNotJournalTheCardReadAgain) {
    World w;
    const CounterProposal first = w.Flow().Prepare(w.counter, counter_retry::EcetinsiCard(), 0);
    BOOST_REQUIRE(first.insiUnavailable.has_value());
    BOOST_TEST(w.Count("counter.card_read") == 1);
    CounterProposal p = first;
    for (int i = 0; i < 3; ++i) {  // three background retries, INSi still down
        p = w.Flow().RetryInsi(w.counter, p);
        BOOST_TEST(p.insiUnavailable.has_value());
        BOOST_TEST(p.billing.id == first.billing.id);
    }
    BOOST_TEST(w.calls == 4);
    BOOST_TEST(w.Count("counter.card_read") == 1);

    w.down = false;  // INSi is back: the same proposal a fresh Prepare would give
    p = w.Flow().RetryInsi(w.counter, p);
    BOOST_TEST(!p.insiUnavailable.has_value());
    BOOST_REQUIRE(p.InsFound());
    BOOST_TEST(!p.local.has_value());
    BOOST_TEST(p.billing.id == first.billing.id);
    BOOST_REQUIRE_EQUAL(p.actions.size(), 2u);
    BOOST_TEST(CounterActionCode(p.actions[0]) == "create_from_ins");
    BOOST_TEST(w.Count("counter.card_read") == 1);
    BOOST_TEST(w.Flow().CreateFromIns(w.counter, p).Ok());  // the billing identity gets linked
}

BOOST_AUTO_TEST_CASE(RetryReadsTheBillingLinkAgain) {
    World w;
    w.down = false;
    const CounterProposal found = w.Flow().Prepare(w.counter, counter_retry::EcetinsiCard(), 0);
    const CommandResult created = w.Flow().CreateFromIns(w.counter, found);
    BOOST_REQUIRE(created.Ok());
    // A proposal prepared before the link existed (INSi down then), retried after it: the local
    // identity comes from the link now stored.
    CounterProposal stale = found;
    stale.billing.identityId.reset();
    stale.insi.reset();
    stale.insiUnavailable = "connexion refusée";
    const CounterProposal p = w.Flow().RetryInsi(w.counter, stale);
    BOOST_REQUIRE(p.local.has_value());
    BOOST_TEST(p.local->id == created.identity->id);
    BOOST_TEST(p.matchedBy == "billing_link");
    BOOST_TEST(w.Count("counter.card_read") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
