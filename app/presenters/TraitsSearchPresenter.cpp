#include "app/presenters/TraitsSearchPresenter.h"

namespace vigie::presenters {

std::optional<TraitsSearchRequest> TraitsSearchPresenter::OnTyped(const std::string& typed) {
    const std::uint64_t generation = ++m_generation;  // any answer still on its way is now stale
    auto query = PatientSearchPresenter::Parse(typed, kLimit);
    if (!query) {
        m_view = {};
        return std::nullopt;
    }
    m_view.searching = true;
    return TraitsSearchRequest{generation, std::move(*query)};
}

bool TraitsSearchPresenter::OnResults(std::uint64_t generation, const std::vector<domain::Identity>& found) {
    if (generation != m_generation) return false;
    m_view = {};
    m_view.rows = PatientSearchPresenter::Rows(found);
    m_view.summary = PatientSearchPresenter::Summary(m_view.rows.size());
    for (const auto& r : m_view.rows)
        m_view.lines.push_back("n° " + r.ipp + " — " + r.birthName + " " + r.firstNames +
                               (r.usedName.empty() ? "" : " (nom utilisé : " + r.usedName + ")") + " — " +
                               r.birthDate + " — " + r.badge.text);
    return true;
}

void TraitsSearchPresenter::OnFailed(std::uint64_t generation, const std::string& message) {
    if (generation != m_generation) return;
    m_view = {};
    m_view.summary = "Recherche impossible : " + message;
}

std::optional<domain::IdentityId> TraitsSearchPresenter::Pick(int index) const {
    if (index < 0 || index >= static_cast<int>(m_view.rows.size())) return std::nullopt;
    return m_view.rows[static_cast<std::size_t>(index)].id;
}

}  // namespace vigie::presenters
