// « Réglages › Étiquettes » (issue #6): the rule set editor's state (RuleSetEditorPresenter) and
// its actions (SettingsActions: save with version, stale version, remove, preview) against the
// real SQLite store, the shipped rule sets and the Pango measurer.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "app/presenters/RuleSetEditorPresenter.h"
#include "app/presenters/SettingsActions.h"
#include "core/usecases/OperatorService.h"
#include "db/sqlite/SqliteStore.h"
#include "printing/render/PangoMeasurer.h"
#include "tests/db/StoreFixture.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;
using namespace vigie::printing;

namespace {

Operator As(Role role, const std::string& name = "claire") {
    Operator op;
    op.name = name;
    op.role = role;
    return op;
}

struct Book {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    ports::SystemClock clock;
    Operator claire;
    Book() {
        usecases::OperatorService ops(*store, clock, 1000);
        claire = *ops.Add(std::nullopt, "claire", Role::Titulaire).op;
        ops.Add("claire", "paul", Role::Comptoir);
    }
    std::vector<RuleSetEntry> List() { return LabelRuleBook(*store, clock).List(); }
};

RuleSetEditorPresenter Editor(Role role = Role::Titulaire) {
    RuleSetEditorPresenter p(As(role));
    std::vector<RuleSetEntry> entries;
    for (auto& rules : DefaultLabelRuleSets()) entries.push_back(RuleSetEntry{rules, true, 0, "", ""});
    p.Load(entries, "boite");
    return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(RuleSetEditor)

BOOST_AUTO_TEST_CASE(AccessIsTheTitulaires) {
    BOOST_TEST(RuleSetEditorPresenter::Access(As(Role::Titulaire)).enabled);
    const auto refused = RuleSetEditorPresenter::Access(As(Role::Comptoir, "paul"));
    BOOST_TEST(!refused.enabled);
    BOOST_TEST(refused.reason.find("réservé au titulaire") != std::string::npos);
    auto p = Editor(Role::Preparateur);
    p.SetStock(62, 29);
    const auto v = p.View();
    BOOST_TEST(!v.canSave);
    BOOST_TEST(!v.canMoveDown);
    BOOST_TEST(v.removeFieldReason.find("réservé au titulaire") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(EditsStockAndShowsProblemsAsYouType) {
    auto p = Editor();
    auto v = p.View();
    BOOST_TEST(v.name == "boite");
    BOOST_TEST(!v.dirty);
    BOOST_TEST(!v.canSave);
    BOOST_TEST(v.problems.empty());
    BOOST_TEST(v.ruleSets.at(v.ruleSetIndex).find("fourni avec Vigie") != std::string::npos);
    BOOST_TEST(!v.canRemoveSet);
    p.SetStock(62, 29);
    v = p.View();
    BOOST_TEST(v.dirty);
    BOOST_TEST(v.canSave);
    BOOST_TEST(p.Draft().widthMm == 62);
    p.SetStock(5, 29);  // below the minimum stock
    v = p.View();
    BOOST_TEST(!v.problems.empty());
    BOOST_TEST(!v.canSave);
}

BOOST_AUTO_TEST_CASE(RnivMinimumCannotBeRemoved) {
    auto p = Editor();
    BOOST_TEST(p.SelectFieldKind(LabelFieldKind::BirthName));
    auto v = p.View();
    BOOST_TEST(!v.canRemoveField);
    BOOST_TEST(v.removeFieldReason.find("minimum RNIV") != std::string::npos);
    BOOST_TEST(v.removeFieldReason.find("nom de naissance") != std::string::npos);
    const auto before = p.Draft().fields.size();
    BOOST_TEST(!p.RemoveField());
    BOOST_TEST(p.Draft().fields.size() == before);
    BOOST_TEST(p.View().message.find("minimum RNIV") != std::string::npos);
    for (auto kind : MandatoryFields()) {
        BOOST_TEST(p.SelectFieldKind(kind));
        BOOST_TEST(!p.View().canRemoveField);
    }
}

BOOST_AUTO_TEST_CASE(FieldsAddMoveStyleRemove) {
    auto p = Editor();
    p.SelectField(0);
    p.AddField(LabelFieldKind::FreeText);
    BOOST_TEST(p.View().fieldIndex == 1);
    BOOST_TEST(p.View().fieldTextEnabled);
    BOOST_TEST(!p.View().barHeightEnabled);
    p.SetFieldText("À conserver au frais");
    p.SetFieldBold(true);
    p.SetFieldSize(8);
    p.SetFieldAlign(1);
    const LabelField& f = p.Draft().fields[1];
    BOOST_TEST(f.text == "À conserver au frais");
    BOOST_TEST(f.style.bold);
    BOOST_TEST(*f.style.sizePt == 8.0);
    BOOST_TEST((f.style.align == Align::Center));
    BOOST_TEST(p.View().fields[1].find("« À conserver au frais »") != std::string::npos);
    BOOST_TEST(p.View().fields[1].find("gras") != std::string::npos);
    p.MoveField(-1);
    BOOST_TEST(p.View().fieldIndex == 0);
    BOOST_TEST((p.Draft().fields[0].kind == LabelFieldKind::FreeText));
    BOOST_TEST(!p.View().canMoveUp);
    BOOST_TEST(p.View().canRemoveField);
    BOOST_TEST(p.RemoveField());
    BOOST_TEST(p.Draft().fields == DefaultLabelRuleSets()[0].fields);
    p.AddField(LabelFieldKind::FreeText);
    p.SetFieldText("");  // an empty free line is a problem, shown at once
    BOOST_TEST(!p.View().problems.empty());
    BOOST_TEST(!p.View().canSave);
}

BOOST_AUTO_TEST_CASE(NewSetIsACopyUnderANewName) {
    auto p = Editor();
    BOOST_TEST(!p.NewFrom("boite", "Boîte"));
    BOOST_TEST(p.View().message.find("existe déjà") != std::string::npos);
    BOOST_TEST(!p.NewFrom("Mauvais Nom", ""));
    BOOST_TEST(p.View().message.find("Nom de règle invalide") != std::string::npos);
    BOOST_TEST(p.NewFrom("boite-petite", "Boîte (petite)"));
    const auto v = p.View();
    BOOST_TEST(v.name == "boite-petite");
    BOOST_TEST(v.canSave);
    BOOST_TEST(!v.canRemoveSet);
    BOOST_TEST(v.ruleSets.at(v.ruleSetIndex).find("nouveau") != std::string::npos);
    BOOST_TEST(p.Version() == 0);
}

BOOST_AUTO_TEST_CASE(SaveWithVersionThenStaleThenRemove) {
    Book b;
    RuleSetEditorPresenter p(b.claire);
    p.Load(b.List(), "boite");
    p.SetStock(62, 29);
    auto out = SaveRuleSet(*b.store, b.clock, b.claire, p.Draft(), p.Version());
    BOOST_TEST(!out.refusal);
    BOOST_TEST(!out.stale);
    p.OnDone(out.entries, "boite", out.message);
    BOOST_TEST(p.View().message == "Jeu « Boîte » enregistré.");
    BOOST_TEST(p.IsStored());
    BOOST_TEST(p.Version() > 0);
    BOOST_TEST(LabelRuleBook(*b.store, b.clock).Get("boite").rules.widthMm == 62);

    // Another counter saves meanwhile: this one's version is stale.
    RuleSetEditorPresenter other(b.claire);
    other.Load(b.List(), "boite");
    other.SetFonts(9, 6);
    BOOST_TEST(!SaveRuleSet(*b.store, b.clock, b.claire, other.Draft(), other.Version()).stale);
    p.SetStock(60, 29);
    out = SaveRuleSet(*b.store, b.clock, b.claire, p.Draft(), p.Version());
    BOOST_TEST(out.stale);
    p.OnStale();
    BOOST_TEST(p.View().message.find("modifié ou supprimé sur un autre poste") != std::string::npos);
    BOOST_TEST((p.View().messageTone == Tone::Danger));

    // A comptoir is refused by the book.
    out = SaveRuleSet(*b.store, b.clock, As(Role::Comptoir, "paul"), p.Draft(), 0);
    BOOST_TEST(out.refusal.has_value());

    out = RemoveRuleSet(*b.store, b.clock, b.claire, "boite");
    BOOST_TEST(!out.refusal);
    BOOST_TEST(out.message.find("le jeu fourni avec Vigie est rétabli") != std::string::npos);
    p.OnDone(out.entries, "boite", out.message);
    BOOST_TEST(p.Draft().widthMm == 89);
    BOOST_TEST(!p.IsStored());
}

BOOST_AUTO_TEST_CASE(ExportThenImport) {
    Book b;
    const auto file = (b.dir.Path() / "regles.json").string();
    ExportRuleSets(*b.store, b.clock, {"pilulier"}, file);
    const auto out = ImportRuleSets(*b.store, b.clock, b.claire, file);
    BOOST_TEST(!out.refusal);
    BOOST_TEST(out.message == "Importé : pilulier.");
    BOOST_TEST(!LabelRuleBook(*b.store, b.clock).Get("pilulier").shipped);
    BOOST_CHECK_THROW(ImportRuleSets(*b.store, b.clock, b.claire, (b.dir.Path() / "absent.json").string()), Error);
}

BOOST_AUTO_TEST_CASE(PreviewIsTheLabelLayout) {
    PangoMeasurer measurer;
    auto p = Editor();
    const auto data = SampleLabelData(Date{2026, 11, 22}, "");
    auto image = RenderRuleSetPreview(p.Draft(), data, measurer, 440, 300);
    BOOST_TEST(image.Ok());
    BOOST_TEST(image.png.size() > 100);
    p.SetStock(62, 29);
    image = RenderRuleSetPreview(p.Draft(), data, measurer, 440, 300);
    BOOST_TEST(image.Ok());
    p.SetStock(20, 10);  // too small for the minimum: the same refusal as a print
    image = RenderRuleSetPreview(p.Draft(), data, measurer, 440, 300);
    BOOST_TEST(!image.Ok());
    p.OnPreviewRefused(image.refusal->message);
    BOOST_TEST(p.View().previewText.rfind("Aperçu impossible", 0) == 0);
}

BOOST_AUTO_TEST_CASE(PrinterChoicesAreStoreSettings) {
    Book b;
    BOOST_TEST(SavePrinterChoices(*b.store, As(Role::Comptoir, "paul"), "zebra", "").has_value());
    BOOST_TEST(!SavePrinterChoices(*b.store, b.claire, "zebra", "laser"));
    const auto c = LoadPrinterChoices(*b.store);
    BOOST_TEST(c.labels == "zebra");
    BOOST_TEST(c.documents == "laser");
}

BOOST_AUTO_TEST_SUITE_END()
