// Issue #6: the content of an ordonnance / plan de prise in the Impression dialog (editing,
// validation, JSON import, repeat), and the printers' languages (Réglages › Imprimantes: ZPL per
// queue, titulaire only, journaled) with the routing of a print to a ZPL queue, captured instead
// of sent to CUPS.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/presenters/DocumentContentEditor.h"
#include "app/presenters/PrintActions.h"
#include "app/presenters/PrintPresenter.h"
#include "app/presenters/PrinterSettings.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "printing/render/PangoMeasurer.h"
#include "printing/service/QueueSettings.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;
using namespace vigie::usecases;
using printing::DocumentKind;

namespace {

Identity Someone(IdentityId id = 7) {
    Identity i;
    i.id = id;
    i.traits = test::EcetinsiTraits();
    return i;
}

Operator Counter() {
    Operator op;
    op.name = "paul";
    op.role = Role::Comptoir;
    return op;
}

void Write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string Slurp(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

// A store with a titulaire, a comptoir operator and a qualified patient.
struct Counter_ {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    test::FixedClock clock;
    Operator titulaire, comptoir;
    IdentityId id = 0;
    printing::PangoMeasurer measurer;
    printing::PharmacyHeader pharmacy{"Pharmacie des Lilas", {"12 rue des Lilas", "75011 Paris"}};
    Counter_() {
        OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "claire", Role::Titulaire).op;
        comptoir = *ops.Add("claire", "paul", Role::Comptoir).op;
        PatientService patients(*store, clock);
        id = patients.Create(comptoir, CreateRequest{test::EcetinsiTraits(), "", "", true}).identity->id;
        BOOST_REQUIRE(patients.AcceptIns(comptoir, id, test::EcetinsiTraits(), test::EcetinsiIns()).Ok());
        BOOST_REQUIRE(patients.CheckDocument(comptoir, id, "passeport", std::nullopt).Ok());
    }
    int Journaled(const std::string& action) {
        int n = 0;
        ports::RunInTransaction(*store, ports::TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
            tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
                n += e.action == action;
                return true;
            });
        });
        return n;
    }
};

struct Sent {
    std::string queue, bytes, title;
    printing::PrintFormat format = printing::PrintFormat::Pdf;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(PrintContentSuite)

BOOST_AUTO_TEST_CASE(EditingLinesAndNotes) {
    DocumentContentEditor e;
    BOOST_TEST(!e.HasLines());  // the fiche
    BOOST_TEST(!e.Problem().has_value());
    e.SetKind(DocumentKind::Ordonnance);
    BOOST_TEST(e.Columns() == (std::vector<std::string>{"Médicament", "Quantité", "Posologie"}));
    BOOST_TEST(e.AddLine() == 0u);
    BOOST_TEST(e.SetCell(0, 0, "DOLIPRANE 1000 mg cp"));
    BOOST_TEST(e.SetCell(0, 1, "2 boîtes"));
    BOOST_TEST(!e.SetCell(0, 3, "x"));  // no fourth column
    BOOST_TEST(!e.SetCell(1, 0, "x"));  // no second line
    BOOST_TEST(!e.SetLine(1, {"AMOXICILLINE 1 g", "1 boîte", "1 cp matin et soir pendant 6 jours"}));
    BOOST_TEST(e.SetLine(3, {"X"}).value() == "Ligne 4 inexistante.");
    BOOST_TEST(e.SetLine(0, {"a", "b", "c", "d"}).value().find("Trop de colonnes") == 0u);
    BOOST_TEST(e.RowCount() == 2u);
    BOOST_TEST(e.Rows()[1][2] == "1 cp matin et soir pendant 6 jours");

    e.SetKind(DocumentKind::PlanDePrise);  // the ordonnance's lines are kept aside
    BOOST_TEST(e.Columns().size() == 6u);
    BOOST_TEST(e.Columns()[4] == "Coucher");
    BOOST_TEST(e.RowCount() == 0u);
    BOOST_TEST(!e.SetLine(0, {"KARDEGIC 75 mg", "1", "", "", "", "pendant le repas"}));
    BOOST_TEST(e.Content().intakes[0].notes == "pendant le repas");
    BOOST_TEST(e.RemoveLine(0));
    BOOST_TEST(!e.RemoveLine(0));
    e.SetKind(DocumentKind::Ordonnance);
    BOOST_TEST(e.RowCount() == 2u);

    e.SetNotesText("Renouvellement possible.\n\n  \nRevoir le médecin dans un mois.\r\n");
    BOOST_TEST(e.Content().notes == (std::vector<std::string>{"Renouvellement possible.", "Revoir le médecin dans un mois."}));
    BOOST_TEST(e.NotesText() == "Renouvellement possible.\nRevoir le médecin dans un mois.");
}

BOOST_AUTO_TEST_CASE(ValidationInFrench) {
    DocumentContentEditor e;
    e.SetKind(DocumentKind::Ordonnance);
    BOOST_TEST(e.Problem().value() == "L'ordonnance ne compte aucune ligne : ajouter au moins un médicament.");
    e.AddLine();  // an empty line is not silently dropped: it is named
    BOOST_TEST(e.Problem().value() == "Ligne 1 : indiquer le médicament.");
    e.SetCell(0, 0, "DOLIPRANE");
    BOOST_TEST(!e.Problem().has_value());
    e.SetLine(1, {"  ", "1 boîte"});
    BOOST_TEST(e.Problem().value() == "Ligne 2 : indiquer le médicament.");
    e.SetKind(DocumentKind::PlanDePrise);
    BOOST_TEST(e.Problem().value() == "Le plan de prise ne compte aucune ligne : ajouter au moins un médicament.");
    e.SetKind(DocumentKind::Fiche);
    BOOST_TEST(!e.Problem().has_value());
}

BOOST_AUTO_TEST_CASE(JsonImportAndItsErrors) {
    test::TempDir dir;
    DocumentContentEditor e;
    e.SetKind(DocumentKind::PlanDePrise);
    e.SetLine(0, {"KARDEGIC 75 mg", "1"});
    const auto before = e.Content();

    const auto missing = (dir.Path() / "absent.json").string();
    BOOST_TEST(e.Import(missing).value() == "Fichier de contenu introuvable : « " + missing + " ».");
    const auto bad = dir.Path() / "bad.json";
    Write(bad, "{\"intakes\": [");
    BOOST_TEST(e.Import(bad.string()).value() == "Contenu du document (" + bad.string() + ") : JSON illisible.");
    Write(bad, R"({"intakes": [{"medication": "A", "matin": "1"}]})");
    BOOST_TEST(e.Import(bad.string()).value() == "Contenu du document (intakes[0].matin) : clé inconnue.");
    Write(bad, R"({"intakes": [{"medication": "A"}], "notes": [3]})");  // a good start, then a bad note
    BOOST_TEST(e.Import(bad.string()).value() == "Contenu du document (notes[0]) : texte attendu.");
    BOOST_TEST((e.Content() == before));  // nothing half-imported

    const auto good = dir.Path() / "plan.json";
    Write(good, R"({"intakes": [{"medication": "METFORMINE 500 mg", "morning": "1", "evening": "1"},
                                {"medication": "ATORVASTATINE 20 mg", "bedtime": "1", "notes": "au coucher"}],
                    "notes": ["Boire un grand verre d'eau."]})");
    BOOST_TEST(!e.Import(good.string()).has_value());
    BOOST_TEST(e.RowCount() == 2u);
    BOOST_TEST(e.Rows()[1][4] == "1");
    BOOST_TEST(e.ImportSummary() == "0 ligne d'ordonnance, 2 lignes de plan de prise, 1 remarque");

    PrintPresenter p(Counter());
    p.Open(Someone(), {}, {}, std::nullopt);
    p.ChooseTarget("document:plan-de-prise");
    BOOST_TEST(!p.ImportContent(bad.string()));
    BOOST_TEST(p.View().message == "Import refusé : Contenu du document (notes[0]) : texte attendu.");
    BOOST_TEST(p.ImportContent(good.string()));
    BOOST_TEST(p.View().message == "Contenu importé : 0 ligne d'ordonnance, 2 lignes de plan de prise, 1 remarque.");
    BOOST_TEST(p.View().contentRows.size() == 2u);
}

BOOST_AUTO_TEST_CASE(DialogShowsTheGridForOrdonnanceAndPlanOnly) {
    PrintPresenter p(Counter());
    p.Open(Someone(), {{"boite", "Boîte", 89, 36}}, {}, std::nullopt);
    BOOST_TEST(!p.View().contentShown);  // a label
    BOOST_TEST(p.ChooseTarget("document:fiche"));
    BOOST_TEST(!p.View().contentShown);
    BOOST_TEST(p.ChooseTarget("document:ordonnance"));
    PrintView v = p.View();
    BOOST_TEST(v.contentShown);
    BOOST_TEST(v.contentColumns.size() == 3u);
    BOOST_TEST(!v.canPrint);  // nothing to deliver yet
    BOOST_TEST(v.contentMessage == "L'ordonnance ne compte aucune ligne : ajouter au moins un médicament.");
    p.Content().SetLine(0, {"DOLIPRANE 1000 mg", "2 boîtes", "1 cp si douleur"});
    p.SetPaper(printing::PaperFormat::A5);
    v = p.View();
    BOOST_TEST(v.canPrint);
    BOOST_TEST(v.contentMessage.empty());
    BOOST_TEST(v.paperIndex == 1);
    p.SetPdfPath("/tmp/o.pdf");
    const auto s = p.Settings();
    BOOST_REQUIRE(s.has_value());
    BOOST_TEST(s->content.dispensing.size() == 1u);
    BOOST_TEST((s->paper == printing::PaperFormat::A5));
    BOOST_TEST(p.Describe(*s) == "Ordonnance — délivrance (A5) → « /tmp/o.pdf »");
    BOOST_TEST(p.ChooseTarget("label:boite"));
    BOOST_TEST(p.Draft().content.dispensing.empty());  // a label carries no content
}

BOOST_AUTO_TEST_CASE(RepeatKeepsTheContentForTheSamePatientOnly) {
    PrintPresenter p(Counter());
    p.Open(Someone(7), {}, {"laser"}, std::nullopt);
    p.ChooseTarget("document:plan-de-prise");
    p.Content().SetLine(0, {"KARDEGIC 75 mg", "1"});
    p.Content().SetNotesText("Pendant le repas.");
    p.SetPaper(printing::PaperFormat::A5);
    p.OnPrinted(*p.Settings(), 1, {});
    const auto again = p.RepeatFor(7);  // Ctrl+P with the dialog closed
    BOOST_REQUIRE(again.has_value());
    BOOST_TEST(again->content.intakes.at(0).medication == "KARDEGIC 75 mg");
    BOOST_TEST(again->content.notes.at(0) == "Pendant le repas.");
    BOOST_TEST((again->paper == printing::PaperFormat::A5));

    p.Open(Someone(8), {}, {"laser"}, std::nullopt);  // the next patient: same document, no lines
    BOOST_TEST(p.View().contentShown);
    BOOST_TEST(p.View().contentRows.empty());
    BOOST_TEST(p.View().paperIndex == 0);
    p.Open(Someone(7), {}, {"laser"}, std::nullopt);  // back to the first: the printed content
    BOOST_TEST(p.View().contentRows.size() == 1u);
    BOOST_TEST(p.View().notes == "Pendant le repas.");
    BOOST_TEST(p.View().paperIndex == 1);
}

BOOST_AUTO_TEST_CASE(PlanDePrisePrintedWithItsLinesAndFlowingOntoPages) {
    Counter_ c;
    PrintSettings plan{c.id, "document:plan-de-prise", 1, std::nullopt, (c.dir.Path() / "plan.pdf").string(), "", {}, printing::PaperFormat::A4};
    PreviewImage preview = RenderPreview(*c.store, c.clock, c.measurer, plan, c.pharmacy, 440, 540);
    BOOST_TEST(!preview.Ok());  // no line: refused as the print would be
    BOOST_TEST(preview.refusal->message == "Le plan de prise ne compte aucune ligne : ajouter au moins un médicament.");
    BOOST_TEST(!RunPrint(*c.store, c.clock, c.measurer, c.comptoir, plan, c.pharmacy).Ok());
    BOOST_TEST(!std::filesystem::exists(plan.pdfPath));

    for (int i = 1; i <= 60; ++i)
        plan.content.intakes.push_back({"MÉDICAMENT NUMÉRO " + std::to_string(i) + " 500 mg comprimé pelliculé", "1",
                                        "", "1", "", "pendant le repas, avec un grand verre d'eau"});
    plan.content.notes = {"Revoir le médecin dans un mois."};
    plan.paper = printing::PaperFormat::A5;
    preview = RenderPreview(*c.store, c.clock, c.measurer, plan, c.pharmacy, 440, 540);
    BOOST_REQUIRE(preview.Ok());
    BOOST_TEST(preview.pages > 2);  // flows onto more pages, nothing cut
    const auto printed = RunPrint(*c.store, c.clock, c.measurer, c.comptoir, plan, c.pharmacy);
    BOOST_REQUIRE(printed.Ok());
    BOOST_TEST(printed.pages == preview.pages);
    BOOST_TEST(printed.insPrinted);
    BOOST_TEST(Slurp(plan.pdfPath).rfind("%PDF", 0) == 0u);
    BOOST_TEST(c.Journaled("identity.document_printed") == 1);
}

BOOST_AUTO_TEST_CASE(QueueLanguagesAreTitulaireOnlyAndJournaled) {
    Counter_ c;
    printing::QueueSettings settings(*c.store, c.clock);
    printing::PrinterSettingsData d;
    d.labels = "zebra";
    d.formats = {{"zebra", printing::QueueLanguage::Zpl, 300}, {"laser", printing::QueueLanguage::Pdf, 203}};
    const auto refused = settings.Save(c.comptoir, d);
    BOOST_REQUIRE(refused.has_value());
    BOOST_TEST(refused->message == "Droit insuffisant pour choisir les imprimantes : réservé au titulaire.");
    BOOST_TEST(!settings.FormatOf("zebra").IsZpl());
    auto wrong = d;
    wrong.formats[0].dpi = 250;
    BOOST_TEST(settings.Save(c.titulaire, wrong)->message == "Résolution ZPL de « zebra » : 203, 300 ou 600 dpi (250 donné).");
    BOOST_TEST(c.Journaled("printers.settings_saved") == 0);

    BOOST_TEST(!settings.Save(c.titulaire, d).has_value());
    BOOST_TEST(c.Journaled("printers.settings_saved") == 1);
    BOOST_TEST(settings.FormatOf("zebra").IsZpl());
    BOOST_TEST(settings.FormatOf("zebra").dpi == 300);
    BOOST_TEST(!settings.FormatOf("laser").IsZpl());
    BOOST_TEST(!settings.FormatOf("unknown").IsZpl());  // never set: PDF
    ports::RunInTransaction(*c.store, ports::TransactionMode::Read, [](ports::IStoreTransaction& tx) {
        BOOST_TEST(tx.GetSetting("print.queue.zebra.language").value() == "zpl");
        BOOST_TEST(tx.GetSetting("print.queue.zebra.dpi").value() == "300");
        BOOST_TEST(tx.GetSetting("print.queue.labels").value() == "zebra");
    });
    BOOST_TEST(!settings.Save(c.titulaire, d).has_value());  // unchanged: nothing more journaled
    BOOST_TEST(c.Journaled("printers.settings_saved") == 1);
    d.documents = "laser";
    BOOST_TEST(!SavePrinterChoices(*c.store, c.clock, c.titulaire, PrinterChoices{{}, {}, {}, "zebra", "laser", d.formats}));
    BOOST_TEST(c.Journaled("printers.settings_saved") == 2);
    const auto loaded = settings.Load({"zebra", "laser"});
    BOOST_TEST(loaded.documents == "laser");
    BOOST_TEST(loaded.formats.size() == 2u);
    BOOST_TEST(printing::DescribeFormat(loaded.formats[0]) == "ZPL brut (Zebra) 300 dpi");
    BOOST_TEST(printing::DescribeFormat(loaded.formats[1]) == "PDF (pilote CUPS)");
}

BOOST_AUTO_TEST_CASE(ZplQueueGetsRawZplLabelsAndRefusesDocuments) {
    Counter_ c;
    printing::PrinterSettingsData d;
    d.formats = {{"zebra", printing::QueueLanguage::Zpl, 203}, {"zebra300", printing::QueueLanguage::Zpl, 300}};
    BOOST_REQUIRE(!printing::QueueSettings(*c.store, c.clock).Save(c.titulaire, d).has_value());
    std::vector<Sent> sent;
    QueueSender capture = [&sent](const std::string& q, const std::string& b, printing::PrintFormat f, const std::string& t) {
        sent.push_back({q, b, t, f});
    };
    auto width = [](const std::string& zpl) { return std::stoi(zpl.substr(zpl.find("^PW") + 3)); };

    PrintSettings label{c.id, "label:boite", 2, std::string("zebra"), "", "", {}, printing::PaperFormat::A4};
    BOOST_REQUIRE(RunPrint(*c.store, c.clock, c.measurer, c.comptoir, label, c.pharmacy, capture).Ok());
    label.queue = "zebra300";
    BOOST_REQUIRE(RunPrint(*c.store, c.clock, c.measurer, c.comptoir, label, c.pharmacy, capture).Ok());
    label.queue = "laser";  // never configured: PDF through its driver
    BOOST_REQUIRE(RunPrint(*c.store, c.clock, c.measurer, c.comptoir, label, c.pharmacy, capture).Ok());
    BOOST_REQUIRE_EQUAL(sent.size(), 3u);
    BOOST_TEST((sent[0].format == printing::PrintFormat::Zpl));
    BOOST_TEST(sent[0].queue == "zebra");
    BOOST_TEST(sent[0].bytes.rfind("^XA", 0) == 0u);
    BOOST_TEST(width(sent[0].bytes) == 712);  // 89 mm at 8 dots/mm
    BOOST_TEST(width(sent[1].bytes) == 1068);  // 89 mm at 12 dots/mm (300 dpi)
    BOOST_TEST(sent[0].title == "Vigie - étiquette");  // no name in the queue
    BOOST_TEST((sent[2].format == printing::PrintFormat::Pdf));
    BOOST_TEST(sent[2].bytes.rfind("%PDF", 0) == 0u);
    BOOST_TEST(c.Journaled("identity.label_printed") == 3);

    PrintSettings fiche{c.id, "document:fiche", 1, std::string("zebra"), "", "", {}, printing::PaperFormat::A4};
    const auto refused = RunPrint(*c.store, c.clock, c.measurer, c.comptoir, fiche, c.pharmacy, capture);
    BOOST_REQUIRE(refused.refusal.has_value());
    BOOST_TEST(refused.refusal->message.rfind("Cette imprimante n'imprime que des étiquettes ZPL", 0) == 0u);
    BOOST_TEST(sent.size() == 3u);  // nothing sent
    BOOST_TEST(c.Journaled("identity.document_printed") == 0);

    // The dialog says it before the print is even tried.
    PrintPresenter p(c.comptoir);
    p.SetQueueFormats(printing::QueueSettings(*c.store, c.clock).Load({"zebra", "laser"}).formats);
    p.Open(Someone(c.id), {{"boite", "Boîte", 89, 36}}, {"zebra", "laser"}, std::string("zebra"));
    BOOST_TEST(p.View().destinations[0] == "zebra (étiquettes ZPL, 203 dpi)");
    BOOST_TEST(p.View().canPrint);  // a label
    p.ChooseTarget("document:fiche");  // a document: off the Zebra, onto a PDF queue
    BOOST_TEST(p.View().destinationIndex == 1);
    BOOST_TEST(p.View().canPrint);
    p.ChooseDestination(0);  // the operator insists on the Zebra
    BOOST_TEST(!p.View().canPrint);
    BOOST_TEST(p.View().message.rfind("Cette imprimante n'imprime que des étiquettes ZPL", 0) == 0u);
    p.ChooseDestination(1);  // laser
    BOOST_TEST(p.View().canPrint);
}

BOOST_AUTO_TEST_SUITE_END()
