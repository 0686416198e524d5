// The documents the pharmacy accepts to validate an identity (issue #6, Réglages › Pièces
// d'identité) against every store backend: the whole catalog until restricted, the titulaire
// only, at least one document, catalog codes only, journaled before/after, and
// PatientService::CheckDocument refusing a document the pharmacy does not accept.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/domain/DocumentTypes.h"
#include "core/usecases/AcceptedDocuments.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using ports::IStoreTransaction;
using ports::TransactionMode;
using usecases::AcceptedDocuments;
using vigie::test::StoreBackends;
namespace bdata = boost::unit_test::data;

namespace {

using Codes = std::vector<std::string>;

struct DocWorld {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store;
    test::FixedClock clock;
    Operator titulaire, counter;

    explicit DocWorld(const test::StoreBackend& backend) : store(backend.open(dir.Path())) {
        usecases::OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "claire", Role::Titulaire).op;
        counter = *ops.Add("claire", "paul", Role::Comptoir).op;
    }
    AcceptedDocuments Docs() { return AcceptedDocuments(*store, clock); }
    usecases::PatientService Patients() { return usecases::PatientService(*store, clock); }
    IdentityId Create() {
        auto r = Patients().Create(counter, usecases::CreateRequest{test::Traits(), "", "", true});
        BOOST_REQUIRE(r.Ok());
        return r.identity->id;
    }
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
    std::optional<std::string> Setting() {
        return ports::RunInTransaction(*store, TransactionMode::Read, [](IStoreTransaction& tx) {
            return tx.GetSetting(usecases::kAcceptedDocumentsSetting);
        });
    }
};

Codes WholeCatalog() {
    Codes all;
    for (const auto& d : DefaultDocumentCatalog()) all.emplace_back(d.code);
    return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AcceptedDocumentsStore)

BOOST_DATA_TEST_CASE(WholeCatalogUntilRestricted, bdata::make(StoreBackends()), backend) {
    DocWorld w(backend);
    BOOST_TEST(w.Docs().Codes() == WholeCatalog());
    BOOST_TEST(!w.Setting());
    // Saved in catalog order whatever the order given, duplicates dropped.
    BOOST_TEST(!w.Docs().Set(w.titulaire, {"passeport", "cni", "passeport"}));
    BOOST_TEST(w.Docs().Codes() == (Codes{"cni", "passeport"}));
    BOOST_TEST(*w.Setting() == "cni,passeport");
}

BOOST_DATA_TEST_CASE(TitulaireOnlyAtLeastOneCatalogOnly, bdata::make(StoreBackends()), backend) {
    DocWorld w(backend);
    const std::size_t start = w.Journal().size();
    auto r = w.Docs().Set(w.counter, {"cni"});
    BOOST_REQUIRE(r);
    BOOST_TEST(r->code == "rule.permission");
    BOOST_TEST(r->message.find("titulaire") != std::string::npos);
    r = w.Docs().Set(w.titulaire, {});
    BOOST_REQUIRE(r);
    BOOST_TEST(r->code == "input.no_document");
    // Outside the high-trust catalog: never (carte Vitale, permis de conduire).
    for (const char* code : {"carte-vitale", "permis", ""}) {
        r = w.Docs().Set(w.titulaire, {"cni", code});
        BOOST_REQUIRE(r);
        BOOST_TEST(r->code == "input.unknown_document");
    }
    Operator inactive = w.titulaire;
    inactive.active = false;
    BOOST_TEST(w.Docs().Set(inactive, {"cni"}).has_value());
    BOOST_TEST(!w.Setting());
    BOOST_TEST(w.Journal().size() == start);
}

BOOST_DATA_TEST_CASE(ChangeJournaledBeforeAfter, bdata::make(StoreBackends()), backend) {
    DocWorld w(backend);
    const std::size_t start = w.Journal().size();
    BOOST_REQUIRE(!w.Docs().Set(w.titulaire, {"cni", "passeport", "titre-sejour"}));
    auto j = w.Journal();
    BOOST_REQUIRE(j.size() == start + 1);
    BOOST_TEST(j.back().action == "settings.documents_changed");
    BOOST_TEST(j.back().operatorName == "claire");
    BOOST_TEST(j.back().role == "titulaire");
    BOOST_TEST(!j.back().identityId);
    BOOST_TEST(j.back().before ==
               "{\"accepted_documents\":[\"cni\",\"passeport\",\"titre-sejour\",\"livret-famille\","
               "\"extrait-naissance\",\"eidas\",\"appli-carte-vitale\"]}");
    BOOST_TEST(j.back().after == "{\"accepted_documents\":[\"cni\",\"passeport\",\"titre-sejour\"]}");
    // The same list again changes nothing and journals nothing.
    BOOST_REQUIRE(!w.Docs().Set(w.titulaire, {"titre-sejour", "cni", "passeport"}));
    BOOST_TEST(w.Journal().size() == start + 1);
    BOOST_REQUIRE(!w.Docs().Set(w.titulaire, {"passeport"}));
    j = w.Journal();
    BOOST_REQUIRE(j.size() == start + 2);
    BOOST_TEST(j.back().before == "{\"accepted_documents\":[\"cni\",\"passeport\",\"titre-sejour\"]}");
    BOOST_TEST(j.back().after == "{\"accepted_documents\":[\"passeport\"]}");
}

BOOST_DATA_TEST_CASE(CheckDocumentRefusesWhatThePharmacyDoesNotAccept, bdata::make(StoreBackends()), backend) {
    DocWorld w(backend);
    const IdentityId id = w.Create();
    BOOST_REQUIRE(!w.Docs().Set(w.titulaire, {"passeport"}));
    const std::size_t start = w.Journal().size();
    auto r = w.Patients().CheckDocument(w.counter, id, "cni", std::nullopt);
    BOOST_REQUIRE(r.refusal);
    BOOST_TEST(r.refusal->code == "rule.document_not_accepted");
    BOOST_TEST(r.refusal->message.find("Carte nationale d'identité") != std::string::npos);
    BOOST_TEST(r.refusal->message.find("n'est pas acceptée par la pharmacie") != std::string::npos);
    BOOST_TEST(w.Journal().size() == start);  // nothing written
    auto still = ports::RunInTransaction(*w.store, TransactionMode::Read,
                                         [&](IStoreTransaction& tx) { return tx.GetIdentity(id); });
    BOOST_TEST(!still->documentCheck);
    // An unknown identity is still reported as such, not as a refused document.
    BOOST_CHECK_THROW(w.Patients().CheckDocument(w.counter, 999, "cni", std::nullopt), BadInputError);
    // A document outside the catalog keeps the state machine's refusal.
    r = w.Patients().CheckDocument(w.counter, id, "carte-vitale", std::nullopt);
    BOOST_REQUIRE(r.refusal);
    BOOST_TEST(r.refusal->code != "rule.document_not_accepted");
    // The accepted one validates.
    r = w.Patients().CheckDocument(w.counter, id, "passeport", std::nullopt);
    BOOST_REQUIRE(r.Ok());
    BOOST_TEST(r.identity->documentCheck->documentType == "passeport");
    // Accepted again by the titulaire: the CNI validates too.
    const IdentityId other = w.Create();
    BOOST_REQUIRE(!w.Docs().Set(w.titulaire, {"cni", "passeport"}));
    BOOST_TEST(w.Patients().CheckDocument(w.counter, other, "cni", std::nullopt).Ok());
}

BOOST_AUTO_TEST_SUITE_END()
