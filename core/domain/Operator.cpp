#include "core/domain/Operator.h"

namespace vigie::domain {

std::string_view RoleCode(Role r) {
    switch (r) {
        case Role::Comptoir: return "comptoir";
        case Role::Preparateur: return "preparateur";
        case Role::Titulaire: return "titulaire";
        case Role::Identitovigilance: return "identitovigilance";
    }
    return "comptoir";
}

std::string_view RoleLabel(Role r) {
    switch (r) {
        case Role::Comptoir: return "Pharmacien au comptoir";
        case Role::Preparateur: return "Préparateur";
        case Role::Titulaire: return "Titulaire";
        case Role::Identitovigilance: return "Référent identitovigilance";
    }
    return "";
}

std::optional<Role> ParseRole(std::string_view code) {
    for (Role r : {Role::Comptoir, Role::Preparateur, Role::Titulaire, Role::Identitovigilance})
        if (RoleCode(r) == code) return r;
    return std::nullopt;
}

bool HasPermission(Role r, Permission p) {
    switch (p) {
        case Permission::ReadIdentity:
        case Permission::Print:
            return true;
        case Permission::CreateIdentity:
        case Permission::EditTraits:
        case Permission::CheckDocument:
        case Permission::CallInsi:
        case Permission::SetAttribute:
            return r != Role::Preparateur;
        case Permission::EditInsTraits:
            // Only identity vigilance may touch traits that came from INSi (issue #2 §3).
            return r == Role::Identitovigilance;
        case Permission::ManageOperators:
        case Permission::ConfigureStructure:
            return r == Role::Titulaire;
        case Permission::BulkVerification:
            return r == Role::Titulaire || r == Role::Identitovigilance;
    }
    return false;
}

std::string_view PermissionLabel(Permission p) {
    switch (p) {
        case Permission::ReadIdentity: return "consulter les identités";
        case Permission::CreateIdentity: return "créer une identité";
        case Permission::EditTraits: return "modifier les traits d'identité";
        case Permission::EditInsTraits: return "modifier les traits INS (profil identitovigilance)";
        case Permission::CheckDocument: return "valider une identité sur pièce";
        case Permission::CallInsi: return "interroger le téléservice INSi";
        case Permission::SetAttribute: return "modifier les attributs d'identité";
        case Permission::Print: return "imprimer";
        case Permission::ManageOperators: return "gérer les opérateurs";
        case Permission::ConfigureStructure: return "modifier les réglages de la pharmacie";
        case Permission::BulkVerification: return "lancer la vérification du fichier patients";
    }
    return "";
}

}  // namespace vigie::domain
