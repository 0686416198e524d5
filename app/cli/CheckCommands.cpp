// vigie-cli nir check | traits normalize: checks that need no database.
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "core/domain/Nir.h"
#include "core/domain/TraitText.h"
#include "core/util/Json.h"

namespace vigie::cli {

using namespace vigie::domain;

int NirCheck(Context& ctx, Args& args) {
    const std::string nir = args.Word(0, "NIR (15 caractères, ou 13 caractères et la clé)");
    std::optional<std::string> key;
    if (args.Positional().size() > 1) key = args.Positional()[1];
    args.Done(2);
    const domain::NirCheck c = key ? CheckNir(nir, std::string_view(*key)) : CheckNir(nir);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", c.ok);
        if (!c.ok) w.Field("code", "check.invalid_nir");
        w.Field("value", c.value).Field("message", c.message);
        if (c.expectedKey) w.Field("expected_key", *c.expectedKey);
        w.EndObject();
        ctx.out << w.Str() << '\n';
    } else if (c.ok) {
        ctx.out << "NIR valide : " << c.value << '\n';
    } else {
        ctx.out << "NIR invalide : " << c.message << '\n';
    }
    return c.ok ? kExitOk : kExitRefused;
}

int TraitsNormalize(Context& ctx, Args& args) {
    struct Item { const char* key; const char* label; TraitKind kind; std::optional<std::string> value; };
    Item items[] = {
        {"birth-name", "Nom de naissance", TraitKind::BirthName, args.Opt("birth-name")},
        {"first-names", "Prénom(s) de naissance", TraitKind::FirstNames, args.Opt("first-names")},
        {"used-name", "Nom utilisé", TraitKind::UsedName, args.Opt("used-name")},
        {"used-first-name", "Prénom utilisé", TraitKind::UsedFirstName, args.Opt("used-first-name")},
    };
    args.Done(0);
    bool any = false, allOk = true;
    util::JsonWriter w;
    w.BeginObject();
    for (const auto& item : items) {
        if (!item.value) continue;
        any = true;
        const TextCheck c = NormalizeTrait(*item.value, item.kind);
        allOk = allOk && c.ok;
        if (ctx.json) {
            w.Key(item.key).BeginObject().Field("input", *item.value).Field("ok", c.ok).Field("value", c.value)
                .Field("changed", c.changed).Key("issues").BeginArray();
            for (const auto& i : c.issues)
                w.BeginObject().Field("position", static_cast<std::int64_t>(i.position))
                    .Field("character", i.character).Field("message", i.message).EndObject();
            w.EndArray().EndObject();
        } else {
            ctx.out << item.label << " : " << (c.ok ? c.value : "refusé") << '\n';
            if (c.ok && c.changed) ctx.out << "  (forme proposée pour « " << *item.value << " »)\n";
            for (const auto& i : c.issues) ctx.out << "  ✗ " << i.message << '\n';
        }
    }
    w.Field("ok", allOk);
    if (!allOk) w.Field("code", "check.invalid_trait");
    w.EndObject();
    if (!any) throw BadInputError("input.args", "Indiquer au moins --birth-name ou --first-names.");
    if (ctx.json) ctx.out << w.Str() << '\n';
    return allOk ? kExitOk : kExitRefused;
}

}  // namespace vigie::cli
