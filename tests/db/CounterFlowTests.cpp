// The headless counter flow over the real SQLite store and a scripted INSi.
#include <boost/test/unit_test.hpp>

#include "core/domain/Nir.h"
#include "core/domain/Status.h"
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

namespace counter {

// NESSI NATHALIE's card with her son MICHELANGELO (no own NIR on the card).
CarteVitale FamilyCard() {
    CarteVitale c;
    c.atr = "3B 75 13 00 00 45 09 EA 90 00";
    c.insuredNir = "2770763220829";
    c.insuredNirKey = "10";
    c.beneficiaries = {{"NESSI", "NATHALIE", "19770714", "277076322082910", 1, ""},
                       {"NESSI", "MICHELANGELO", "20100807", "", 1, ""}};
    return c;
}

StrictTraits ChildTraits() { return test::Traits("NESSI", "MICHELANGELO ANTHONY", {2010, 8, 7}, Sex::Male, "63220"); }
InsData ChildIns() { return InsData{{"110086322083060", std::string(kOidInsNir), "", ""}, {}, "2026-11-22T10:00:00.000Z"}; }

struct World {
    test::TempDir dir;
    std::unique_ptr<IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    test::FixedClock clock;
    test::FakeInsi insi;
    Operator counter;
    World() {
        OperatorService ops(*store, clock);
        ops.Add(std::nullopt, "t", Role::Titulaire);
        counter = *ops.Add("t", "paul", Role::Comptoir).op;
        insi.onVitale = [](const InsiVitaleQuery& q) {
            // The child is found through the insured NIR + name + date (no own NIR sent).
            BOOST_TEST(!q.beneficiaryNir.has_value());
            BOOST_TEST(q.insuredNir.number == "2770763220829");
            BOOST_TEST(q.rawBirthDate == "20100807");
            return test::FakeInsi::Found(ChildTraits(), ChildIns());
        };
    }
    CounterFlow Flow() { return CounterFlow(*store, insi, clock); }
    std::vector<std::string> Actions() {
        std::vector<std::string> out;
        RunInTransaction(*store, TransactionMode::Read, [&](IStoreTransaction& tx) {
            tx.ForEachJournalEntry([&](const JournalEntry& e) {
                out.push_back(e.action);
                return true;
            });
        });
        return out;
    }
};

bool Has(const CounterProposal& p, CounterAction a) { return std::find(p.actions.begin(), p.actions.end(), a) != p.actions.end(); }

}  // namespace counter

BOOST_AUTO_TEST_SUITE(CounterFlowSuite)

BOOST_AUTO_TEST_CASE(AChildOnAParentsCardIsCreatedFromTheInsAndLinked) {
    counter::World w;
    auto flow = w.Flow();
    const CounterProposal p = flow.Prepare(w.counter, counter::FamilyCard(), 1);
    BOOST_TEST(p.InsFound());
    BOOST_TEST(!p.local.has_value());
    BOOST_TEST(p.billing.id > 0);
    BOOST_TEST(p.billing.insuredNir == "2770763220829");  // the parent's NIR: billing only
    BOOST_TEST(counter::Has(p, CounterAction::CreateFromIns));
    const CommandResult created = flow.CreateFromIns(w.counter, p);
    BOOST_REQUIRE(created.Ok());
    BOOST_TEST(StatusCode(created.identity->status) == "RECUP");
    BOOST_TEST(created.identity->ins->active.matricule == "110086322083060");  // the child's own INS
    const auto file = PatientService(*w.store, w.clock).Get(created.identity->id);
    BOOST_REQUIRE(file.billing.size() == 1u);
    BOOST_TEST(file.billing[0].firstName == "MICHELANGELO");  // card data kept apart, unchanged
    BOOST_TEST(file.identity.traits.birthFirstNames == "MICHELANGELO ANTHONY");

    // The next time the card comes, the billing link finds the identity at once.
    const CounterProposal again = w.Flow().Prepare(w.counter, counter::FamilyCard(), 1);
    BOOST_TEST(again.matchedBy == "billing_link");
    BOOST_TEST(again.billing.id == p.billing.id);  // updated, not duplicated
    BOOST_TEST(!counter::Has(again, CounterAction::CreateFromIns));
    BOOST_TEST(!counter::Has(again, CounterAction::TakeInsTraits));
    BOOST_TEST(counter::Has(again, CounterAction::CheckDocument));
    const auto actions = w.Actions();
    for (const char* a : {"counter.card_read", "insi.search", "identity.created", "identity.ins_accepted", "billing.linked"})
        BOOST_TEST((std::find(actions.begin(), actions.end(), a) != actions.end()), a);
}

BOOST_AUTO_TEST_CASE(ALocalIdentityWithTheSameTraitsTakesTheIns) {
    counter::World w;
    const auto created = PatientService(*w.store, w.clock).Create(w.counter, {counter::ChildTraits(), "", "", false});
    BOOST_REQUIRE(created.Ok());
    const CounterProposal p = w.Flow().Prepare(w.counter, counter::FamilyCard(), 1);
    BOOST_TEST(p.matchedBy == "traits");
    BOOST_REQUIRE(p.comparison.has_value());
    BOOST_TEST(p.comparison->NoDifference());
    BOOST_TEST(counter::Has(p, CounterAction::TakeInsTraits));
    const auto r = w.Flow().TakeInsTraits(w.counter, p);
    BOOST_REQUIRE(r.Ok());
    BOOST_TEST(StatusCode(r.identity->status) == "RECUP");
    BOOST_TEST(PatientService(*w.store, w.clock).Get(created.identity->id).billing.size() == 1u);
}

BOOST_AUTO_TEST_CASE(InsiDownNeverBlocksTheCounter) {
    counter::World w;
    const auto local = PatientService(*w.store, w.clock).Create(w.counter, {counter::ChildTraits(), "", "", false});
    w.insi.onVitale = [](const InsiVitaleQuery&) -> InsiResult {
        throw InsiError("insi.unavailable", "Téléservice INSi temporairement indisponible : réessayer plus tard.", true);
    };
    const CounterProposal p = w.Flow().Prepare(w.counter, counter::FamilyCard(), 1);
    BOOST_REQUIRE(p.insiUnavailable.has_value());
    BOOST_TEST(p.insiUnavailable->find("indisponible") != std::string::npos);
    BOOST_TEST(!p.local.has_value());                  // never guessed…
    BOOST_REQUIRE(p.candidates.size() == 1u);          // …but the local identity is proposed
    BOOST_TEST(p.candidates[0].identity.id == local.identity->id);
    BOOST_TEST(p.billing.id > 0);                      // the card was still recorded
    BOOST_TEST(counter::Has(p, CounterAction::Nothing));
}

BOOST_AUTO_TEST_CASE(ADoubtfulLinkedIdentityIsNeverSentToInsi) {
    counter::World w;
    auto flow = w.Flow();
    const auto created = flow.CreateFromIns(w.counter, flow.Prepare(w.counter, counter::FamilyCard(), 1));
    BOOST_REQUIRE(created.Ok());
    BOOST_REQUIRE(PatientService(*w.store, w.clock)
                      .SetAttribute(w.counter, created.identity->id, event::AttributeName::Douteuse, true)
                      .Ok());
    const std::size_t callsBefore = w.insi.vitaleCalls.size();
    const CounterProposal p = w.Flow().Prepare(w.counter, counter::FamilyCard(), 1);
    BOOST_TEST(w.insi.vitaleCalls.size() == callsBefore);
    BOOST_TEST(p.matchedBy == "billing_link");
    BOOST_TEST(!counter::Has(p, CounterAction::CheckDocument));
}

BOOST_AUTO_TEST_CASE(AnAbsentBeneficiaryIsBadInput) {
    counter::World w;
    BOOST_CHECK_THROW(w.Flow().Prepare(w.counter, counter::FamilyCard(), 5), BadInputError);
}

BOOST_AUTO_TEST_SUITE_END()
