#include "app/presenters/SettingsActions.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/domain/Errors.h"
#include "core/util/ConfigFile.h"
#include "printing/cups/CupsPrinter.h"
#include "printing/model/LabelRulesJson.h"
#include "printing/render/RasterRenderer.h"

namespace vigie::presenters {

using namespace vigie::printing;

namespace {

// A stale version is the one store error the editor answers specially; the others pass through.
template <class F>
RuleBookOutcome RunBook(ports::IStore& store, const ports::IClock& clock, F action) {
    RuleBookOutcome out;
    try {
        const RuleBookResult r = action(LabelRuleBook(store, clock));
        if (r.refusal) out.refusal = r.refusal->message;
        else out.message = "ok";
        out.saved = r.saved;
    } catch (const BusinessError& e) {
        if (e.Code() != "store.stale" && e.Code() != "store.exists") throw;
        out.stale = true;
    }
    out.entries = LabelRuleBook(store, clock).List();
    return out;
}

}  // namespace

RuleBookOutcome SaveRuleSet(ports::IStore& store, const ports::IClock& clock, const domain::Operator& op,
                            const LabelRuleSet& rules, std::int64_t expectedVersion) {
    auto out = RunBook(store, clock, [&](LabelRuleBook book) { return book.Save(op, rules, expectedVersion); });
    if (!out.refusal && !out.stale) out.message = "Jeu « " + rules.displayName + " » enregistré.";
    return out;
}

RuleBookOutcome RemoveRuleSet(ports::IStore& store, const ports::IClock& clock, const domain::Operator& op,
                              const std::string& name) {
    auto out = RunBook(store, clock, [&](LabelRuleBook book) { return book.Remove(op, name); });
    if (!out.refusal && !out.stale) {
        const bool shippedBack = std::any_of(out.entries.begin(), out.entries.end(),
                                             [&](const RuleSetEntry& e) { return e.rules.name == name; });
        out.message = shippedBack ? "Jeu « " + name + " » supprimé : le jeu fourni avec Vigie est rétabli."
                                  : "Jeu « " + name + " » supprimé.";
    }
    return out;
}

RuleBookOutcome ImportRuleSets(ports::IStore& store, const ports::IClock& clock, const domain::Operator& op,
                               const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw EnvironmentError("file.read", "Fichier illisible : « " + path + " ».");
    const std::string json{std::istreambuf_iterator<char>(in), {}};
    auto out = RunBook(store, clock, [&](LabelRuleBook book) { return book.Import(op, json); });
    if (!out.refusal && !out.stale) {
        out.message = "Importé : ";
        for (std::size_t i = 0; i < out.saved.size(); ++i) out.message += (i ? ", " : "") + out.saved[i];
        out.message += ".";
    }
    return out;
}

void ExportRuleSets(ports::IStore& store, const ports::IClock& clock, const std::vector<std::string>& names,
                    const std::string& path) {
    const std::string json = LabelRuleBook(store, clock).Export(names);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << json;
    if (!out.flush()) throw EnvironmentError("file.write", "Impossible d'écrire « " + path + " ».");
}

LabelData SampleLabelData(domain::Date today, const std::string& pharmacyName) {
    LabelData d;
    d.birthName = "DE LA FONTAINE-MARTINEZ";
    d.firstBirthFirstName = "MARIE-CHRISTINE";
    d.birthFirstNames = "MARIE-CHRISTINE ANNE SOPHIE";
    d.birthDate = domain::Date{1958, 3, 14};
    d.sex = domain::Sex::Female;
    d.usedName = "DURAND";
    d.usedFirstName = "MARIE";
    d.patientNumber = "000123";
    d.dispensingDate = today;
    d.pharmacyName = pharmacyName.empty() ? "Pharmacie de démonstration" : pharmacyName;
    return d;
}

PreviewImage RenderRuleSetPreview(const LabelRuleSet& rules, const LabelData& data, const IMeasurer& measurer,
                                  int maxW, int maxH) {
    PreviewImage out;
    auto laid = LayoutLabel(rules, data, measurer);
    out.warnings = laid.warnings;
    out.refusal = laid.refusal;
    if (!laid.page) return out;
    const auto& page = *laid.page;
    const double dpi = std::min(maxW * 25.4 / page.widthMm, maxH * 25.4 / page.heightMm);
    out.dpi = std::clamp(static_cast<int>(dpi), 25, 300);
    out.png = RenderPagePng(page, out.dpi);
    out.pages = 1;
    return out;
}

}  // namespace vigie::presenters
