#pragma once
// « Nouveau patient » on the Patients screen: the typed traits become a creation request (the
// INSi character rules applied at the boundary, refusals quoting the proposed form), and the
// duplicate candidates the store finds are shown before anything is created; « Créer quand
// même » is an explicit second step (journaled as such by PatientService). No wx, no thread.

#include <optional>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "core/usecases/PatientService.h"

namespace vigie::presenters {

struct NewPatientForm {
    std::string birthName, firstNames, birthDate, sex, birthPlace, usedName, usedFirstName;
};

struct NewPatientView {
    std::vector<std::string> errors;      // one French sentence per field refused
    std::vector<std::string> duplicates;  // « Dossier n° 3 — DUPONT JEAN — né(e) le … (raisons) »
    bool canForce = false;                // « Créer quand même »
    std::optional<domain::IdentityId> created;
    std::string message;
    Tone messageTone = Tone::Neutral;
};

class NewPatientPresenter {
public:
    struct Built {
        std::optional<usecases::CreateRequest> request;
        std::vector<std::string> errors;
    };
    static Built Build(const NewPatientForm& form);

    void OnInvalid(std::vector<std::string> errors);
    // The answer to Create(force = false) or Create(force = true).
    void OnResult(const usecases::CommandResult& result);
    NewPatientView View() const { return m_view; }

private:
    NewPatientView m_view;
};

}  // namespace vigie::presenters
