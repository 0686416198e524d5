// vigie-cli datamatrix / print label / print document / print queues: the printing module
// (issue #5) from the command line. Output to a file (format from the extension) or to a CUPS
// queue; every output is journaled by PrintJobs once delivered.
#include <filesystem>
#include <fstream>
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "app/cli/TraitInput.h"
#include "core/util/ConfigFile.h"
#include "core/util/Json.h"
#include "printing/cups/CupsPrinter.h"
#include "printing/model/DatamatrixPayload.h"
#include "printing/render/DatamatrixFile.h"
#include "printing/render/PangoMeasurer.h"
#include "printing/service/ContentFile.h"
#include "printing/service/OutputFile.h"
#include "printing/service/PrintJobs.h"

namespace vigie::cli {

namespace {

double ParseDouble(const std::string& value, const char* what) {
    try {
        std::size_t used = 0;
        const double v = std::stod(value, &used);
        if (used == value.size()) return v;
    } catch (const std::exception&) {
    }
    throw BadInputError("input.number", std::string("Valeur numérique attendue pour ") + what + " : « " + value + " ».");
}

int ParseInt(const std::string& value, const char* what) {
    const double v = ParseDouble(value, what);
    if (v != static_cast<int>(v)) throw BadInputError("input.number", std::string("Nombre entier attendu pour ") + what + ".");
    return static_cast<int>(v);
}

// Where the output goes: --out FILE (format from its extension) or --printer QUEUE.
struct Destination {
    std::optional<std::string> file, queue;
    printing::OutputOptions options;
    std::string Describe() const { return file ? "« " + *file + " »" : "l'imprimante « " + *queue + " »"; }
};

Destination ReadDestination(Args& args, bool allowZpl) {
    Destination d;
    d.file = args.Opt("out");
    d.queue = args.Opt("printer");
    const bool zpl = allowZpl && args.Flag("zpl");
    if (d.file.has_value() == d.queue.has_value())
        throw BadInputError("input.args", "Indiquer soit --out FICHIER, soit --printer IMPRIMANTE.");
    if (d.file) d.options.kind = printing::OutputKindOfPath(*d.file);
    else d.options.kind = zpl ? printing::OutputKind::Zpl : printing::OutputKind::Pdf;
    if (d.file && zpl) throw BadInputError("input.args", "--zpl va avec --printer ; pour un fichier, choisir l'extension .zpl.");
    if (auto dpi = args.Opt("dpi")) d.options.dpi = ParseInt(*dpi, "--dpi");
    else if (d.options.kind == printing::OutputKind::Zpl) d.options.dpi = 203;
    return d;
}

printing::Deliver DeliverTo(const Destination& d, const std::string& title) {
    if (d.file) return [path = *d.file](const std::string& bytes) { printing::WriteOutputFile(path, bytes); };
    return [queue = *d.queue, kind = d.options.kind, title](const std::string& bytes) {
        printing::CupsPrinter().Print(queue, bytes,
                                      kind == printing::OutputKind::Zpl ? printing::PrintFormat::Zpl : printing::PrintFormat::Pdf,
                                      title);
    };
}

int Report(Context& ctx, const printing::PrintOutcome& r, const Destination& d, const char* what) {
    if (!r.Ok()) return ctx.Refused(*r.refusal);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("pages", r.pages).Field("ins", r.insPrinted)
            .Field("output", printing::OutputKindCode(d.options.kind));
        if (d.file) w.Field("file", *d.file);
        if (d.queue) w.Field("printer", *d.queue);
        w.Key("warnings").BeginArray();
        for (const auto& warning : r.warnings) w.String(warning);
        w.EndArray().EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        for (const auto& warning : r.warnings) ctx.err << "Attention : " << warning << '\n';
        ctx.out << what << " (" << r.pages << (r.pages > 1 ? " pages" : " page") << ") → " << d.Describe() << '\n';
    }
    return kExitOk;
}

// The operator, the Pango measurer and the print job around one label or document job.
template <class Job>
int RunJob(Context& ctx, const Destination& dest, const char* what, Job&& job) {
    const auto op = ctx.Operator();
    printing::PangoMeasurer measurer;
    printing::PrintJobs jobs(ctx.Store(), ctx.clock, measurer);
    return Report(ctx, job(jobs, op), dest, what);
}

std::string PharmacyName(const Context& ctx) {
    if (ctx.configPath.empty() || !std::filesystem::exists(ctx.configPath)) return "";
    return util::ConfigFile::Load(ctx.configPath).Get("pharmacy.name").value_or("");
}

printing::PharmacyHeader Pharmacy(const Context& ctx) {
    printing::PharmacyHeader h;
    if (ctx.configPath.empty() || !std::filesystem::exists(ctx.configPath)) return h;
    const auto config = util::ConfigFile::Load(ctx.configPath);
    h.name = config.Get("pharmacy.name").value_or("");
    // pharmacy.address = 12 rue des Lilas ; 75011 Paris  (lines separated by ';')
    std::string address = config.Get("pharmacy.address").value_or("");
    std::size_t start = 0;
    while (start <= address.size() && !address.empty()) {
        const auto end = address.find(';', start);
        std::string line = address.substr(start, end == std::string::npos ? std::string::npos : end - start);
        line.erase(0, line.find_first_not_of(' '));
        line.erase(line.find_last_not_of(' ') + 1);
        if (!line.empty()) h.addressLines.push_back(line);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return h;
}

}  // namespace

int Datamatrix(Context& ctx, Args& args) {
    const domain::IdentityId id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    const bool payloadOnly = args.Flag("payload");
    const auto out = args.Opt("out");
    const auto moduleMm = args.Opt("module-mm");
    args.Done(1);
    if (payloadOnly == out.has_value())
        throw BadInputError("input.args", "Indiquer soit --payload, soit --out FICHIER.png|.svg|.pdf.");
    const auto identity = usecases::PatientService(ctx.Store(), ctx.clock).Get(id).identity;
    const printing::PayloadResult r = printing::BuildDatamatrixInsPayload(identity);
    if (!r.Ok()) return ctx.Refused(*r.refusal);
    if (out) {
        printing::WriteDatamatrixFile(r.payload, moduleMm ? ParseDouble(*moduleMm, "--module-mm") : 0.45, *out);
    }
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("payload", r.payload)
            .Field("escaped", printing::EscapePayload(r.payload))
            .Field("bytes", static_cast<std::int64_t>(r.payload.size()));
        if (out) w.Field("file", *out);
        w.EndObject();
        ctx.out << w.Str() << '\n';
    } else if (out) {
        ctx.out << "Datamatrix INS → « " << *out << " »\n";
    } else {
        ctx.out << printing::EscapePayload(r.payload) << '\n';
    }
    return kExitOk;
}

int PrintLabel(Context& ctx, Args& args) {
    printing::LabelRequest request;
    request.id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    request.rules = args.Opt("rules").value_or("boite");
    if (auto copies = args.Opt("copies")) request.copies = ParseInt(*copies, "--copies");
    if (auto date = args.Opt("dispensing-date")) request.dispensingDate = ParseDateOption(*date, "--dispensing-date");
    const Destination dest = ReadDestination(args, true);
    args.Done(1);
    request.pharmacyName = PharmacyName(ctx);
    return RunJob(ctx, dest, "Étiquette", [&](printing::PrintJobs& jobs, const domain::Operator& op) {
        return jobs.Label(op, request, dest.options, DeliverTo(dest, "Vigie - étiquette"));
    });
}

int PrintDocument(Context& ctx, Args& args) {
    printing::DocumentJob job;
    job.id = ParseIdentityId(args.Word(0, "numéro d'identité"));
    const std::string code = args.Required("template");
    const auto kind = printing::ParseDocumentKindCode(code);
    if (!kind) throw BadInputError("input.template", "Modèle inconnu « " + code + " » : ordonnance, plan-de-prise ou fiche.");
    job.kind = *kind;
    if (auto paper = args.Opt("paper")) {
        const auto format = printing::ParsePaperFormatCode(*paper);
        if (!format) throw BadInputError("input.paper", "Format de papier inconnu « " + *paper + " » : A4 ou A5.");
        job.options.format = *format;
    }
    if (auto m = args.Opt("module-mm")) job.options.datamatrixModuleMm = ParseDouble(*m, "--module-mm");
    if (auto content = args.Opt("content")) printing::ReadDocumentContent(*content, job);
    const Destination dest = ReadDestination(args, false);
    args.Done(1);
    job.pharmacy = Pharmacy(ctx);
    return RunJob(ctx, dest, "Document", [&](printing::PrintJobs& jobs, const domain::Operator& op) {
        return jobs.Document(op, job, dest.options, DeliverTo(dest, "Vigie - document"));
    });
}

int PrintQueues(Context& ctx, Args& args) {
    args.Done(0);
    const auto queues = printing::CupsPrinter().Queues();
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginArray();
        for (const auto& q : queues)
            w.BeginObject().Field("name", q.name).Field("description", q.description).Field("default", q.isDefault).EndObject();
        w.EndArray();
        ctx.out << w.Str() << '\n';
    } else if (queues.empty()) {
        ctx.out << "Aucune imprimante configurée sur ce poste.\n";
    } else {
        for (const auto& q : queues)
            ctx.out << q.name << (q.isDefault ? " (par défaut)" : "") << (q.description.empty() ? "" : " — " + q.description) << '\n';
    }
    return kExitOk;
}

}  // namespace vigie::cli
