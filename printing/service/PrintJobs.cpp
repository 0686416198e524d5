#include "printing/service/PrintJobs.h"

#include <algorithm>
#include <cctype>

#include "core/domain/Errors.h"
#include "core/usecases/PatientService.h"
#include "core/util/Json.h"
#include "printing/model/LabelLayout.h"
#include "printing/render/PdfRenderer.h"
#include "printing/render/RasterRenderer.h"
#include "printing/render/SvgRenderer.h"
#include "printing/render/ZplRenderer.h"
#include "printing/service/LabelRuleBook.h"

namespace vigie::printing {

std::string_view OutputKindCode(OutputKind kind) {
    switch (kind) {
        case OutputKind::Pdf: return "pdf";
        case OutputKind::Png: return "png";
        case OutputKind::Svg: return "svg";
        case OutputKind::Zpl: return "zpl";
    }
    return "pdf";
}

OutputKind OutputKindOfPath(const std::string& path) {
    const auto dot = path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    for (OutputKind k : {OutputKind::Pdf, OutputKind::Png, OutputKind::Svg, OutputKind::Zpl})
        if (ext == OutputKindCode(k)) return k;
    throw BadInputError("input.output_format",
                        "Format de sortie inconnu pour « " + path + " » : .pdf, .png, .svg ou .zpl.");
}

std::string RenderOutput(const Document& document, const OutputOptions& options) {
    if (document.pages.empty()) throw InternalError("print.no_page", "document without pages");
    auto single = [&]() -> const Page& {
        if (document.pages.size() != 1)
            throw BadInputError("input.output_format", "Le document compte " + std::to_string(document.pages.size()) +
                                                           " pages : choisir une sortie PDF.");
        return document.pages.front();
    };
    switch (options.kind) {
        case OutputKind::Pdf: {
            const auto bytes = RenderPdf(document);
            return std::string(bytes.begin(), bytes.end());
        }
        case OutputKind::Png: {
            const auto bytes = RenderPagePng(single(), options.dpi);
            return std::string(bytes.begin(), bytes.end());
        }
        case OutputKind::Svg: return RenderSvg(single());
        case OutputKind::Zpl: {
            std::string zpl;
            for (const auto& page : document.pages) zpl += RenderZpl(page, options.dpi);
            return zpl;
        }
    }
    throw InternalError("print.kind", "unknown output kind");
}

std::optional<domain::Refusal> PrintJobs::CheckPrint(const domain::Operator& op) const {
    if (!op.active) return domain::Refusal{"rule.operator_inactive", "Opérateur désactivé : " + op.name + "."};
    if (!domain::HasPermission(op.role, domain::Permission::Print))
        return domain::Refusal{"rule.permission",
                               "Droit insuffisant pour imprimer (profil " + std::string(domain::RoleLabel(op.role)) + ")."};
    return std::nullopt;
}

void PrintJobs::Journal(const domain::Operator& op, domain::IdentityId id, const std::string& action,
                        const std::string& after) {
    ports::RunInTransaction(m_store, ports::TransactionMode::Write, [&](ports::IStoreTransaction& tx) {
        usecases::Journal(tx, m_clock, op, action, id, "", after);
    });
}

PrintOutcome PrintJobs::Label(const domain::Operator& op, const LabelRequest& request, const OutputOptions& output,
                              const Deliver& deliver) {
    PrintOutcome out;
    if ((out.refusal = CheckPrint(op))) return out;
    if (request.copies < 1 || request.copies > 100)
        throw BadInputError("input.copies", "Nombre d'exemplaires entre 1 et 100.");
    const auto rules = LabelRuleBook(m_store, m_clock).Get(request.rules).rules;
    const auto identity = usecases::PatientService(m_store, m_clock).Get(request.id).identity;
    const auto data = MakeLabelData(identity, request.dispensingDate.value_or(m_clock.Today()), request.pharmacyName);
    auto laid = LayoutLabel(rules, data, m_measurer);
    out.warnings = laid.warnings;
    if (!laid.Ok()) {
        out.refusal = laid.refusal;
        return out;
    }
    printing::Document doc;
    doc.title = "Vigie - étiquette " + rules.displayName;  // no name, no INS: print queues show it
    doc.pages.assign(static_cast<std::size_t>(request.copies), *laid.page);
    deliver(RenderOutput(doc, output));
    out.pages = request.copies;
    util::JsonWriter w;
    w.BeginObject().Field("rules", rules.name).Field("copies", static_cast<std::int64_t>(request.copies))
        .Field("output", OutputKindCode(output.kind)).EndObject();
    Journal(op, request.id, "identity.label_printed", w.Str());
    return out;
}

PrintOutcome PrintJobs::Document(const domain::Operator& op, const DocumentJob& job, const OutputOptions& output,
                                 const Deliver& deliver) {
    PrintOutcome out;
    if ((out.refusal = CheckPrint(op))) return out;
    DocumentRequest request;
    request.kind = job.kind;
    request.identity = usecases::PatientService(m_store, m_clock).Get(job.id).identity;
    request.pharmacy = job.pharmacy;
    request.date = m_clock.Today();
    request.dispensing = job.dispensing;
    request.intakes = job.intakes;
    request.notes = job.notes;
    request.options = job.options;
    auto laid = LayoutDocument(request, m_measurer);
    out.warnings = laid.warnings;
    if (!laid.Ok()) {
        out.refusal = laid.refusal;
        return out;
    }
    deliver(RenderOutput(*laid.document, output));
    out.pages = static_cast<int>(laid.document->pages.size());
    out.insPrinted = request.identity.status == domain::IdentityStatus::Qualifiee;
    util::JsonWriter w;
    w.BeginObject().Field("template", DocumentKindCode(job.kind)).Field("format", PaperFormatCode(job.options.format))
        .Field("pages", static_cast<std::int64_t>(out.pages)).Field("ins", out.insPrinted)
        .Field("output", OutputKindCode(output.kind)).EndObject();
    Journal(op, job.id, "identity.document_printed", w.Str());
    return out;
}

}  // namespace vigie::printing
