// The contract every store backend passes (Orthanc's habit: one suite, every backend).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/domain/Nir.h"
#include "core/domain/Status.h"
#include "core/usecases/JournalChain.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using ports::TransactionMode;
using vigie::test::StoreBackends;
namespace bdata = boost::unit_test::data;

namespace contract {

struct World {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store;
    test::FixedClock clock;
    Operator titulaire, counter, vigilance, preparateur;

    explicit World(const test::StoreBackend& backend) : store(backend.open(dir.Path())) {
        usecases::OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "titulaire", Role::Titulaire).op;
        counter = *ops.Add("titulaire", "comptoir", Role::Comptoir).op;
        vigilance = *ops.Add("titulaire", "vigilance", Role::Identitovigilance).op;
        preparateur = *ops.Add("titulaire", "prep", Role::Preparateur).op;
    }
    usecases::PatientService Patients() { return usecases::PatientService(*store, clock); }
    Identity Create(StrictTraits t, std::string usedName = "") {
        auto r = Patients().Create(counter, usecases::CreateRequest{std::move(t), std::move(usedName), "", true});
        BOOST_REQUIRE(r.Ok());
        return *r.identity;
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
};

}  // namespace contract
using contract::World;

BOOST_AUTO_TEST_SUITE(StoreContract)

BOOST_DATA_TEST_CASE(IdentityRoundTripKeepsEveryField, bdata::make(StoreBackends()), backend) {
    World w(backend);
    Identity id = test::IdentityWith(IdentityStatus::Qualifiee, test::EcetinsiTraits());
    id.id = 0;
    id.ins = test::EcetinsiIns();
    id.usedName = "MARTIN";
    id.usedFirstName = "PAUL";
    id.attributes.homonyme = true;
    id.documentCheck->expiry = Date{2031, 5, 6};
    id.createdAt = id.updatedAt = "2026-11-22T10:00:00.000Z";
    const IdentityId newId = ports::RunInTransaction(*w.store, TransactionMode::Write,
                                                     [&](ports::IStoreTransaction& tx) { return tx.InsertIdentity(id); });
    auto loaded = ports::RunInTransaction(*w.store, TransactionMode::Read,
                                          [&](ports::IStoreTransaction& tx) { return tx.GetIdentity(newId); });
    BOOST_REQUIRE(loaded);
    id.id = newId;
    BOOST_TEST(loaded->version == 1);
    loaded->version = id.version;
    BOOST_TEST((*loaded == id));
    BOOST_TEST(loaded->ins->history.size() == 2u);
    BOOST_TEST(loaded->ins->history[0].startDate == "2019-03-01");
}

BOOST_DATA_TEST_CASE(EveryChangeIsJournaledWithBeforeAndAfter, bdata::make(StoreBackends()), backend) {
    World w(backend);
    const std::size_t start = w.Journal().size();  // operators added
    BOOST_TEST(start == 4u);
    Identity id = w.Create(test::Traits());
    auto p = w.Patients();
    BOOST_REQUIRE(p.CheckDocument(w.counter, id.id, "passeport", std::nullopt).Ok());
    BOOST_REQUIRE(p.SetAttribute(w.counter, id.id, event::AttributeName::Homonyme, true).Ok());
    BOOST_REQUIRE(p.EditTraits(w.counter, id.id, event::EditTraits{id.traits, "MARTIN", ""}).Ok());
    // Refusals change nothing and journal nothing.
    BOOST_TEST(!p.SetAttribute(w.counter, id.id, event::AttributeName::Homonyme, true).Ok());
    BOOST_TEST(!p.CheckDocument(w.preparateur, id.id, "passeport", std::nullopt).Ok());

    const auto journal = w.Journal();
    BOOST_REQUIRE(journal.size() == start + 4);
    const std::vector<std::string> actions = {"identity.created", "identity.document_checked",
                                              "identity.attribute_changed", "identity.traits_edited"};
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const auto& e = journal[start + i];
        BOOST_TEST(e.action == actions[i]);
        BOOST_TEST(e.operatorName == "comptoir");
        BOOST_TEST(e.role == "comptoir");
        BOOST_TEST(e.identityId.value_or(0) == id.id);
        BOOST_TEST(!e.after.empty());
        BOOST_TEST(e.before.empty() == (i == 0));
        if (i > 0) BOOST_TEST(e.before == journal[start + i - 1].after);  // a continuous story
    }
    BOOST_TEST(journal[start + 1].after.find("\"status\":\"VALI\"") != std::string::npos);
    BOOST_TEST(p.History(id.id).size() == 4u);
    auto verification = ports::RunInTransaction(*w.store, TransactionMode::Read, [](ports::IStoreTransaction& tx) {
        return usecases::JournalChain::Verify(tx);
    });
    BOOST_TEST(verification.ok);
    BOOST_TEST(verification.entries == static_cast<std::int64_t>(start + 4));
}

BOOST_DATA_TEST_CASE(OneInsAtMostOneIdentity, bdata::make(StoreBackends()), backend) {
    World w(backend);
    auto p = w.Patients();
    Identity a = w.Create(test::EcetinsiTraits());
    Identity b = w.Create(test::Traits("ECETINSI", "PIERRE-ALAIN", {2009, 7, 14}));
    BOOST_REQUIRE(p.AcceptIns(w.counter, a.id, test::EcetinsiTraits(), test::EcetinsiIns()).Ok());
    auto r = p.AcceptIns(w.counter, b.id, test::EcetinsiTraits(), test::EcetinsiIns());
    BOOST_REQUIRE(!r.Ok());
    BOOST_TEST(r.refusal->code == "rule.ins_collision");
    BOOST_TEST(r.refusal->message.find(std::to_string(a.id)) != std::string::npos);
    BOOST_TEST(StatusCode(p.Get(b.id).identity.status) == "PROV");
    BOOST_TEST(w.Journal().back().action == "identity.ins_collision");  // raised for review
    // The store itself refuses it too, whatever the caller.
    Identity raw = p.Get(a.id).identity;
    raw.id = 0;
    BOOST_CHECK_THROW(ports::RunInTransaction(*w.store, TransactionMode::Write,
                                              [&](ports::IStoreTransaction& tx) { return tx.InsertIdentity(raw); }),
                      BusinessError);
    // Same matricule under another OID is another INS.
    Identity other = p.Get(a.id).identity;
    other.id = 0;
    other.ins->active.oid = std::string(kOidInsNirTest);
    BOOST_CHECK_NO_THROW(ports::RunInTransaction(*w.store, TransactionMode::Write,
                                                 [&](ports::IStoreTransaction& tx) { return tx.InsertIdentity(other); }));
}

BOOST_DATA_TEST_CASE(StaleUpdatesAreRefused, bdata::make(StoreBackends()), backend) {
    World w(backend);
    Identity id = w.Create(test::Traits());
    Identity copy = id;
    copy.usedName = "A";
    ports::RunInTransaction(*w.store, TransactionMode::Write, [&](ports::IStoreTransaction& tx) { tx.UpdateIdentity(copy); });
    copy.usedName = "B";  // still version 1: someone else wrote version 2
    try {
        ports::RunInTransaction(*w.store, TransactionMode::Write, [&](ports::IStoreTransaction& tx) { tx.UpdateIdentity(copy); });
        BOOST_FAIL("stale update accepted");
    } catch (const BusinessError& e) {
        BOOST_TEST(e.Code() == "store.stale");
    }
    BOOST_TEST(w.Patients().Get(id.id).identity.usedName == "A");
    // The use-case refuses an edit prepared from an older version (another counter wrote since).
    const Identity current = w.Patients().Get(id.id).identity;
    event::EditTraits edit{current.traits, "C", ""};
    BOOST_CHECK_THROW(w.Patients().EditTraits(w.counter, id.id, edit, current.version - 1), BusinessError);
    BOOST_TEST(w.Patients().Get(id.id).identity.usedName == "A");
    BOOST_TEST(w.Patients().EditTraits(w.counter, id.id, edit, current.version).Ok());
}

BOOST_DATA_TEST_CASE(UncommittedTransactionsLeaveNothing, bdata::make(StoreBackends()), backend) {
    World w(backend);
    {
        auto tx = w.store->Begin(TransactionMode::Write);
        Identity id = test::IdentityWith(IdentityStatus::Provisoire);
        id.id = 0;
        tx->InsertIdentity(id);
        BOOST_TEST(tx->CountIdentities() == 1);
    }  // destroyed without Commit
    auto n = ports::RunInTransaction(*w.store, TransactionMode::Read, [](ports::IStoreTransaction& tx) { return tx.CountIdentities(); });
    BOOST_TEST(n == 0);
    // A failing use-case leaves nothing half-written either: an import with one bad row.
    std::vector<usecases::CreateRequest> batch(3, usecases::CreateRequest{test::Traits(), "", "", false});
    batch[2].traits.birthName = "DUPONT2";
    auto r = w.Patients().Import(w.counter, batch);
    BOOST_TEST(!r.Ok());
    BOOST_TEST(r.refusal->message.find("Ligne 3") != std::string::npos);
    n = ports::RunInTransaction(*w.store, TransactionMode::Read, [](ports::IStoreTransaction& tx) { return tx.CountIdentities(); });
    BOOST_TEST(n == 0);
}

BOOST_DATA_TEST_CASE(StatusInvariantsAreEnforcedByTheStoreToo, bdata::make(StoreBackends()), backend) {
    World w(backend);
    auto insert = [&](const Identity& id) {
        return ports::RunInTransaction(*w.store, TransactionMode::Write,
                                       [&](ports::IStoreTransaction& tx) { return tx.InsertIdentity(id); });
    };
    Identity qualWithoutIns = test::IdentityWith(IdentityStatus::Qualifiee);
    qualWithoutIns.ins.reset();
    BOOST_CHECK_THROW(insert(qualWithoutIns), BusinessError);
    Identity douteuseQual = test::IdentityWith(IdentityStatus::Qualifiee);
    douteuseQual.attributes.douteuse = true;
    BOOST_CHECK_THROW(insert(douteuseQual), BusinessError);
    Identity completedRecup = test::IdentityWith(IdentityStatus::Recuperee);
    completedRecup.traits.birthDateCompleted = true;
    BOOST_CHECK_THROW(insert(completedRecup), BusinessError);
    Identity fictiveHomonyme = test::IdentityWith(IdentityStatus::Provisoire);
    fictiveHomonyme.attributes = Attributes{true, false, true};
    BOOST_CHECK_THROW(insert(fictiveHomonyme), BusinessError);
}

BOOST_DATA_TEST_CASE(SearchAndDuplicateQueries, bdata::make(StoreBackends()), backend) {
    World w(backend);
    Identity dupont = w.Create(test::Traits("DUPONT", "JEAN PIERRE", {1980, 2, 1}));
    w.Create(test::Traits("DUPUIS", "MARIE", {1980, 2, 1}, Sex::Female));
    w.Create(test::Traits("DURAND", "PAUL", {1975, 6, 30}));
    Identity legrand = w.Create(test::Traits("LEGRAND", "MARIE", {1970, 5, 5}, Sex::Female), "ZIMMER");
    auto p = w.Patients();

    ports::SearchQuery byPrefixAndDate;
    byPrefixAndDate.birthNamePrefix = "dup";
    byPrefixAndDate.birthDate = Date{1980, 2, 1};
    BOOST_TEST(p.Search(byPrefixAndDate).size() == 2u);
    ports::SearchQuery prefixOnly;
    prefixOnly.birthNamePrefix = "DU";
    prefixOnly.limit = 2;
    BOOST_TEST(p.Search(prefixOnly).size() == 2u);  // limit honoured (3 match)
    ports::SearchQuery text;
    text.text = "dup jean";
    auto found = p.Search(text);
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].id == dupont.id);
    text.text = "zimm";  // used name
    BOOST_TEST(p.Search(text).at(0).id == legrand.id);
    text.text = std::to_string(legrand.id);  // IPP
    BOOST_TEST(p.Search(text).at(0).id == legrand.id);
    text.text = "1975-06-30";
    BOOST_TEST(p.Search(text).size() == 1u);

    auto dups = p.FindDuplicates(test::Traits("DUPOND", "JEAN", {1980, 1, 2}), "");
    BOOST_REQUIRE(dups.size() == 1u);  // swapped day/month + phonetic name, found through the phonetic index
    BOOST_TEST(dups[0].identity.id == dupont.id);
    BOOST_TEST(p.FindDuplicates(test::Traits("DUPOND", "JEAN", {1980, 1, 2}), "", dupont.id).empty());
}

// Regression (found by the benchmark): the phonetic pool was cut at 200 rows, so for a common
// name the newest identities were never proposed when the birth date was mistyped.
BOOST_DATA_TEST_CASE(CommonNamesDoNotHideADuplicate, bdata::make(StoreBackends()), backend) {
    World w(backend);
    std::vector<usecases::CreateRequest> martins;
    for (int i = 0; i < 400; ++i)
        martins.push_back({test::Traits("MARTIN", "JEAN", {1930 + i % 90, 1 + i % 12, 1 + i % 28}), "", "", true});
    std::vector<IdentityId> ids;
    BOOST_REQUIRE(w.Patients().Import(w.counter, martins, &ids).Ok());
    Identity newest = w.Create(test::Traits("MARTIN", "JEAN", {2011, 1, 8}));
    auto dups = w.Patients().FindDuplicates(test::Traits("MARTIN", "JEAN", {2011, 8, 1}), "");  // day/month swapped
    bool found = false;
    for (const auto& d : dups) found = found || d.identity.id == newest.id;
    BOOST_TEST(found);
    BOOST_TEST(dups.size() < 10u);  // the pool is filtered, not the 400 MARTIN JEAN
}

BOOST_DATA_TEST_CASE(CreationRefusesWhenDuplicatesExistUnlessForced, bdata::make(StoreBackends()), backend) {
    World w(backend);
    w.Create(test::Traits("DUPONT", "JEAN"));
    auto p = w.Patients();
    auto refused = p.Create(w.counter, usecases::CreateRequest{test::Traits("DUPOND", "JEAN"), "", "", false});
    BOOST_REQUIRE(!refused.Ok());
    BOOST_TEST(refused.refusal->code == "rule.duplicates");
    BOOST_TEST(refused.duplicates.size() == 1u);
    auto forced = p.Create(w.counter, usecases::CreateRequest{test::Traits("DUPOND", "JEAN"), "", "", true});
    BOOST_REQUIRE(forced.Ok());
    BOOST_TEST(w.Journal().back().action == "identity.created_despite_duplicates");
}

BOOST_DATA_TEST_CASE(BillingIdentityStaysSeparate, bdata::make(StoreBackends()), backend) {
    World w(backend);
    Identity child = w.Create(test::Traits("NESSI", "MICHELANGELO ANTHONY", {2010, 8, 7}));
    BillingIdentity b;
    b.insuredNir = "2770763220829";  // the parent's NIR: billing only
    b.insuredNirKey = "10";
    b.lastName = "NESSI";
    b.firstName = "MICHEL";
    b.rawBirthDate = "20100835";  // lunar date, kept verbatim
    b.birthRank = 1;
    b.identityId = child.id;
    b.updatedAt = "2026-11-22T10:00:00.000Z";
    b.id = ports::RunInTransaction(*w.store, TransactionMode::Write,
                                   [&](ports::IStoreTransaction& tx) { return tx.SaveBillingIdentity(b); });
    auto file = w.Patients().Get(child.id);
    BOOST_REQUIRE(file.billing.size() == 1u);
    BOOST_TEST((file.billing[0] == b));
    BOOST_TEST(file.identity.traits.birthFirstNames == "MICHELANGELO ANTHONY");  // never merged
    b.firstName = "MICHELANGELO";
    ports::RunInTransaction(*w.store, TransactionMode::Write, [&](ports::IStoreTransaction& tx) { tx.SaveBillingIdentity(b); });
    BOOST_TEST(w.Patients().Get(child.id).billing.at(0).firstName == "MICHELANGELO");
}

BOOST_DATA_TEST_CASE(DocumentChecksOperatorsSettingsAndCounts, bdata::make(StoreBackends()), backend) {
    World w(backend);
    Identity id = w.Create(test::Traits());
    auto p = w.Patients();
    BOOST_REQUIRE(p.CheckDocument(w.counter, id.id, "cni", Date{2030, 1, 1}).Ok());
    BOOST_REQUIRE(p.CheckDocument(w.counter, id.id, "passeport", std::nullopt).Ok());
    auto checks = p.Get(id.id).documentChecks;
    BOOST_REQUIRE(checks.size() == 2u);
    BOOST_TEST(checks[0].documentType == "cni");
    BOOST_TEST((checks[0].expiry == Date{2030, 1, 1}));
    BOOST_TEST(p.Get(id.id).identity.documentCheck->documentType == "passeport");

    usecases::OperatorService ops(*w.store, w.clock);
    BOOST_TEST(ops.List().size() == 4u);
    BOOST_TEST(ops.Add("comptoir", "x", Role::Comptoir).refusal->code == "rule.permission");
    BOOST_TEST(ops.Add("titulaire", "prep", Role::Comptoir).refusal->code == "rule.operator_exists");
    BOOST_CHECK_THROW(ops.Authenticate("nobody"), BadInputError);
    BOOST_CHECK_THROW(ops.Add("titulaire", "bad name!", Role::Comptoir), BadInputError);

    ports::RunInTransaction(*w.store, TransactionMode::Write, [](ports::IStoreTransaction& tx) {
        tx.SetSetting("instance", "a");
        tx.SetSetting("instance", "b");
    });
    auto v = ports::RunInTransaction(*w.store, TransactionMode::Read,
                                     [](ports::IStoreTransaction& tx) { return tx.GetSetting("instance"); });
    BOOST_TEST(v.value_or("") == "b");
    auto counts = ports::RunInTransaction(*w.store, TransactionMode::Read,
                                          [](ports::IStoreTransaction& tx) { return tx.CountByStatus(); });
    BOOST_REQUIRE(counts.size() == 1u);
    BOOST_TEST(counts[0].first == "VALI");
    BOOST_TEST(counts[0].second == 1);
}

BOOST_DATA_TEST_CASE(IdentityCursorWalksTheWholeFileInIdOrder, bdata::make(StoreBackends()), backend) {
    World w(backend);
    std::vector<IdentityId> created;
    for (const char* name : {"MARTIN", "DURAND", "BERNARD", "PETIT", "ZOLA"})
        created.push_back(w.Create(test::Traits(name, "ANNE", {1970, 1, 1}, Sex::Female)).id);
    std::vector<IdentityId> walked;
    IdentityId after = 0;
    for (;;) {
        auto page = ports::RunInTransaction(*w.store, TransactionMode::Read,
                                            [&](ports::IStoreTransaction& tx) { return tx.IdentityIdsAfter(after, 2); });
        BOOST_TEST(page.size() <= 2u);
        if (page.empty()) break;
        walked.insert(walked.end(), page.begin(), page.end());
        after = page.back();
    }
    BOOST_TEST(walked == created, boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(UnknownIdentityIsBadInput, bdata::make(StoreBackends()), backend) {
    World w(backend);
    auto p = w.Patients();
    BOOST_CHECK_THROW(p.Get(999), BadInputError);
    BOOST_CHECK_THROW(p.CheckDocument(w.counter, 999, "passeport", std::nullopt), BadInputError);
    BOOST_CHECK_THROW(p.CheckDocument(w.preparateur, 999, "passeport", std::nullopt), BadInputError);
}

BOOST_AUTO_TEST_SUITE_END()
