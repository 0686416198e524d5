#pragma once
// « Correction des traits INS » (Identitovigilance screen, issue #6): the referent corrects the
// strict traits of an identity, possibly one holding an INS. Before anything is written, the
// consequence is previewed with the identity state machine itself (pure, no store) and, when the
// status regresses, a confirmation sentence explains it in French, e.g.
//   « L'identité perdra son INS : Identité qualifiée → Identité validée. »
// The correction is then applied by PatientService::EditTraits (on a worker), from the version
// the form was prepared from (a change made meanwhile at a counter is refused, not overwritten).
// No wx, no thread.

#include <optional>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "app/presenters/NewPatientPresenter.h"
#include "core/usecases/PatientService.h"

namespace vigie::presenters {

struct TraitsCorrection {
    std::optional<domain::event::EditTraits> edit;  // set when the form is valid and allowed
    std::vector<std::string> errors;                // French, one per field refused
    std::optional<domain::Refusal> refusal;         // the state machine or the role says no
    std::string confirmation;                       // "" when the status does not change
    bool changesSomething = false;
};

struct TraitsCorrectionView {
    std::string message;
    Tone messageTone = Tone::Neutral;
    std::optional<domain::Identity> identity;  // after a successful correction
};

class TraitsCorrectionPresenter {
public:
    TraitsCorrectionPresenter(domain::Operator op, domain::Identity before)
        : m_op(std::move(op)), m_before(std::move(before)) {}

    // The form filled with the identity's current traits.
    static NewPatientForm FormOf(const domain::Identity& identity);
    // Validates the form and previews its consequence (no store).
    TraitsCorrection Prepare(const NewPatientForm& form) const;
    // Worker: applies a prepared correction through PatientService.
    usecases::CommandResult Apply(usecases::PatientService& patients, const domain::event::EditTraits& edit) const;
    void OnResult(const usecases::CommandResult& result);
    const TraitsCorrectionView& View() const { return m_view; }
    const domain::Identity& Before() const { return m_before; }

private:
    domain::Operator m_op;
    domain::Identity m_before;
    TraitsCorrectionView m_view;
};

}  // namespace vigie::presenters
