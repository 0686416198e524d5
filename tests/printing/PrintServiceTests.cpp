// The printing use-cases over a real store: the owner's rule sets (permission, validation,
// journal, shipped sets overridden and restored) and print jobs (permission, journal written
// only once the output was delivered, the INS only on documents of a qualified identity).
#include <boost/test/unit_test.hpp>

#include "core/domain/Nir.h"
#include "core/usecases/OperatorService.h"
#include "printing/model/LabelRulesJson.h"
#include "printing/render/PangoMeasurer.h"
#include "printing/service/LabelRuleBook.h"
#include "printing/service/PrintJobs.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::printing;
using domain::Role;

namespace printsvc {

struct World {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store;
    test::FixedClock clock;
    domain::Operator owner, preparateur;
    PangoMeasurer measurer;

    World() : store(test::StoreBackends().front().open(dir.Path())) {
        usecases::OperatorService ops(*store, clock);
        owner = *ops.Add(std::nullopt, "claire", Role::Titulaire).op;
        preparateur = *ops.Add("claire", "lea", Role::Preparateur).op;
    }
    domain::IdentityId Insert(domain::IdentityStatus status) {
        auto identity = test::IdentityWith(status, test::Traits("PADOLLEC", "YVETTE", {1960, 9, 19}, domain::Sex::Female, "56520"));
        identity.id = 0;
        if (status == domain::IdentityStatus::Qualifiee) identity.ins->active = {"260095652012481", std::string(domain::kOidInsNir), "", ""};
        return ports::RunInTransaction(*store, ports::TransactionMode::Write,
                                       [&](ports::IStoreTransaction& tx) { return tx.InsertIdentity(identity); });
    }
    std::vector<ports::JournalEntry> JournalWith(const std::string& action) {
        std::vector<ports::JournalEntry> out;
        ports::RunInTransaction(*store, ports::TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
            tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
                if (e.action == action) out.push_back(e);
                return true;
            });
        });
        return out;
    }
};

}  // namespace printsvc
using printsvc::World;

BOOST_AUTO_TEST_SUITE(PrintServiceSuite)

BOOST_AUTO_TEST_CASE(OnlyTheOwnerChangesRuleSetsAndEveryChangeIsJournaled) {
    World w;
    LabelRuleBook book(*w.store, w.clock);
    BOOST_TEST(book.List().size() == 3u);
    BOOST_TEST(book.Get("boite").shipped);

    auto boite = book.Get("boite").rules;
    boite.widthMm = 62;
    boite.heightMm = 29;
    const std::string doc = ExportLabelRules({boite});
    const auto refused = book.Import(w.preparateur, doc);
    BOOST_REQUIRE(!refused.Ok());
    BOOST_TEST(refused.refusal->code == "rule.permission");
    BOOST_TEST(book.Get("boite").shipped);  // nothing saved

    const auto saved = book.Import(w.owner, doc);
    BOOST_REQUIRE(saved.Ok());
    const auto entry = book.Get("boite");
    BOOST_TEST(!entry.shipped);
    BOOST_TEST(entry.version == 1);
    BOOST_TEST(entry.rules.widthMm == 62);
    BOOST_TEST(entry.updatedBy == "claire");
    const auto journal = w.JournalWith("label_rules.saved");
    BOOST_REQUIRE(journal.size() == 1u);
    BOOST_TEST(journal[0].operatorName == "claire");
    BOOST_TEST(journal[0].after == doc);

    // Removing the owner's set brings the shipped one back.
    BOOST_REQUIRE(book.Remove(w.owner, "boite").Ok());
    BOOST_TEST(book.Get("boite").shipped);
    BOOST_TEST(book.Get("boite").rules.widthMm == 89);
    BOOST_TEST(w.JournalWith("label_rules.removed").size() == 1u);
    BOOST_TEST(book.Remove(w.owner, "boite").refusal->code == "rule.label_rules_unknown");
}

BOOST_AUTO_TEST_CASE(InvalidRuleSetsAreRefusedWithTheirReason) {
    World w;
    LabelRuleBook book(*w.store, w.clock);
    auto rules = book.Get("pilulier").rules;
    rules.name = "sans-nom";
    rules.fields.erase(rules.fields.begin());  // the RNIV minimum starts with the birth name
    const auto r = book.Save(w.owner, rules, 0);
    BOOST_REQUIRE(!r.Ok());
    BOOST_TEST(r.refusal->message.find("nom de naissance") != std::string::npos);
    BOOST_CHECK_THROW(book.Import(w.owner, "{\"format\":\"autre\"}"), BadInputError);
    BOOST_CHECK_THROW(book.Get("inconnu"), BadInputError);
    BOOST_TEST(book.List().size() == 3u);
    BOOST_TEST(w.JournalWith("label_rules.saved").empty());
}

BOOST_AUTO_TEST_CASE(ALabelIsJournaledOnlyOnceDelivered) {
    World w;
    const auto id = w.Insert(domain::IdentityStatus::Qualifiee);
    PrintJobs jobs(*w.store, w.clock, w.measurer);
    LabelRequest request;
    request.id = id;
    std::string delivered;
    BOOST_CHECK_THROW(jobs.Label(w.preparateur, request, {OutputKind::Pdf, 300},
                                 [](const std::string&) { throw EnvironmentError("print.refused", "imprimante hors ligne"); }),
                      EnvironmentError);
    BOOST_TEST(w.JournalWith("identity.label_printed").empty());

    request.copies = 3;
    const auto r = jobs.Label(w.preparateur, request, {OutputKind::Pdf, 300},
                              [&](const std::string& bytes) { delivered = bytes; });
    BOOST_REQUIRE(r.Ok());
    BOOST_TEST(r.pages == 3);
    BOOST_TEST(!r.insPrinted);  // never on a label, even for a qualified identity
    BOOST_TEST(delivered.rfind("%PDF", 0) == 0u);
    const auto journal = w.JournalWith("identity.label_printed");
    BOOST_REQUIRE(journal.size() == 1u);
    BOOST_TEST(journal[0].identityId.value_or(0) == id);
    BOOST_TEST(journal[0].operatorName == "lea");
    BOOST_TEST(journal[0].after.find("\"copies\":3") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(DocumentsCarryTheInsOnlyForAQualifiedIdentity) {
    World w;
    PrintJobs jobs(*w.store, w.clock, w.measurer);
    for (auto status : {domain::IdentityStatus::Qualifiee, domain::IdentityStatus::Recuperee}) {
        DocumentJob job;
        job.id = w.Insert(status);
        job.kind = DocumentKind::Fiche;
        std::string pdf;
        const auto r = jobs.Document(w.owner, job, {OutputKind::Pdf, 300}, [&](const std::string& b) { pdf = b; });
        BOOST_REQUIRE(r.Ok());
        BOOST_TEST(r.insPrinted == (status == domain::IdentityStatus::Qualifiee));
        BOOST_TEST(pdf.rfind("%PDF", 0) == 0u);
    }
    const auto journal = w.JournalWith("identity.document_printed");
    BOOST_REQUIRE(journal.size() == 2u);
    BOOST_TEST(journal[0].after.find("\"ins\":true") != std::string::npos);
    BOOST_TEST(journal[1].after.find("\"ins\":false") != std::string::npos);

    DocumentJob empty;
    empty.id = w.Insert(domain::IdentityStatus::Provisoire);
    empty.kind = DocumentKind::Ordonnance;  // without a dispensing line
    const auto refused = jobs.Document(w.owner, empty, {OutputKind::Pdf, 300}, [](const std::string&) {
        BOOST_FAIL("nothing must be delivered for a refused document");
    });
    BOOST_TEST(!refused.Ok());
    BOOST_CHECK_THROW(RenderOutput(Document{"t", {Page{}, Page{}}}, {OutputKind::Png, 300}), BadInputError);
    BOOST_CHECK_THROW(OutputKindOfPath("etiquette.docx"), BadInputError);
    BOOST_TEST((OutputKindOfPath("A.ZPL") == OutputKind::Zpl));
}

BOOST_AUTO_TEST_SUITE_END()
