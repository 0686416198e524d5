// The store contract for the owner's label rule sets (migration 0004): whole documents, an
// optimistic version, no silent overwrite, nothing left by an uncommitted transaction.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/db/StoreFixture.h"

using namespace vigie;
using ports::IStoreTransaction;
using ports::StoredLabelRules;
using ports::TransactionMode;
using vigie::test::StoreBackends;
namespace bdata = boost::unit_test::data;

namespace {
StoredLabelRules Rules(std::string name, std::string body) {
    return StoredLabelRules{std::move(name), std::move(body), 0, "2026-11-22T08:00:00Z", "claire"};
}
std::int64_t Save(ports::IStore& store, const StoredLabelRules& r, std::int64_t expected) {
    return ports::RunInTransaction(store, TransactionMode::Write,
                                   [&](IStoreTransaction& tx) { return tx.SaveLabelRules(r, expected); });
}
std::optional<StoredLabelRules> Get(ports::IStore& store, const std::string& name) {
    return ports::RunInTransaction(store, TransactionMode::Read,
                                   [&](IStoreTransaction& tx) { return tx.GetLabelRules(name); });
}
}  // namespace

BOOST_AUTO_TEST_SUITE(LabelRulesStore)

BOOST_DATA_TEST_CASE(CreateReplaceDeleteWithVersions, bdata::make(StoreBackends()), backend) {
    test::TempDir dir;
    auto store = backend.open(dir.Path());
    BOOST_TEST(Save(*store, Rules("boite", R"({"a":1})"), 0) == 1);
    BOOST_TEST(Save(*store, Rules("pilulier", R"({"b":2})"), 0) == 1);
    BOOST_CHECK_EXCEPTION(Save(*store, Rules("boite", "{}"), 0), BusinessError,
                          [](const BusinessError& e) { return e.Code() == "store.exists"; });

    BOOST_TEST(Save(*store, Rules("boite", R"({"a":2})"), 1) == 2);
    // A second counter still holding version 1 cannot overwrite version 2.
    BOOST_CHECK_EXCEPTION(Save(*store, Rules("boite", R"({"a":3})"), 1), BusinessError,
                          [](const BusinessError& e) { return e.Code() == "store.stale"; });
    auto got = Get(*store, "boite");
    BOOST_REQUIRE(got);
    BOOST_TEST(got->body == R"({"a":2})");
    BOOST_TEST(got->version == 2);
    BOOST_TEST(got->updatedBy == "claire");

    auto all = ports::RunInTransaction(*store, TransactionMode::Read,
                                       [](IStoreTransaction& tx) { return tx.ListLabelRules(); });
    BOOST_REQUIRE(all.size() == 2u);
    BOOST_TEST(all[0].name == "boite");
    BOOST_TEST(all[1].name == "pilulier");

    BOOST_CHECK_THROW(ports::RunInTransaction(*store, TransactionMode::Write,
                                              [](IStoreTransaction& tx) { tx.DeleteLabelRules("boite", 1); }),
                      BusinessError);
    ports::RunInTransaction(*store, TransactionMode::Write,
                            [](IStoreTransaction& tx) { tx.DeleteLabelRules("boite", 2); });
    BOOST_TEST(!Get(*store, "boite"));
}

BOOST_DATA_TEST_CASE(InvalidDocumentsAndRollbacksLeaveNothing, bdata::make(StoreBackends()), backend) {
    test::TempDir dir;
    auto store = backend.open(dir.Path());
    // The store's own last line of defence: the body must be JSON.
    BOOST_CHECK_THROW(Save(*store, Rules("boite", "not json"), 0), Error);
    BOOST_TEST(!Get(*store, "boite"));
    {
        auto tx = store->Begin(TransactionMode::Write);
        tx->SaveLabelRules(Rules("boite", "{}"), 0);
    }  // not committed
    BOOST_TEST(!Get(*store, "boite"));
}

BOOST_AUTO_TEST_SUITE_END()
