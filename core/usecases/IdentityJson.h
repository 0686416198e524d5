#pragma once
// JSON form of an identity: the journal's before/after snapshots and the CLI's --json output.
// The matricule INS is written only where the caller says so: the journal keeps it (audit),
// anything shown or exported hides it unless the identity is qualifiée (EXI SI 08).

#include <string>

#include "core/domain/BillingIdentity.h"
#include "core/domain/Identity.h"
#include "core/util/Json.h"

namespace vigie::usecases {

enum class InsVisibility {
    Full,           // journal snapshots
    IfQualified,    // display/export: matricule and OID only for QUAL
};

void WriteIdentity(util::JsonWriter& w, const domain::Identity& identity, InsVisibility visibility);
std::string IdentityToJson(const domain::Identity& identity, InsVisibility visibility);
void WriteBillingIdentity(util::JsonWriter& w, const domain::BillingIdentity& billing);

}  // namespace vigie::usecases
