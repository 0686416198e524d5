// vigie-cli identitovigilance collisions | review-collision (issue #6): the open INS collisions
// and their review, the same use-case as the Identitovigilance screen's « Collisions INS » tab.
// The matricule INS is printed only for a qualified holder (usecases::CollisionInsLabel).
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "core/domain/Status.h"
#include "core/usecases/CollisionReview.h"
#include "core/usecases/IdentityJson.h"
#include "core/util/Json.h"

namespace vigie::cli {

using namespace vigie::usecases;

namespace {
std::string When(const std::string& at) {  // 2026-11-22T10:06:00.000Z → 22/11/2026 à 10:06 UTC
    if (at.size() < 16) return at;
    return at.substr(8, 2) + "/" + at.substr(5, 2) + "/" + at.substr(0, 4) + " à " + at.substr(11, 5) + " UTC";
}
void PrintSide(std::ostream& out, const char* what, domain::IdentityId id, const std::optional<domain::Identity>& i) {
    out << "  " << what << " dossier n° " << id << " : ";
    if (!i) {
        out << "introuvable\n";
        return;
    }
    out << i->traits.birthName << ' ' << i->traits.birthFirstNames << ", né(e) le " << i->traits.birthDate.ToFrench()
        << ", " << domain::SexCode(i->traits.sex) << " — " << domain::StatusLabel(i->status) << '\n';
}
void WriteSide(util::JsonWriter& w, const char* key, const std::optional<domain::Identity>& i) {
    w.Key(key);
    if (i) WriteIdentity(w, *i, InsVisibility::IfQualified);
    else w.Null();
}
}  // namespace

int IdentitovigilanceCollisions(Context& ctx, Args& args) {
    args.Done(0);
    const CollisionList list = CollisionReview(ctx.Store(), ctx.clock).ListOpen(ctx.Operator());
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("truncated", list.truncated).Key("collisions").BeginArray();
        for (const auto& c : list.open) {
            w.BeginObject().Field("seq", c.seq).Field("at", c.at).Field("operator", c.operatorName)
                .Field("role", c.role).Field("refused_id", c.refusedId).Field("holder_id", c.holderId)
                .Field("ins", CollisionInsLabel(c));
            WriteSide(w, "refused", c.refused);
            WriteSide(w, "holder", c.holder);
            w.EndObject();
        }
        w.EndArray().EndObject();
        ctx.out << w.Str() << '\n';
        return kExitOk;
    }
    if (list.open.empty()) {
        ctx.out << "Aucune collision d'INS à examiner.\n";
        return kExitOk;
    }
    ctx.out << list.open.size() << " collision(s) d'INS à examiner" << (list.truncated ? " (liste limitée)" : "")
            << " :\n";
    for (const auto& c : list.open) {
        ctx.out << "Collision n° " << c.seq << " — le " << When(c.at) << " — " << c.operatorName << " (" << c.role
                << ")\n";
        PrintSide(ctx.out, "INS refusé au", c.refusedId, c.refused);
        PrintSide(ctx.out, "INS porté par le", c.holderId, c.holder);
        ctx.out << "  " << CollisionInsLabel(c) << '\n';
    }
    return kExitOk;
}

int IdentitovigilanceReviewCollision(Context& ctx, Args& args) {
    const std::string seqText = args.Word(0, "numéro de la collision");
    const std::string verdictText = args.Required("verdict");
    const std::string comment = args.Required("comment");
    args.Done(1);
    if (seqText.empty() || seqText.size() > 18 || seqText.find_first_not_of("0123456789") != std::string::npos)
        throw BadInputError("input.collision", "Numéro de collision invalide : « " + seqText + " ».");
    const auto verdict = ParseVerdict(verdictText);
    if (!verdict)
        throw BadInputError("input.verdict", "--verdict : meme-personne, personnes-differentes ou autre (reçu « " +
                                                 verdictText + " »).");
    const std::int64_t seq = std::stoll(seqText);
    const auto r = CollisionReview(ctx.Store(), ctx.clock).MarkReviewed(ctx.Operator(), {seq, *verdict, comment});
    if (r.refusal) {
        // Unusable input (no such collision, empty comment) is exit 2, like any bad input.
        if (r.refusal->code.rfind("input.", 0) == 0) throw BadInputError(r.refusal->code, r.refusal->message);
        return ctx.Refused(*r.refusal);
    }
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("collision_seq", seq).Field("review_seq", r.reviewSeq)
            .Field("verdict", VerdictCode(*verdict)).EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        ctx.out << "Collision n° " << seqText << " examinée : " << VerdictLabel(*verdict) << " (journal n° "
                << r.reviewSeq << ").\n";
    }
    return kExitOk;
}

}  // namespace vigie::cli
