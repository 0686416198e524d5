#include "printing/model/LabelRulesJson.h"

#include <initializer_list>
#include <set>

#include <nlohmann/json.hpp>

#include "core/domain/Errors.h"

namespace vigie::printing {

using nlohmann::ordered_json;

namespace {

const std::string kErrorCode = "input.label_rules";

[[noreturn]] void Fail(const std::string& path, const std::string& why) {
    throw BadInputError(kErrorCode, "Règles d'étiquette (JSON) : " + (path.empty() ? "" : path + " : ") + why + ".");
}

std::string KindCodes() {
    std::string list;
    for (int k = 0; k <= static_cast<int>(LabelFieldKind::PatientNumberCode128); ++k)
        list += (list.empty() ? "" : ", ") + std::string(FieldKindCode(static_cast<LabelFieldKind>(k)));
    return list;
}

// Reads one JSON object, tracking its path for messages and refusing keys nobody asked for.
class ObjectReader {
public:
    ObjectReader(const ordered_json& j, std::string path) : m_json(j), m_path(std::move(path)) {
        if (!m_json.is_object()) Fail(m_path, "objet attendu");
    }

    // Call once every expected key has been read.
    void RefuseUnknownKeys(std::initializer_list<std::string_view> allowed) const {
        for (const auto& item : m_json.items()) {
            bool known = false;
            for (std::string_view a : allowed) known = known || item.key() == a;
            if (!known) Fail(Path(item.key()), "clé inconnue");
        }
    }
    bool Has(const std::string& key) const { return m_json.contains(key); }
    std::string Path(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }

    const ordered_json& Required(const std::string& key) const {
        if (!m_json.contains(key)) Fail(Path(key), "clé obligatoire absente");
        return m_json.at(key);
    }
    std::string String(const std::string& key) const {
        const ordered_json& v = Required(key);
        if (!v.is_string()) Fail(Path(key), "texte attendu");
        return v.get<std::string>();
    }
    double Number(const std::string& key) const {
        const ordered_json& v = Required(key);
        if (!v.is_number()) Fail(Path(key), "nombre attendu");
        return v.get<double>();
    }
    bool Bool(const std::string& key) const {
        const ordered_json& v = Required(key);
        if (!v.is_boolean()) Fail(Path(key), "true ou false attendu");
        return v.get<bool>();
    }
    ObjectReader Object(const std::string& key) const { return ObjectReader(Required(key), Path(key)); }

private:
    const ordered_json& m_json;
    std::string m_path;
};

ordered_json FieldToJson(const LabelField& f) {
    ordered_json j;
    j["kind"] = FieldKindCode(f.kind);
    if (f.style.sizePt) j["sizePt"] = *f.style.sizePt;
    j["bold"] = f.style.bold;
    j["align"] = AlignCode(f.style.align);
    if (f.kind == LabelFieldKind::FreeText) j["text"] = f.text;
    if (f.kind == LabelFieldKind::PatientNumberCode128) j["barHeightMm"] = f.barHeightMm;
    return j;
}

LabelField FieldFromJson(const ObjectReader& r) {
    LabelField f;
    const std::string code = r.String("kind");
    const auto kind = ParseFieldKindCode(code);
    if (!kind) Fail(r.Path("kind"), "valeur inconnue « " + code + " » (attendu : " + KindCodes() + ")");
    f.kind = *kind;
    if (r.Has("sizePt")) f.style.sizePt = r.Number("sizePt");
    if (r.Has("bold")) f.style.bold = r.Bool("bold");
    if (r.Has("align")) {
        const std::string align = r.String("align");
        const auto parsed = ParseAlignCode(align);
        if (!parsed) Fail(r.Path("align"), "valeur inconnue « " + align + " » (attendu : gauche, centre, droite)");
        f.style.align = *parsed;
    }
    if (r.Has("text")) {
        if (f.kind != LabelFieldKind::FreeText) Fail(r.Path("text"), "réservé au champ texte-libre");
        f.text = r.String("text");
    } else if (f.kind == LabelFieldKind::FreeText) {
        Fail(r.Path("text"), "clé obligatoire absente");
    }
    if (r.Has("barHeightMm")) {
        if (f.kind != LabelFieldKind::PatientNumberCode128) Fail(r.Path("barHeightMm"), "réservé au champ code-patient");
        f.barHeightMm = r.Number("barHeightMm");
    }
    r.RefuseUnknownKeys({"kind", "sizePt", "bold", "align", "text", "barHeightMm"});
    return f;
}

ordered_json RuleSetToJson(const LabelRuleSet& r) {
    ordered_json j;
    j["name"] = r.name;
    j["displayName"] = r.displayName;
    j["stock"] = {{"widthMm", r.widthMm}, {"heightMm", r.heightMm}};
    j["marginsMm"] = {{"top", r.margins.topMm}, {"right", r.margins.rightMm},
                      {"bottom", r.margins.bottomMm}, {"left", r.margins.leftMm}};
    j["font"] = {{"family", r.fontFamily}, {"baseSizePt", r.baseSizePt}, {"minSizePt", r.minSizePt}};
    j["barcodeModuleMm"] = r.barcodeModuleMm;
    j["fields"] = ordered_json::array();
    for (const LabelField& f : r.fields) j["fields"].push_back(FieldToJson(f));
    return j;
}

LabelRuleSet RuleSetFromJson(const ObjectReader& r) {
    LabelRuleSet s;
    s.name = r.String("name");
    s.displayName = r.String("displayName");
    const ObjectReader stock = r.Object("stock");
    s.widthMm = stock.Number("widthMm");
    s.heightMm = stock.Number("heightMm");
    stock.RefuseUnknownKeys({"widthMm", "heightMm"});
    const ObjectReader margins = r.Object("marginsMm");
    s.margins = {margins.Number("top"), margins.Number("right"), margins.Number("bottom"), margins.Number("left")};
    margins.RefuseUnknownKeys({"top", "right", "bottom", "left"});
    const ObjectReader font = r.Object("font");
    s.fontFamily = font.String("family");
    s.baseSizePt = font.Number("baseSizePt");
    s.minSizePt = font.Number("minSizePt");
    font.RefuseUnknownKeys({"family", "baseSizePt", "minSizePt"});
    s.barcodeModuleMm = r.Number("barcodeModuleMm");
    const ordered_json& fields = r.Required("fields");
    if (!fields.is_array()) Fail(r.Path("fields"), "liste attendue");
    for (std::size_t i = 0; i < fields.size(); ++i)
        s.fields.push_back(FieldFromJson(ObjectReader(fields[i], r.Path("fields") + "[" + std::to_string(i) + "]")));
    r.RefuseUnknownKeys({"name", "displayName", "stock", "marginsMm", "font", "barcodeModuleMm", "fields"});
    return s;
}

}  // namespace

std::string ExportLabelRules(const std::vector<LabelRuleSet>& ruleSets) {
    ordered_json doc;
    doc["format"] = kLabelRulesFormat;
    doc["version"] = kLabelRulesVersion;
    doc["ruleSets"] = ordered_json::array();
    for (const LabelRuleSet& r : ruleSets) doc["ruleSets"].push_back(RuleSetToJson(r));
    try {
        return doc.dump(2) + "\n";
    } catch (const ordered_json::type_error&) {  // a string that is not UTF-8
        throw BadInputError(kErrorCode, "Règles d'étiquette : un texte n'est pas en UTF-8 valide, export impossible.");
    }
}

std::vector<LabelRuleSet> ImportLabelRules(std::string_view json) {
    ordered_json doc;
    try {
        doc = ordered_json::parse(json.begin(), json.end());
    } catch (const ordered_json::parse_error& e) {
        Fail("", "JSON illisible (octet " + std::to_string(e.byte) + ")");
    }
    const ObjectReader root(doc, "");
    if (root.String("format") != kLabelRulesFormat)
        Fail("format", "« " + std::string(kLabelRulesFormat) + " » attendu");
    const ordered_json& version = root.Required("version");
    if (!version.is_number_integer()) Fail("version", "nombre entier attendu");
    if (version.get<long long>() != kLabelRulesVersion)
        Fail("version", "version " + version.dump() + " non prise en charge (version 1 attendue)");
    const ordered_json& sets = root.Required("ruleSets");
    if (!sets.is_array() || sets.empty()) Fail("ruleSets", "liste non vide attendue");
    root.RefuseUnknownKeys({"format", "version", "ruleSets"});

    std::vector<LabelRuleSet> result;
    std::set<std::string> names;
    for (std::size_t i = 0; i < sets.size(); ++i) {
        const std::string path = "ruleSets[" + std::to_string(i) + "]";
        LabelRuleSet r = RuleSetFromJson(ObjectReader(sets[i], path));
        if (!names.insert(r.name).second) Fail(path + ".name", "nom « " + r.name + " » déjà utilisé");
        const std::vector<std::string> problems = ValidateLabelRules(r);
        if (!problems.empty()) {
            std::string all;
            for (const std::string& p : problems) all += (all.empty() ? "" : " ") + p;
            if (!all.empty() && all.back() == '.') all.pop_back();  // Fail adds the final period
            Fail(path + " (« " + r.name + " »)", all);
        }
        result.push_back(std::move(r));
    }
    return result;
}

}  // namespace vigie::printing
