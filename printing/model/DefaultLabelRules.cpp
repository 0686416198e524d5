// The rule sets shipped with Vigie; the pharmacy owner copies and adapts them (JSON export/import).
// Sizes are chosen so that an identity with every optional trait fits at the nominal sizes on
// the stock (checked by tests with the fake measurer, close to DejaVu Sans).
#include "printing/model/LabelRules.h"

namespace vigie::printing {

namespace {

LabelField Field(LabelFieldKind kind, std::optional<double> sizePt = std::nullopt, bool bold = false) {
    LabelField f;
    f.kind = kind;
    f.style.sizePt = sizePt;
    f.style.bold = bold;
    return f;
}

LabelField Text(std::string text, std::optional<double> sizePt = std::nullopt, bool bold = false) {
    LabelField f = Field(LabelFieldKind::FreeText, sizePt, bold);
    f.text = std::move(text);
    return f;
}

// The RNIV minimum, birth name and first name a little larger and bold: they are read first.
void AddMinimum(LabelRuleSet& r, double nameSizePt, double firstNameSizePt) {
    r.fields.push_back(Field(LabelFieldKind::BirthName, nameSizePt, true));
    r.fields.push_back(Field(LabelFieldKind::FirstBirthFirstName, firstNameSizePt, true));
    r.fields.push_back(Field(LabelFieldKind::BirthDate));
    r.fields.push_back(Field(LabelFieldKind::Sex));
}

LabelRuleSet Boite() {  // Dymo 89×36 (11354-type): a box handed over the counter
    LabelRuleSet r;
    r.name = "boite";
    r.displayName = "Boîte";
    r.widthMm = 89;
    r.heightMm = 36;
    r.margins = {2, 3, 2, 3};
    r.baseSizePt = 9;
    r.minSizePt = 6;
    AddMinimum(r, 12, 11);
    r.fields.push_back(Field(LabelFieldKind::UsedName));
    r.fields.push_back(Field(LabelFieldKind::UsedFirstName));
    r.fields.push_back(Field(LabelFieldKind::DispensingDate, 7));
    r.fields.push_back(Field(LabelFieldKind::PharmacyName, 7));
    return r;
}

LabelRuleSet Pilulier() {  // Brother QL 62×100: a weekly pill organiser, with the IPP to scan
    LabelRuleSet r;
    r.name = "pilulier";
    r.displayName = "Pilulier";
    r.widthMm = 62;
    r.heightMm = 100;
    r.margins = {3, 3, 3, 3};
    r.baseSizePt = 10;
    r.minSizePt = 6;
    AddMinimum(r, 14, 12);
    r.fields.push_back(Field(LabelFieldKind::UsedName));
    r.fields.push_back(Field(LabelFieldKind::UsedFirstName));
    r.fields.push_back(Text("Vérifier l'identité à chaque prise.", 8, true));
    r.fields.push_back(Field(LabelFieldKind::DispensingDate, 8));
    r.fields.push_back(Field(LabelFieldKind::PharmacyName, 8));
    LabelField code = Field(LabelFieldKind::PatientNumberCode128);
    code.barHeightMm = 10;
    r.fields.push_back(code);
    return r;
}

LabelRuleSet Preparation() {  // Zebra 4×2 in (101.6×50.8): a compounded preparation
    LabelRuleSet r;
    r.name = "preparation";
    r.displayName = "Préparation";
    r.widthMm = 101.6;
    r.heightMm = 50.8;
    r.margins = {3, 3, 3, 3};
    r.baseSizePt = 10;
    r.minSizePt = 6;
    AddMinimum(r, 14, 12);
    r.fields.push_back(Field(LabelFieldKind::BirthFirstNames, 9));
    r.fields.push_back(Field(LabelFieldKind::UsedName, 9));
    r.fields.push_back(Field(LabelFieldKind::UsedFirstName, 9));
    r.fields.push_back(Text("Préparation magistrale", 9, true));
    r.fields.push_back(Field(LabelFieldKind::DispensingDate, 8));
    r.fields.push_back(Field(LabelFieldKind::PharmacyName, 8));
    return r;
}

}  // namespace

std::vector<LabelRuleSet> DefaultLabelRuleSets() { return {Boite(), Pilulier(), Preparation()}; }

}  // namespace vigie::printing
