// vigie-cli datamatrix ID --payload: the Datamatrix INS payload of a qualified identity
// (the symbol and document outputs arrive with the rest of the printing module, issue #5).
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "app/cli/TraitInput.h"
#include "core/util/Json.h"
#include "printing/model/DatamatrixPayload.h"

namespace vigie::cli {

int Datamatrix(Context& ctx, Args& args) {
    const domain::IdentityId id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    const bool payloadOnly = args.Flag("payload");
    args.Done(1);
    if (!payloadOnly)
        throw BadInputError("input.args", "Indiquer --payload (les sorties image et PDF viendront avec le module d'impression).");
    const auto identity = usecases::PatientService(ctx.Store(), ctx.clock).Get(id).identity;
    const printing::PayloadResult r = printing::BuildDatamatrixInsPayload(identity);
    if (!r.Ok()) return ctx.Refused(*r.refusal);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("payload", r.payload)
            .Field("escaped", printing::EscapePayload(r.payload))
            .Field("bytes", static_cast<std::int64_t>(r.payload.size())).EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        ctx.out << printing::EscapePayload(r.payload) << '\n';
    }
    return kExitOk;
}

}  // namespace vigie::cli
