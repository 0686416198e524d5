// Operator PINs (issue #6) against every store backend: the PIN state round-trip (migration
// 0006), set/reset rights, switching with a PIN, the lockout after 5 failures and its expiry
// (time from the test clock), and a journal that records every step but never the PIN or hash.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/usecases/JournalChain.h"
#include "core/usecases/OperatorService.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using ports::IStoreTransaction;
using ports::TransactionMode;
using usecases::OperatorService;
using vigie::test::StoreBackends;
namespace bdata = boost::unit_test::data;

namespace {

constexpr std::uint32_t kFastIterations = 1000;  // the record keeps its own count

struct PinWorld {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store;
    test::FixedClock clock;

    explicit PinWorld(const test::StoreBackend& backend) : store(backend.open(dir.Path())) {
        auto ops = Ops();
        ops.Add(std::nullopt, "claire", Role::Titulaire);
        ops.Add("claire", "paul", Role::Comptoir);
        ops.Add("claire", "lea", Role::Preparateur);
    }
    OperatorService Ops() { return OperatorService(*store, clock, kFastIterations); }
    std::vector<ports::JournalEntry> Journal() {
        std::vector<ports::JournalEntry> all;
        ports::RunInTransaction(*store, TransactionMode::Read, [&](IStoreTransaction& tx) {
            tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
                all.push_back(e);
                return true;
            });
        });
        return all;
    }
    std::vector<std::string> ActionsSince(std::size_t from) {
        std::vector<std::string> out;
        const auto all = Journal();
        for (std::size_t i = from; i < all.size(); ++i) out.push_back(all[i].operatorName + ":" + all[i].action);
        return out;
    }
    std::optional<PinState> State(const std::string& name) {
        return ports::RunInTransaction(*store, TransactionMode::Read,
                                       [&](IStoreTransaction& tx) { return tx.GetOperatorPin(name); });
    }
};

using Actions = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(OperatorPinStore)

BOOST_DATA_TEST_CASE(PinStateRoundTripAndUnknownOperator, bdata::make(StoreBackends()), backend) {
    PinWorld w(backend);
    BOOST_TEST(!w.State("paul"));
    const PinState s{"pbkdf2-sha256$1$00$" + std::string(64, '0'), "2026-11-22T10:00:00.000Z", 3,
                     "2026-11-22T10:05:00.000Z"};
    ports::RunInTransaction(*w.store, TransactionMode::Write, [&](IStoreTransaction& tx) { tx.SaveOperatorPin("paul", s); });
    auto loaded = w.State("paul");
    BOOST_REQUIRE(loaded);
    BOOST_TEST(loaded->hash == s.hash);
    BOOST_TEST(loaded->setAt == s.setAt);
    BOOST_TEST(loaded->failedAttempts == 3);
    BOOST_TEST(loaded->lockedUntil == s.lockedUntil);
    // Replaced whole, not added to.
    ports::RunInTransaction(*w.store, TransactionMode::Write,
                            [&](IStoreTransaction& tx) { tx.SaveOperatorPin("paul", PinState{s.hash, s.setAt, 0, ""}); });
    BOOST_TEST(w.State("paul")->failedAttempts == 0);
    BOOST_TEST(w.State("paul")->lockedUntil.empty());
    BOOST_TEST(!w.State("lea"));
    try {
        ports::RunInTransaction(*w.store, TransactionMode::Write,
                                [&](IStoreTransaction& tx) { tx.SaveOperatorPin("inconnu", s); });
        BOOST_FAIL("unknown operator accepted");
    } catch (const BusinessError& e) {
        BOOST_TEST(e.Code() == "store.unknown_operator");
    }
}

BOOST_DATA_TEST_CASE(OwnPinOrTitulaireResetOnly, bdata::make(StoreBackends()), backend) {
    PinWorld w(backend);
    auto ops = w.Ops();
    const std::size_t start = w.Journal().size();
    BOOST_TEST(ops.SetPin("paul", "paul", "4821").op.has_value());
    const auto refused = ops.SetPin("lea", "paul", "5930");
    BOOST_REQUIRE(refused.refusal);
    BOOST_TEST(refused.refusal->code == "rule.permission");
    BOOST_TEST(ops.SetPin("claire", "lea", "5930").op.has_value());
    BOOST_TEST((w.ActionsSince(start) == Actions{"paul:operator.pin_set", "claire:operator.pin_reset"}));
    // Stored salted and hashed: never the PIN, and two PINs never share a salt.
    const auto paul = w.State("paul"), lea = w.State("lea");
    BOOST_TEST(paul->hash.starts_with("pbkdf2-sha256$1000$"));
    BOOST_TEST(paul->hash.find("4821") == std::string::npos);
    BOOST_TEST(paul->hash.substr(19, 32) != lea->hash.substr(19, 32));
    BOOST_TEST(ops.HasPin("paul"));
    BOOST_TEST(!ops.HasPin("claire"));
    // Rules, before anything is stored.
    const auto trivial = ops.SetPin("paul", "paul", "1111");
    BOOST_REQUIRE(trivial.refusal);
    BOOST_TEST(trivial.refusal->code == "rule.pin_trivial");
    BOOST_CHECK_THROW(ops.SetPin("paul", "paul", "12"), BadInputError);
    BOOST_CHECK_THROW(ops.SetPin("personne", "paul", "4821"), BadInputError);
    BOOST_CHECK_THROW(ops.SetPin("claire", "personne", "4821"), BadInputError);
    BOOST_TEST(w.State("paul")->hash == paul->hash);
}

BOOST_DATA_TEST_CASE(SwitchWithPinLocksAfterFiveFailuresForFiveMinutes, bdata::make(StoreBackends()), backend) {
    PinWorld w(backend);
    auto ops = w.Ops();
    ops.SetPin("claire", "paul", "4821");
    const std::size_t start = w.Journal().size();

    const auto ok = ops.SwitchTo("paul", "4821", std::string("claire"));
    BOOST_REQUIRE(ok.op);
    BOOST_TEST(ok.op->name == "paul");
    BOOST_TEST((ok.op->role == Role::Comptoir));

    for (int i = 1; i <= 4; ++i) {
        const auto r = ops.SwitchTo("paul", "9999");
        BOOST_REQUIRE(r.refusal);
        BOOST_TEST(r.refusal->code == "rule.pin_wrong");
        BOOST_TEST(w.State("paul")->failedAttempts == i);
        if (i == 4) BOOST_TEST(r.refusal->message.find("encore 1 essai ") != std::string::npos, r.refusal->message);
    }
    const auto fifth = ops.SwitchTo("paul", "0000");
    BOOST_REQUIRE(fifth.refusal);
    BOOST_TEST(fifth.refusal->code == "rule.operator_locked");
    BOOST_TEST(w.State("paul")->lockedUntil == "2026-11-22T10:05:00.000Z");
    BOOST_TEST(w.State("paul")->failedAttempts == 0);
    const auto locked = ops.SwitchTo("paul", "4821");  // the right PIN, but locked
    BOOST_REQUIRE(locked.refusal);
    BOOST_TEST(locked.refusal->code == "rule.operator_locked");
    BOOST_TEST(locked.refusal->message.find("réessayer dans 5 min") != std::string::npos);

    w.clock.now = "2026-11-22T10:04:59.999Z";
    BOOST_TEST(ops.SwitchTo("paul", "4821").refusal->code == "rule.operator_locked");
    w.clock.now = "2026-11-22T10:05:00.000Z";
    BOOST_TEST(ops.SwitchTo("paul", "4821").op.has_value());
    BOOST_TEST(w.State("paul")->lockedUntil.empty());
    BOOST_TEST(w.State("paul")->failedAttempts == 0);

    Actions expected{"paul:operator.switch"};
    for (int i = 0; i < 5; ++i) expected.push_back("paul:operator.pin_failed");
    expected.push_back("paul:operator.locked");
    expected.push_back("paul:operator.switch");
    BOOST_TEST((w.ActionsSince(start) == expected));
    const auto journal = w.Journal();
    BOOST_TEST(journal[start].after == R"({"name":"paul","from":"claire"})");
    BOOST_TEST(journal[start + 5].after == R"({"name":"paul","failed_attempts":5})");
    BOOST_TEST(journal[start + 6].after == R"({"name":"paul","until":"2026-11-22T10:05:00.000Z"})");
}

BOOST_DATA_TEST_CASE(SuccessResetsTheFailureCountAndTitulaireResetUnlocks, bdata::make(StoreBackends()), backend) {
    PinWorld w(backend);
    auto ops = w.Ops();
    ops.SetPin("paul", "paul", "4821");
    for (int i = 0; i < 4; ++i) ops.SwitchTo("paul", "5555");
    BOOST_TEST(ops.SwitchTo("paul", "4821").op.has_value());
    for (int i = 0; i < 4; ++i) BOOST_TEST(ops.SwitchTo("paul", "5555").refusal->code == "rule.pin_wrong");
    BOOST_TEST(w.State("paul")->lockedUntil.empty());  // 4 + 4 with a success between: no lock
    ops.SwitchTo("paul", "5555");
    BOOST_TEST(ops.SwitchTo("paul", "4821").refusal->code == "rule.operator_locked");
    BOOST_TEST(ops.SetPin("claire", "paul", "2468").op.has_value());
    BOOST_TEST(ops.SwitchTo("paul", "2468").op.has_value());
    BOOST_TEST(ops.SwitchTo("paul", "4821").refusal->code == "rule.pin_wrong");  // the old PIN is gone
}

BOOST_DATA_TEST_CASE(NoPinUnknownAndInactive, bdata::make(StoreBackends()), backend) {
    PinWorld w(backend);
    auto ops = w.Ops();
    const auto none = ops.SwitchTo("lea", "4821");
    BOOST_REQUIRE(none.refusal);
    BOOST_TEST(none.refusal->code == "rule.no_pin");
    BOOST_CHECK_THROW(ops.SwitchTo("personne", "4821"), BadInputError);
}

BOOST_DATA_TEST_CASE(JournalNeverHoldsThePinOrItsHashAndStaysChained, bdata::make(StoreBackends()), backend) {
    PinWorld w(backend);
    auto ops = w.Ops();
    ops.SetPin("paul", "paul", "4821");
    ops.SetPin("claire", "lea", "5930");
    ops.SwitchTo("paul", "4821");
    for (int i = 0; i < 5; ++i) ops.SwitchTo("lea", "7777");
    const std::string paulHash = w.State("paul")->hash, leaHash = w.State("lea")->hash;
    for (const auto& e : w.Journal()) {
        for (const std::string* field : {&e.before, &e.after}) {
            for (const char* secret : {"4821", "5930", "7777", "pbkdf2"})
                BOOST_TEST(field->find(secret) == std::string::npos, e.action << ": " << *field);
            BOOST_TEST(field->find(paulHash.substr(52)) == std::string::npos);
            BOOST_TEST(field->find(leaHash.substr(52)) == std::string::npos);
        }
    }
    const auto v = ports::RunInTransaction(*w.store, TransactionMode::Read,
                                           [](IStoreTransaction& tx) { return usecases::JournalChain::Verify(tx); });
    BOOST_TEST(v.ok, v.message);
}

BOOST_AUTO_TEST_SUITE_END()
