#pragma once
// The Patients screen's search-as-you-type: the typed text becomes store search criteria (a
// name prefix, a birth date JJ/MM/AAAA or AAAA-MM-JJ, an IPP number), the identities found
// become rows. No wx; the view debounces keystrokes and runs the search off the GUI thread.

#include <optional>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "core/ports/IStore.h"

namespace vigie::presenters {

struct PatientRow {
    domain::IdentityId id = 0;
    std::string ipp;          // the local identifier, as shown
    std::string birthName;
    std::string firstNames;
    std::string usedName;     // "" when none
    std::string birthDate;    // JJ/MM/AAAA
    std::string sex;          // M / F
    Badge badge;
};

class PatientSearchPresenter {
public:
    static constexpr std::size_t kMinNameChars = 2;
    // nullopt when there is nothing worth searching yet (empty, one letter).
    static std::optional<ports::SearchQuery> Parse(const std::string& typed, int limit = 50);
    static std::vector<PatientRow> Rows(const std::vector<domain::Identity>& found);
    // « 3 patients trouvés », « Aucun patient trouvé »
    static std::string Summary(std::size_t count);
};

}  // namespace vigie::presenters
