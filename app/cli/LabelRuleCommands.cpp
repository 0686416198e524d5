// vigie-cli label-rules list | show | import | export: the owner's label rule sets (issue #5).
#include <fstream>
#include <ostream>
#include <sstream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "core/util/Json.h"
#include "printing/model/LabelRulesJson.h"
#include "printing/service/LabelRuleBook.h"

namespace vigie::cli {

namespace {

std::string Stock(const printing::LabelRuleSet& r) {
    std::ostringstream s;
    s << r.widthMm << "×" << r.heightMm << " mm";
    return s.str();
}

}  // namespace

int LabelRulesList(Context& ctx, Args& args) {
    args.Done(0);
    const auto sets = printing::LabelRuleBook(ctx.Store(), ctx.clock).List();
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginArray();
        for (const auto& e : sets)
            w.BeginObject().Field("name", e.rules.name).Field("displayName", e.rules.displayName)
                .Field("stock", Stock(e.rules)).Field("shipped", e.shipped).Field("version", e.version)
                .Field("fields", static_cast<std::int64_t>(e.rules.fields.size())).EndObject();
        w.EndArray();
        ctx.out << w.Str() << '\n';
        return kExitOk;
    }
    for (const auto& e : sets) {
        ctx.out << e.rules.name << " — " << e.rules.displayName << ", " << Stock(e.rules) << ", "
                << e.rules.fields.size() << " champs";
        if (e.shipped) ctx.out << " (fourni avec Vigie)";
        else ctx.out << " (version " << e.version << ", modifié par " << e.updatedBy << " le " << e.updatedAt << ")";
        ctx.out << '\n';
    }
    return kExitOk;
}

int LabelRulesShow(Context& ctx, Args& args) {
    const std::string name = args.Word(0, "nom du jeu de règles");
    args.Done(1);
    const auto entry = printing::LabelRuleBook(ctx.Store(), ctx.clock).Get(name);
    if (ctx.json) {
        ctx.out << printing::ExportLabelRules({entry.rules}) << '\n';
        return kExitOk;
    }
    const auto& r = entry.rules;
    ctx.out << r.displayName << " (" << r.name << ")\n"
            << "  Étiquette : " << Stock(r) << ", marges " << r.margins.topMm << "/" << r.margins.rightMm << "/"
            << r.margins.bottomMm << "/" << r.margins.leftMm << " mm\n"
            << "  Police : " << r.fontFamily << " " << r.baseSizePt << " pt (réduite jusqu'à " << r.minSizePt << " pt)\n"
            << "  Champs, dans l'ordre :\n";
    for (const auto& f : r.fields) {
        ctx.out << "    - " << printing::FieldKindLabel(f.kind);
        if (printing::IsMandatoryField(f.kind)) ctx.out << " [obligatoire]";
        if (!f.text.empty()) ctx.out << " : « " << f.text << " »";
        if (f.style.sizePt) ctx.out << ", " << *f.style.sizePt << " pt";
        if (f.style.bold) ctx.out << ", gras";
        ctx.out << '\n';
    }
    return kExitOk;
}

int LabelRulesImport(Context& ctx, Args& args) {
    const std::string path = args.Word(0, "fichier de règles");
    args.Done(1);
    std::ifstream f(path, std::ios::binary);
    if (!f) throw BadInputError("input.file", "Fichier introuvable : « " + path + " ».");
    std::stringstream buffer;
    buffer << f.rdbuf();
    const auto op = ctx.Operator();
    const auto r = printing::LabelRuleBook(ctx.Store(), ctx.clock).Import(op, buffer.str());
    if (!r.Ok()) return ctx.Refused(*r.refusal);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Key("saved").BeginArray();
        for (const auto& n : r.saved) w.String(n);
        w.EndArray().EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        for (const auto& n : r.saved) ctx.out << "Règles d'étiquette enregistrées : " << n << '\n';
    }
    return kExitOk;
}

int LabelRulesExport(Context& ctx, Args& args) {
    const auto out = args.Opt("out");
    std::vector<std::string> names = args.Positional();
    args.Done(names.size());
    const std::string doc = printing::LabelRuleBook(ctx.Store(), ctx.clock).Export(names);
    if (!out) {
        ctx.out << doc << '\n';
        return kExitOk;
    }
    std::ofstream f(*out, std::ios::binary | std::ios::trunc);
    f << doc << '\n';
    f.flush();
    if (!f) throw EnvironmentError("label_rules.export", "Impossible d'écrire « " + *out + " ».");
    ctx.out << "Règles d'étiquette exportées → « " << *out << " »\n";
    return kExitOk;
}

}  // namespace vigie::cli
