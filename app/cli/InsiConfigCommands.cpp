// `vigie-cli insi config show|set` (issue #6): the same editor as « Réglages › Connexion INSi »
// (insi::InsiConfigEditor: validation by field, atomic write, journal settings.insi_changed).
// Passwords are never read from the command line (visible to other users in the process list):
// `set` keeps the stored ones.
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "core/domain/Errors.h"
#include "core/insi/InsiConfigEditor.h"
#include "core/util/Json.h"

namespace vigie::cli {
namespace {

void CertificateJson(util::JsonWriter& w, const char* key, const insi::CertificateCheck& c) {
    w.Key(key).BeginObject();
    if (c.info) w.Field("subject", c.info->subject).Field("not_after", c.info->notAfter).Field("sha256", c.info->sha256);
    w.Field("error", c.error).EndObject();
}

std::string Text(const insi::CertificateCheck& c) {
    if (c.info) return insi::Describe(*c.info) + (c.Ok() ? "" : " — " + c.error);
    return c.error.empty() ? "—" : c.error;
}

int Show(Context& ctx, insi::InsiConfigEditor& editor) {
    const auto s = editor.Load();
    if (!s.error.empty()) throw EnvironmentError("config.open", s.error);
    const auto& f = s.form;
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("config", ctx.configPath).Field("endpoint", f.endpoint)
            .Field("ca_file", f.caFile).Field("cert_manu", f.manual.certFile).Field("key_manu", f.manual.keyFile)
            .Field("cert_auto", f.automatic.certFile).Field("key_auto", f.automatic.keyFile).Field("idam", f.idam)
            .Field("rate_cap", f.rateCap).Field("connect_timeout_ms", f.connectTimeoutMs)
            .Field("timeout_ms", f.timeoutMs).Field("retries", f.retries);
        CertificateJson(w, "ca", s.ca);
        CertificateJson(w, "manual", s.manual);
        CertificateJson(w, "automatic", s.automatic);
        ctx.out << w.EndObject().Str() << '\n';
        return kExitOk;
    }
    auto pem = [](const insi::InsiIdentityForm& id) {
        return id.keyFile.empty() ? id.certFile + " (PKCS#12)" : id.certFile + " + " + id.keyFile;
    };
    ctx.out << "Fichier : " << ctx.configPath << "\n"
            << "Adresse du téléservice : " << f.endpoint << "\n"
            << "Autorités de confiance : " << f.caFile << "\n  " << Text(s.ca) << "\n"
            << "Certificat INSI-MANU : " << pem(f.manual) << "\n  " << Text(s.manual) << "\n"
            << "Certificat INSI-AUTO : " << pem(f.automatic) << "\n  " << Text(s.automatic) << "\n"
            << "IDAM : " << f.idam << "\n"
            << "Débit maximal des traitements : " << f.rateCap << " requêtes/s\n"
            << "Délais : connexion " << f.connectTimeoutMs << " ms, réponse " << f.timeoutMs << " ms\n"
            << "Nouvelles tentatives : " << f.retries << "\n";
    return kExitOk;
}

}  // namespace

int InsiConfig(Context& ctx, Args& args) {
    const std::string action = args.Word(0, "action (show ou set)");
    insi::InsiConfigEditor editor(ctx.configPath, ctx.Store(), ctx.clock);
    if (action == "show") {
        args.Done(1);
        return Show(ctx, editor);
    }
    if (action != "set") throw BadInputError("input.args", "Action inconnue : « " + action + " » (show ou set).");
    auto form = editor.Load().form;
    auto take = [&](const char* option, std::string& field) {
        if (auto v = args.Opt(option)) field = *v;
    };
    take("endpoint", form.endpoint);
    take("ca-file", form.caFile);
    take("cert-manu", form.manual.certFile);
    take("key-manu", form.manual.keyFile);
    take("cert-auto", form.automatic.certFile);
    take("key-auto", form.automatic.keyFile);
    take("idam", form.idam);
    take("rate-cap", form.rateCap);
    take("connect-timeout-ms", form.connectTimeoutMs);
    take("timeout-ms", form.timeoutMs);
    take("retries", form.retries);
    args.Done(1);
    const auto r = editor.Save(ctx.Operator(), form);
    if (r.refusal) {
        std::string message = *r.refusal;
        for (const auto& e : r.errors) message += "\n  " + e.message;
        return ctx.Refused({r.errors.empty() ? "rule.permission" : "input.insi_config", message});
    }
    const std::string done = r.changed ? "Réglages INSi enregistrés." : "Aucune modification.";
    if (ctx.json) {
        util::JsonWriter w;
        ctx.out << w.BeginObject().Field("ok", true).Field("changed", r.changed).Field("message", done).EndObject().Str()
                << '\n';
    } else {
        ctx.out << done << '\n';
    }
    return kExitOk;
}

}  // namespace vigie::cli
