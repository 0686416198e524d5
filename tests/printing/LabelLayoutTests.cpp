// Label layout with the fake measurer: the minimum traits on every default, long names shrink or
// wrap but are never cut, an overflow is a refusal, and the INS never reaches a label.
#include <boost/test/unit_test.hpp>

#include "core/domain/Nir.h"
#include "printing/model/LabelLayout.h"
#include "tests/printing/FakeMeasurer.h"
#include "tests/printing/PageInspect.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::printing;

namespace lbl {

const test::FakeMeasurer kMeasurer;

// Every run fits its box and the box is inside the margins; barcodes too.
void CheckGeometry(const LabelRuleSet& r, const Page& page) {
    BOOST_TEST(page.widthMm == r.widthMm);
    BOOST_TEST(page.heightMm == r.heightMm);
    const double left = r.margins.leftMm, right = r.widthMm - r.margins.rightMm;
    const double top = r.margins.topMm, bottom = r.heightMm - r.margins.bottomMm;
    for (const TextRun& t : test::TextRuns(page)) {
        BOOST_TEST(kMeasurer.TextWidthMm(t.text, t.font) <= t.widthMm + 1e-9, t.text);
        BOOST_TEST(t.xMm >= left - 1e-9);
        BOOST_TEST(t.xMm + t.widthMm <= right + 1e-9);
        BOOST_TEST(t.yMm >= top - 1e-9);
        BOOST_TEST(t.yMm + kMeasurer.LineHeightMm(t.font) <= bottom + 1e-9, t.text);
        BOOST_TEST(t.font.sizePt >= r.minSizePt);
    }
    for (const Barcode& b : test::Barcodes(page)) {
        BOOST_TEST(b.xMm >= left - 1e-9);
        BOOST_TEST(b.xMm + b.widthMm <= right + 1e-9);
        BOOST_TEST(b.yMm + b.heightMm <= bottom + 1e-9);
    }
}

Identity FullIdentity(IdentityStatus status = IdentityStatus::Qualifiee) {
    Identity id = test::IdentityWith(status, test::Traits("DUPONT", "JEAN PIERRE", {1980, 2, 1}, Sex::Male, "63220"));
    id.usedName = "MARTIN";
    id.usedFirstName = "JEANNOT";
    return id;
}

LabelRuleSet Small(double minSizePt = 6) {  // Brother QL 62×29 with the minimum only
    LabelRuleSet r;
    r.name = "petite";
    r.displayName = "Petite";
    r.widthMm = 62;
    r.heightMm = 29;
    r.minSizePt = minSizePt;
    for (LabelFieldKind k : MandatoryFields()) r.fields.push_back(LabelField{k, {}, {}, 8.0});
    return r;
}

LabelRuleSet EveryKind() {  // every field kind there is, on a large stock
    LabelRuleSet r = Small();
    r.name = "tout";
    r.widthMm = 101.6;
    r.heightMm = 152.4;
    for (LabelFieldKind k : {LabelFieldKind::UsedName, LabelFieldKind::UsedFirstName, LabelFieldKind::BirthFirstNames,
                             LabelFieldKind::DispensingDate, LabelFieldKind::PharmacyName,
                             LabelFieldKind::PatientNumberCode128})
        r.fields.push_back(LabelField{k, {}, {}, 8.0});
    r.fields.push_back(LabelField{LabelFieldKind::FreeText, {}, "1 gélule matin et soir", 8.0});
    return r;
}

// A 100-character birth name with spaces and hyphens (INSi charset).
std::string HundredCharacterName() {
    std::string name = "DE LA TOUR-D'AUVERGNE-LAURAGAIS SAINT-JEAN-DE-MONTMIRAIL DU BOIS-CHAMPLAIN VILLENEUVE-LES-BORDES";
    while (name.size() < 100) name += "X";
    return name.substr(0, 100);
}

}  // namespace lbl

BOOST_AUTO_TEST_SUITE(LabelLayoutSuite)

BOOST_AUTO_TEST_CASE(EveryDefaultRuleSetCarriesTheMinimumTraits) {
    const LabelData data = MakeLabelData(lbl::FullIdentity(), Date{2026, 11, 22}, "Pharmacie du Marché");
    for (const LabelRuleSet& r : DefaultLabelRuleSets()) {
        BOOST_TEST_CONTEXT(r.name) {
            const LabelLayoutResult res = LayoutLabel(r, data, lbl::kMeasurer);
            BOOST_REQUIRE_MESSAGE(res.Ok(), (res.refusal ? res.refusal->message : ""));
            const Page& page = *res.page;
            const auto runs = test::TextRuns(page);
            BOOST_TEST(runs.at(0).text == "DUPONT");
            BOOST_TEST(runs.at(1).text == "JEAN");
            BOOST_TEST(test::PageContains(page, "Né le 01/02/1980"));
            BOOST_TEST(test::PageContains(page, "Sexe : M"));
            BOOST_TEST(test::PageContains(page, "Nom utilisé : MARTIN"));
            BOOST_TEST(test::PageContains(page, "Prénom utilisé : JEANNOT"));
            BOOST_TEST(res.warnings.empty());  // nominal sizes: nothing shrunk
            lbl::CheckGeometry(r, page);
        }
    }
}

BOOST_AUTO_TEST_CASE(TheInsNeverReachesALabelEvenForAQualifiedIdentity) {
    const Identity id = lbl::FullIdentity(IdentityStatus::Qualifiee);
    const LabelData data = MakeLabelData(id, Date{2026, 11, 22}, "Pharmacie du Marché");
    std::vector<LabelRuleSet> sets = DefaultLabelRuleSets();
    sets.push_back(lbl::EveryKind());
    for (const LabelRuleSet& r : sets) {
        const LabelLayoutResult res = LayoutLabel(r, data, lbl::kMeasurer);
        BOOST_REQUIRE(res.Ok());
        BOOST_TEST(!test::AnyElementContains(*res.page, id.ins->active.matricule), r.name);
        BOOST_TEST(!test::AnyElementContains(*res.page, id.ins->active.matricule.substr(0, 13)), r.name);
        BOOST_TEST(!test::AnyElementContains(*res.page, id.ins->active.oid), r.name);
        BOOST_TEST(!test::AnyElementContains(*res.page, id.traits.birthPlace), r.name);
        for (const Barcode& b : test::Barcodes(*res.page)) BOOST_TEST((b.kind == Barcode::Kind::Code128));
    }
}

BOOST_AUTO_TEST_CASE(EveryFieldKindIsLaidOutWithItsOwnWording) {
    const LabelRuleSet r = lbl::EveryKind();
    const LabelLayoutResult res = LayoutLabel(r, MakeLabelData(lbl::FullIdentity(), Date{2026, 11, 22}, "Pharmacie du Marché"),
                                              lbl::kMeasurer);
    BOOST_REQUIRE(res.Ok());
    const Page& page = *res.page;
    BOOST_TEST(test::PageContains(page, "Prénom(s) de naissance : JEAN PIERRE"));
    BOOST_TEST(test::PageContains(page, "Délivré le 22/11/2026"));
    BOOST_TEST(test::PageContains(page, "Pharmacie du Marché"));
    BOOST_TEST(test::PageContains(page, "1 gélule matin et soir"));
    const auto codes = test::Barcodes(page);
    BOOST_REQUIRE_EQUAL(codes.size(), 1u);
    BOOST_TEST(codes[0].data == "42");
    BOOST_TEST(codes[0].widthMm == (11 * 5 + 22) * 0.25, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(codes[0].heightMm == 8.0);
    lbl::CheckGeometry(r, page);
}

BOOST_AUTO_TEST_CASE(UsedNamesEqualToTheBirthOnesAndMissingDataAreLeftOut) {
    Identity id = lbl::FullIdentity();
    id.usedName = "DUPONT";
    id.usedFirstName = "";
    id.id = 0;
    const LabelLayoutResult res = LayoutLabel(lbl::EveryKind(), MakeLabelData(id), lbl::kMeasurer);
    BOOST_REQUIRE(res.Ok());
    BOOST_TEST(!test::PageContains(*res.page, "utilisé"));
    BOOST_TEST(test::Barcodes(*res.page).empty());
    BOOST_TEST(res.warnings == (std::vector<std::string>{"Date de délivrance non fournie : ligne omise.",
                                                         "Nom de la pharmacie non fourni : ligne omise.",
                                                         "Numéro patient (IPP) absent : code-barres omis."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(AHundredCharacterNameShrinksOrWrapsButIsNeverCut) {
    const std::string name = lbl::HundredCharacterName();
    BOOST_REQUIRE_EQUAL(name.size(), 100u);
    Identity id = lbl::FullIdentity();
    id.traits.birthName = name;
    id.traits.birthFirstNames = id.traits.firstBirthFirstName = "MARIE-CHRISTINE-ALEXANDRA-BENEDICTE";
    std::vector<LabelRuleSet> sets = DefaultLabelRuleSets();
    sets.push_back(lbl::Small());
    for (const LabelRuleSet& r : sets) {
        BOOST_TEST_CONTEXT(r.name) {
            const LabelLayoutResult res = LayoutLabel(r, MakeLabelData(id, Date{2026, 11, 22}, "Pharmacie"), lbl::kMeasurer);
            BOOST_REQUIRE_MESSAGE(res.Ok(), (res.refusal ? res.refusal->message : ""));
            std::string joined;
            for (const TextRun& t : test::TextRuns(*res.page)) joined += t.text;
            BOOST_TEST(test::WithoutSpaces(joined).find(test::WithoutSpaces(name)) != std::string::npos);
            BOOST_TEST(joined.find("MARIE-CHRISTINE-ALEXANDRA-BENEDICTE") != std::string::npos);
            BOOST_TEST(test::AllText(*res.page).find("…") == std::string::npos);
            BOOST_TEST(!res.warnings.empty());  // the operator is told the name was shrunk/wrapped
            lbl::CheckGeometry(r, *res.page);
        }
    }
}

BOOST_AUTO_TEST_CASE(ALineTooWideShrinksFirstThenWrapsAtHyphens) {
    Identity id = lbl::FullIdentity();
    id.traits.birthName = "LAGRANGE-FONTAINEBLEAU";  // 22 characters: 42.7 mm at 10 pt, 58 mm wide
    LabelRuleSet r = lbl::Small();
    r.fields[0].style.sizePt = 16;  // 68.3 mm at 16 pt, 59.8 at 14: shrinks to 13.5 pt (57.6 mm)
    LabelLayoutResult res = LayoutLabel(r, MakeLabelData(id), lbl::kMeasurer);
    BOOST_REQUIRE(res.Ok());
    auto runs = test::TextRuns(*res.page);
    BOOST_TEST(runs[0].text == "LAGRANGE-FONTAINEBLEAU");
    BOOST_TEST(runs[0].font.sizePt == 13.5);
    BOOST_TEST(res.warnings.at(0) == "Le nom de naissance : taille réduite à 13,5 pt.");

    r.minSizePt = 14;  // cannot shrink enough: wraps after the hyphen, at the minimum size
    r.baseSizePt = 14;
    r.heightMm = 40;
    res = LayoutLabel(r, MakeLabelData(id), lbl::kMeasurer);
    BOOST_REQUIRE_MESSAGE(res.Ok(), (res.refusal ? res.refusal->message : ""));
    runs = test::TextRuns(*res.page);
    BOOST_TEST(runs[0].text == "LAGRANGE-");
    BOOST_TEST(runs[1].text == "FONTAINEBLEAU");
    BOOST_TEST(runs[0].font.sizePt == 14);
    lbl::CheckGeometry(r, *res.page);
}

BOOST_AUTO_TEST_CASE(AnOverflowIsARefusalNamingTheFieldAndTheStockNeverACut) {
    Identity id = lbl::FullIdentity();
    id.traits.birthName = lbl::HundredCharacterName();
    const LabelLayoutResult res = LayoutLabel(lbl::Small(10), MakeLabelData(id), lbl::kMeasurer);
    BOOST_REQUIRE(!res.Ok());
    BOOST_TEST(res.refusal->code == "label.overflow");
    BOOST_TEST(res.refusal->message == "Le nom de naissance ne tient pas sur l'étiquette 62×29 mm : choisir un format "
                                       "plus grand ou réduire les champs.");

    // A word that cannot be wrapped and is too wide even at the minimum size.
    id.traits.birthName = std::string(60, 'A');
    const LabelLayoutResult wide = LayoutLabel(lbl::Small(), MakeLabelData(id), lbl::kMeasurer);
    BOOST_REQUIRE(!wide.Ok());
    BOOST_TEST(wide.refusal->message.starts_with("Le nom de naissance ne tient pas sur l'étiquette 62×29 mm"));

    LabelRuleSet zebra = lbl::Small(10);
    zebra.widthMm = 101.6;
    zebra.heightMm = 20.3;
    id.traits.birthName = "DUPONT";
    zebra.fields.push_back(LabelField{LabelFieldKind::FreeText, {}, "Conserver au réfrigérateur", 8.0});
    const LabelLayoutResult tall = LayoutLabel(zebra, MakeLabelData(id), lbl::kMeasurer);
    BOOST_REQUIRE(!tall.Ok());
    BOOST_TEST(tall.refusal->message.find("l'étiquette 101,6×20,3 mm") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(TooManyFieldsShrinkTogetherBeforeBeingRefused) {
    LabelRuleSet r = DefaultLabelRuleSets()[0];  // boite, 89×36
    for (LabelField& f : r.fields) f.style.sizePt = 14;
    const LabelLayoutResult res = LayoutLabel(r, MakeLabelData(lbl::FullIdentity(), Date{2026, 11, 22}, "Pharmacie"),
                                              lbl::kMeasurer);
    BOOST_REQUIRE_MESSAGE(res.Ok(), (res.refusal ? res.refusal->message : ""));
    BOOST_TEST(test::TextRuns(*res.page).size() == 8u);
    BOOST_TEST(test::TextRuns(*res.page)[0].font.sizePt < 14);
    lbl::CheckGeometry(r, *res.page);
}

BOOST_AUTO_TEST_CASE(InvalidRulesAndMissingTraitsAreRefused) {
    LabelRuleSet r = lbl::Small();
    r.fields.pop_back();
    LabelLayoutResult res = LayoutLabel(r, MakeLabelData(lbl::FullIdentity()), lbl::kMeasurer);
    BOOST_REQUIRE(!res.Ok());
    BOOST_TEST(res.refusal->code == "label.rules");
    BOOST_TEST(res.refusal->message.find("Champ obligatoire absent : sexe") != std::string::npos);

    Identity id = lbl::FullIdentity();
    id.traits.firstBirthFirstName.clear();
    res = LayoutLabel(lbl::Small(), MakeLabelData(id), lbl::kMeasurer);
    BOOST_REQUIRE(!res.Ok());
    BOOST_TEST(res.refusal->code == "label.data");
}

BOOST_AUTO_TEST_SUITE_END()
