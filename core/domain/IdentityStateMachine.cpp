#include "core/domain/IdentityStateMachine.h"

#include "core/domain/DocumentTypes.h"
#include "core/domain/Status.h"
#include "core/domain/TraitComparison.h"
#include "core/domain/TraitText.h"

namespace vigie::domain {
namespace {

using S = IdentityStatus;

Outcome Refuse(std::string code, std::string message) {
    Outcome o;
    o.refusal = Refusal{std::move(code), std::move(message)};
    return o;
}

Outcome Allow(Identity after, std::string action) {
    Outcome o;
    o.after = std::move(after);
    o.action = std::move(action);
    return o;
}

bool HasDocumentAxis(S s) { return s == S::Validee || s == S::Qualifiee; }

// Drops the INSi axis: QUAL→VALI, RECUP→PROV, and the INS with it.
void DropIns(Identity& id) {
    id.status = HasDocumentAxis(id.status) ? S::Validee : S::Provisoire;
    id.ins.reset();
}

// Drops both axes: back to PROV without INS nor document check (douteuse, fictive).
void DropAll(Identity& id) {
    id.status = S::Provisoire;
    id.ins.reset();
    id.documentCheck.reset();
}

void FillFirstFirstName(StrictTraits& t) {
    if (t.firstBirthFirstName.empty()) t.firstBirthFirstName = FirstOfList(t.birthFirstNames);
}

std::string JoinMessages(const std::vector<std::string>& msgs) {
    std::string out;
    for (const auto& m : msgs) {
        if (!out.empty()) out += " ; ";
        out += m;
    }
    return out;
}

Outcome OnCreate(const event::Create& e) {
    auto problems = IdentityStateMachine::ValidateTraits(e.traits, e.usedName, e.usedFirstName);
    if (!problems.empty()) return Refuse("rule.traits", "Traits d'identité invalides : " + JoinMessages(problems));
    Identity id;
    id.traits = e.traits;
    FillFirstFirstName(id.traits);
    id.usedName = e.usedName;
    id.usedFirstName = e.usedFirstName;
    id.status = S::Provisoire;  // manual entry and card data are not trusted sources
    return Allow(std::move(id), "identity.created");
}

Outcome OnDocumentChecked(const Identity& before, const event::DocumentChecked& e) {
    if (before.attributes.fictive)
        return Refuse("rule.fictive", "Validation impossible : identité fictive.");
    if (before.attributes.douteuse)
        return Refuse("rule.douteuse",
                      "Validation impossible : identité douteuse (lever le doute avant de valider).");
    if (!FindDocumentType(e.check.documentType))
        return Refuse("rule.document", "Type de pièce d'identité non accepté : « " + e.check.documentType + " ».");
    if (e.check.expiry && *e.check.expiry < e.today)
        return Refuse("rule.document_expired",
                      "Pièce d'identité expirée le " + e.check.expiry->ToFrench() + " : validation impossible.");
    Identity after = before;
    after.documentCheck = e.check;
    if (before.status == S::Provisoire) after.status = S::Validee;
    if (before.status == S::Recuperee) after.status = S::Qualifiee;
    return Allow(std::move(after), "identity.document_checked");
}

Outcome OnDocumentWithdrawn(const Identity& before) {
    if (!HasDocumentAxis(before.status))
        return Refuse("rule.no_document", "Aucune vérification de pièce d'identité à retirer.");
    Identity after = before;
    after.documentCheck.reset();
    after.status = before.status == S::Qualifiee ? S::Recuperee : S::Provisoire;  // INS kept
    return Allow(std::move(after), "identity.document_withdrawn");
}

Outcome OnInsAccepted(const Identity& before, const event::InsAccepted& e) {
    if (auto r = IdentityStateMachine::CanCallInsi(before)) return Refuse(r->code, r->message);
    if (e.ins.active.matricule.size() != 15 || e.ins.active.oid.empty())
        return Refuse("rule.ins_incomplete", "Réponse INSi incomplète : matricule INS ou OID manquant.");
    if (e.insTraits.birthName.empty() || e.insTraits.birthFirstNames.empty())
        return Refuse("rule.ins_incomplete", "Réponse INSi incomplète : nom ou prénoms de naissance manquants.");

    Identity after = before;
    StrictTraits ins = e.insTraits;
    FillFirstFirstName(ins);
    ins.birthDateCompleted = false;
    // The document check concerned the local traits: it still holds only if they agree with
    // the INS traits that now replace them. Otherwise the document must be checked again.
    const bool documentStillHolds =
        HasDocumentAxis(before.status) && CompareTraits(before.traits, ins).NoDifference();
    Outcome o;
    after.traits = ins;  // INS traits replace local strict traits, exactly as returned
    after.ins = e.ins;
    if (documentStillHolds) {
        after.status = S::Qualifiee;
    } else {
        after.status = S::Recuperee;
        if (HasDocumentAxis(before.status)) {
            after.documentCheck.reset();
            o.notes.push_back(
                "Les traits INS diffèrent des traits vérifiés sur la pièce : nouvelle vérification nécessaire.");
        }
    }
    if (before.ins && before.ins->active.matricule != e.ins.active.matricule)
        o.notes.push_back("Le matricule INS a changé.");
    o.after = std::move(after);
    o.action = "identity.ins_accepted";
    return o;
}

Outcome OnInsInvalidated(const Identity& before, const event::InsInvalidated& e) {
    if (!before.HasIns()) return Refuse("rule.no_ins", "L'identité ne porte pas d'INS.");
    Identity after = before;
    DropIns(after);
    Outcome o = Allow(std::move(after), "identity.ins_invalidated");
    o.notes.push_back("INS retiré : " + e.reason);
    return o;
}

Outcome OnSetAttribute(const Identity& before, const event::SetAttribute& e) {
    using A = event::AttributeName;
    Identity after = before;
    Attributes& a = after.attributes;
    bool* flag = e.attribute == A::Homonyme ? &a.homonyme : e.attribute == A::Douteuse ? &a.douteuse : &a.fictive;
    if (*flag == e.on)
        return Refuse("rule.noop", std::string("L'attribut « ") + std::string(AttributeCode(e.attribute)) +
                                       (e.on ? " » est déjà positionné." : " » n'est pas positionné."));
    Outcome o;
    if (e.on) {
        if (e.attribute != A::Fictive && a.fictive)
            return Refuse("rule.fictive", "Une identité fictive ne peut porter aucun autre attribut.");
        if (e.attribute == A::Fictive && (a.homonyme || a.douteuse))
            return Refuse("rule.fictive", "L'attribut fictive ne se combine avec aucun autre attribut.");
        if (e.attribute != A::Homonyme) {
            // EXI SI 09: douteuse / fictive → PROV, INS invalidated, INSi calls impossible.
            if (before.HasIns()) o.notes.push_back("INS retiré (identité " + std::string(AttributeCode(e.attribute)) + ").");
            if (before.status != S::Provisoire) o.notes.push_back("Statut ramené à « Identité provisoire ».");
            DropAll(after);
        }
    }
    *flag = e.on;
    o.after = std::move(after);
    o.action = "identity.attribute_changed";
    return o;
}

Outcome OnEditTraits(const Identity& before, const event::EditTraits& e, Role role) {
    auto problems = IdentityStateMachine::ValidateTraits(e.traits, e.usedName, e.usedFirstName);
    if (!problems.empty()) return Refuse("rule.traits", "Traits d'identité invalides : " + JoinMessages(problems));
    StrictTraits traits = e.traits;
    FillFirstFirstName(traits);
    const bool strictChanged = traits != before.traits;
    if (!strictChanged && e.usedName == before.usedName && e.usedFirstName == before.usedFirstName)
        return Refuse("rule.noop", "Aucune modification.");
    Identity after = before;
    Outcome o;
    if (strictChanged) {
        if (before.HasIns()) {
            if (!HasPermission(role, Permission::EditInsTraits))
                return Refuse("rule.role",
                              "Modification des traits d'une identité portant un INS réservée au profil "
                              "identitovigilance.");
            DropIns(after);  // QUAL→VALI, RECUP→PROV (identity-rules.md §3)
            o.notes.push_back("INS retiré : traits de référence modifiés manuellement.");
        } else if (before.status == S::Validee) {
            after.status = S::Provisoire;  // the check concerned the old values
            after.documentCheck.reset();
            o.notes.push_back("Vérification de pièce annulée : elle portait sur les anciens traits.");
        }
        after.traits = traits;
    }
    after.usedName = e.usedName;
    after.usedFirstName = e.usedFirstName;
    o.after = std::move(after);
    o.action = "identity.traits_edited";
    return o;
}

}  // namespace

Outcome IdentityStateMachine::Apply(const Identity& before, const Event& ev, Role role) {
    return std::visit(
        [&](const auto& e) -> Outcome {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, event::Create>) return OnCreate(e);
            else if constexpr (std::is_same_v<E, event::DocumentChecked>) return OnDocumentChecked(before, e);
            else if constexpr (std::is_same_v<E, event::DocumentWithdrawn>) return OnDocumentWithdrawn(before);
            else if constexpr (std::is_same_v<E, event::InsAccepted>) return OnInsAccepted(before, e);
            else if constexpr (std::is_same_v<E, event::InsInvalidated>) return OnInsInvalidated(before, e);
            else if constexpr (std::is_same_v<E, event::SetAttribute>) return OnSetAttribute(before, e);
            else return OnEditTraits(before, e, role);
        },
        ev);
}

std::optional<Refusal> IdentityStateMachine::CanCallInsi(const Identity& id) {
    if (id.attributes.fictive) return Refusal{"rule.fictive", "Appel INSi impossible : identité fictive."};
    if (id.attributes.douteuse) return Refusal{"rule.douteuse", "Appel INSi impossible : identité douteuse."};
    return std::nullopt;
}

std::vector<std::string> IdentityStateMachine::ValidateTraits(const StrictTraits& t, const std::string& usedName,
                                                              const std::string& usedFirstName) {
    std::vector<std::string> out;
    auto check = [&](const std::string& value, TraitKind kind, const char* label, bool required) {
        if (value.empty()) {
            if (required) out.push_back(std::string(label) + " : valeur obligatoire");
            return;
        }
        TextCheck c = CheckInsCharset(value, kind);
        if (!c.ok)
            out.push_back(std::string(label) + " : " + DescribeRefusal(c));
        else if (c.value != value)
            out.push_back(std::string(label) + " : forme attendue « " + c.value + " »");
    };
    check(t.birthName, TraitKind::BirthName, "Nom de naissance", true);
    check(t.birthFirstNames, TraitKind::FirstNames, "Prénom(s) de naissance", true);
    check(t.firstBirthFirstName, TraitKind::FirstNames, "Premier prénom de naissance", false);
    if (!t.firstBirthFirstName.empty() && !t.birthFirstNames.empty() &&
        !FirstNameCoherent(t.firstBirthFirstName, t.birthFirstNames))
        out.push_back("Premier prénom de naissance : doit être le début de la liste des prénoms");
    check(usedName, TraitKind::UsedName, "Nom utilisé", false);
    check(usedFirstName, TraitKind::UsedFirstName, "Prénom utilisé", false);
    if (!Date::IsValid(t.birthDate.year, t.birthDate.month, t.birthDate.day))
        out.push_back("Date de naissance : date invalide");
    if (!t.birthPlace.empty() && !IsValidCogFormat(t.birthPlace))
        out.push_back("Lieu de naissance : code INSEE attendu sur 5 caractères (ex. 63220, 2A004, 99134)");
    return out;
}

std::string_view AttributeCode(event::AttributeName a) {
    switch (a) {
        case event::AttributeName::Homonyme: return "homonyme";
        case event::AttributeName::Douteuse: return "douteuse";
        case event::AttributeName::Fictive: return "fictive";
    }
    return "";
}

std::optional<event::AttributeName> ParseAttribute(std::string_view code) {
    using A = event::AttributeName;
    for (A a : {A::Homonyme, A::Douteuse, A::Fictive})
        if (AttributeCode(a) == code) return a;
    return std::nullopt;
}

bool IsValidCogFormat(std::string_view cog) {
    if (cog.size() != 5) return false;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const bool corsica = cog[0] == '2' && (cog[1] == 'A' || cog[1] == 'B');
    if (!digit(cog[0]) || !(digit(cog[1]) || corsica)) return false;
    return digit(cog[2]) && digit(cog[3]) && digit(cog[4]);
}

}  // namespace vigie::domain
