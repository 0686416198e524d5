#include "printing/model/DatamatrixPayload.h"

#include "core/domain/Errors.h"
#include "core/domain/Nir.h"
#include "core/domain/Status.h"
#include "core/domain/TraitText.h"

namespace vigie::printing {

using namespace vigie::domain;

namespace {

constexpr std::size_t kMaxNameLength = 100;
constexpr std::size_t kMaxOidLength = 20;

PayloadResult Refuse(std::string code, std::string message) {
    PayloadResult r;
    r.refusal = Refusal{std::move(code), std::move(message)};
    return r;
}

std::optional<std::string> CheckName(const std::string& value, TraitKind kind, const char* label) {
    if (value.empty()) return std::string(label) + " : valeur obligatoire";
    if (value.size() > kMaxNameLength)
        return std::string(label) + " : " + std::to_string(value.size()) + " caractères, 100 au plus dans le Datamatrix INS";
    const TextCheck c = CheckInsCharset(value, kind);
    if (!c.ok || c.value != value) return std::string(label) + " : " + (c.ok ? "forme non normalisée" : DescribeRefusal(c));
    return std::nullopt;
}

}  // namespace

PayloadResult BuildDatamatrixInsPayload(const Identity& id) {
    if (id.status != IdentityStatus::Qualifiee || !id.ins)
        return Refuse("rule.not_qualified", "Datamatrix INS réservé aux identités qualifiées (statut actuel : " +
                                                std::string(StatusLabel(id.status)) + ").");
    const InsNumber& ins = id.ins->active;
    if (ins.matricule.size() != 15) return Refuse("rule.matricule", "Matricule INS invalide : 15 caractères attendus.");
    if (ClassifyOid(ins.oid) == InsOidKind::Unknown || ins.oid.size() > kMaxOidLength)
        return Refuse("rule.oid", "OID inconnu pour un INS : « " + ins.oid + " ».");
    const StrictTraits& t = id.traits;
    for (const auto& problem : {CheckName(t.birthFirstNames, TraitKind::FirstNames, "Prénom(s) de naissance"),
                                CheckName(t.birthName, TraitKind::BirthName, "Nom de naissance")})
        if (problem) return Refuse("rule.traits", *problem + ".");
    const bool placeKnown = !t.birthPlace.empty() && t.birthPlace != "99999";
    if (placeKnown && !IsValidCogFormat(t.birthPlace))
        return Refuse("rule.traits", "Lieu de naissance : code INSEE sur 5 caractères attendu.");

    // A variable field takes GS unless it reached its maximum length or is the last field.
    std::string p(kDatamatrixInsHeader);
    p += "S1" + ins.matricule;
    p += "S2" + ins.oid;
    if (ins.oid.size() < kMaxOidLength) p += kGroupSeparator;
    p += "S3" + t.birthFirstNames;
    if (t.birthFirstNames.size() < kMaxNameLength) p += kGroupSeparator;
    p += "S4" + t.birthName;
    if (t.birthName.size() < kMaxNameLength) p += kGroupSeparator;
    p += "S5";
    p += SexCode(t.sex);
    p += "S6" + t.birthDate.ToDmyHyphen();
    if (placeKnown) p += "S7" + t.birthPlace;
    PayloadResult r;
    r.payload = std::move(p);
    return r;
}

ScannedIns ParseDatamatrixInsPayload(std::string_view p) {
    auto fail = [](const std::string& why) -> BadInputError {
        return BadInputError("input.datamatrix", "Datamatrix INS illisible : " + why + ".");
    };
    if (p.substr(0, kDatamatrixInsHeader.size()) != kDatamatrixInsHeader) throw fail("en-tête IS01 absent");
    ScannedIns s;
    bool seen[8] = {};
    std::size_t i = kDatamatrixInsHeader.size();
    // Variable field: up to GS, or `max` characters, or the end.
    auto variable = [&](std::size_t max) {
        std::size_t end = i;
        while (end < p.size() && p[end] != kGroupSeparator && end - i < max) ++end;
        std::string v(p.substr(i, end - i));
        i = end < p.size() && p[end] == kGroupSeparator ? end + 1 : end;
        return v;
    };
    auto fixed = [&](std::size_t n, const char* what) {
        if (i + n > p.size()) throw fail(std::string("champ ") + what + " tronqué");
        std::string v(p.substr(i, n));
        i += n;
        return v;
    };
    while (i < p.size()) {
        if (i + 2 > p.size() || p[i] != 'S' || p[i + 1] < '1' || p[i + 1] > '7')
            throw fail("identifiant de champ inattendu en position " + std::to_string(i + 1));
        const int field = p[i + 1] - '0';
        if (seen[field]) throw fail("champ S" + std::to_string(field) + " répété");
        seen[field] = true;
        i += 2;
        switch (field) {
            case 1: s.matricule = fixed(15, "S1"); break;
            case 2: s.oid = variable(kMaxOidLength); break;
            case 3: s.firstNames = variable(kMaxNameLength); break;
            case 4: s.birthName = variable(kMaxNameLength); break;
            case 5: {
                const auto sex = ParseSex(fixed(1, "S5"));
                if (!sex) throw fail("sexe ni M ni F");
                s.sex = *sex;
                break;
            }
            case 6: {
                const std::string d = fixed(10, "S6");  // JJ-MM-AAAA
                const auto date = Date::Parse(d.substr(6, 4) + "-" + d.substr(3, 2) + "-" + d.substr(0, 2));
                if (d[2] != '-' || d[5] != '-' || !date) throw fail("date de naissance invalide");
                s.birthDate = *date;
                break;
            }
            case 7: s.birthPlace = fixed(5, "S7"); break;
        }
    }
    for (int f = 1; f <= 6; ++f)
        if (!seen[f]) throw fail("champ S" + std::to_string(f) + " manquant");
    return s;
}

std::string EscapePayload(std::string_view payload) {
    std::string out;
    for (char c : payload) out += c == kGroupSeparator ? std::string("<GS>") : std::string(1, c);
    return out;
}

}  // namespace vigie::printing
