// Printing benchmark: what the counter feels when it prints. Figures only: a missed target is
// reported, never an error; the exit code is non-zero only when something really failed.
//   - Datamatrix INS: payload + C40 encoding + rendering, as a PNG in memory and as a PDF
//     (target ≤ 2 ms per symbol);
//   - labels 89 × 36 mm (6 text runs + a Code 128) to PDF, many pages in one PDF and one PDF per
//     label (target ≥ 200 labels/s), and to ZPL for reference;
//   - a 2-page A4 document with the Datamatrix on page 1 (target ≤ 50 ms).
//
//   vigie_bench_printing [--symbols N] [--labels N] [--documents N]

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "core/domain/Nir.h"
#include "printing/model/DatamatrixPayload.h"
#include "printing/render/DatamatrixFile.h"
#include "printing/render/PangoMeasurer.h"
#include "printing/render/PdfRenderer.h"
#include "printing/render/RasterRenderer.h"
#include "printing/render/ZplRenderer.h"
#include "printing/symbol/DatamatrixSymbol.h"
#include "tests/support/Builders.h"

namespace {

using namespace vigie;
using namespace vigie::printing;
using SteadyClock = std::chrono::steady_clock;

const std::vector<std::string> kNames = {"MARTIN", "BERNARD", "DUPONT-MOREL", "D'ARTAGNAN", "LE GALL", "NGUYEN",
                                         "SAINT-MARTIN", "DA SILVA", "LEFEBVRE-DUVAL", "FONTAINE"};
const std::vector<std::string> kFirstNames = {"JEAN PIERRE", "MARIE", "ELODIE", "PAUL-HENRI", "ANNE-MARIE",
                                              "LOUIS", "CLAIRE", "JEAN-LUC MARC", "INES", "THEO"};

double Ms(SteadyClock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// CPU time of this thread: on a shared machine, wall-clock percentiles include time spent
// waiting for a core; CPU time shows what the work itself costs.
double ThreadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Stats { double p50 = 0, p95 = 0, max = 0, mean = 0, cpuP50 = 0, cpuP95 = 0; };
Stats Summarize(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto rank = [&](double q) {
        const auto i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
        return v[std::min(v.size() - 1, i == 0 ? 0 : i - 1)];
    };
    Stats s{rank(0.50), rank(0.95), v.back(), 0};
    for (double x : v) s.mean += x / static_cast<double>(v.size());
    return s;
}

std::string Fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

void Report(const std::string& label, const Stats& s, const std::string& extra = "") {
    std::cout << label << ": p50 " << Fixed(s.p50, 3) << " ms, p95 " << Fixed(s.p95, 3) << " ms, max "
              << Fixed(s.max, 3) << " ms, mean " << Fixed(s.mean, 3) << " ms (CPU p50 " << Fixed(s.cpuP50, 3)
              << " ms, p95 " << Fixed(s.cpuP95, 3) << " ms)" << (extra.empty() ? "" : "; " + extra) << "\n";
}

void Target(const char* name, double value, const char* unit, bool atLeast, double limit) {
    const bool ok = atLeast ? value >= limit : value <= limit;
    std::cout << "target " << name << ": " << Fixed(value, atLeast ? 0 : 3) << " " << unit << " (target "
              << (atLeast ? ">= " : "<= ") << Fixed(limit, 0) << ") " << (ok ? "OK" : "MISSED") << "\n";
}

template <typename F>
Stats Time(int n, F&& f) {
    std::vector<double> ms, cpu;
    ms.reserve(static_cast<std::size_t>(n));
    cpu.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double c0 = ThreadCpuMs();
        const auto t0 = SteadyClock::now();
        f(i);
        ms.push_back(Ms(SteadyClock::now() - t0));
        cpu.push_back(ThreadCpuMs() - c0);
    }
    Stats s = Summarize(std::move(ms));
    const Stats c = Summarize(std::move(cpu));
    s.cpuP50 = c.p50;
    s.cpuP95 = c.p95;
    return s;
}

domain::Identity Qualified(int i) {
    const auto sex = i % 2 ? domain::Sex::Male : domain::Sex::Female;
    domain::Identity id = test::IdentityWith(
        domain::IdentityStatus::Qualifiee,
        test::Traits(kNames[static_cast<std::size_t>(i) % kNames.size()],
                     kFirstNames[static_cast<std::size_t>(i / 3) % kFirstNames.size()],
                     {1940 + i % 70, 1 + i % 12, 1 + i % 28}, sex, "75056"));
    id.ins->active = {"260095652012481", std::string(domain::kOidInsNir), "", ""};
    return id;
}

TextRun Run(double x, double y, double w, std::string text, double pt, bool bold = false, Align align = Align::Left) {
    TextRun t;
    t.xMm = x;
    t.yMm = y;
    t.widthMm = w;
    t.text = std::move(text);
    t.font.sizePt = pt;
    t.font.bold = bold;
    t.align = align;
    return t;
}

// A typical counter label: the strict traits, the used name, the pharmacy line, the IPP as text
// and as a Code 128 (what printing/model's label layout produces).
Page Label(const IMeasurer& m, int i) {
    const std::string name = kNames[static_cast<std::size_t>(i) % kNames.size()];
    const std::string first = kFirstNames[static_cast<std::size_t>(i / 3) % kFirstNames.size()];
    const std::string ipp = std::to_string(100000 + i);
    Page p;
    p.widthMm = 89;
    p.heightMm = 36;
    p.elements.push_back(Run(2, 1.5, 85, name, 12, true));
    p.elements.push_back(Run(2, 7, 85, "Prénom : " + first.substr(0, first.find(' ')), 10));
    p.elements.push_back(Run(2, 11.5, 85, "Né(e) le 0" + std::to_string(1 + i % 9) + "/02/1980 — Sexe : F", 9));
    p.elements.push_back(Run(2, 15.5, 85, "Nom utilisé : " + name, 8));
    p.elements.push_back(Run(2, 31, 50, "Pharmacie du Centre — 12/03/2026", 7));
    Barcode code;
    code.kind = Barcode::Kind::Code128;
    code.data = ipp;
    code.moduleMm = 0.3;
    code.widthMm = m.Code128Modules(ipp) * code.moduleMm;
    code.heightMm = 8;
    code.xMm = 87 - code.widthMm;
    code.yMm = 20;
    p.elements.push_back(code);
    p.elements.push_back(Run(code.xMm, 28.5, code.widthMm, ipp, 7, false, Align::Center));
    return p;
}

Document A4Document(const IMeasurer& m, int i) {
    const std::string payload = BuildDatamatrixInsPayload(Qualified(i)).payload;
    Page first;
    first.elements.push_back(Run(20, 15, 120, "Plan de prise — Pharmacie du Centre", 16, true));
    first.elements.push_back(Run(20, 25, 120, "NOM DE NAISSANCE : " + kNames[static_cast<std::size_t>(i) % kNames.size()], 11));
    first.elements.push_back(Run(20, 31, 120, "Prénoms : JEAN PIERRE", 11));
    first.elements.push_back(Run(20, 37, 120, "Né(e) le 01/02/1980 — Sexe : M — Lieu : 75056", 11));
    first.elements.push_back(Run(20, 43, 120, "INS : 260095652012481 (NIR)", 11));
    Barcode dm;
    dm.kind = Barcode::Kind::DatamatrixIns;
    dm.data = payload;
    dm.moduleMm = 0.45;
    dm.widthMm = dm.heightMm = (m.DatamatrixModules(payload) + 4) * dm.moduleMm;
    dm.xMm = 190 - dm.widthMm;
    dm.yMm = 15;
    first.elements.push_back(dm);
    first.elements.push_back(Run(dm.xMm, dm.yMm + dm.heightMm, dm.widthMm, "INS à scanner", 8, false, Align::Center));
    Page second;
    for (Page* page : {&first, &second}) {
        const double top = page == &first ? 60 : 20;
        for (int row = 0; row < 24; ++row) {
            const double y = top + row * 8;
            RuleLine rule;
            rule.x1Mm = 20;
            rule.x2Mm = 190;
            rule.y1Mm = rule.y2Mm = y + 7;
            rule.strokeMm = 0.1;
            page->elements.push_back(rule);
            page->elements.push_back(Run(20, y + 1, 80, "Paracétamol 1 g, comprimé n° " + std::to_string(row + 1), 9));
            page->elements.push_back(Run(105, y + 1, 40, "1 matin, 1 soir", 9));
            page->elements.push_back(Run(150, y + 1, 40, "7 jours", 9, false, Align::Right));
        }
    }
    return Document{"Plan de prise", {first, second}};
}

int Run(int symbols, int labels, int documents) {
    double load[3] = {0, 0, 0};
    const bool hasLoad = getloadavg(load, 3) == 3;
    std::cout << "vigie printing benchmark: " << symbols << " symbols, " << labels << " labels, " << documents
              << " documents" << (hasLoad ? "; load average " + Fixed(load[0], 2) + " " + Fixed(load[1], 2) + " " +
                                                Fixed(load[2], 2)
                                          : std::string()) << "\n";
    std::size_t sink = 0;  // keeps the outputs alive for the optimiser
    {  // the first print after start-up pays for fontconfig and the font files
        const auto t = SteadyClock::now();
        sink += RenderPdf(Document{"x", {Page{89, 36, {Run(2, 2, 80, "Premier tirage", 10)}}}}).size();
        std::cout << "first label PDF after start-up (fontconfig, fonts): " << Fixed(Ms(SteadyClock::now() - t), 1)
                  << " ms\n";
    }
    PangoMeasurer measurer;

    // --- Datamatrix INS
    std::vector<domain::Identity> ids;
    for (int i = 0; i < symbols; ++i) ids.push_back(Qualified(i));
    const Stats encode = Time(symbols, [&](int i) {
        sink += EncodeDatamatrixC40(BuildDatamatrixInsPayload(ids[static_cast<std::size_t>(i)]).payload).size;
    });
    Report("datamatrix payload+encode", encode);
    const Stats png = Time(symbols, [&](int i) {
        const std::string payload = BuildDatamatrixInsPayload(ids[static_cast<std::size_t>(i)]).payload;
        sink += RenderPagePng(BuildDatamatrixPage(payload, 0.5), 300).size();
    });
    Report("datamatrix payload+encode+PNG 300 dpi in memory", png);
    const Stats pdf = Time(symbols, [&](int i) {
        const std::string payload = BuildDatamatrixInsPayload(ids[static_cast<std::size_t>(i)]).payload;
        sink += RenderPdf(Document{"Datamatrix INS", {BuildDatamatrixPage(payload, 0.5)}}).size();
    });
    Report("datamatrix payload+encode+PDF in memory", pdf);

    // --- Labels
    std::vector<Page> pages;
    const auto t0 = SteadyClock::now();
    for (int i = 0; i < labels; ++i) pages.push_back(Label(measurer, i));
    std::cout << "labels built (Code 128 measured): " << Fixed(Ms(SteadyClock::now() - t0), 1) << " ms\n";
    const Stats single = Time(labels, [&](int i) { sink += RenderPdf(Document{"Étiquette", {pages[static_cast<std::size_t>(i)]}}).size(); });
    const double singleRate = 1000.0 / single.mean;
    Report("label -> one PDF each", single, Fixed(singleRate, 0) + " labels/s");
    const double c1 = ThreadCpuMs();
    const auto t1 = SteadyClock::now();
    const std::vector<std::uint8_t> batch = RenderPdf(Document{"Étiquettes", pages});
    const double batchMs = Ms(SteadyClock::now() - t1);
    const double batchRate = labels / (batchMs / 1000.0);
    std::cout << "labels -> one PDF of " << labels << " pages: " << Fixed(batchMs, 1) << " ms (CPU "
              << Fixed(ThreadCpuMs() - c1, 1) << " ms), " << Fixed(batchRate, 0) << " labels/s, "
              << batch.size() / 1024 << " KiB\n";
    const Stats zpl = Time(std::min(labels, 300), [&](int i) { sink += RenderZpl(pages[static_cast<std::size_t>(i)], 300).size(); });
    Report("label -> ZPL 300 dpi", zpl, Fixed(1000.0 / zpl.mean, 0) + " labels/s");
    const Stats measure = Time(labels, [&](int i) {
        sink += static_cast<std::size_t>(measurer.TextWidthMm(kNames[static_cast<std::size_t>(i) % kNames.size()], FontSpec{}));
    });
    Report("PangoMeasurer::TextWidthMm", measure);

    // --- Documents
    std::vector<Document> docs;
    for (int i = 0; i < documents; ++i) docs.push_back(A4Document(measurer, i));
    const Stats doc = Time(documents, [&](int i) { sink += RenderPdf(docs[static_cast<std::size_t>(i)]).size(); });
    Report("2-page A4 document with Datamatrix -> PDF", doc);

    Target("datamatrix_png_p95", png.p95, "ms", false, 2);
    Target("datamatrix_pdf_p95", pdf.p95, "ms", false, 2);
    Target("datamatrix_png_cpu_p95", png.cpuP95, "ms CPU", false, 2);
    Target("datamatrix_pdf_cpu_p95", pdf.cpuP95, "ms CPU", false, 2);
    Target("labels_one_pdf_rate", batchRate, "labels/s", true, 200);
    Target("labels_separate_pdf_rate", singleRate, "labels/s", true, 200);
    Target("a4_document_p95", doc.p95, "ms", false, 50);
    return sink > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    int symbols = 500, labels = 1000, documents = 50;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const int value = std::atoi(argv[i + 1]);
        if (value <= 0) return std::cerr << "bad value for " << arg << "\n", 2;
        if (arg == "--symbols") symbols = value;
        else if (arg == "--labels") labels = value;
        else if (arg == "--documents") documents = value;
        else return std::cerr << "usage: vigie_bench_printing [--symbols N] [--labels N] [--documents N]\n", 2;
    }
    if (argc % 2 == 0) return std::cerr << "usage: vigie_bench_printing [--symbols N] [--labels N] [--documents N]\n", 2;
    try {
        return Run(symbols, labels, documents);
    } catch (const std::exception& e) {
        std::cerr << "benchmark failed: " << e.what() << "\n";
        return 1;
    }
}
