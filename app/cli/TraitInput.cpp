#include "app/cli/TraitInput.h"

#include "core/domain/Errors.h"
#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Status.h"

namespace vigie::cli {

using namespace vigie::domain;

std::string CheckedTrait(const std::string& value, TraitKind kind, const char* label) {
    TextCheck c = CheckInsCharset(value, kind);
    if (c.ok) return c.value;
    throw BadInputError("input.trait", std::string(label) + " refusé : " + DescribeRefusal(c) + ".");
}

CompletedDate ParseBirthDateOption(const std::string& value) {
    auto d = ParseBirthDateWithUnknowns(value);
    if (!d)
        throw BadInputError("input.date", "Date de naissance invalide : « " + value +
                                              " » (format AAAA-MM-JJ, 00 pour une partie inconnue).");
    return *d;
}

Date ParseDateOption(const std::string& value, const char* label) {
    auto d = Date::Parse(value);
    if (!d) throw BadInputError("input.date", std::string(label) + " invalide : « " + value + " » (format AAAA-MM-JJ).");
    return *d;
}

Sex ParseSexOption(const std::string& value) {
    auto s = ParseSex(value);
    if (!s) throw BadInputError("input.sex", "Sexe invalide : « " + value + " » (M ou F).");
    return *s;
}

std::string ParseBirthPlaceOption(const std::string& value) {
    std::string v = value;
    for (auto& c : v)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!IsValidCogFormat(v))
        throw BadInputError("input.birth_place",
                            "Lieu de naissance invalide : « " + value + " » (code INSEE sur 5 caractères, ex. 63220, 2A004, 99134).");
    return v;
}

IdentityId ParseIdentityId(const std::string& value) {
    if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos)
        throw BadInputError("input.identity_id", "Numéro d'identité invalide : « " + value + " ».");
    return std::stoll(value);
}

}  // namespace vigie::cli
