// Label rule sets: the RNIV minimum can never be removed, no configuration reaches the INS, and
// every other problem comes back as a French sentence.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "printing/model/LabelRules.h"

using namespace vigie::printing;

namespace rules {

LabelRuleSet Minimal() {
    LabelRuleSet r;
    r.name = "essai";
    r.displayName = "Essai";
    for (LabelFieldKind k : MandatoryFields()) r.fields.push_back(LabelField{k, {}, {}, 8.0});
    return r;
}

LabelField FreeText(std::string text) {
    LabelField f;
    f.kind = LabelFieldKind::FreeText;
    f.text = std::move(text);
    return f;
}

bool AnyContains(const std::vector<std::string>& problems, const std::string& needle) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(needle) != std::string::npos; });
}

}  // namespace rules

BOOST_AUTO_TEST_SUITE(LabelRulesSuite)

BOOST_AUTO_TEST_CASE(TheThreeDefaultRuleSetsAreValidAndCarryTheMinimum) {
    const auto sets = DefaultLabelRuleSets();
    BOOST_REQUIRE_EQUAL(sets.size(), 3u);
    BOOST_TEST(sets[0].name == "boite");
    BOOST_TEST(sets[0].displayName == "Boîte");
    BOOST_TEST(sets[1].name == "pilulier");
    BOOST_TEST(sets[1].displayName == "Pilulier");
    BOOST_TEST(sets[2].name == "preparation");
    BOOST_TEST(sets[2].displayName == "Préparation");
    for (const LabelRuleSet& r : sets) {
        BOOST_TEST_CONTEXT(r.name) {
            BOOST_TEST(ValidateLabelRules(r).empty());
            for (LabelFieldKind k : MandatoryFields())
                BOOST_TEST(std::count_if(r.fields.begin(), r.fields.end(),
                                         [&](const LabelField& f) { return f.kind == k; }) == 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(RemovingAMinimumFieldIsRefusedOnEveryDefault) {
    for (const LabelRuleSet& original : DefaultLabelRuleSets()) {
        for (LabelFieldKind k : MandatoryFields()) {
            LabelRuleSet r = original;
            std::erase_if(r.fields, [&](const LabelField& f) { return f.kind == k; });
            const auto problems = ValidateLabelRules(r);
            BOOST_TEST_CONTEXT(r.name << " without " << FieldKindLabel(k)) {
                BOOST_REQUIRE_EQUAL(problems.size(), 1u);
                BOOST_TEST(problems[0] == "Champ obligatoire absent : " + std::string(FieldKindLabel(k)) +
                                              " (minimum fixé par le RNIV, il ne peut pas être retiré).");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(ThereIsNoFieldKindForTheInsNorTheBirthplace) {
    for (int k = 0; k <= static_cast<int>(LabelFieldKind::PatientNumberCode128); ++k) {
        const auto kind = static_cast<LabelFieldKind>(k);
        BOOST_TEST((ParseFieldKindCode(FieldKindCode(kind)) == kind));
        const std::string code(FieldKindCode(kind));
        BOOST_TEST(code.find("ins") == std::string::npos);
        BOOST_TEST(code.find("lieu") == std::string::npos);
    }
    for (const char* code : {"ins", "matricule", "nir", "oid", "lieu-naissance", "code-lieu-naissance"})
        BOOST_TEST(!ParseFieldKindCode(code).has_value());
}

BOOST_AUTO_TEST_CASE(DuplicateFieldsAreRefusedExceptFreeText) {
    LabelRuleSet r = rules::Minimal();
    r.fields.push_back(LabelField{LabelFieldKind::Sex, {}, {}, 8.0});
    r.fields.push_back(rules::FreeText("Matin"));
    r.fields.push_back(rules::FreeText("Soir"));
    const auto problems = ValidateLabelRules(r);
    BOOST_REQUIRE_EQUAL(problems.size(), 1u);
    BOOST_TEST(problems[0] == "Champ en double : sexe.");
}

BOOST_AUTO_TEST_CASE(SizesOutOfBoundsAndMarginsLeavingNoRoom) {
    LabelRuleSet r = rules::Minimal();
    r.widthMm = 5;
    r.heightMm = 400;
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Largeur de l'étiquette hors limites : 5 mm (de 10 à 300 mm)."));
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Hauteur de l'étiquette hors limites : 400 mm"));

    r = rules::Minimal();
    r.widthMm = 62;
    r.margins = {2, 30, 2, 30};
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Les marges ne laissent pas de place : il reste 2 × 32 mm"));
    r.margins = {-1, 2, 2, 2};
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Les marges ne peuvent pas être négatives."));

    r = rules::Minimal();
    r.baseSizePt = 8;
    r.minSizePt = 9.5;
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "La taille minimale (9,5 pt) dépasse la taille de base (8 pt)."));
    r.baseSizePt = 100;
    r.minSizePt = 2;
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Taille de base hors limites : 100 pt (de 5 à 72 pt)."));
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Taille minimale hors limites : 2 pt"));

    r = rules::Minimal();
    r.fields[0].style.sizePt = 5;  // below the rule set's minimum (6)
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Taille du champ nom de naissance hors limites : 5 pt"));
    r.fields[0].style.sizePt = 12;
    r.fields.push_back(LabelField{LabelFieldKind::PatientNumberCode128, {}, {}, 1.0});
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Hauteur du code-barres hors limites : 1 mm"));
}

BOOST_AUTO_TEST_CASE(BadNamesAndDisplayNames) {
    for (const std::string& bad : std::vector<std::string>{"", "Boite", "boîte", "boite etiquette", std::string(41, 'a')}) {
        LabelRuleSet r = rules::Minimal();
        r.name = bad;
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Nom de règle invalide « " + bad + " »"));
        }
    }
    LabelRuleSet r = rules::Minimal();
    r.name = std::string(40, 'a');
    BOOST_TEST(ValidateLabelRules(r).empty());
    r.name = "boite-2";
    r.displayName = "";
    BOOST_TEST(rules::AnyContains(ValidateLabelRules(r), "Nom affiché obligatoire"));
}

BOOST_AUTO_TEST_CASE(FreeTextLengthAndCharacters) {
    LabelRuleSet r = rules::Minimal();
    r.fields.push_back(rules::FreeText("1 comprimé matin et soir — « avec » un grand verre d’eau, 5 € ; Œdème"));
    BOOST_TEST(ValidateLabelRules(r).empty());
    r.fields.push_back(rules::FreeText(std::string(121, 'x')));
    r.fields.push_back(rules::FreeText("Matin\tsoir"));
    r.fields.push_back(rules::FreeText("\xE2\x98\x83 bonhomme de neige"));
    r.fields.push_back(rules::FreeText(""));
    r.fields.push_back(rules::FreeText("bad \xC3"));
    const auto problems = ValidateLabelRules(r);
    BOOST_TEST(rules::AnyContains(problems, "Texte libre n° 2 trop long : 121 caractères, 120 au plus."));
    BOOST_TEST(rules::AnyContains(problems, "Texte libre n° 3 : caractère non imprimable sur une étiquette (U+0009) en position 6."));
    BOOST_TEST(rules::AnyContains(problems, "Texte libre n° 4 : caractère non imprimable sur une étiquette (U+2603) en position 1."));
    BOOST_TEST(rules::AnyContains(problems, "Texte libre n° 5 vide."));
    BOOST_TEST(rules::AnyContains(problems, "Texte libre n° 6 : octet UTF-8 invalide en position 5."));
    BOOST_TEST(problems.size() == 5u);
}

BOOST_AUTO_TEST_CASE(FreeTextThatLooksLikeANirOrAnInsIsRefused) {
    for (const std::string nir : {"INS 180026322012345", "1 80 02 63 220 123 45", "1.80.02.63.220.123", "1800263220123",
                                  "297022A02077878", "n° 2-97-02-2B-020-778"}) {
        BOOST_TEST_CONTEXT(nir) {
            const auto problems = CheckFreeText(nir, "Texte libre n° 1");
            BOOST_REQUIRE_EQUAL(problems.size(), 1u);
            BOOST_TEST(problems[0].find("ressemble à un NIR ou à un INS") != std::string::npos);
            BOOST_TEST(problems[0].find(nir) == std::string::npos);  // the number is not echoed back
        }
    }
    // Other numbers stay allowed: a SIRET (14), a phone, a lot number, doses.
    for (const std::string ok : {"SIRET 12345678901234", "Tél. 01 23 45 67 89", "Lot 123456789012 - 2 x 500 mg",
                                 "1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10 - 11 - 12 - 13"})
        BOOST_TEST(CheckFreeText(ok, "x").empty(), ok);
}

BOOST_AUTO_TEST_CASE(TextOnlyBelongsToFreeTextAndEveryProblemIsReported) {
    LabelRuleSet r = rules::Minimal();
    r.fields[1].text = "JEAN";
    r.name = "X";
    r.minSizePt = 12;
    std::erase_if(r.fields, [](const LabelField& f) { return f.kind == LabelFieldKind::Sex; });
    const auto problems = ValidateLabelRules(r);
    BOOST_TEST(problems.size() == 4u);
    BOOST_TEST(rules::AnyContains(problems, "Le champ premier prénom de naissance ne prend pas de texte"));
}

BOOST_AUTO_TEST_SUITE_END()
