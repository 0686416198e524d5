#include "printing/model/LabelRules.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

#include "printing/model/TextFit.h"

namespace vigie::printing {

namespace {

struct KindInfo {
    LabelFieldKind kind;
    std::string_view code;
    std::string_view label;
};

constexpr std::array<KindInfo, 11> kKinds{{
    {LabelFieldKind::BirthName, "nom-naissance", "nom de naissance"},
    {LabelFieldKind::FirstBirthFirstName, "premier-prenom", "premier prénom de naissance"},
    {LabelFieldKind::BirthDate, "date-naissance", "date de naissance"},
    {LabelFieldKind::Sex, "sexe", "sexe"},
    {LabelFieldKind::UsedName, "nom-utilise", "nom utilisé"},
    {LabelFieldKind::UsedFirstName, "prenom-utilise", "prénom utilisé"},
    {LabelFieldKind::BirthFirstNames, "prenoms-naissance", "prénom(s) de naissance"},
    {LabelFieldKind::DispensingDate, "date-delivrance", "date de délivrance"},
    {LabelFieldKind::PharmacyName, "pharmacie", "nom de la pharmacie"},
    {LabelFieldKind::FreeText, "texte-libre", "texte libre"},
    {LabelFieldKind::PatientNumberCode128, "code-patient", "code-barres du numéro patient"},
}};

// Typographic characters a pharmacy may type besides Latin-1 and Latin Extended-A.
bool IsPrintable(char32_t cp) {
    if (cp >= 0x20 && cp <= 0x7E) return true;
    if (cp >= 0xA0 && cp <= 0x17F) return cp != 0xAD;  // soft hyphen: invisible
    switch (cp) {
        case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201C: case 0x201D:
        case 0x201E: case 0x2022: case 0x2026: case 0x202F: case 0x20AC: return true;
        default: return false;
    }
}

std::string Describe(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

bool IsDigitSeparator(char32_t cp) { return cp == ' ' || cp == '.' || cp == '-' || cp == 0xA0 || cp == 0x202F; }

// Lengths of the digit groups: digits with at most one separator between two of them; "2A"/"2B"
// count as two digits (Corsican departments in a NIR).
std::vector<std::size_t> DigitGroups(std::string_view text) {
    std::vector<std::size_t> groups;
    std::size_t count = 0;
    bool lastWasSeparator = false;
    char32_t previous = 0;
    std::size_t i = 0;
    auto close = [&] { if (count) groups.push_back(count); count = 0; lastWasSeparator = false; };
    while (i < text.size()) {
        char32_t cp = 0;
        DecodeUtf8(text, i, cp);
        const bool corsica = (cp == 'A' || cp == 'B' || cp == 'a' || cp == 'b') && previous == '2' && !lastWasSeparator;
        if ((cp >= '0' && cp <= '9') || corsica) {
            ++count;
            lastWasSeparator = false;
        } else if (IsDigitSeparator(cp) && count > 0 && !lastWasSeparator) {
            lastWasSeparator = true;
        } else {
            close();
        }
        previous = cp;
    }
    close();
    return groups;
}

bool IsSlug(std::string_view s) {
    if (s.empty() || s.size() > 40) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

bool InRange(double v, double lo, double hi) { return v >= lo && v <= hi; }

}  // namespace

bool IsMandatoryField(LabelFieldKind kind) {
    return kind == LabelFieldKind::BirthName || kind == LabelFieldKind::FirstBirthFirstName ||
           kind == LabelFieldKind::BirthDate || kind == LabelFieldKind::Sex;
}

const std::vector<LabelFieldKind>& MandatoryFields() {
    static const std::vector<LabelFieldKind> kinds{LabelFieldKind::BirthName, LabelFieldKind::FirstBirthFirstName,
                                                   LabelFieldKind::BirthDate, LabelFieldKind::Sex};
    return kinds;
}

std::string_view FieldKindCode(LabelFieldKind kind) {
    for (const KindInfo& k : kKinds)
        if (k.kind == kind) return k.code;
    return "texte-libre";
}

std::optional<LabelFieldKind> ParseFieldKindCode(std::string_view code) {
    for (const KindInfo& k : kKinds)
        if (k.code == code) return k.kind;
    return std::nullopt;
}

std::string_view FieldKindLabel(LabelFieldKind kind) {
    for (const KindInfo& k : kKinds)
        if (k.kind == kind) return k.label;
    return "texte libre";
}

std::string_view AlignCode(Align align) {
    switch (align) {
        case Align::Left: return "gauche";
        case Align::Center: return "centre";
        case Align::Right: return "droite";
    }
    return "gauche";
}

std::optional<Align> ParseAlignCode(std::string_view code) {
    if (code == "gauche") return Align::Left;
    if (code == "centre") return Align::Center;
    if (code == "droite") return Align::Right;
    return std::nullopt;
}

std::vector<std::string> CheckFreeText(std::string_view text, std::string_view what) {
    std::vector<std::string> problems;
    const std::string prefix = std::string(what) + " : ";
    std::size_t i = 0, position = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const bool valid = DecodeUtf8(text, i, cp);
        ++position;
        if (!valid) {
            problems.push_back(prefix + "octet UTF-8 invalide en position " + std::to_string(position) + ".");
            break;
        }
        if (!IsPrintable(cp)) {
            problems.push_back(prefix + "caractère non imprimable sur une étiquette (" + Describe(cp) +
                               ") en position " + std::to_string(position) + ".");
            break;
        }
    }
    for (std::size_t n : DigitGroups(text)) {
        if (n == 13 || n == 15) {
            problems.push_back(prefix + "une suite de " + std::to_string(n) +
                               " chiffres ressemble à un NIR ou à un INS, qui ne figure jamais sur une étiquette.");
            break;
        }
    }
    return problems;
}

std::vector<std::string> ValidateLabelRules(const LabelRuleSet& r) {
    std::vector<std::string> p;
    if (!IsSlug(r.name))
        p.push_back("Nom de règle invalide « " + r.name + " » : de 1 à 40 caractères parmi a-z, 0-9 et « - ».");
    if (r.displayName.empty() || Utf8Length(r.displayName) > kMaxDisplayNameChars)
        p.push_back("Nom affiché obligatoire, " + std::to_string(kMaxDisplayNameChars) + " caractères au plus.");
    const std::string stockBounds = " (de " + FormatMm(kMinStockMm) + " à " + FormatMm(kMaxStockMm) + " mm).";
    if (!InRange(r.widthMm, kMinStockMm, kMaxStockMm))
        p.push_back("Largeur de l'étiquette hors limites : " + FormatMm(r.widthMm) + " mm" + stockBounds);
    if (!InRange(r.heightMm, kMinStockMm, kMaxStockMm))
        p.push_back("Hauteur de l'étiquette hors limites : " + FormatMm(r.heightMm) + " mm" + stockBounds);
    const Margins& m = r.margins;
    if (m.topMm < 0 || m.rightMm < 0 || m.bottomMm < 0 || m.leftMm < 0)
        p.push_back("Les marges ne peuvent pas être négatives.");
    const double usefulWidth = r.widthMm - m.leftMm - m.rightMm, usefulHeight = r.heightMm - m.topMm - m.bottomMm;
    if (usefulWidth < kMinContentMm || usefulHeight < kMinContentMm)
        p.push_back("Les marges ne laissent pas de place : il reste " + FormatMm(usefulWidth) + " × " +
                    FormatMm(usefulHeight) + " mm, " + FormatMm(kMinContentMm) + " mm au moins dans chaque sens.");
    if (r.fontFamily.empty()) p.push_back("Police de caractères obligatoire.");
    const std::string fontBounds = " (de " + FormatPt(kMinFontPt) + " à " + FormatPt(kMaxFontPt) + " pt).";
    if (!InRange(r.baseSizePt, kMinFontPt, kMaxFontPt))
        p.push_back("Taille de base hors limites : " + FormatPt(r.baseSizePt) + " pt" + fontBounds);
    if (!InRange(r.minSizePt, kMinFontPt, kMaxFontPt))
        p.push_back("Taille minimale hors limites : " + FormatPt(r.minSizePt) + " pt" + fontBounds);
    if (r.minSizePt > r.baseSizePt)
        p.push_back("La taille minimale (" + FormatPt(r.minSizePt) + " pt) dépasse la taille de base (" +
                    FormatPt(r.baseSizePt) + " pt).");
    if (!InRange(r.barcodeModuleMm, 0.1, 1.0))
        p.push_back("Module du code-barres hors limites : " + FormatMm(r.barcodeModuleMm) + " mm (de 0,1 à 1 mm).");

    std::set<LabelFieldKind> seen;
    int freeTextIndex = 0;
    for (const LabelField& f : r.fields) {
        const std::string label(FieldKindLabel(f.kind));
        if (f.kind != LabelFieldKind::FreeText && !seen.insert(f.kind).second)
            p.push_back("Champ en double : " + label + ".");
        if (f.style.sizePt && !InRange(*f.style.sizePt, std::max(kMinFontPt, r.minSizePt), kMaxFontPt))
            p.push_back("Taille du champ " + label + " hors limites : " + FormatPt(*f.style.sizePt) +
                        " pt (de la taille minimale, " + FormatPt(r.minSizePt) + " pt, à " + FormatPt(kMaxFontPt) + " pt).");
        if (f.kind == LabelFieldKind::FreeText) {
            const std::string what = "Texte libre n° " + std::to_string(++freeTextIndex);
            if (f.text.empty()) p.push_back(what + " vide.");
            if (Utf8Length(f.text) > kMaxFreeTextChars)
                p.push_back(what + " trop long : " + std::to_string(Utf8Length(f.text)) + " caractères, " +
                            std::to_string(kMaxFreeTextChars) + " au plus.");
            for (std::string& problem : CheckFreeText(f.text, what)) p.push_back(std::move(problem));
        } else if (!f.text.empty()) {
            p.push_back("Le champ " + label + " ne prend pas de texte (réservé au texte libre).");
        }
        if (f.kind == LabelFieldKind::PatientNumberCode128 && !InRange(f.barHeightMm, 3, 50))
            p.push_back("Hauteur du code-barres hors limites : " + FormatMm(f.barHeightMm) + " mm (de 3 à 50 mm).");
    }
    for (LabelFieldKind k : MandatoryFields())
        if (!seen.count(k))
            p.push_back("Champ obligatoire absent : " + std::string(FieldKindLabel(k)) +
                        " (minimum fixé par le RNIV, il ne peut pas être retiré).");
    return p;
}

}  // namespace vigie::printing
