#include "core/domain/Status.h"

#include "core/domain/Nir.h"

namespace vigie::domain {

std::string_view StatusCode(IdentityStatus s) {
    switch (s) {
        case IdentityStatus::Provisoire: return "PROV";
        case IdentityStatus::Recuperee: return "RECUP";
        case IdentityStatus::Validee: return "VALI";
        case IdentityStatus::Qualifiee: return "QUAL";
    }
    return "PROV";
}

std::string_view StatusLabel(IdentityStatus s) {
    switch (s) {
        case IdentityStatus::Provisoire: return "Identité provisoire";
        case IdentityStatus::Recuperee: return "Identité récupérée";
        case IdentityStatus::Validee: return "Identité validée";
        case IdentityStatus::Qualifiee: return "Identité qualifiée";
    }
    return "Identité provisoire";
}

std::optional<IdentityStatus> ParseStatusCode(std::string_view code) {
    if (code == "PROV") return IdentityStatus::Provisoire;
    if (code == "RECUP") return IdentityStatus::Recuperee;
    if (code == "VALI") return IdentityStatus::Validee;
    if (code == "QUAL") return IdentityStatus::Qualifiee;
    return std::nullopt;
}

char SexCode(Sex s) { return s == Sex::Male ? 'M' : 'F'; }

std::optional<Sex> ParseSex(std::string_view text) {
    if (text == "M" || text == "m") return Sex::Male;
    if (text == "F" || text == "f") return Sex::Female;
    return std::nullopt;
}

std::optional<std::string> ShowableIns(const Identity& identity) {
    if (!identity.ins || identity.status != IdentityStatus::Qualifiee) return std::nullopt;
    const auto& ins = identity.ins->active;
    return ins.matricule + " (" + std::string(OidNature(ins.oid)) + ")";
}

}  // namespace vigie::domain
