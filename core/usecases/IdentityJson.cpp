#include "core/usecases/IdentityJson.h"

#include "core/domain/Nir.h"
#include "core/domain/Status.h"

namespace vigie::usecases {

using namespace vigie::domain;

namespace {
void WriteInsNumber(util::JsonWriter& w, const InsNumber& n) {
    w.BeginObject().Field("matricule", n.matricule).Field("oid", n.oid);
    if (!n.startDate.empty()) w.Field("start", n.startDate);
    if (!n.endDate.empty()) w.Field("end", n.endDate);
    w.EndObject();
}
}  // namespace

void WriteIdentity(util::JsonWriter& w, const Identity& id, InsVisibility visibility) {
    const auto& t = id.traits;
    w.BeginObject();
    w.Field("id", id.id);
    w.Field("status", StatusCode(id.status));
    w.Field("status_label", StatusLabel(id.status));
    w.Field("birth_name", t.birthName);
    w.Field("birth_first_names", t.birthFirstNames);
    w.Field("first_birth_first_name", t.firstBirthFirstName);
    w.Field("birth_date", t.birthDate.ToIso());
    if (t.birthDateCompleted) w.Field("birth_date_completed", true);
    w.Field("sex", std::string(1, SexCode(t.sex)));
    w.Field("birth_place", t.birthPlace);
    w.Field("used_name", id.usedName);
    w.Field("used_first_name", id.usedFirstName);
    w.Key("attributes").BeginArray();
    if (id.attributes.homonyme) w.String("homonyme");
    if (id.attributes.douteuse) w.String("douteuse");
    if (id.attributes.fictive) w.String("fictive");
    w.EndArray();
    if (id.ins) {
        const bool show = visibility == InsVisibility::Full || id.status == IdentityStatus::Qualifiee;
        w.Key("ins").BeginObject();
        if (show) {
            w.Field("matricule", id.ins->active.matricule);
            w.Field("oid", id.ins->active.oid);
            w.Field("nature", OidNature(id.ins->active.oid));
            if (IsTestOrDemoOid(id.ins->active.oid)) w.Field("test_oid", true);
            w.Key("history").BeginArray();
            for (const auto& h : id.ins->history) WriteInsNumber(w, h);
            w.EndArray();
        } else {
            w.Field("hidden", "INS non affiché : identité non qualifiée");
        }
        w.Field("retrieved_at", id.ins->retrievedAt);
        w.EndObject();
    }
    if (id.documentCheck) {
        const auto& d = *id.documentCheck;
        w.Key("document_check").BeginObject().Field("type", d.documentType);
        if (d.expiry) w.Field("expires", d.expiry->ToIso());
        w.Field("operator", d.operatorName).Field("at", d.checkedAt).EndObject();
    }
    w.EndObject();
}

std::string IdentityToJson(const Identity& identity, InsVisibility visibility) {
    util::JsonWriter w;
    WriteIdentity(w, identity, visibility);
    return w.Str();
}

void WriteBillingIdentity(util::JsonWriter& w, const BillingIdentity& b) {
    w.BeginObject()
        .Field("id", b.id)
        .Field("insured_nir", b.insuredNir)
        .Field("insured_nir_key", b.insuredNirKey)
        .Field("beneficiary_nir", b.beneficiaryNir)
        .Field("last_name", b.lastName)
        .Field("first_name", b.firstName)
        .Field("usual_name", b.usualName)
        .Field("raw_birth_date", b.rawBirthDate)
        .Field("birth_rank", b.birthRank)
        .Field("quality", b.quality);
    if (b.identityId) w.Field("identity_id", *b.identityId);
    w.EndObject();
}

}  // namespace vigie::usecases
