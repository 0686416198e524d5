// vigie-cli card read | card watch | counter: the carte Vitale and the headless counter flow.
// Reader events arrive on the reader's monitor thread; they are queued and handled here, on the
// command's own thread (the same hop the GUI makes with CallAfter).
#include <condition_variable>
#include <csignal>
#include <deque>
#include <mutex>
#include <algorithm>
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "app/cli/TraitInput.h"
#include "core/domain/DocumentTypes.h"
#include "core/domain/Status.h"
#include "core/insi/InsiClient.h"
#include "core/usecases/CounterFlow.h"
#include "core/usecases/IdentityJson.h"

namespace vigie::cli {

using namespace vigie::domain;
using namespace vigie::ports;
using namespace vigie::usecases;

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted = true; }

// Queues reader events for the command's thread.
class EventQueue final : public ICardReaderListener {
public:
    void OnReaderEvent(const ReaderEvent& e) override {
        {
            std::lock_guard lock(m_mutex);
            m_events.push_back(e);
        }
        m_wake.notify_all();
    }
    std::optional<ReaderEvent> Next(std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        if (!m_wake.wait_for(lock, timeout, [this] { return !m_events.empty(); })) return std::nullopt;
        ReaderEvent e = std::move(m_events.front());
        m_events.pop_front();
        return e;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<ReaderEvent> m_events;
};

void WriteEvent(util::JsonWriter& w, const ReaderEvent& e) {
    w.Field("event", EventTypeCode(e.type)).Field("reader", e.reader);
    if (e.type == ReaderEvent::Type::CardInserted) w.Field("atr", e.atr).Field("card", CardKindCode(e.kind));
}

void WriteCard(util::JsonWriter& w, const CarteVitale& card) {
    w.BeginObject().Field("atr", card.atr).Field("insured_nir", card.insuredNir).Field("insured_nir_key", card.insuredNirKey)
        .Key("beneficiaries").BeginArray();
    for (const auto& b : card.beneficiaries)
        w.BeginObject().Field("last_name", b.lastName).Field("first_name", b.firstName)
            .Field("raw_birth_date", b.rawBirthDate).Field("nir", b.nir).Field("rank", b.birthRank)
            .Field("quality", b.quality).EndObject();
    w.EndArray().EndObject();
}

void Emit(Context& ctx, const util::JsonWriter& w) { ctx.out << w.Str() << std::endl; }

void EmitProposal(Context& ctx, const CounterProposal& p) {
    util::JsonWriter w;
    w.BeginObject().Field("event", "proposal").Field("billing_id", p.billing.id);
    if (p.insiUnavailable) w.Field("insi", "unavailable").Field("insi_message", *p.insiUnavailable);
    else if (p.insi && p.insi->result) w.Field("insi", p.insi->result->code);
    else w.Field("insi", "not_called");
    if (p.InsFound()) {
        const auto& t = p.insi->result->identity->traits;
        w.Key("ins_traits").BeginObject().Field("birth_name", t.birthName).Field("birth_first_names", t.birthFirstNames)
            .Field("birth_date", t.birthDate.ToIso()).Field("sex", std::string(1, SexCode(t.sex)))
            .Field("birth_place", t.birthPlace).EndObject();
    }
    w.Field("matched_by", p.matchedBy);
    if (p.local) {
        w.Key("local");
        WriteIdentity(w, *p.local, InsVisibility::IfQualified);
    }
    if (p.comparison) {
        w.Key("comparison").BeginArray();
        for (const auto& l : p.comparison->lines)
            w.BeginObject().Field("trait", l.code).Field("local", l.local).Field("ins", l.ins)
                .Field("verdict", VerdictCode(l.verdict)).EndObject();
        w.EndArray();
    }
    w.Field("candidates", static_cast<std::int64_t>(p.candidates.size())).Key("actions").BeginArray();
    for (auto a : p.actions) w.String(CounterActionCode(a));
    w.EndArray().EndObject();
    Emit(ctx, w);
}

void EmitResult(Context& ctx, const char* step, const CommandResult& r) {
    util::JsonWriter w;
    w.BeginObject().Field("event", step).Field("ok", r.Ok());
    if (r.refusal) w.Field("message", r.refusal->message);
    if (r.identity) {
        w.Key("identity");
        WriteIdentity(w, *r.identity, InsVisibility::IfQualified);
    }
    w.EndObject();
    Emit(ctx, w);
}

struct ReaderChoice {
    std::optional<std::string> simulated;  // a card file: the in-process simulated reader holds it
    std::optional<std::string> reader;     // PC/SC reader name
};

ReaderChoice ReaderOptions(Args& args) { return ReaderChoice{args.Opt("simulated"), args.Opt("reader")}; }

std::unique_ptr<ICardReader> OpenReader(Context& ctx, const ReaderChoice& choice) {
    return ctx.OpenCardReader(choice.simulated);
}

std::string PickReader(ICardReader& reader, const ReaderChoice& choice) {
    if (choice.reader) return *choice.reader;
    const auto readers = reader.Readers();
    if (readers.empty()) throw CardError("card.no_reader", "Aucun lecteur de cartes détecté.");
    return readers.front();
}

}  // namespace

int CardRead(Context& ctx, Args& args) {
    const ReaderChoice choice = ReaderOptions(args);
    args.Done(0);
    auto reader = OpenReader(ctx, choice);
    const CarteVitale card = reader->ReadVitale(PickReader(*reader, choice));
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Key("card");
        WriteCard(w, card);
        w.EndObject();
        Emit(ctx, w);
    } else {
        ctx.out << "Carte Vitale — assuré : " << card.insuredNir << ' ' << card.insuredNirKey << " (identité de facturation)\n";
        int i = 0;
        for (const auto& b : card.beneficiaries)
            ctx.out << "  " << ++i << ". " << b.lastName << ' ' << b.firstName << ", né(e) le " << b.rawBirthDate
                    << (b.nir.empty() ? "" : ", NIR propre présent") << '\n';
    }
    return kExitOk;
}

int CardWatch(Context& ctx, Args& args) {
    const ReaderChoice choice = ReaderOptions(args);
    const auto seconds = args.Opt("seconds");
    args.Done(0);
    auto reader = OpenReader(ctx, choice);
    EventQueue queue;
    reader->Start(queue);
    g_interrupted = false;
    std::signal(SIGINT, OnInterrupt);
    std::signal(SIGTERM, OnInterrupt);
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::seconds(seconds ? std::stol(*seconds) : (choice.simulated ? 2 : 1L << 30));
    while (!g_interrupted && std::chrono::steady_clock::now() < deadline) {
        if (auto e = queue.Next(std::chrono::milliseconds(100))) {
            util::JsonWriter w;
            w.BeginObject();
            WriteEvent(w, *e);
            w.EndObject();
            Emit(ctx, w);
        }
    }
    reader->Stop();
    return kExitOk;
}

int Counter(Context& ctx, Args& args) {
    const ReaderChoice choice = ReaderOptions(args);
    const bool autoAccept = args.Flag("auto-accept");
    const bool once = args.Flag("once") || choice.simulated.has_value();
    std::optional<std::size_t> beneficiary;
    if (auto b = args.Opt("beneficiary")) {
        if (b->empty() || b->size() > 2 || b->find_first_not_of("0123456789") != std::string::npos || std::stoi(*b) < 1)
            throw BadInputError("input.beneficiary", "--beneficiary : le numéro du bénéficiaire sur la carte (1, 2, …).");
        beneficiary = static_cast<std::size_t>(std::stoi(*b) - 1);
    }
    std::optional<std::string> document = args.Opt("document");
    args.Done(0);
    if (document && !FindDocumentType(*document))
        throw BadInputError("input.document", "Pièce d'identité non reconnue : « " + *document + " ».");
    const Operator op = ctx.Operator();
    auto reader = OpenReader(ctx, choice);
    CounterFlow flow(ctx.Store(), ctx.InsiService(), ctx.clock);
    EventQueue queue;
    reader->Start(queue);
    g_interrupted = false;
    std::signal(SIGINT, OnInterrupt);
    std::signal(SIGTERM, OnInterrupt);
    int handled = 0;
    const auto idleLimit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!g_interrupted && !(once && handled > 0)) {
        if (choice.simulated && std::chrono::steady_clock::now() > idleLimit) break;
        auto e = queue.Next(std::chrono::milliseconds(100));
        if (!e) continue;
        util::JsonWriter ev;
        ev.BeginObject();
        WriteEvent(ev, *e);
        ev.EndObject();
        Emit(ctx, ev);
        if (e->type != ReaderEvent::Type::CardInserted) continue;
        ++handled;
        CarteVitale card;
        try {
            card = reader->ReadVitale(e->reader);
        } catch (const Error& err) {
            util::JsonWriter w;
            w.BeginObject().Field("event", "card_error").Field("code", err.Code()).Field("message", err.what()).EndObject();
            Emit(ctx, w);
            continue;
        }
        {
            util::JsonWriter w;
            w.BeginObject().Field("event", "beneficiaries").Key("card");
            WriteCard(w, card);
            w.EndObject();
            Emit(ctx, w);
        }
        std::size_t chosen = 0;
        if (card.beneficiaries.size() > 1) {  // asked only when there are several
            if (beneficiary) chosen = *beneficiary;
            else if (!autoAccept) {
                util::JsonWriter w;
                w.BeginObject().Field("event", "choose_beneficiary")
                    .Field("count", static_cast<std::int64_t>(card.beneficiaries.size())).EndObject();
                Emit(ctx, w);
                continue;
            }
        }
        const CounterProposal p = flow.Prepare(op, card, chosen);
        {
            util::JsonWriter w;
            w.BeginObject().Field("event", "beneficiary_chosen").Field("index", static_cast<std::int64_t>(chosen + 1))
                .Field("last_name", p.billing.lastName).Field("first_name", p.billing.firstName).EndObject();
            Emit(ctx, w);
        }
        EmitProposal(ctx, p);
        if (!autoAccept) continue;
        IdentityId landed = p.local ? p.local->id : 0;  // 0: no identity (yet)
        auto has = [&](CounterAction a) { return std::find(p.actions.begin(), p.actions.end(), a) != p.actions.end(); };
        if (has(CounterAction::CreateFromIns)) {
            const auto r = flow.CreateFromIns(op, p);
            EmitResult(ctx, "created_from_ins", r);
            if (r.identity) landed = r.identity->id;
        } else if (has(CounterAction::TakeInsTraits)) {
            const auto r = flow.TakeInsTraits(op, p);
            EmitResult(ctx, "ins_traits_taken", r);
        }
        if (document && landed != 0)
            EmitResult(ctx, "document_checked",
                       PatientService(ctx.Store(), ctx.clock).CheckDocument(op, landed, *document, std::nullopt));
    }
    reader->Stop();
    return kExitOk;
}

}  // namespace vigie::cli
