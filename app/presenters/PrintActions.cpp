#include "app/presenters/PrintActions.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/domain/Errors.h"
#include "core/usecases/PatientService.h"
#include "printing/cups/CupsPrinter.h"
#include "printing/model/LabelLayout.h"
#include "printing/render/RasterRenderer.h"
#include "printing/service/OutputFile.h"
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

DocumentRequest FicheRequest(const domain::Identity& identity, const PharmacyHeader& pharmacy, domain::Date today) {
    DocumentRequest r;
    r.kind = DocumentKind::Fiche;
    r.identity = identity;
    r.pharmacy = pharmacy;
    r.date = today;
    return r;
}

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
        auto laid = LayoutDocument(FicheRequest(identity, pharmacy, clock.Today()), measurer);
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

PrintOutcome RunPrint(ports::IStore& store, const ports::IClock& clock, const IMeasurer& measurer,
                      const domain::Operator& op, const PrintSettings& s, const PharmacyHeader& pharmacy) {
    OutputOptions output;  // PDF for files and queues alike (ZPL queues come with the owner's settings)
    Deliver deliver;
    if (s.queue) {
        // The job title shows in print queues: no name, no INS.
        deliver = [queue = *s.queue, title = s.IsLabel() ? "Vigie - étiquette" : "Vigie - document"](const std::string& b) {
            CupsPrinter().Print(queue, b, PrintFormat::Pdf, title);
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
    DocumentJob job;
    job.id = s.identity;
    job.kind = ParseDocumentKindCode(s.Name()).value_or(DocumentKind::Fiche);
    job.pharmacy = pharmacy;
    return jobs.Document(op, job, output, deliver);
}

}  // namespace vigie::presenters
