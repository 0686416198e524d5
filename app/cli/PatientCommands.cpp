// vigie-cli patient …: the identity use-cases from the command line.
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "app/cli/IdentityPrinter.h"
#include "app/cli/TraitInput.h"
#include "core/domain/DocumentTypes.h"
#include "core/domain/Status.h"
#include "core/usecases/IdentityJson.h"

namespace vigie::cli {

using namespace vigie::domain;
using usecases::CommandResult;
using usecases::PatientService;

namespace {

// Prints a command result and returns the exit code.
int Report(Context& ctx, const CommandResult& r, const char* doneText) {
    if (ctx.json) {
        ctx.out << CommandResultJson(r) << '\n';
        return r.Ok() ? kExitOk : kExitRefused;
    }
    if (!r.Ok()) {
        if (!r.duplicates.empty()) PrintDuplicatesText(ctx.out, r.duplicates);
        ctx.err << "Refusé : " << r.refusal->message << '\n';
        if (r.refusal->code == "rule.duplicates")
            ctx.err << "Pour créer quand même (homonyme vérifié) : relancer avec --force.\n";
        return kExitRefused;
    }
    ctx.out << doneText << '\n';
    if (r.identity) PrintIdentityText(ctx.out, *r.identity);
    ctx.Notes(r.notes);
    return kExitOk;
}

PatientService Service(Context& ctx) { return PatientService(ctx.Store(), ctx.clock); }

// Removes the matricule INS from a journal snapshot when it may not be shown.
std::string RedactSnapshot(const std::string& snapshot, bool showIns) {
    if (snapshot.empty() || showIns) return snapshot;
    auto j = nlohmann::json::parse(snapshot, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("ins") || !j["ins"].is_object()) return snapshot;
    auto& ins = j["ins"];
    for (const char* k : {"matricule", "oid", "history", "nature", "test_oid"}) ins.erase(k);
    ins["hidden"] = "INS non affiché : identité non qualifiée";
    return j.dump();
}

std::string StatusOf(const std::string& snapshot) {
    auto j = nlohmann::json::parse(snapshot, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("status")) return "";
    return j["status"].get<std::string>();
}

}  // namespace

int PatientCreate(Context& ctx, Args& args) {
    usecases::CreateRequest req;
    req.traits.birthName = CheckedTrait(args.Required("birth-name"), TraitKind::BirthName, "Nom de naissance");
    req.traits.birthFirstNames =
        CheckedTrait(args.Required("first-names"), TraitKind::FirstNames, "Prénom(s) de naissance");
    req.traits.sex = ParseSexOption(args.Required("sex"));
    const CompletedDate date = ParseBirthDateOption(args.Required("birth-date"));
    req.traits.birthDate = date.date;
    req.traits.birthDateCompleted = date.completed;
    if (auto p = args.Opt("birth-place")) req.traits.birthPlace = ParseBirthPlaceOption(*p);
    if (auto v = args.Opt("used-name")) req.usedName = CheckedTrait(*v, TraitKind::UsedName, "Nom utilisé");
    if (auto v = args.Opt("used-first-name"))
        req.usedFirstName = CheckedTrait(*v, TraitKind::UsedFirstName, "Prénom utilisé");
    req.force = args.Flag("force");
    args.Done(0);
    const Operator op = ctx.Operator();
    return Report(ctx, Service(ctx).Create(op, req), "Identité créée.");
}

int PatientShow(Context& ctx, Args& args) {
    const IdentityId id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    args.Done(1);
    const usecases::PatientFile f = Service(ctx).Get(id);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Key("identity");
        usecases::WriteIdentity(w, f.identity, usecases::InsVisibility::IfQualified);
        w.Key("billing_identities").BeginArray();
        for (const auto& b : f.billing) usecases::WriteBillingIdentity(w, b);
        w.EndArray().Key("document_checks").BeginArray();
        for (const auto& d : f.documentChecks) {
            w.BeginObject().Field("type", d.documentType);
            if (d.expiry) w.Field("expires", d.expiry->ToIso());
            w.Field("operator", d.operatorName).Field("at", d.checkedAt).EndObject();
        }
        w.EndArray().EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        PrintPatientFileText(ctx.out, f);
    }
    return kExitOk;
}

int PatientSearch(Context& ctx, Args& args) {
    ports::SearchQuery q;
    if (auto v = args.Opt("birth-name")) q.birthNamePrefix = *v;
    if (auto v = args.Opt("birth-date")) q.birthDate = ParseDateOption(*v, "Date de naissance");
    if (auto v = args.Opt("text")) q.text = *v;
    if (auto v = args.Opt("limit")) {
        if (v->empty() || v->size() > 4 || v->find_first_not_of("0123456789") != std::string::npos || std::stoi(*v) < 1)
            throw BadInputError("input.limit", "--limit attend un nombre entre 1 et 9999.");
        q.limit = std::stoi(*v);
    }
    args.Done(0);
    if (q.birthNamePrefix.empty() && !q.birthDate && q.text.empty())
        throw BadInputError("input.args", "Indiquer --birth-name, --birth-date ou --text.");
    const auto found = Service(ctx).Search(q);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("count", static_cast<std::int64_t>(found.size())).Key("identities").BeginArray();
        for (const auto& i : found) usecases::WriteIdentity(w, i, usecases::InsVisibility::IfQualified);
        w.EndArray().EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        if (found.empty()) ctx.out << "Aucune identité trouvée.\n";
        for (const auto& i : found) PrintSummaryLine(ctx.out, i);
    }
    return kExitOk;
}

int PatientHistory(Context& ctx, Args& args) {
    const IdentityId id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    args.Done(1);
    auto service = Service(ctx);
    const bool showIns = service.Get(id).identity.status == IdentityStatus::Qualifiee;
    const auto entries = service.History(id);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Key("entries").BeginArray();
        for (const auto& e : entries) {
            w.BeginObject().Field("seq", e.seq).Field("at", e.at).Field("operator", e.operatorName)
                .Field("role", e.role).Field("action", e.action);
            w.Key("before");
            if (e.before.empty()) w.Null(); else w.Raw(RedactSnapshot(e.before, showIns));
            w.Key("after");
            if (e.after.empty()) w.Null(); else w.Raw(RedactSnapshot(e.after, showIns));
            w.EndObject();
        }
        w.EndArray().EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        for (const auto& e : entries) {
            ctx.out << "n° " << e.seq << "  " << e.at << "  " << e.operatorName << " (" << e.role << ")  " << e.action;
            const std::string from = StatusOf(e.before), to = StatusOf(e.after);
            if (!to.empty() && from != to) ctx.out << "  " << (from.empty() ? "∅" : from) << " → " << to;
            ctx.out << '\n';
        }
    }
    return kExitOk;
}

int PatientValidate(Context& ctx, Args& args) {
    const IdentityId id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    const std::string document = args.Required("document");
    std::optional<Date> expiry;
    if (auto v = args.Opt("expires")) expiry = ParseDateOption(*v, "Date d'expiration");
    args.Done(1);
    if (!FindDocumentType(document)) {
        std::string list;
        for (const auto& t : DefaultDocumentCatalog()) list += (list.empty() ? "" : ", ") + std::string(t.code);
        throw BadInputError("input.document", "Pièce d'identité non reconnue : « " + document + " » (" + list + ").");
    }
    const Operator op = ctx.Operator();
    return Report(ctx, Service(ctx).CheckDocument(op, id, document, expiry), "Vérification de la pièce enregistrée.");
}

int PatientWithdrawDocument(Context& ctx, Args& args) {
    const IdentityId id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    args.Done(1);
    const Operator op = ctx.Operator();
    return Report(ctx, Service(ctx).WithdrawDocument(op, id), "Vérification de la pièce retirée.");
}

int PatientSetAttribute(Context& ctx, Args& args) {
    const IdentityId id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    const std::string name = args.Word(1, "attribut (homonyme, douteuse ou fictive)");
    const bool off = args.Flag("off");
    args.Done(2);
    const auto attribute = ParseAttribute(name);
    if (!attribute)
        throw BadInputError("input.attribute", "Attribut inconnu : « " + name + " » (homonyme, douteuse ou fictive).");
    const Operator op = ctx.Operator();
    return Report(ctx, Service(ctx).SetAttribute(op, id, *attribute, !off), "Attribut mis à jour.");
}

int PatientEdit(Context& ctx, Args& args) {
    const IdentityId id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    auto service = Service(ctx);
    const Identity current = service.Get(id).identity;
    event::EditTraits edit{current.traits, current.usedName, current.usedFirstName};
    bool any = false;
    if (auto v = args.Opt("birth-name")) {
        edit.traits.birthName = CheckedTrait(*v, TraitKind::BirthName, "Nom de naissance");
        any = true;
    }
    if (auto v = args.Opt("first-names")) {
        edit.traits.birthFirstNames = CheckedTrait(*v, TraitKind::FirstNames, "Prénom(s) de naissance");
        edit.traits.firstBirthFirstName = FirstOfList(edit.traits.birthFirstNames);
        any = true;
    }
    if (auto v = args.Opt("sex")) { edit.traits.sex = ParseSexOption(*v); any = true; }
    if (auto v = args.Opt("birth-date")) {
        const CompletedDate d = ParseBirthDateOption(*v);
        edit.traits.birthDate = d.date;
        edit.traits.birthDateCompleted = d.completed;
        any = true;
    }
    if (auto v = args.Opt("birth-place")) {
        edit.traits.birthPlace = v->empty() ? std::string() : ParseBirthPlaceOption(*v);
        any = true;
    }
    if (auto v = args.Opt("used-name")) {
        edit.usedName = v->empty() ? std::string() : CheckedTrait(*v, TraitKind::UsedName, "Nom utilisé");
        any = true;
    }
    if (auto v = args.Opt("used-first-name")) {
        edit.usedFirstName = v->empty() ? std::string() : CheckedTrait(*v, TraitKind::UsedFirstName, "Prénom utilisé");
        any = true;
    }
    args.Done(1);
    if (!any) throw BadInputError("input.args", "Aucune modification demandée (--birth-name, --first-names, …).");
    const Operator op = ctx.Operator();
    return Report(ctx, service.EditTraits(op, id, edit, current.version), "Identité modifiée.");
}

}  // namespace vigie::cli
