#include "core/domain/DocumentTypes.h"

#include <array>

namespace vigie::domain {
namespace {
// The five choices of the seed documents, plus the other accepted high-trust means.
constexpr std::array<DocumentType, 7> kCatalog{{
    {"cni", "Carte nationale d'identité"},
    {"passeport", "Passeport"},
    {"titre-sejour", "Titre de séjour"},
    {"livret-famille", "Livret de famille (mineur, avec pièce d'un parent)"},
    {"extrait-naissance", "Extrait d'acte de naissance (avec pièce complémentaire)"},
    {"eidas", "Moyen d'identification électronique eIDAS substantiel ou élevé"},
    {"appli-carte-vitale", "Appli carte Vitale"},
}};
}  // namespace

std::span<const DocumentType> DefaultDocumentCatalog() { return kCatalog; }

const DocumentType* FindDocumentType(std::string_view code) {
    for (const auto& t : kCatalog)
        if (t.code == code) return &t;
    return nullptr;
}

}  // namespace vigie::domain
