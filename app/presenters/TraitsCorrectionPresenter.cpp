#include "app/presenters/TraitsCorrectionPresenter.h"

#include "core/domain/Errors.h"
#include "core/domain/Status.h"

namespace vigie::presenters {

using namespace vigie::domain;

NewPatientForm TraitsCorrectionPresenter::FormOf(const Identity& identity) {
    const StrictTraits& t = identity.traits;
    return {t.birthName, t.birthFirstNames, t.birthDate.ToFrench(), t.sex == Sex::Female ? "F" : "M",
            t.birthPlace, identity.usedName, identity.usedFirstName};
}

TraitsCorrection TraitsCorrectionPresenter::Prepare(const NewPatientForm& form) const {
    TraitsCorrection c;
    auto built = NewPatientPresenter::Build(form);
    if (!built.request) {
        c.errors = std::move(built.errors);
        return c;
    }
    event::EditTraits edit{built.request->traits, built.request->usedName, built.request->usedFirstName};
    c.changesSomething = !(edit.traits == m_before.traits) || edit.usedName != m_before.usedName ||
                         edit.usedFirstName != m_before.usedFirstName;
    // The same decision PatientService will take, previewed (it decides again when applying).
    const Outcome preview = IdentityStateMachine::Apply(m_before, edit, m_op.role);
    if (!preview.Allowed()) {
        c.refusal = preview.refusal;
        return c;
    }
    const Identity& after = *preview.after;
    const std::string change =
        std::string(StatusLabel(m_before.status)) + " → " + std::string(StatusLabel(after.status));
    if (m_before.ins && !after.ins)
        c.confirmation = "L'identité perdra son INS : " + change + ".";
    else if (after.status != m_before.status)
        c.confirmation = "Le statut de l'identité changera : " + change + ".";
    for (const auto& note : preview.notes)
        if (!c.confirmation.empty()) c.confirmation += "\n" + note;
    c.edit = std::move(edit);
    return c;
}

usecases::CommandResult TraitsCorrectionPresenter::Apply(usecases::PatientService& patients,
                                                         const event::EditTraits& edit) const {
    try {
        return patients.EditTraits(m_op, m_before.id, edit, m_before.version);
    } catch (const BusinessError& e) {  // store.stale: changed at a counter since the form was filled
        usecases::CommandResult r;
        r.refusal = Refusal{e.Code(), e.what()};
        return r;
    }
}

void TraitsCorrectionPresenter::OnResult(const usecases::CommandResult& result) {
    if (!result.Ok()) {
        m_view.message = result.refusal->message;
        m_view.messageTone = Tone::Danger;
        return;
    }
    m_view.identity = result.identity;
    m_view.message = "Traits corrigés : " + std::string(StatusLabel(result.identity->status)) + ".";
    for (const auto& note : result.notes) m_view.message += " " + note;
    m_view.messageTone = Tone::Info;
    m_before = *result.identity;
}

}  // namespace vigie::presenters
