#include "app/presenters/DuplicatesPresenter.h"

#include "core/domain/Status.h"

namespace vigie::presenters {

using namespace vigie::domain;

namespace {
std::string Short(const Identity& i) {
    return "n° " + std::to_string(i.id) + " — " + i.traits.birthName + " " + i.traits.birthFirstNames + " — " +
           i.traits.birthDate.ToFrench();
}
std::string Join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}
}  // namespace

std::vector<std::string> DuplicatesPresenter::Describe(const Identity& i) {
    std::vector<std::string> lines{
        "Dossier n° " + std::to_string(i.id),
        std::string(StatusLabel(i.status)),
        "Nom de naissance : " + i.traits.birthName,
        "Prénom(s) de naissance : " + i.traits.birthFirstNames,
        "Date de naissance : " + i.traits.birthDate.ToFrench(),
        std::string("Sexe : ") + (i.traits.sex == Sex::Female ? "F" : "M"),
        "Lieu de naissance : " + (i.traits.birthPlace.empty() ? std::string("—") : i.traits.birthPlace),
        "Nom utilisé : " + (i.usedName.empty() ? std::string("—") : i.usedName),
        "Prénom utilisé : " + (i.usedFirstName.empty() ? std::string("—") : i.usedFirstName),
        std::string("INS : ") + (i.ins ? "oui" : "non"),
    };
    return lines;
}

void DuplicatesPresenter::OnLoading() {
    m_view.loading = true;
    m_view.message = "Recherche des doublons potentiels dans le fichier…";
}

void DuplicatesPresenter::OnLoaded(usecases::DuplicateReviewResult result) {
    m_result = std::move(result);
    m_view = {};
    m_view.summary = std::to_string(m_result.pairs.size()) + " paire(s) à examiner (" +
                     std::to_string(m_result.identitiesScanned) + " identités parcourues" +
                     (m_result.truncated ? ", liste limitée" : "") + ")";
    for (const auto& p : m_result.pairs)
        m_view.rows.push_back({std::to_string(p.score), Short(p.first), Short(p.second), Join(p.reasons)});
    if (!m_view.rows.empty()) Select(0);
}

void DuplicatesPresenter::OnFailed(const std::string& message) {
    m_view.loading = false;
    m_view.message = message;
}

void DuplicatesPresenter::Select(int row) {
    if (row < 0 || row >= static_cast<int>(m_result.pairs.size())) return;
    m_view.selection = row;
    const auto& p = m_result.pairs[static_cast<std::size_t>(row)];
    m_view.left = Describe(p.first);
    m_view.right = Describe(p.second);
}

}  // namespace vigie::presenters
