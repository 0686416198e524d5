// Documents: INS in clear + Datamatrix INS on page 1 of a qualified identity only, the status
// otherwise, pagination with the identity reminder and « Page n/N », wrapping without cuts.
#include <boost/test/unit_test.hpp>

#include "core/domain/Nir.h"
#include "printing/model/DatamatrixPayload.h"
#include "printing/model/DocumentLayout.h"
#include "tests/printing/FakeMeasurer.h"
#include "tests/printing/PageInspect.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::printing;

namespace doc {

const test::FakeMeasurer kMeasurer;
const std::string kMatricule = "180026322012345";  // test::IdentityWith's INS
const std::string kReminder = "DUPONT JEAN — né le 01/02/1980 — sexe M";

DocumentRequest Request(DocumentKind kind, IdentityStatus status, PaperFormat format = PaperFormat::A4) {
    DocumentRequest r;
    r.kind = kind;
    r.identity = test::IdentityWith(status);
    r.pharmacy = {"Pharmacie du Marché", {"12 place du Marché", "63000 Clermont-Ferrand"}};
    r.date = {2026, 11, 22};
    r.options.format = format;
    r.dispensing = {{"DOLIPRANE 1000 mg, comprimé", "2 boîtes", "1 comprimé 3 fois par jour si douleur"}};
    for (int i = 1; i <= 3; ++i) r.intakes.push_back({"Médicament " + std::to_string(i), "1", "", "1", "", ""});
    return r;
}

std::vector<Barcode> Datamatrices(const Page& page) {
    std::vector<Barcode> out;
    for (const Barcode& b : test::Barcodes(page))
        if (b.kind == Barcode::Kind::DatamatrixIns) out.push_back(b);
    return out;
}

// Every run fits its box, inside the margins; every element inside the page margins.
void CheckGeometry(const Document& d, double marginMm) {
    for (const Page& p : d.pages) {
        for (const TextRun& t : test::TextRuns(p)) {
            BOOST_TEST(kMeasurer.TextWidthMm(t.text, t.font) <= t.widthMm + 1e-9, t.text);
            BOOST_TEST(t.xMm >= marginMm - 1e-9);
            BOOST_TEST(t.xMm + t.widthMm <= p.widthMm - marginMm + 1e-9, t.text);
            BOOST_TEST(t.yMm >= marginMm - 1e-9);
            BOOST_TEST(t.yMm + kMeasurer.LineHeightMm(t.font) <= p.heightMm - marginMm + 1e-9, t.text);
        }
        for (const Barcode& b : test::Barcodes(p)) {
            BOOST_TEST(b.xMm + b.widthMm <= p.widthMm - marginMm + 1e-9);
            BOOST_TEST(b.yMm + b.heightMm <= p.heightMm - marginMm + 1e-9);
        }
    }
}

Document Layout(const DocumentRequest& r) {
    const DocumentLayoutResult res = LayoutDocument(r, kMeasurer);
    BOOST_REQUIRE_MESSAGE(res.Ok(), (res.refusal ? res.refusal->message : ""));
    return *res.document;
}

}  // namespace doc

BOOST_AUTO_TEST_SUITE(DocumentLayoutSuite)

BOOST_AUTO_TEST_CASE(AQualifiedIdentityHasTheInsAndItsDatamatrixOnPageOneOnly) {
    for (DocumentKind kind : {DocumentKind::Ordonnance, DocumentKind::PlanDePrise, DocumentKind::Fiche}) {
        BOOST_TEST_CONTEXT(DocumentKindCode(kind)) {
            DocumentRequest r = doc::Request(kind, IdentityStatus::Qualifiee);
            r.notes.assign(120, "Une remarque assez longue pour remplir plusieurs pages de ce document.");
            const Document d = doc::Layout(r);
            BOOST_REQUIRE_GE(d.pages.size(), 2u);
            const Page& first = d.pages[0];
            BOOST_TEST(test::PageContains(first, "INS : " + doc::kMatricule + " (NIR)"));
            BOOST_TEST(test::PageContains(first, "Identité qualifiée"));
            BOOST_TEST(test::PageContains(first, "INS à scanner"));
            const auto codes = doc::Datamatrices(first);
            BOOST_REQUIRE_EQUAL(codes.size(), 1u);
            BOOST_TEST(codes[0].data == BuildDatamatrixInsPayload(r.identity).payload);
            BOOST_TEST(codes[0].moduleMm == 0.45);
            const int modules = doc::kMeasurer.DatamatrixModules(codes[0].data);
            BOOST_TEST(codes[0].widthMm == (modules + 2) * 0.45, boost::test_tools::tolerance(1e-9));
            BOOST_TEST(codes[0].heightMm == codes[0].widthMm);
            for (std::size_t p = 1; p < d.pages.size(); ++p) {
                BOOST_TEST(doc::Datamatrices(d.pages[p]).empty());
                BOOST_TEST(!test::AnyElementContains(d.pages[p], doc::kMatricule));
                BOOST_TEST(!test::PageContains(d.pages[p], "INS à scanner"));
            }
            doc::CheckGeometry(d, 15);
        }
    }
}

BOOST_AUTO_TEST_CASE(NiaNatureAndConfigurableModuleSize) {
    DocumentRequest r = doc::Request(DocumentKind::Fiche, IdentityStatus::Qualifiee, PaperFormat::A5);
    r.identity.ins->active.oid = std::string(kOidInsNia);
    r.options.datamatrixModuleMm = 0.5;
    const Document d = doc::Layout(r);
    BOOST_TEST(test::PageContains(d.pages[0], "INS : " + doc::kMatricule + " (NIA)"));
    const auto codes = doc::Datamatrices(d.pages[0]);
    BOOST_REQUIRE_EQUAL(codes.size(), 1u);
    BOOST_TEST(codes[0].data.size() > 100u);  // 44 modules with the fake measurer
    BOOST_TEST(codes[0].widthMm == (44 + 2) * 0.5, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(d.pages[0].widthMm == 148);
    BOOST_TEST(d.pages[0].heightMm == 210);
    doc::CheckGeometry(d, 10);

    r.identity.ins->active.oid = std::string(kOidInsNirTest);
    const DocumentLayoutResult test = LayoutDocument(r, doc::kMeasurer);
    BOOST_REQUIRE(test.Ok());
    BOOST_TEST(test::PageContains(test.document->pages[0], "(NIR) — INS de test"));
    BOOST_TEST(test.warnings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(AnyOtherStatusShowsTheStatusAndNeverTheIns) {
    const std::pair<IdentityStatus, const char*> cases[] = {{IdentityStatus::Provisoire, "Identité provisoire"},
                                                            {IdentityStatus::Recuperee, "Identité récupérée"},
                                                            {IdentityStatus::Validee, "Identité validée"}};
    for (const auto& [status, label] : cases) {
        for (DocumentKind kind : {DocumentKind::Ordonnance, DocumentKind::PlanDePrise, DocumentKind::Fiche}) {
            BOOST_TEST_CONTEXT(label << " / " << DocumentKindCode(kind)) {
                DocumentRequest r = doc::Request(kind, status);
                // A RECUP identity holds an INS (from INSi): it must still not be shown.
                r.identity.ins = InsData{{doc::kMatricule, std::string(kOidInsNir), "", ""}, {}, ""};
                const Document d = doc::Layout(r);
                BOOST_TEST(test::PageContains(d.pages[0], label));
                for (const Page& p : d.pages) {
                    BOOST_TEST(doc::Datamatrices(p).empty());
                    BOOST_TEST(!test::AnyElementContains(p, doc::kMatricule));
                    BOOST_TEST(!test::AnyElementContains(p, "INS :"));
                    BOOST_TEST(!test::AnyElementContains(p, "INS à scanner"));
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(ALongPlanDePrisePaginatesWithTheReminderOnEveryPage) {
    for (PaperFormat format : {PaperFormat::A4, PaperFormat::A5}) {
        DocumentRequest r = doc::Request(DocumentKind::PlanDePrise, IdentityStatus::Qualifiee, format);
        r.intakes.clear();
        for (int i = 1; i <= 150; ++i)
            r.intakes.push_back({"MÉDICAMENT " + std::to_string(i), "1", "½", "1", "", "pendant le repas"});
        const Document d = doc::Layout(r);
        const std::size_t n = d.pages.size();
        BOOST_TEST_CONTEXT(PaperFormatCode(format) << ", " << n << " pages") {
            BOOST_REQUIRE_GE(n, 3u);
            std::string all;
            for (std::size_t p = 0; p < n; ++p) {
                const Page& page = d.pages[p];
                BOOST_TEST(test::PageContains(page, doc::kReminder), p);
                BOOST_TEST(test::PageContains(page, "Page " + std::to_string(p + 1) + "/" + std::to_string(n)), p);
                BOOST_TEST(test::PageContains(page, "Médicament\nMatin\nMidi\nSoir\nCoucher\nRemarques\n"), p);  // header row
                all += test::AllText(page);
            }
            for (int i = 1; i <= 150; ++i)  // every row printed, once
                BOOST_TEST(all.find("MÉDICAMENT " + std::to_string(i) + "\n") != std::string::npos, i);
            doc::CheckGeometry(d, format == PaperFormat::A4 ? 15 : 10);
        }
    }
}

BOOST_AUTO_TEST_CASE(LongLinesWrapAndAreNeverCut) {
    DocumentRequest r = doc::Request(DocumentKind::Ordonnance, IdentityStatus::Validee, PaperFormat::A5);
    const std::string unbreakable(150, 'Z');
    std::string posology;
    for (int i = 0; i < 400; ++i) posology += "mot" + std::to_string(i) + " ";
    posology += unbreakable;
    r.dispensing = {{"AMOXICILLINE/ACIDE CLAVULANIQUE BIOGARAN 1 g/125 mg ADULTES, poudre pour suspension buvable en sachet-dose",
                     "3 boîtes", posology}};
    r.identity.traits.birthName = "DE LA TOUR-D'AUVERGNE-LAURAGAIS SAINT-JEAN-DE-MONTMIRAIL DU BOIS-CHAMPLAIN";
    const Document d = doc::Layout(r);
    BOOST_TEST(d.pages.size() >= 2u);  // one row taller than a page is split between lines
    // The posology column, read down every page, gives back every character in order.
    double posologyX = -1;
    std::string joined, column;
    for (const Page& p : d.pages)
        for (const TextRun& t : test::TextRuns(p)) {
            joined += t.text;
            if (t.text == "Posologie") posologyX = t.xMm;
            else if (t.xMm == posologyX) column += t.text;
        }
    BOOST_TEST(test::WithoutSpaces(column) == test::WithoutSpaces(posology));
    BOOST_TEST(test::WithoutSpaces(joined).find("AMOXICILLINE/ACIDECLAVULANIQUE") != std::string::npos);
    BOOST_TEST(test::WithoutSpaces(joined).find(test::WithoutSpaces("Nom de naissance : " + r.identity.traits.birthName)) !=
               std::string::npos);
    doc::CheckGeometry(d, 10);
}

BOOST_AUTO_TEST_CASE(TheFicheShowsTraitsStatusAttributesAndTheDocumentCheck) {
    DocumentRequest r = doc::Request(DocumentKind::Fiche, IdentityStatus::Validee);
    r.identity.usedName = "MARTIN";
    r.identity.attributes.homonyme = true;
    r.identity.createdAt = "2026-01-02T08:00:00.000Z";
    const Document d = doc::Layout(r);
    const Page& p = d.pages[0];
    for (const char* expected : {"Nom de naissance : DUPONT", "Prénom(s) de naissance : JEAN PIERRE",
                                 "Premier prénom de naissance : JEAN", "Date de naissance : 01/02/1980", "Sexe : M",
                                 "Code du lieu de naissance : 63220", "Nom utilisé : MARTIN", "Identité validée",
                                 "Attributs : homonyme", "Document vérifié : Passeport",
                                 "Vérifié le 01/01/2026 par alice", "Identifiant local (IPP) : 42",
                                 "Identité créée le 02/01/2026", "Pharmacie du Marché", "Le 22/11/2026",
                                 "Fiche d'identité du patient", doc::kReminder.c_str(), "Page 1/1"})
        BOOST_TEST(test::PageContains(p, expected), expected);
}

BOOST_AUTO_TEST_CASE(TheMetadataTitleNamesNoOne) {
    const Document d = doc::Layout(doc::Request(DocumentKind::PlanDePrise, IdentityStatus::Qualifiee));
    BOOST_TEST(d.title == "Vigie — Plan de prise du 22/11/2026");
    BOOST_TEST(d.title.find("DUPONT") == std::string::npos);
    BOOST_TEST(d.title.find(doc::kMatricule) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(RefusedRequests) {
    DocumentRequest r = doc::Request(DocumentKind::Ordonnance, IdentityStatus::Qualifiee);
    r.dispensing.clear();
    DocumentLayoutResult res = LayoutDocument(r, doc::kMeasurer);
    BOOST_REQUIRE(!res.Ok());
    BOOST_TEST(res.refusal->code == "document.request");
    BOOST_TEST(res.refusal->message == "Ordonnance sans ligne de délivrance.");

    r = doc::Request(DocumentKind::PlanDePrise, IdentityStatus::Qualifiee);
    r.options.datamatrixModuleMm = 0.1;
    res = LayoutDocument(r, doc::kMeasurer);
    BOOST_REQUIRE(!res.Ok());
    BOOST_TEST(res.refusal->message == "Taille de module du Datamatrix hors limites : 0,1 mm (de 0,25 à 1 mm).");

    // A qualified identity whose payload cannot be built: no INS printed without its code.
    r = doc::Request(DocumentKind::Fiche, IdentityStatus::Qualifiee);
    r.identity.traits.birthName = "Dupont";
    res = LayoutDocument(r, doc::kMeasurer);
    BOOST_REQUIRE(!res.Ok());
    BOOST_TEST(res.refusal->code == "document.datamatrix");
}

BOOST_AUTO_TEST_CASE(KindAndFormatCodes) {
    for (DocumentKind k : {DocumentKind::Ordonnance, DocumentKind::PlanDePrise, DocumentKind::Fiche})
        BOOST_TEST((ParseDocumentKindCode(DocumentKindCode(k)) == k));
    BOOST_TEST(DocumentKindCode(DocumentKind::PlanDePrise) == "plan-de-prise");
    BOOST_TEST(!ParseDocumentKindCode("pilulier").has_value());
    BOOST_TEST((ParsePaperFormatCode("A5") == PaperFormat::A5));
    BOOST_TEST(!ParsePaperFormatCode("Letter").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
