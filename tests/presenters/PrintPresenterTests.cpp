// The Impression dialog's logic (choices, copies, destination, repeat) and its actions (preview,
// print to PDF) against the real SQLite store, the shipped rule sets and the Pango measurer.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "app/presenters/PrintActions.h"
#include "app/presenters/PrintPresenter.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "printing/render/PangoMeasurer.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;
using namespace vigie::usecases;

namespace {

const std::vector<RuleSetChoice> kRuleSets = {{"boite", "Boîte", 89, 36}, {"pilulier", "Pilulier", 57, 32},
                                              {"preparation", "Préparation", 101.6, 50.8}};

Identity Someone(IdentityId id = 7) {
    Identity i;
    i.id = id;
    i.traits = test::EcetinsiTraits();
    return i;
}

Operator Counter(bool active = true) {
    Operator op;
    op.name = "paul";
    op.role = Role::Comptoir;
    op.active = active;
    return op;
}

std::string Slurp(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PrintPresenterSuite)

BOOST_AUTO_TEST_CASE(ChoicesCopiesAndDestinations) {
    PrintPresenter p(Counter());
    p.Open(Someone(), kRuleSets, {"zebra", "laser"}, std::string("laser"));
    PrintView v = p.View();
    BOOST_TEST(v.title == "Impression — ECETINSI PIERRE-ALAIN MURIEL FLORIANT");
    BOOST_REQUIRE_EQUAL(v.targets.size(), 6u);
    BOOST_TEST(v.targets[0] == "Étiquette — Boîte (89 × 36 mm)");
    BOOST_TEST(v.targets[2] == "Étiquette — Préparation (101,6 × 50,8 mm)");
    BOOST_TEST(v.targets[3] == "Fiche d'identité du patient (A4)");
    BOOST_TEST(v.targets[4] == "Ordonnance — délivrance (A4/A5)");
    BOOST_TEST(v.targets[5] == "Plan de prise (A4/A5)");
    BOOST_TEST(v.destinations.back() == "Enregistrer en PDF…");
    BOOST_TEST(v.destinationIndex == 1);  // the default queue
    BOOST_TEST(v.canPrint);
    p.SetCopies(250);
    BOOST_TEST(p.View().copies == 100);
    p.SetCopies(0);
    BOOST_TEST(p.View().copies == 1);
    p.SetCopies(3);
    auto s = p.Settings();
    BOOST_REQUIRE(s.has_value());
    BOOST_TEST(s->target == "label:boite");
    BOOST_TEST(s->copies == 3);
    BOOST_TEST(*s->queue == "laser");

    BOOST_TEST(p.ChooseTarget("document:fiche"));
    BOOST_TEST(!p.View().copiesEnabled);
    BOOST_TEST(p.Settings()->copies == 1);  // a document prints once
    BOOST_TEST(p.ChooseTarget("document:ordonnance"));  // its content is edited in the dialog (issue #6)
    BOOST_TEST(p.View().contentShown);
    BOOST_TEST(p.ChooseTarget("document:fiche"));
    BOOST_TEST(!p.View().contentShown);

    p.ChooseDestination(2);  // PDF, no path yet: nothing to print to
    BOOST_TEST(p.PdfChosen());
    BOOST_TEST(!p.Settings().has_value());
    p.SetPdfPath("/tmp/fiche.pdf");
    BOOST_TEST(p.Settings()->pdfPath == "/tmp/fiche.pdf");
    BOOST_TEST(p.View().destinationIndex == 2);
    BOOST_TEST(p.Describe(*p.Settings()) == "Fiche d'identité du patient (A4) → « /tmp/fiche.pdf »");
}

BOOST_AUTO_TEST_CASE(NoQueueMeansPdf) {
    PrintPresenter p(Counter());
    p.Open(Someone(), kRuleSets, {}, std::nullopt);
    BOOST_TEST(p.PdfChosen());
    BOOST_TEST(p.View().destinations.size() == 1u);
    BOOST_TEST(p.View().destinationIndex == 0);
}

BOOST_AUTO_TEST_CASE(RepeatIsForTheSamePatientOnly) {
    PrintPresenter p(Counter());
    p.Open(Someone(7), kRuleSets, {"zebra"}, std::nullopt);
    p.ChooseTarget("label:pilulier");
    p.SetCopies(4);
    BOOST_TEST(!p.RepeatFor(7).has_value());  // nothing printed yet
    p.OnPrinting();
    BOOST_TEST(p.View().busy);
    BOOST_TEST(!p.View().canPrint);
    p.OnPrinted(*p.Settings(), 4, {});
    BOOST_TEST(p.View().message == "Étiquette — Pilulier (57 × 32 mm) × 4 → imprimante « zebra » : 4 pages.");
    BOOST_TEST(ToneCode(p.View().messageTone) == "info");
    BOOST_REQUIRE(p.RepeatFor(7).has_value());
    BOOST_TEST(p.RepeatFor(7)->copies == 4);
    BOOST_TEST(!p.RepeatFor(8).has_value());  // another patient: the dialog, never a blind print

    p.Open(Someone(8), kRuleSets, {"zebra"}, std::nullopt);  // the next patient: same habits
    BOOST_TEST(p.View().targetIndex == 1);
    BOOST_TEST(p.View().copies == 4);
    BOOST_TEST(p.Settings()->identity == 8);

    BOOST_TEST(PrintPresenter::NumberedPath("/tmp/etiquette.pdf", 1) == "/tmp/etiquette.pdf");
    BOOST_TEST(PrintPresenter::NumberedPath("/tmp/etiquette.pdf", 2) == "/tmp/etiquette-2.pdf");
    BOOST_TEST(PrintPresenter::NumberedPath("/tmp/a.b/etiquette", 3) == "/tmp/a.b/etiquette-3");

    // Repeats to a file: numbered after the file the operator chose, whatever was printed since.
    std::set<std::string> files = {"/tmp/e.pdf"};
    auto exists = [&files](const std::string& f) { return files.count(f) > 0; };
    PrintSettings toFile{8, "label:boite", 1, std::nullopt, "/tmp/e.pdf", "/tmp/e.pdf", {}, printing::PaperFormat::A4};
    PrintSettings next = PrintPresenter::NextRepeat(toFile, exists);
    BOOST_TEST(next.pdfPath == "/tmp/e-2.pdf");
    files.insert(next.pdfPath);
    next = PrintPresenter::NextRepeat(next, exists);
    BOOST_TEST(next.pdfPath == "/tmp/e-3.pdf");
    BOOST_TEST(next.pdfChosen == "/tmp/e.pdf");
    PrintSettings toQueue{8, "label:boite", 1, std::string("zebra"), "", "", {}, printing::PaperFormat::A4};
    BOOST_TEST(*PrintPresenter::NextRepeat(toQueue, exists).queue == "zebra");
}

BOOST_AUTO_TEST_CASE(RefusalsInFrench) {
    PrintPresenter p(Counter());
    p.Open(Someone(), kRuleSets, {}, std::nullopt);
    p.OnPreviewStarted();
    BOOST_TEST(p.View().previewText == "Aperçu en cours…");
    p.OnPreviewRefused("le nom ne tient pas sur l'étiquette Boîte.");
    BOOST_TEST(p.View().previewText == "Impression impossible : le nom ne tient pas sur l'étiquette Boîte.");
    BOOST_TEST(!p.View().canPrint);
    p.OnPrintRefused("Impossible d'écrire « /x/y.pdf ».");
    BOOST_TEST(p.View().message == "Refusé : Impossible d'écrire « /x/y.pdf ».");
    BOOST_TEST(ToneCode(p.View().messageTone) == "danger");

    PrintPresenter inactive(Counter(false));
    inactive.Open(Someone(), kRuleSets, {}, std::nullopt);
    BOOST_TEST(!inactive.View().canPrint);
    BOOST_TEST(inactive.View().message == "Opérateur désactivé : paul.");
}

BOOST_AUTO_TEST_CASE(PreviewAndPrintToPdfOnTheStore) {
    test::TempDir dir;
    auto store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    test::FixedClock clock;
    OperatorService ops(*store, clock);
    ops.Add(std::nullopt, "t", Role::Titulaire);
    const Operator op = *ops.Add("t", "paul", Role::Comptoir).op;
    PatientService patients(*store, clock);
    const auto created = patients.Create(op, CreateRequest{test::EcetinsiTraits(), "", "", true});
    BOOST_REQUIRE(created.Ok());
    const IdentityId id = created.identity->id;
    BOOST_REQUIRE(patients.AcceptIns(op, id, test::EcetinsiTraits(), test::EcetinsiIns()).Ok());
    BOOST_REQUIRE(patients.CheckDocument(op, id, "passeport", std::nullopt).Ok());  // qualifiée

    const auto ruleSets = ListRuleSets(*store, clock);
    BOOST_REQUIRE_GE(ruleSets.size(), 3u);
    printing::PangoMeasurer measurer;
    printing::PharmacyHeader pharmacy{"Pharmacie des Lilas", {"12 rue des Lilas", "75011 Paris"}};

    PrintSettings label{id, "label:boite", 2, std::nullopt, (dir.Path() / "etiquette.pdf").string(), "", {}, printing::PaperFormat::A4};
    const PreviewImage preview = RenderPreview(*store, clock, measurer, label, pharmacy, 480, 360);
    BOOST_REQUIRE(preview.Ok());
    BOOST_TEST(preview.png.size() > 100u);
    BOOST_TEST(std::string(preview.png.begin() + 1, preview.png.begin() + 4) == "PNG");
    BOOST_TEST(preview.dpi <= 300);
    BOOST_TEST(preview.dpi * 89 / 25.4 <= 481);
    const auto historyBefore = patients.History(id).size();  // a preview journals nothing
    BOOST_TEST(patients.History(id).size() == historyBefore);

    const auto printed = RunPrint(*store, clock, measurer, op, label, pharmacy);
    BOOST_REQUIRE(printed.Ok());
    BOOST_TEST(printed.pages == 2);
    BOOST_TEST(Slurp(label.pdfPath).rfind("%PDF", 0) == 0u);
    BOOST_TEST(patients.History(id).size() == historyBefore + 1);
    BOOST_TEST(patients.History(id).back().action == "identity.label_printed");

    PrintSettings fiche{id, "document:fiche", 1, std::nullopt, (dir.Path() / "fiche.pdf").string(), "", {}, printing::PaperFormat::A4};
    const PreviewImage fichePreview = RenderPreview(*store, clock, measurer, fiche, pharmacy, 480, 640);
    BOOST_REQUIRE(fichePreview.Ok());
    BOOST_TEST(fichePreview.pages == 1);
    const auto doc = RunPrint(*store, clock, measurer, op, fiche, pharmacy);
    BOOST_REQUIRE(doc.Ok());
    BOOST_TEST(doc.insPrinted);  // qualifiée: the INS is on the fiche
    BOOST_TEST(Slurp(fiche.pdfPath).rfind("%PDF", 0) == 0u);

    PrintSettings nowhere = fiche;
    nowhere.pdfPath = (dir.Path() / "absent" / "fiche.pdf").string();
    BOOST_CHECK_THROW(RunPrint(*store, clock, measurer, op, nowhere, pharmacy), EnvironmentError);
}

BOOST_AUTO_TEST_SUITE_END()
