#pragma once
// Operators and what each role may do. The role is recorded with every journal entry.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::domain {

enum class Role {
    Comptoir,           // pharmacist at the counter
    Preparateur,        // prints labelled documents, reads identities
    Titulaire,          // pharmacy owner: everything the counter does + settings and operators
    Identitovigilance,  // identity-vigilance referent: may correct INS traits, merges, bulk checks
};

enum class Permission {
    ReadIdentity,
    CreateIdentity,
    EditTraits,          // strict traits of an identity without INS, and complementary traits
    EditInsTraits,       // strict traits of an identity holding an INS (regresses its status)
    CheckDocument,
    CallInsi,            // includes accepting an INSi result
    SetAttribute,
    Print,
    ManageOperators,
    ConfigureStructure,  // label rules, document list, INSi connection
    BulkVerification,
};

struct Operator {
    std::int64_t id = 0;
    std::string name;
    Role role = Role::Comptoir;
    bool active = true;
    std::string createdAt;
};

std::string_view RoleCode(Role r);                  // comptoir, preparateur, titulaire, identitovigilance
std::string_view RoleLabel(Role r);                 // French label
std::optional<Role> ParseRole(std::string_view code);
bool HasPermission(Role r, Permission p);
std::string_view PermissionLabel(Permission p);     // French, for « droit insuffisant : … »

}  // namespace vigie::domain
