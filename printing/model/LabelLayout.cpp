#include "printing/model/LabelLayout.h"

#include <algorithm>
#include <cctype>

#include "core/domain/TraitText.h"
#include "printing/model/TextFit.h"

namespace vigie::printing {

using domain::Refusal;

namespace {

constexpr double kShrinkStepPt = 0.5;
constexpr double kBarcodeGapMm = 1.0;  // white space above a barcode, so it reads apart from text
constexpr double kEpsilonMm = 1e-9;

// One field that has something to show, with its French subject for messages.
struct Visible {
    const LabelField* field = nullptr;
    std::string text;     // text fields
    std::string subject;  // « Le nom de naissance », « Le texte libre n° 2 »…
};

struct Fitted {
    const Visible* visible = nullptr;
    FittedText text;  // text fields
    double heightMm = 0;
    double barcodeWidthMm = 0;
};

std::string Subject(LabelFieldKind kind, int freeTextIndex) {
    switch (kind) {
        case LabelFieldKind::BirthName: return "Le nom de naissance";
        case LabelFieldKind::FirstBirthFirstName: return "Le premier prénom de naissance";
        case LabelFieldKind::BirthDate: return "La date de naissance";
        case LabelFieldKind::Sex: return "Le sexe";
        case LabelFieldKind::UsedName: return "Le nom utilisé";
        case LabelFieldKind::UsedFirstName: return "Le prénom utilisé";
        case LabelFieldKind::BirthFirstNames: return "La liste des prénoms de naissance";
        case LabelFieldKind::DispensingDate: return "La date de délivrance";
        case LabelFieldKind::PharmacyName: return "Le nom de la pharmacie";
        case LabelFieldKind::FreeText: return "Le texte libre n° " + std::to_string(freeTextIndex);
        case LabelFieldKind::PatientNumberCode128: return "Le code-barres du numéro patient";
    }
    return "Un champ";
}

std::string Upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

bool Differs(const std::string& used, const std::string& birth) {
    return !used.empty() && domain::ComparableForm(used) != domain::ComparableForm(birth);
}

LabelLayoutResult Refuse(std::string code, std::string message) {
    LabelLayoutResult r;
    r.refusal = Refusal{std::move(code), std::move(message)};
    return r;
}

std::string Overflow(const std::string& subject, const LabelRuleSet& rules) {
    return subject + " ne tient pas sur l'étiquette " + FormatMm(rules.widthMm) + "×" + FormatMm(rules.heightMm) +
           " mm : choisir un format plus grand ou réduire les champs.";
}

double AlignedX(Align align, double left, double width, double inner) {
    switch (align) {
        case Align::Left: return left;
        case Align::Center: return left + (width - inner) / 2;
        case Align::Right: return left + width - inner;
    }
    return left;
}

}  // namespace

LabelData MakeLabelData(const domain::Identity& identity, std::optional<domain::Date> dispensingDate,
                        std::string pharmacyName) {
    LabelData d;
    d.birthName = identity.traits.birthName;
    d.firstBirthFirstName = identity.traits.firstBirthFirstName;
    d.birthFirstNames = identity.traits.birthFirstNames;
    d.birthDate = identity.traits.birthDate;
    d.sex = identity.traits.sex;
    d.usedName = identity.usedName;
    d.usedFirstName = identity.usedFirstName;
    if (identity.id != 0) d.patientNumber = std::to_string(identity.id);
    d.dispensingDate = dispensingDate;
    d.pharmacyName = std::move(pharmacyName);
    return d;
}

std::string LabelFieldText(const LabelField& field, const LabelData& d) {
    const bool male = d.sex == domain::Sex::Male;
    switch (field.kind) {
        case LabelFieldKind::BirthName: return Upper(d.birthName);
        case LabelFieldKind::FirstBirthFirstName: return d.firstBirthFirstName;
        case LabelFieldKind::BirthDate: return (male ? "Né le " : "Née le ") + d.birthDate.ToFrench();
        case LabelFieldKind::Sex: return male ? "Sexe : M" : "Sexe : F";
        case LabelFieldKind::UsedName:
            return Differs(d.usedName, d.birthName) ? "Nom utilisé : " + d.usedName : std::string();
        case LabelFieldKind::UsedFirstName:
            return Differs(d.usedFirstName, d.firstBirthFirstName) ? "Prénom utilisé : " + d.usedFirstName : std::string();
        case LabelFieldKind::BirthFirstNames:
            return d.birthFirstNames.empty() ? std::string() : "Prénom(s) de naissance : " + d.birthFirstNames;
        case LabelFieldKind::DispensingDate:
            return d.dispensingDate ? "Délivré le " + d.dispensingDate->ToFrench() : std::string();
        case LabelFieldKind::PharmacyName: return d.pharmacyName;
        case LabelFieldKind::FreeText: return field.text;
        case LabelFieldKind::PatientNumberCode128: return d.patientNumber;
    }
    return {};
}

LabelLayoutResult LayoutLabel(const LabelRuleSet& rules, const LabelData& data, const IMeasurer& measurer) {
    if (const auto problems = ValidateLabelRules(rules); !problems.empty()) {
        std::string message = "Règles d'étiquette « " + rules.name + " » invalides :";
        for (const std::string& p : problems) message += " " + p;
        return Refuse("label.rules", message);
    }
    if (data.birthName.empty() || data.firstBirthFirstName.empty() ||
        !domain::Date::IsValid(data.birthDate.year, data.birthDate.month, data.birthDate.day))
        return Refuse("label.data", "Étiquette impossible : nom de naissance, premier prénom de naissance et date de "
                                    "naissance sont obligatoires.");

    LabelLayoutResult result;
    std::vector<Visible> visible;
    int freeTextIndex = 0;
    for (const LabelField& f : rules.fields) {
        const int index = f.kind == LabelFieldKind::FreeText ? ++freeTextIndex : 0;
        Visible v{&f, LabelFieldText(f, data), Subject(f.kind, index)};
        if (v.text.empty()) {
            if (f.kind == LabelFieldKind::DispensingDate) result.warnings.push_back("Date de délivrance non fournie : ligne omise.");
            if (f.kind == LabelFieldKind::PharmacyName) result.warnings.push_back("Nom de la pharmacie non fourni : ligne omise.");
            if (f.kind == LabelFieldKind::PatientNumberCode128)
                result.warnings.push_back("Numéro patient (IPP) absent : code-barres omis.");
            continue;
        }
        visible.push_back(std::move(v));
    }

    const double left = rules.margins.leftMm, top = rules.margins.topMm;
    const double width = rules.widthMm - left - rules.margins.rightMm;
    const double height = rules.heightMm - top - rules.margins.bottomMm;

    // Every field shrinks together, 0.5 pt at a time, until the label is short enough; a field
    // never goes below the minimum size, and a field that is too wide shrinks/wraps on its own.
    std::vector<Fitted> fitted;
    for (int step = 0;; ++step) {
        fitted.clear();
        double total = 0;
        bool allAtMinimum = true;
        for (const Visible& v : visible) {
            Fitted f{&v, {}, 0, 0};
            if (v.field->kind == LabelFieldKind::PatientNumberCode128) {
                f.barcodeWidthMm = measurer.Code128Modules(v.text) * rules.barcodeModuleMm;
                if (f.barcodeWidthMm > width + kEpsilonMm) return Refuse("label.overflow", Overflow(v.subject, rules));
                f.heightMm = kBarcodeGapMm + v.field->barHeightMm;
            } else {
                FontSpec font{rules.fontFamily, v.field->style.sizePt.value_or(rules.baseSizePt), v.field->style.bold, false};
                font.sizePt = std::max(rules.minSizePt, font.sizePt - kShrinkStepPt * step);
                allAtMinimum = allAtMinimum && font.sizePt <= rules.minSizePt;
                auto text = ShrinkThenWrap(v.text, width, font, rules.minSizePt, measurer);
                if (!text) return Refuse("label.overflow", Overflow(v.subject, rules));
                font.sizePt = text->sizePt;
                f.heightMm = measurer.LineHeightMm(font) * static_cast<double>(text->lines.size());
                f.text = std::move(*text);
            }
            total += f.heightMm;
            fitted.push_back(std::move(f));
        }
        if (total <= height + kEpsilonMm) break;
        if (allAtMinimum) {  // name the field taking the most room: the one worth shortening
            const auto tallest = std::max_element(fitted.begin(), fitted.end(), [](const Fitted& a, const Fitted& b) {
                return a.heightMm < b.heightMm;
            });
            return Refuse("label.overflow", Overflow(tallest->visible->subject, rules));
        }
    }

    Page page{rules.widthMm, rules.heightMm, {}};
    double y = top;
    for (const Fitted& f : fitted) {
        const LabelField& field = *f.visible->field;
        if (field.kind == LabelFieldKind::PatientNumberCode128) {
            Barcode b;
            b.kind = Barcode::Kind::Code128;
            b.data = f.visible->text;
            b.moduleMm = rules.barcodeModuleMm;
            b.widthMm = f.barcodeWidthMm;
            b.heightMm = field.barHeightMm;
            b.xMm = AlignedX(field.style.align, left, width, b.widthMm);
            b.yMm = y + kBarcodeGapMm;
            page.elements.emplace_back(std::move(b));
        } else {
            const FontSpec font{rules.fontFamily, f.text.sizePt, field.style.bold, false};
            const double lineHeight = measurer.LineHeightMm(font);
            for (std::size_t i = 0; i < f.text.lines.size(); ++i)
                page.elements.emplace_back(TextRun{left, y + lineHeight * static_cast<double>(i), width,
                                                   f.text.lines[i], font, field.style.align});
            const double nominal = field.style.sizePt.value_or(rules.baseSizePt);
            if (f.text.lines.size() > 1)
                result.warnings.push_back(f.visible->subject + " : " + std::to_string(f.text.lines.size()) +
                                          " lignes en " + FormatPt(f.text.sizePt) + " pt.");
            else if (f.text.sizePt < nominal)
                result.warnings.push_back(f.visible->subject + " : taille réduite à " + FormatPt(f.text.sizePt) + " pt.");
        }
        y += f.heightMm;
    }
    result.page = std::move(page);
    return result;
}

}  // namespace vigie::printing
