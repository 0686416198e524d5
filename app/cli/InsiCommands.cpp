// vigie-cli insi search | insi vitale | insi parse | patient retrieve | verify --all.
// The matricule INS is printed only with --show-ins (support and qualification work), as the
// INS of an identity that is not qualifiée must not be shown.
#include <csignal>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "app/cli/IdentityPrinter.h"
#include "app/cli/TraitInput.h"
#include "core/domain/Nir.h"
#include "core/domain/Status.h"
#include "core/insi/InsiClient.h"
#include "core/usecases/BulkVerification.h"
#include "core/usecases/InsiRetrieval.h"
#include "core/usecases/OperatorService.h"

namespace vigie::cli {

using namespace vigie::domain;
using namespace vigie::ports;
using namespace vigie::usecases;

namespace {

std::string CodeLabel(const std::string& code) {
    if (code == "00") return "une identité trouvée";
    if (code == "01") return "aucune identité trouvée";
    if (code == "02") return "plusieurs identités trouvées";
    return code;
}

void WriteInsiIdentity(util::JsonWriter& w, const InsiIdentity& id, bool showIns) {
    const auto& t = id.traits;
    w.BeginObject()
        .Field("birth_name", t.birthName)
        .Field("birth_first_names", t.birthFirstNames)
        .Field("first_birth_first_name", t.firstBirthFirstName)
        .Field("sex", std::string(1, SexCode(t.sex)))
        .Field("birth_date", t.birthDate.ToIso())
        .Field("birth_place", t.birthPlace);
    if (showIns) {
        w.Field("matricule", id.ins.active.matricule).Field("oid", id.ins.active.oid)
            .Field("nature", OidNature(id.ins.active.oid));
        if (IsTestOrDemoOid(id.ins.active.oid)) w.Field("test_oid", true);
        w.Key("history").BeginArray();
        for (const auto& h : id.ins.history)
            w.BeginObject().Field("matricule", h.matricule).Field("oid", h.oid).Field("start", h.startDate)
                .Field("end", h.endDate).EndObject();
        w.EndArray();
        const auto key = CheckNir(id.ins.active.matricule);
        if (!key.ok) w.Field("key_warning", key.message);
    }
    w.EndObject();
}

void PrintInsiIdentity(std::ostream& out, const InsiIdentity& id, bool showIns) {
    const auto& t = id.traits;
    out << "Identité INS (traits de référence) :\n"
        << "  Nom de naissance            : " << t.birthName << '\n'
        << "  Prénom(s) de naissance      : " << t.birthFirstNames << '\n'
        << "  Premier prénom de naissance : " << t.firstBirthFirstName << '\n'
        << "  Date de naissance           : " << t.birthDate.ToFrench() << '\n'
        << "  Sexe                        : " << SexCode(t.sex) << '\n'
        << "  Lieu de naissance           : " << (t.birthPlace.empty() ? "inconnu" : t.birthPlace) << '\n';
    if (showIns) {
        out << "  INS                         : " << id.ins.active.matricule << " (" << OidNature(id.ins.active.oid) << ")"
            << (IsTestOrDemoOid(id.ins.active.oid) ? " [OID DE TEST]" : "") << '\n';
        for (const auto& h : id.ins.history) out << "  Ancien matricule (INSHISTO) : " << h.matricule << '\n';
        const auto key = CheckNir(id.ins.active.matricule);
        if (!key.ok) out << "  ! Clé du matricule non conforme, conservé tel que reçu : " << key.message << '\n';
    } else {
        out << "  INS                         : non affiché (identité non qualifiée)\n";
    }
}

int ReportSearch(Context& ctx, const InsiSearchOutcome& s, bool showIns) {
    if (s.refusal) return ctx.Refused(*s.refusal);
    const InsiResult& r = *s.result;
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("code", r.code).Field("label", r.label).Key("attempts").BeginArray();
        for (const auto& a : s.attempts)
            w.BeginObject().Field("operation", a.operation).Field("birth_name", a.birthName)
                .Field("first_names", a.firstNames).Field("with_birth_place", a.withBirthPlace).Field("code", a.code)
                .EndObject();
        w.EndArray();
        if (r.identity) {
            w.Key("identity");
            WriteInsiIdentity(w, *r.identity, showIns);
        }
        w.EndObject();
        ctx.out << w.Str() << '\n';
        return kExitOk;
    }
    int n = 0;
    for (const auto& a : s.attempts) {
        ctx.out << "  " << ++n << ". " << a.operation;
        if (a.operation == "RECSANSVITALE") ctx.out << " prénom(s) « " << a.firstNames << " »";
        else ctx.out << " nom « " << a.birthName << " »";
        if (a.withBirthPlace) ctx.out << " + lieu de naissance";
        ctx.out << " : " << a.code << " " << CodeLabel(a.code) << '\n';
    }
    ctx.out << "Résultat INSi : " << r.code << " — " << CodeLabel(r.code) << '\n';
    if (r.identity) PrintInsiIdentity(ctx.out, *r.identity, showIns);
    if (r.outcome == InsiOutcome::Several) ctx.out << "Préciser le lieu de naissance pour lever l'ambiguïté.\n";
    return kExitOk;
}

InsiTraitsQuery TraitsFromArgs(Args& args) {
    InsiTraitsQuery q;
    // Case and spaces only; anything else is refused by the strategy with the proposal.
    q.birthName = args.Required("birth-name");
    q.firstNames = args.Required("first-names");
    q.sex = ParseSexOption(args.Required("sex"));
    q.birthDate = ParseDateOption(args.Required("birth-date"), "Date de naissance");
    if (auto p = args.Opt("birth-place")) q.birthPlace = ParseBirthPlaceOption(*p);
    return q;
}

InsiNir NirArg(const std::string& value, const char* label) {
    std::string v;
    for (char c : value)
        if (c != ' ') v += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (v.size() != 13 && v.size() != 15)
        throw BadInputError("input.nir", std::string(label) + " : 13 caractères (ou 15 avec la clé) attendus.");
    return InsiNir{v.substr(0, 13), v.size() == 15 ? v.substr(13) : ""};
}

std::atomic<bool> g_stop{false};
extern "C" void OnStopSignal(int) { g_stop = true; }

}  // namespace

int InsiSearch(Context& ctx, Args& args) {
    const InsiTraitsQuery q = TraitsFromArgs(args);
    const bool printRequest = args.Flag("print-request");
    const bool showIns = args.Flag("show-ins");
    args.Done(0);
    if (printRequest) {
        InsiTraitsQuery first = q;  // the first request of the strategy: first first name, no place
        first.firstNames = FirstOfList(q.firstNames);
        first.birthPlace.clear();
        ctx.out << ctx.Insi().RenderTraitsRequest(first, InsiCallMode::Operator) << '\n';
        return kExitOk;
    }
    const Operator op = ctx.Operator();
    if (!HasPermission(op.role, Permission::CallInsi))
        return ctx.Refused({"rule.permission", "Droit insuffisant pour interroger le téléservice INSi."});
    const InsiSearchOutcome s = SearchInsByTraits(ctx.InsiService(), q, InsiCallMode::Operator);
    InsiRetrieval::JournalSearch(ctx.Store(), ctx.clock, op, std::nullopt, s);
    return ReportSearch(ctx, s, showIns);
}

int InsiVitale(Context& ctx, Args& args) {
    InsiVitaleQuery q;
    q.insuredNir = NirArg(args.Required("insured-nir"), "NIR de l'assuré");
    q.birthName = args.Required("birth-name");
    q.rawBirthDate = args.Required("birth-date");  // verbatim: lunar dates allowed
    if (auto b = args.Opt("beneficiary-nir")) q.beneficiaryNir = NirArg(*b, "NIR du bénéficiaire");
    if (auto r = args.Opt("rank")) {
        if (r->size() != 1 || (*r)[0] < '1' || (*r)[0] > '9')
            throw BadInputError("input.rank", "Rang de naissance : un chiffre de 1 à 9.");
        q.birthRank = (*r)[0] - '0';
    }
    const std::string usualName = args.Opt("usual-name").value_or("");
    const bool printRequest = args.Flag("print-request");
    const bool showIns = args.Flag("show-ins");
    args.Done(0);
    if (printRequest) {
        ctx.out << ctx.Insi().RenderVitaleRequest(q, InsiCallMode::Operator) << '\n';
        return kExitOk;
    }
    const Operator op = ctx.Operator();
    if (!HasPermission(op.role, Permission::CallInsi))
        return ctx.Refused({"rule.permission", "Droit insuffisant pour interroger le téléservice INSi."});
    const InsiSearchOutcome s = SearchInsWithCard(ctx.InsiService(), q, usualName, std::nullopt, InsiCallMode::Operator);
    InsiRetrieval::JournalSearch(ctx.Store(), ctx.clock, op, std::nullopt, s);
    return ReportSearch(ctx, s, showIns);
}

int InsiParse(Context& ctx, Args& args) {
    const std::string path = args.Word(0, "fichier de réponse INSi");
    const bool showIns = args.Flag("show-ins");
    args.Done(1);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BadInputError("input.file", "Fichier illisible : « " + path + " ».");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const insi::ParsedResponse parsed = insi::ParseResponse(buffer.str());
    if (parsed.fault) {
        const auto& f = *parsed.fault;
        if (ctx.json) {
            util::JsonWriter w;
            w.BeginObject().Field("ok", true).Field("type", "fault").Field("code", f.code).Field("subcode", f.subcode)
                .Field("error_code", f.errorCode).Field("severity", f.severity).Field("message_id", f.messageId)
                .Field("reason", f.reason).Field("detail", f.detail).EndObject();
            ctx.out << w.Str() << '\n';
        } else {
            ctx.out << "Erreur SOAP : " << f.subcode << " / " << f.errorCode << " (sévérité « " << f.severity << " »)\n  "
                    << f.reason << "\n  " << f.detail << '\n';
        }
        return kExitOk;
    }
    InsiSearchOutcome s;
    s.result = *parsed.result;
    return ReportSearch(ctx, s, showIns);
}

int PatientRetrieve(Context& ctx, Args& args) {
    const IdentityId id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    const bool accept = args.Flag("accept");
    args.Done(1);
    const Operator op = ctx.Operator();
    InsiRetrieval retrieval(ctx.Store(), ctx.InsiService(), ctx.clock);
    const RetrievalProposal p = retrieval.Retrieve(op, id);
    if (p.refusal) return ctx.Refused(*p.refusal);
    if (!p.search.Found()) return ReportSearch(ctx, p.search, false);
    CommandResult accepted;
    if (accept) accepted = retrieval.Accept(op, p);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", !accept || accepted.Ok()).Field("code", p.search.result->code).Key("comparison").BeginArray();
        for (const auto& l : p.comparison->lines)
            w.BeginObject().Field("trait", l.code).Field("local", l.local).Field("ins", l.ins)
                .Field("verdict", VerdictCode(l.verdict)).EndObject();
        w.EndArray();
        if (accept) {
            w.Key("accepted").Raw(CommandResultJson(accepted));
        }
        w.EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        ctx.out << "Proposition INSi pour l'identité n° " << id << " :\n";
        for (const auto& l : p.comparison->lines)
            ctx.out << "  " << std::left << std::setw(32) << l.label << std::right << " local « " << l.local
                    << " »  INS « " << l.ins << " »  " << (l.verdict == TraitVerdict::Differs ? "≠ DIFFÉRENT" : "=") << '\n';
        if (!accept) {
            ctx.out << "Vérifier avec le patient, puis confirmer avec --accept (les traits INS remplaceront les traits "
                       "locaux).\n";
        } else if (!accepted.Ok()) {
            ctx.err << "Refusé : " << accepted.refusal->message << '\n';
        } else {
            ctx.out << "INS accepté.\n";
            PrintIdentityText(ctx.out, *accepted.identity);
            ctx.Notes(accepted.notes);
        }
    }
    return accept && !accepted.Ok() ? kExitRefused : kExitOk;
}

int VerifyAll(Context& ctx, Args& args) {
    const bool all = args.Flag("all");
    const bool resume = args.Flag("resume");
    std::optional<double> rate;
    if (auto r = args.Opt("rate")) {
        char* end = nullptr;
        const double v = std::strtod(r->c_str(), &end);
        if (!end || *end || !(v > 0) || v > insi::kMaxRateCap)
            throw BadInputError("input.rate", "--rate : un débit entre 0 et 65 requêtes par seconde (capacité du "
                                              "téléservice pour tous ses utilisateurs).");
        rate = v;
    }
    BulkOptions options;
    if (auto c = args.Opt("concurrency")) {
        if (c->empty() || c->size() > 2 || c->find_first_not_of("0123456789") != std::string::npos || std::stoi(*c) < 1 ||
            std::stoi(*c) > 16)
            throw BadInputError("input.concurrency", "--concurrency : de 1 à 16 requêtes simultanées.");
        options.concurrency = std::stoi(*c);
    }
    args.Done(0);
    if (!all && !resume) throw BadInputError("input.args", "Indiquer --all (nouvelle vérification) ou --resume.");
    const Operator op = ctx.Operator();
    if (auto r = BulkVerification::CheckAllowed(op)) return ctx.Refused(*r);
    auto& client = ctx.Insi();
    if (rate) client.SetBatchRate(*rate);
    BulkVerification engine(ctx.Store(), ctx.InsiService(), ctx.clock);
    std::int64_t runId = 0;
    if (resume) {
        const auto run = engine.UnfinishedRun();
        if (!run) return ctx.Refused({"rule.no_run", "Aucune vérification interrompue à reprendre."});
        runId = run->id;
    } else {
        runId = engine.CreateRun(op);
    }
    struct Sink final : IBulkProgressSink {
        Context& ctx;
        std::int64_t lastPrinted = -1;
        explicit Sink(Context& c) : ctx(c) {}
        void OnProgress(const BulkProgress& p) override {
            if (p.finished == lastPrinted) return;
            if (p.finished != p.total && lastPrinted >= 0 && p.finished - lastPrinted < std::max<std::int64_t>(p.total / 100, 1))
                return;
            lastPrinted = p.finished;
            if (ctx.json) {
                util::JsonWriter w;
                w.BeginObject().Field("event", "progress").Field("run", p.runId).Field("finished", p.finished)
                    .Field("total", p.total).Field("failed", p.failed).Key("rate").Double(p.ratePerSecond)
                    .Key("eta_seconds").Double(p.etaSeconds).EndObject();
                ctx.out << w.Str() << std::endl;
            } else {
                ctx.out << "Vérification n° " << p.runId << " : " << p.finished << "/" << p.total << " — "
                        << std::fixed << std::setprecision(1) << p.ratePerSecond << " /s — reste ~"
                        << static_cast<long>(p.etaSeconds) << " s" << std::endl;
            }
        }
    } sink(ctx);
    g_stop = false;
    std::signal(SIGINT, OnStopSignal);
    std::signal(SIGTERM, OnStopSignal);
    const BulkReport r = engine.Run(op, runId, options, g_stop, &sink);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("event", "report").Field("ok", true).Field("run", r.run.id).Field("state", r.run.state)
            .Field("total", r.run.total).Field("done", r.counts.done).Field("failed", r.counts.failed)
            .Field("in_doubt", r.run.inDoubt).Key("seconds").Double(r.seconds).Key("rate").Double(r.ratePerSecond)
            .Key("outcomes").BeginObject();
        for (const auto& [outcome, n] : r.counts.byOutcome) w.Field(outcome, n);
        w.EndObject().EndObject();
        ctx.out << w.Str() << std::endl;
    } else {
        ctx.out << (r.paused ? "Vérification interrompue (reprendre avec --resume)" : "Vérification terminée") << " : "
                << r.counts.done << " vérifiée(s), " << r.counts.failed << " en échec technique sur " << r.run.total
                << '\n';
        for (const auto& [outcome, n] : r.counts.byOutcome) ctx.out << "  " << outcome << " : " << n << '\n';
        if (r.run.inDoubt > 0)
            ctx.out << "  " << r.run.inDoubt << " élément(s) repris après un arrêt brutal (interrogés à nouveau)\n";
    }
    return kExitOk;
}

}  // namespace vigie::cli
