#include "app/presenters/PrintActions.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/domain/Errors.h"
#include "core/usecases/PatientService.h"
#include "printing/cups/CupsPrinter.h"
#include "printing/model/LabelLayout.h"
#include "printing/render/RasterRenderer.h"
#include "printing/service/ContentFile.h"
#include "printing/service/OutputFile.h"
#include "printing/service/QueueSettings.h"
#include "printing/service/LabelRuleBook.h"

namespace vigie::presenters {

using namespace vigie::printing;

std::vector<RuleSetChoice> ListRuleSets(ports::IStore& store, const ports::IClock& clock) {
    std::vector<RuleSetChoice> out;
    for (const auto& e : LabelRuleBook(store, clock).List())
        out.push_back({e.rules.name, e.rules.displayName, e.rules.widthMm, e.rules.heightMm});
    return out;
}

namespace {

int FitDpi(const Page& page, int maxW, int maxH) {
    const double dpi = std::min(maxW * 25.4 / page.widthMm, maxH * 25.4 / page.heightMm);
    return std::clamp(static_cast<int>(dpi), 25, 300);
}

}  // namespace

PreviewImage RenderPreview(ports::IStore& store, const ports::IClock& clock, const IMeasurer& measurer,
                           const PrintSettings& s, const PharmacyHeader& pharmacy, int maxW, int maxH) {
    PreviewImage out;
    const auto identity = usecases::PatientService(store, clock).Get(s.identity).identity;
    std::optional<Page> page;
    if (s.IsLabel()) {
        const auto rules = LabelRuleBook(store, clock).Get(s.Name()).rules;
        // The same data PrintJobs::Label lays out: today's dispensing date, the pharmacy's name.
        auto laid = LayoutLabel(rules, MakeLabelData(identity, clock.Today(), pharmacy.name), measurer);
        out.warnings = laid.warnings;
        out.refusal = laid.refusal;
        page = laid.page;
        out.pages = s.copies;
    } else {
        const DocumentJob job = DocumentJobOf(s, pharmacy);
        if ((out.refusal = CheckDocumentContent(job))) return out;  // the print would refuse it too
        DocumentRequest request;
        request.kind = job.kind;
        request.identity = identity;
        request.pharmacy = job.pharmacy;
        request.date = clock.Today();  // as PrintJobs::Document dates it
        request.dispensing = job.dispensing;
        request.intakes = job.intakes;
        request.notes = job.notes;
        request.options = job.options;
        auto laid = LayoutDocument(request, measurer);
        out.warnings = laid.warnings;
        out.refusal = laid.refusal;
        if (laid.document) {
            page = laid.document->pages.front();
            out.pages = static_cast<int>(laid.document->pages.size());
        }
    }
    if (!page) return out;
    out.dpi = FitDpi(*page, maxW, maxH);
    out.png = RenderPagePng(*page, out.dpi);
    return out;
}

QueueSender CupsSender() {
    return [](const std::string& queue, const std::string& bytes, PrintFormat format, const std::string& title) {
        CupsPrinter().Print(queue, bytes, format, title);
    };
}

DocumentJob DocumentJobOf(const PrintSettings& s, const PharmacyHeader& pharmacy) {
    DocumentJob job;
    job.id = s.identity;
    job.kind = ParseDocumentKindCode(s.Name()).value_or(DocumentKind::Fiche);
    job.pharmacy = pharmacy;
    if (job.kind != DocumentKind::Fiche) {
        job.dispensing = s.content.dispensing;
        job.intakes = s.content.intakes;
        job.notes = s.content.notes;
        job.options.format = s.paper;
    }
    return job;
}

PrintOutcome RunPrint(ports::IStore& store, const ports::IClock& clock, const IMeasurer& measurer,
                      const domain::Operator& op, const PrintSettings& s, const PharmacyHeader& pharmacy,
                      const QueueSender& send) {
    OutputOptions output;  // PDF for files and PDF queues
    Deliver deliver;
    if (s.queue) {
        const QueueFormat format = QueueSettings(store, clock).FormatOf(*s.queue);
        if (auto refusal = RefuseOnQueue(format, s.IsLabel())) {
            PrintOutcome refused;
            refused.refusal = std::move(refusal);
            return refused;
        }
        if (format.IsZpl()) output = OutputOptions{OutputKind::Zpl, format.dpi};  // as vigie-cli print label --zpl
        // The job title shows in print queues: no name, no INS.
        deliver = [send, queue = *s.queue, zpl = format.IsZpl(),
                   title = s.IsLabel() ? "Vigie - étiquette" : "Vigie - document"](const std::string& b) {
            send(queue, b, zpl ? PrintFormat::Zpl : PrintFormat::Pdf, title);
        };
    } else {
        deliver = [path = s.pdfPath](const std::string& b) { WriteOutputFile(path, b); };
    }
    PrintJobs jobs(store, clock, measurer);
    if (s.IsLabel()) {
        LabelRequest request;
        request.id = s.identity;
        request.rules = s.Name();
        request.copies = s.copies;
        request.pharmacyName = pharmacy.name;
        return jobs.Label(op, request, output, deliver);
    }
    const DocumentJob job = DocumentJobOf(s, pharmacy);
    if (auto refusal = CheckDocumentContent(job)) {
        PrintOutcome refused;
        refused.refusal = refusal;
        return refused;
    }
    return jobs.Document(op, job, output, deliver);
}

}  // namespace vigie::presenters
