#pragma once
// The Comptoir screen logic (issue #6): reader events, the card, the beneficiary choice, the
// counter proposal and the operator's actions come in; a CounterView comes out. No wx, no
// threads: the frame calls it on the GUI thread and renders View(). Business rules stay in the
// core (CounterFlow decides the actions, IdentityStateMachine whether a check is allowed).

#include <optional>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "core/domain/Operator.h"
#include "core/ports/ICardReader.h"
#include "core/usecases/CounterFlow.h"

namespace vigie::presenters {

class CounterPresenter {
public:
    explicit CounterPresenter(domain::Operator op) : m_op(std::move(op)) {}

    void OnReaderEvent(const ports::ReaderEvent& event);
    void OnCardRead(const ports::CarteVitale& card);
    void OnCardError(const std::string& message);
    // The beneficiary to prepare: set at once when the card holds one, else after the picker.
    std::optional<std::size_t> Beneficiary() const { return m_beneficiary; }
    void OnBeneficiaryChosen(std::size_t index);
    void OnPreparing();
    // `answeredAt`: local time of the INSi answer (HH:MM:SS), shown as the last answer time.
    void OnProposal(usecases::CounterProposal proposal, const std::string& answeredAt);
    void OnPrepareFailed(const std::string& message);
    void OnActionResult(usecases::CounterAction action, const usecases::CommandResult& result);
    void OnDocumentChecked(const std::string& documentCode, const usecases::CommandResult& result);
    void OnActionFailed(const std::string& message);
    // The outcome of a print (the Impression dialog, Ctrl+P), shown on the Comptoir too.
    void OnPrintResult(const std::string& message, bool ok);

    const ports::CarteVitale* Card() const { return m_card ? &*m_card : nullptr; }
    const usecases::CounterProposal* Proposal() const { return m_proposal ? &*m_proposal : nullptr; }
    std::optional<domain::IdentityId> CurrentIdentityId() const;
    const domain::Identity* Current() const { return m_current ? &*m_current : nullptr; }
    // INSi did not answer for the card still in the reader: the frame retries in the background.
    bool InsiRetryWanted() const;
    const domain::Operator& Operator() const { return m_op; }
    void SetOperator(domain::Operator op) { m_op = std::move(op); }  // operator switch (issue #6)

    CounterView View() const;

private:
    enum class CardState { None, Reading, Read, Error };
    void ClearCard();
    void FillProposal(CounterView& v) const;

    domain::Operator m_op;
    std::string m_reader;
    bool m_readerPresent = false;
    bool m_serviceLost = false;
    CardState m_cardState = CardState::None;
    std::string m_cardError;
    std::optional<ports::CarteVitale> m_card;
    std::optional<std::size_t> m_beneficiary;
    bool m_preparing = false;
    std::optional<usecases::CounterProposal> m_proposal;
    std::optional<domain::Identity> m_current;  // the local identity after the last action
    std::vector<usecases::CounterAction> m_done;
    std::string m_insiLastAnswer;                // HH:MM:SS
    std::optional<std::string> m_insiDown;       // message while INSi does not answer
    std::string m_message;
    Tone m_messageTone = Tone::Neutral;
};

}  // namespace vigie::presenters
