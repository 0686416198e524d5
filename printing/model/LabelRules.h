#pragma once
// Label rule sets (datamatrix-ins.md §3): what the pharmacy owner configures for a kind of label
// — the stock, margins, fonts and an ordered list of fields. The RNIV minimum (NOM DE NAISSANCE,
// premier prénom de naissance, date de naissance, sexe) can never be removed, and there is on
// purpose no field kind for the matricule INS nor for the birthplace: neither ever goes on a
// label, so no configuration can put them there.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "printing/model/Page.h"

namespace vigie::printing {

enum class LabelFieldKind {
    BirthName,            // NOM DE NAISSANCE, capitals — RNIV minimum
    FirstBirthFirstName,  // premier prénom de naissance — RNIV minimum
    BirthDate,            // date de naissance JJ/MM/AAAA — RNIV minimum
    Sex,                  // sexe — RNIV minimum
    UsedName,             // « Nom utilisé : … », visibly distinct from the birth name
    UsedFirstName,        // « Prénom utilisé : … »
    BirthFirstNames,      // « Prénom(s) de naissance : … », the full list
    DispensingDate,       // « Délivré le JJ/MM/AAAA »
    PharmacyName,
    FreeText,             // a fixed line (posology of a pilulier, storage advice…); may repeat
    PatientNumberCode128, // Code 128 of the local patient number (IPP)
};

struct FieldStyle {
    std::optional<double> sizePt;  // nullopt: the rule set's base size
    bool bold = false;
    Align align = Align::Left;
    bool operator==(const FieldStyle&) const = default;
};

struct LabelField {
    LabelFieldKind kind = LabelFieldKind::FreeText;
    FieldStyle style;
    std::string text;          // FreeText only: the line, UTF-8
    double barHeightMm = 8.0;  // PatientNumberCode128 only
    bool operator==(const LabelField&) const = default;
};

struct Margins {
    double topMm = 2, rightMm = 2, bottomMm = 2, leftMm = 2;
    bool operator==(const Margins&) const = default;
};

struct LabelRuleSet {
    std::string name;         // slug [a-z0-9-], 1–40: "boite", "pilulier"…
    std::string displayName;  // French, shown to users: « Boîte »
    double widthMm = 89, heightMm = 36;  // the label stock, as it leaves the printer
    Margins margins;
    std::string fontFamily = "DejaVu Sans";
    double baseSizePt = 10;
    double minSizePt = 6;        // a line that is too wide shrinks down to this, then wraps
    double barcodeModuleMm = 0.25;  // Code 128 narrow bar (0.25 mm ≈ 2 dots at 203 dpi, 3 at 300)
    std::vector<LabelField> fields;  // in printing order, top to bottom
    bool operator==(const LabelRuleSet&) const = default;
};

// Bounds the validation applies (also quoted in its messages).
inline constexpr double kMinStockMm = 10, kMaxStockMm = 300;
inline constexpr double kMinContentMm = 5;  // width and height left inside the margins
inline constexpr double kMinFontPt = 5, kMaxFontPt = 72;
inline constexpr std::size_t kMaxFreeTextChars = 120;
inline constexpr std::size_t kMaxDisplayNameChars = 60;

// Every problem of the rule set, one French sentence each; empty = valid.
std::vector<std::string> ValidateLabelRules(const LabelRuleSet& rules);

// The RNIV minimum: these kinds must be present on every rule set.
bool IsMandatoryField(LabelFieldKind kind);
const std::vector<LabelFieldKind>& MandatoryFields();

// Stable code (JSON, CLI): "nom-naissance", "premier-prenom", … and back.
std::string_view FieldKindCode(LabelFieldKind kind);
std::optional<LabelFieldKind> ParseFieldKindCode(std::string_view code);
// French, lower case, for messages: « nom de naissance », « premier prénom de naissance »…
std::string_view FieldKindLabel(LabelFieldKind kind);

// "gauche", "centre", "droite" and back.
std::string_view AlignCode(Align align);
std::optional<Align> ParseAlignCode(std::string_view code);

// The three rule sets shipped: boite (Boîte, Dymo 89×36), pilulier (Pilulier, Brother 62×100),
// preparation (Préparation, Zebra 4×2 in). All valid.
std::vector<LabelRuleSet> DefaultLabelRuleSets();

// Free-text checks, shared with the layout: characters outside the printable set, and a run of
// 13 or 15 digits (spaces, dots and hyphens between them ignored; 2A/2B count as digits) that
// looks like a NIR or an INS. Returns French problems; `what` names the line in them.
std::vector<std::string> CheckFreeText(std::string_view text, std::string_view what);

}  // namespace vigie::printing
