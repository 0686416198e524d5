#include "app/presenters/NewPatientPresenter.h"

#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Status.h"
#include "core/domain/TraitText.h"

namespace vigie::presenters {

using namespace vigie::domain;

namespace {

std::optional<std::string> Checked(const std::string& value, TraitKind kind, const char* label,
                                   std::vector<std::string>& errors, bool required) {
    if (value.find_first_not_of(' ') == std::string::npos) {
        if (required) errors.push_back(std::string(label) + " : obligatoire.");
        return std::string();
    }
    const TextCheck c = CheckInsCharset(value, kind);
    if (c.ok) return c.value;
    errors.push_back(std::string(label) + " refusé : " + DescribeRefusal(c) + ".");
    return std::nullopt;
}

}  // namespace

NewPatientPresenter::Built NewPatientPresenter::Build(const NewPatientForm& f) {
    Built b;
    usecases::CreateRequest r;
    auto name = Checked(f.birthName, TraitKind::BirthName, "Nom de naissance", b.errors, true);
    auto first = Checked(f.firstNames, TraitKind::FirstNames, "Prénom(s) de naissance", b.errors, true);
    auto used = Checked(f.usedName, TraitKind::UsedName, "Nom utilisé", b.errors, false);
    auto usedFirst = Checked(f.usedFirstName, TraitKind::UsedFirstName, "Prénom utilisé", b.errors, false);
    const auto date = ParseBirthDateWithUnknowns(f.birthDate);
    if (!date)
        b.errors.push_back("Date de naissance invalide : « " + f.birthDate + " » (JJ/MM/AAAA, 00 pour une partie inconnue).");
    const auto sex = ParseSex(f.sex);
    if (!sex) b.errors.push_back("Sexe : M ou F.");
    std::string place = f.birthPlace;
    for (auto& c : place)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!place.empty() && !IsValidCogFormat(place))
        b.errors.push_back("Lieu de naissance invalide : « " + f.birthPlace + " » (code INSEE sur 5 caractères).");
    if (!b.errors.empty()) return b;
    r.traits.birthName = *name;
    r.traits.birthFirstNames = *first;
    r.traits.firstBirthFirstName = FirstOfList(*first);
    r.traits.birthDate = date->date;
    r.traits.birthDateCompleted = date->completed;
    r.traits.sex = *sex;
    r.traits.birthPlace = place;
    r.usedName = *used;
    r.usedFirstName = *usedFirst;
    b.request = r;
    return b;
}

void NewPatientPresenter::OnInvalid(std::vector<std::string> errors) {
    m_view = {};
    m_view.errors = std::move(errors);
    m_view.message = "Corriger la saisie avant de créer.";
    m_view.messageTone = Tone::Danger;
}

void NewPatientPresenter::OnResult(const usecases::CommandResult& r) {
    m_view = {};
    for (const auto& d : r.duplicates) {
        std::string reasons;
        for (const auto& why : d.reasons) reasons += (reasons.empty() ? "" : ", ") + why;
        const Identity& i = d.identity;
        m_view.duplicates.push_back("Dossier n° " + std::to_string(i.id) + " — " + i.traits.birthName + " " +
                                    i.traits.birthFirstNames + " — né(e) le " + i.traits.birthDate.ToFrench() + " — " +
                                    std::string(StatusLabel(i.status)) + (reasons.empty() ? "" : " (" + reasons + ")"));
    }
    if (r.Ok()) {
        m_view.created = r.identity->id;
        m_view.message = "Dossier n° " + std::to_string(r.identity->id) + " créé (identité provisoire).";
        for (const auto& n : r.notes) m_view.message += " " + n;
        m_view.messageTone = Tone::Info;
        return;
    }
    m_view.message = "Refusé : " + r.refusal->message;
    m_view.messageTone = Tone::Danger;
    // Duplicates are the only refusal the operator may override, after reading them.
    m_view.canForce = r.refusal->code == "rule.duplicates" && !r.duplicates.empty();
}

}  // namespace vigie::presenters
