#include "app/presenters/CounterPresenter.h"

#include <algorithm>

#include "core/domain/DocumentTypes.h"
#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Status.h"
#include "core/domain/TraitComparison.h"

namespace vigie::presenters {

using namespace vigie::domain;
using namespace vigie::ports;
using namespace vigie::usecases;

namespace {

bool Has(const std::vector<CounterAction>& list, CounterAction a) {
    return std::find(list.begin(), list.end(), a) != list.end();
}

const InsiIdentity* InsOf(const CounterProposal& p) { return p.InsFound() ? &*p.insi->result->identity : nullptr; }

std::string InsiOutcomeText(const CounterProposal& p) {
    if (p.insiUnavailable) return "Service INSi indisponible";
    if (!p.insi) return "INSi non interrogé";
    if (p.insi->refusal) return "Appel INSi refusé : " + p.insi->refusal->message;
    if (!p.insi->result) return "INSi non interrogé";
    switch (p.insi->result->outcome) {
        case InsiOutcome::Found: return "Identité INS trouvée";
        case InsiOutcome::NotFound: return "Aucune identité INS trouvée";
        case InsiOutcome::Several: return "Plusieurs identités possibles : INS non attribuable";
    }
    return "";
}

std::string MatchedByText(const std::string& matchedBy) {
    if (matchedBy == "billing_link") return "retrouvé par la carte";
    if (matchedBy == "ins") return "retrouvé par l'INS";
    if (matchedBy == "traits") return "retrouvé par les traits";
    return "";
}

std::string Title(const StrictTraits& t) {
    return t.birthName + " " + t.birthFirstNames + " — né(e) le " + t.birthDate.ToFrench();
}

std::vector<TraitRow> Rows(const StrictTraits* local, const StrictTraits* ins) {
    std::vector<TraitRow> rows;
    if (!local && !ins) return rows;
    // Labels and displayed forms come from the core comparison, whichever sides exist.
    const TraitComparison c = CompareTraits(local ? *local : *ins, ins ? *ins : *local);
    for (const auto& l : c.lines)
        rows.push_back({l.label, local ? l.local : "", ins ? l.ins : "",
                        local && ins && l.verdict == TraitVerdict::Differs});
    return rows;
}

}  // namespace

void CounterPresenter::ClearCard() {
    m_cardState = CardState::None;
    m_card.reset();
    m_beneficiary.reset();
    m_preparing = false;
    m_proposal.reset();
    m_current.reset();
    m_done.clear();
    m_message.clear();
    m_cardError.clear();
}

void CounterPresenter::OnReaderEvent(const ReaderEvent& e) {
    using T = ReaderEvent::Type;
    switch (e.type) {
        case T::ReaderAdded: m_reader = e.reader; m_readerPresent = true; break;
        case T::ReaderRemoved: m_readerPresent = false; ClearCard(); break;
        case T::ServiceLost: m_serviceLost = true; ClearCard(); break;
        case T::ServiceRestored: m_serviceLost = false; break;
        case T::CardInserted:
            if (!e.reader.empty()) m_reader = e.reader;
            m_readerPresent = true;
            ClearCard();
            m_cardState = CardState::Reading;
            break;
        case T::CardRemoved: ClearCard(); break;
    }
}

void CounterPresenter::OnCardRead(const CarteVitale& card) {
    m_card = card;
    m_cardState = CardState::Read;
    if (card.beneficiaries.empty()) {
        OnCardError("Carte sans bénéficiaire lisible.");
        return;
    }
    if (card.beneficiaries.size() == 1) m_beneficiary = 0;
}

void CounterPresenter::OnCardError(const std::string& message) {
    m_cardState = CardState::Error;
    m_cardError = message;
}

void CounterPresenter::OnBeneficiaryChosen(std::size_t index) {
    if (m_card && index < m_card->beneficiaries.size()) m_beneficiary = index;
}

void CounterPresenter::OnPreparing() { m_preparing = true; }

void CounterPresenter::OnProposal(CounterProposal proposal, const std::string& answeredAt) {
    m_preparing = false;
    if (proposal.insiUnavailable) {
        m_insiDown = proposal.insiUnavailable;
    } else if (proposal.insi && proposal.insi->result) {
        m_insiDown.reset();
        m_insiLastAnswer = answeredAt;
    }
    m_current = proposal.local;
    m_proposal = std::move(proposal);
}

void CounterPresenter::OnPrepareFailed(const std::string& message) {
    m_preparing = false;
    m_message = message;
    m_messageTone = Tone::Danger;
}

void CounterPresenter::OnActionResult(CounterAction action, const CommandResult& r) {
    if (!r.Ok()) {
        m_message = "Refusé : " + r.refusal->message;
        m_messageTone = Tone::Danger;
        return;
    }
    m_done.push_back(action);
    if (r.identity) m_current = r.identity;
    if (action == CounterAction::CreateFromIns)
        m_message = "Dossier n° " + std::to_string(m_current ? m_current->id : 0) + " créé avec les traits INS.";
    else
        m_message = "Traits INS repris dans le dossier n° " + std::to_string(m_current ? m_current->id : 0) + ".";
    for (const auto& n : r.notes) m_message += " " + n;
    m_messageTone = Tone::Info;
}

void CounterPresenter::OnDocumentChecked(const std::string& code, const CommandResult& r) {
    if (!r.Ok()) {
        m_message = "Refusé : " + r.refusal->message;
        m_messageTone = Tone::Danger;
        return;
    }
    m_done.push_back(CounterAction::CheckDocument);
    if (r.identity) m_current = r.identity;
    const DocumentType* type = FindDocumentType(code);
    m_message = "Identité vérifiée sur pièce : " + std::string(type ? type->label : code) + ".";
    m_messageTone = Tone::Info;
}

void CounterPresenter::OnActionFailed(const std::string& message) {
    m_message = message;
    m_messageTone = Tone::Danger;
}

void CounterPresenter::OnPrintResult(const std::string& message, bool ok) {
    m_message = message;
    m_messageTone = ok ? Tone::Info : Tone::Danger;
}

std::optional<IdentityId> CounterPresenter::CurrentIdentityId() const {
    if (m_current) return m_current->id;
    return std::nullopt;
}

bool CounterPresenter::InsiRetryWanted() const {
    return m_proposal && m_proposal->insiUnavailable && m_card && !m_preparing;
}

void CounterPresenter::FillProposal(CounterView& v) const {
    const CounterProposal& p = *m_proposal;
    const InsiIdentity* ins = InsOf(p);
    v.proposalVisible = true;
    v.insiOutcome = InsiOutcomeText(p);
    if (ins) v.patientTitle = Title(ins->traits);
    else if (m_current) v.patientTitle = Title(m_current->traits);
    else v.patientTitle = p.billing.lastName + " " + p.billing.firstName + " (carte Vitale)";

    if (m_current) {
        const std::string by = MatchedByText(p.matchedBy);
        v.localText = "Dossier local n° " + std::to_string(m_current->id) + ((by.empty() || !m_done.empty()) ? "" : ", " + by);
        v.badge = StatusBadge(m_current->status);
        if (m_current->attributes.homonyme) v.attributes.push_back("Homonyme");
        if (m_current->attributes.douteuse) v.attributes.push_back("Identité douteuse");
        if (m_current->attributes.fictive) v.attributes.push_back("Identité fictive");
    } else if (!p.candidates.empty()) {
        v.localText = "Aucun dossier local sûr — " + std::to_string(p.candidates.size()) +
                      " dossier(s) proche(s) à vérifier avant de créer";
    } else {
        v.localText = "Aucun dossier local";
    }
    v.rows = Rows(m_current ? &m_current->traits : nullptr, ins ? &ins->traits : nullptr);

    v.canCreateFromIns = Has(p.actions, CounterAction::CreateFromIns) && !Has(m_done, CounterAction::CreateFromIns);
    v.canTakeInsTraits = Has(p.actions, CounterAction::TakeInsTraits) && !Has(m_done, CounterAction::TakeInsTraits) &&
                         !Has(m_done, CounterAction::CreateFromIns);
    if (m_current && !Has(m_done, CounterAction::CheckDocument) && HasPermission(m_op.role, Permission::CheckDocument) &&
        (Has(p.actions, CounterAction::CheckDocument) || !m_done.empty())) {
        // Asks the state machine (the one place for rules) whether a check would be accepted.
        const event::DocumentChecked probe{DocumentCheck{"passeport", std::nullopt, m_op.name, ""}, Date{}};
        v.canValidate = IdentityStateMachine::Apply(*m_current, probe, m_op.role).Allowed();
    }

    v.canPrint = m_current && m_op.active && HasPermission(m_op.role, Permission::Print);

    if (p.insiUnavailable) {
        v.banner = "Service INSi indisponible (" + *p.insiUnavailable +
                   "). Le comptoir continue avec l'identité locale ; nouvelle tentative en arrière-plan.";
        v.bannerTone = Tone::Warning;
    } else if (m_current && !p.insi) {
        if (const auto refusal = IdentityStateMachine::CanCallInsi(*m_current)) {
            v.banner = refusal->message;
            v.bannerTone = Tone::Danger;
            v.insiOutcome = refusal->message;
        }
    }
}

CounterView CounterPresenter::View() const {
    CounterView v;
    if (m_serviceLost) v.readerText = "Service carte à puce perdu : reconnexion…";
    else if (!m_readerPresent) v.readerText = "Aucun lecteur de cartes";
    else v.readerText = m_reader + " : prêt";

    switch (m_cardState) {
        case CardState::None: v.cardText = "Aucune carte"; break;
        case CardState::Reading: v.cardText = "Carte insérée : lecture…"; break;
        case CardState::Read:
            v.cardText = "Carte Vitale lue (" + std::to_string(m_card ? m_card->beneficiaries.size() : 0) +
                         " bénéficiaire(s))";
            break;
        case CardState::Error: v.cardText = "Carte : " + m_cardError; break;
    }
    if (m_insiDown) {
        v.insiText = "INSi : indisponible";
        v.insiTone = Tone::Warning;
    } else if (!m_insiLastAnswer.empty()) {
        v.insiText = "INSi : joignable (dernière réponse " + m_insiLastAnswer + ")";
        v.insiTone = Tone::Qualifiee;
    } else {
        v.insiText = "INSi : pas encore interrogé";
    }
    v.busy = m_cardState == CardState::Reading || m_preparing;
    if (m_card && m_cardState == CardState::Read) {
        for (const auto& b : m_card->beneficiaries) {
            const std::string& d = b.rawBirthDate;
            const std::string shown = d.size() == 8 ? d.substr(6, 2) + "/" + d.substr(4, 2) + "/" + d.substr(0, 4) : d;
            v.beneficiaries.push_back(b.lastName + " " + b.firstName + " — né(e) le " + shown);
        }
        v.pickerNeeded = m_card->beneficiaries.size() > 1 && !m_beneficiary;
    }
    if (m_cardState == CardState::Error) {
        v.banner = m_cardError;
        v.bannerTone = Tone::Danger;
    }
    if (m_proposal) FillProposal(v);
    v.message = m_message;
    v.messageTone = m_messageTone;
    return v;
}

}  // namespace vigie::presenters
