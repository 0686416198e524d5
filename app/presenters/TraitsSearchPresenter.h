#pragma once
// The search of « Correction des traits INS » (Identitovigilance screen, issue #6): the referent
// types a name, a birth date or an IPP, the identities found are listed (the Patients screen's
// criteria and rows, PatientSearchPresenter; the store's Search through PatientService), and
// picking one opens it in the correction form. Answers of an older search are dropped. No wx, no
// thread: the panel debounces keystrokes and runs the search on the worker.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/presenters/PatientSearchPresenter.h"

namespace vigie::presenters {

struct TraitsSearchView {
    bool searching = false;
    std::string summary;                // « 3 patients trouvés », « Aucun patient trouvé », ""
    std::vector<PatientRow> rows;
    std::vector<std::string> lines;     // one per row: « n° 12 — DUPONT JEAN — 01/02/1980 — Identité validée »
};

struct TraitsSearchRequest {
    std::uint64_t generation = 0;
    ports::SearchQuery query;
};

class TraitsSearchPresenter {
public:
    static constexpr int kLimit = 30;
    // The typed text changed: the search to run, or nullopt when there is nothing to search yet
    // (the list is then emptied).
    std::optional<TraitsSearchRequest> OnTyped(const std::string& typed);
    // The answer of search `generation`; false when a newer search made it stale (ignored).
    bool OnResults(std::uint64_t generation, const std::vector<domain::Identity>& found);
    void OnFailed(std::uint64_t generation, const std::string& message);
    // The identity of row `index`, to open in the correction form.
    std::optional<domain::IdentityId> Pick(int index) const;
    const TraitsSearchView& View() const { return m_view; }

private:
    std::uint64_t m_generation = 0;
    TraitsSearchView m_view;
};

}  // namespace vigie::presenters
