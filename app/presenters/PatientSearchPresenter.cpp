#include "app/presenters/PatientSearchPresenter.h"

#include <sstream>

#include "core/domain/Status.h"

namespace vigie::presenters {

using namespace vigie::domain;

namespace {

bool AllDigits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

std::optional<ports::SearchQuery> PatientSearchPresenter::Parse(const std::string& typed, int limit) {
    ports::SearchQuery q;
    q.limit = limit;
    std::istringstream in(typed);
    std::string word, names, ipp;
    while (in >> word) {
        if (auto d = Date::Parse(word)) {
            q.birthDate = *d;
        } else if (AllDigits(word)) {
            ipp = word;
        } else {
            names += (names.empty() ? "" : " ") + word;
        }
    }
    if (!ipp.empty()) {
        q.text = ipp;  // an IPP identifies one patient: the other words do not narrow it
        q.birthDate.reset();
        return q;
    }
    if (names.size() >= kMinNameChars) q.text = names;
    if (q.text.empty() && !q.birthDate) return std::nullopt;
    return q;
}

std::vector<PatientRow> PatientSearchPresenter::Rows(const std::vector<Identity>& found) {
    std::vector<PatientRow> rows;
    rows.reserve(found.size());
    for (const auto& i : found)
        rows.push_back({i.id, std::to_string(i.id), i.traits.birthName, i.traits.birthFirstNames, i.usedName,
                        i.traits.birthDate.ToFrench(), std::string(1, SexCode(i.traits.sex)), StatusBadge(i.status)});
    return rows;
}

std::string PatientSearchPresenter::Summary(std::size_t count) {
    if (count == 0) return "Aucun patient trouvé";
    if (count == 1) return "1 patient trouvé";
    return std::to_string(count) + " patients trouvés";
}

}  // namespace vigie::presenters
