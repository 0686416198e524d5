// Label rules as JSON: round trips, and every import error as a BadInputError naming the path.
#include <boost/test/unit_test.hpp>

#include <functional>

#include <nlohmann/json.hpp>

#include "core/domain/Errors.h"
#include "printing/model/LabelRulesJson.h"

using namespace vigie;
using namespace vigie::printing;
using nlohmann::json;

namespace lrj {

json Defaults() { return json::parse(ExportLabelRules(DefaultLabelRuleSets())); }

// Imports `doc` and returns the French message of the BadInputError it must raise.
std::string ImportError(const std::string& text) {
    try {
        ImportLabelRules(text);
    } catch (const BadInputError& e) {
        BOOST_TEST(e.Code() == "input.label_rules");
        BOOST_TEST((e.Kind() == ErrorKind::BadInput));
        return e.what();
    }
    BOOST_FAIL("no error for: " + text);
    return {};
}
std::string ImportError(const json& doc) { return ImportError(doc.dump()); }

void ExpectError(const json& doc, const std::string& expected) {
    const std::string message = ImportError(doc);
    BOOST_TEST(message.find(expected) != std::string::npos, message << " — expected: " << expected);
}

}  // namespace lrj

BOOST_AUTO_TEST_SUITE(LabelRulesJsonSuite)

BOOST_AUTO_TEST_CASE(TheDefaultsRoundTrip) {
    const std::vector<LabelRuleSet> defaults = DefaultLabelRuleSets();
    const std::string text = ExportLabelRules(defaults);
    BOOST_TEST((ImportLabelRules(text) == defaults));
    BOOST_TEST(ExportLabelRules(ImportLabelRules(text)) == text);
    const json doc = json::parse(text);
    BOOST_TEST(doc["format"] == "vigie-label-rules");
    BOOST_TEST(doc["version"] == 1);
    BOOST_TEST(doc["ruleSets"][0]["displayName"] == "Boîte");  // UTF-8 kept as is
    BOOST_TEST(doc["ruleSets"][0]["fields"][0]["kind"] == "nom-naissance");
}

BOOST_AUTO_TEST_CASE(EveryKindAndStyleRoundTrips) {
    LabelRuleSet r;
    r.name = "sur-mesure-2";
    r.displayName = "Sur mesure « 2 »";
    r.widthMm = 101.6;
    r.heightMm = 50.8;
    r.margins = {1.5, 2.25, 3, 4};
    r.fontFamily = "Liberation Sans";
    r.baseSizePt = 11.5;
    r.minSizePt = 7;
    r.barcodeModuleMm = 0.33;
    for (int k = 0; k <= static_cast<int>(LabelFieldKind::PatientNumberCode128); ++k) {
        LabelField f;
        f.kind = static_cast<LabelFieldKind>(k);
        f.style.align = static_cast<Align>(k % 3);
        f.style.bold = k % 2 == 0;
        if (k % 4 == 0) f.style.sizePt = 8.5;
        if (f.kind == LabelFieldKind::FreeText) f.text = "Posologie : 1 sachet le soir — « à jeun »";
        if (f.kind == LabelFieldKind::PatientNumberCode128) f.barHeightMm = 12.5;
        r.fields.push_back(f);
    }
    BOOST_REQUIRE(ValidateLabelRules(r).empty());
    const std::vector<LabelRuleSet> sets{r, DefaultLabelRuleSets()[1]};
    BOOST_TEST((ImportLabelRules(ExportLabelRules(sets)) == sets));
}

BOOST_AUTO_TEST_CASE(OptionalFieldKeysTakeTheirDefaults) {
    json doc = lrj::Defaults();
    doc["ruleSets"] = json::array({doc["ruleSets"][0]});
    doc["ruleSets"][0]["fields"] = json::array({{{"kind", "nom-naissance"}}, {{"kind", "premier-prenom"}},
                                                {{"kind", "date-naissance"}}, {{"kind", "sexe"}}});
    const auto sets = ImportLabelRules(doc.dump());
    BOOST_REQUIRE_EQUAL(sets.size(), 1u);
    BOOST_TEST(sets[0].fields.size() == 4u);
    BOOST_TEST(!sets[0].fields[0].style.sizePt.has_value());
    BOOST_TEST(!sets[0].fields[0].style.bold);
    BOOST_TEST((sets[0].fields[0].style.align == Align::Left));
}

BOOST_AUTO_TEST_CASE(DocumentLevelErrors) {
    BOOST_TEST(lrj::ImportError(std::string("{\"format\": ")).find("JSON illisible") != std::string::npos);
    BOOST_TEST(lrj::ImportError(std::string("[]")) == "Règles d'étiquette (JSON) : objet attendu.");
    json doc = lrj::Defaults();
    doc["format"] = "vigie-identities";
    lrj::ExpectError(doc, "format : « vigie-label-rules » attendu.");
    doc = lrj::Defaults();
    doc["version"] = 2;
    lrj::ExpectError(doc, "version : version 2 non prise en charge (version 1 attendue).");
    doc["version"] = "1";
    lrj::ExpectError(doc, "version : nombre entier attendu.");
    doc = lrj::Defaults();
    doc.erase("ruleSets");
    lrj::ExpectError(doc, "ruleSets : clé obligatoire absente.");
    doc["ruleSets"] = json::array();
    lrj::ExpectError(doc, "ruleSets : liste non vide attendue.");
    doc = lrj::Defaults();
    doc["comment"] = "hello";
    lrj::ExpectError(doc, "comment : clé inconnue.");
    doc = lrj::Defaults();
    doc["ruleSets"][2]["name"] = "boite";
    lrj::ExpectError(doc, "ruleSets[2].name : nom « boite » déjà utilisé.");
}

BOOST_AUTO_TEST_CASE(RuleSetErrorsNameTheirPath) {
    auto withSet = [](const std::function<void(json&)>& edit) {
        json doc = lrj::Defaults();
        edit(doc["ruleSets"][1]);
        return doc;
    };
    lrj::ExpectError(withSet([](json& r) { r["printer"] = "dymo"; }), "ruleSets[1].printer : clé inconnue.");
    lrj::ExpectError(withSet([](json& r) { r.erase("displayName"); }), "ruleSets[1].displayName : clé obligatoire absente.");
    lrj::ExpectError(withSet([](json& r) { r["stock"]["widthMm"] = "62"; }), "ruleSets[1].stock.widthMm : nombre attendu.");
    lrj::ExpectError(withSet([](json& r) { r["stock"]["depthMm"] = 3; }), "ruleSets[1].stock.depthMm : clé inconnue.");
    lrj::ExpectError(withSet([](json& r) { r["marginsMm"].erase("left"); }), "ruleSets[1].marginsMm.left : clé obligatoire absente.");
    lrj::ExpectError(withSet([](json& r) { r["font"] = 10; }), "ruleSets[1].font : objet attendu.");
    lrj::ExpectError(withSet([](json& r) { r["fields"] = json::object(); }), "ruleSets[1].fields : liste attendue.");
    lrj::ExpectError(withSet([](json& r) { r["fields"][3] = "sexe"; }), "ruleSets[1].fields[3] : objet attendu.");
    lrj::ExpectError(withSet([](json& r) { r["fields"][2].erase("kind"); }), "ruleSets[1].fields[2].kind : clé obligatoire absente.");
    lrj::ExpectError(withSet([](json& r) { r["fields"][2]["kind"] = "ins"; }),
                     "ruleSets[1].fields[2].kind : valeur inconnue « ins » (attendu : nom-naissance, premier-prenom,");
    lrj::ExpectError(withSet([](json& r) { r["fields"][2]["kind"] = "lieu-naissance"; }),
                     "ruleSets[1].fields[2].kind : valeur inconnue « lieu-naissance »");
    lrj::ExpectError(withSet([](json& r) { r["fields"][0]["bold"] = "oui"; }), "ruleSets[1].fields[0].bold : true ou false attendu.");
    lrj::ExpectError(withSet([](json& r) { r["fields"][0]["align"] = "justifie"; }),
                     "ruleSets[1].fields[0].align : valeur inconnue « justifie » (attendu : gauche, centre, droite).");
    lrj::ExpectError(withSet([](json& r) { r["fields"][0]["color"] = "red"; }), "ruleSets[1].fields[0].color : clé inconnue.");
    lrj::ExpectError(withSet([](json& r) { r["fields"][0]["text"] = "DUPONT"; }),
                     "ruleSets[1].fields[0].text : réservé au champ texte-libre.");
    lrj::ExpectError(withSet([](json& r) { r["fields"][0]["barHeightMm"] = 10; }),
                     "ruleSets[1].fields[0].barHeightMm : réservé au champ code-patient.");
    lrj::ExpectError(withSet([](json& r) { r["fields"].push_back({{"kind", "texte-libre"}}); }),
                     ".text : clé obligatoire absente.");
}

BOOST_AUTO_TEST_CASE(ValidationIsAppliedOnImport) {
    json doc = lrj::Defaults();
    json& fields = doc["ruleSets"][0]["fields"];
    fields.erase(3);  // sexe
    lrj::ExpectError(doc, "ruleSets[0] (« boite ») : Champ obligatoire absent : sexe");
    doc = lrj::Defaults();
    doc["ruleSets"][1]["fields"][6]["text"] = "INS 2 55 08 14 168 025 38";
    lrj::ExpectError(doc, "ruleSets[1] (« pilulier ») : Texte libre n° 1 : une suite de 15 chiffres ressemble à un NIR");
    doc = lrj::Defaults();
    doc["ruleSets"][2]["font"]["minSizePt"] = 30;
    doc["ruleSets"][2]["name"] = "Préparation";
    const std::string message = lrj::ImportError(doc);
    BOOST_TEST(message.find("Nom de règle invalide") != std::string::npos);
    BOOST_TEST(message.find("La taille minimale (30 pt) dépasse la taille de base (10 pt).") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
