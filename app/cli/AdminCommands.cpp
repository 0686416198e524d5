// vigie-cli journal verify | operator add/list | stats.
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "core/domain/Status.h"
#include "core/usecases/JournalChain.h"
#include "core/usecases/OperatorService.h"
#include "core/util/Json.h"

namespace vigie::cli {

using namespace vigie::domain;

int JournalVerify(Context& ctx, Args& args) {
    args.Done(0);
    const auto v = ports::RunInTransaction(ctx.Store(), ports::TransactionMode::Read,
                                           [](ports::IStoreTransaction& tx) { return usecases::JournalChain::Verify(tx); });
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", v.ok).Field("entries", v.entries).Field("message", v.message);
        if (v.firstBadSeq) w.Field("first_bad_seq", *v.firstBadSeq);
        w.EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        (v.ok ? ctx.out : ctx.err) << v.message << '\n';
    }
    return v.ok ? kExitOk : kExitRefused;
}

int OperatorAdd(Context& ctx, Args& args) {
    const std::string name = args.Word(0, "nom de l'opérateur");
    const std::string roleText = args.Required("role");
    args.Done(1);
    const auto role = ParseRole(roleText);
    if (!role)
        throw BadInputError("input.role", "Profil inconnu : « " + roleText +
                                              " » (comptoir, preparateur, titulaire, identitovigilance).");
    usecases::OperatorService service(ctx.Store(), ctx.clock);
    const auto r = service.Add(ctx.user, name, *role);
    if (r.refusal) return ctx.Refused(*r.refusal);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("name", r.op->name).Field("role", RoleCode(r.op->role)).EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        ctx.out << "Opérateur ajouté : " << r.op->name << " (" << RoleLabel(r.op->role) << ")\n";
    }
    return kExitOk;
}

int OperatorList(Context& ctx, Args& args) {
    args.Done(0);
    const auto ops = usecases::OperatorService(ctx.Store(), ctx.clock).List();
    util::JsonWriter w;
    w.BeginObject().Field("ok", true).Key("operators").BeginArray();
    for (const auto& op : ops) {
        if (ctx.json)
            w.BeginObject().Field("name", op.name).Field("role", RoleCode(op.role)).Field("active", op.active).EndObject();
        else
            ctx.out << op.name << "  " << RoleLabel(op.role) << (op.active ? "" : "  (désactivé)") << '\n';
    }
    w.EndArray().EndObject();
    if (ctx.json) ctx.out << w.Str() << '\n';
    else if (ops.empty()) ctx.out << "Aucun opérateur : commencer par « operator add NOM --role titulaire ».\n";
    return kExitOk;
}

int Stats(Context& ctx, Args& args) {
    if (args.Flag("dashboard")) return StatsDashboard(ctx, args);
    args.Done(0);
    const auto counts = ports::RunInTransaction(ctx.Store(), ports::TransactionMode::Read,
                                                [](ports::IStoreTransaction& tx) { return tx.CountByStatus(); });
    std::int64_t total = 0;
    for (const auto& [status, n] : counts) total += n;
    util::JsonWriter w;
    w.BeginObject().Field("ok", true).Field("total", total).Key("by_status").BeginObject();
    for (const auto& [status, n] : counts) w.Field(status, n);
    w.EndObject().EndObject();
    if (ctx.json) {
        ctx.out << w.Str() << '\n';
        return kExitOk;
    }
    ctx.out << "Identités : " << total << '\n';
    for (const auto& [status, n] : counts) {
        const auto s = ParseStatusCode(status);
        ctx.out << "  " << (s ? StatusLabel(*s) : status) << " : " << n << '\n';
    }
    return kExitOk;
}

}  // namespace vigie::cli
