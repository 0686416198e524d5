// Page 1 of every document: the pharmacy header, the title and the identity block. This is the
// one place where the matricule INS may enter a printed page, and only for a qualified identity.
#include <algorithm>

#include "core/domain/Nir.h"
#include "core/domain/Status.h"
#include "printing/model/DatamatrixPayload.h"
#include "printing/model/DocumentContent.h"
#include "printing/model/TextFit.h"

namespace vigie::printing {

using domain::Identity;
using domain::IdentityStatus;

namespace {

constexpr double kPadMm = 2.0;         // inside the identity frame
constexpr double kColumnGapMm = 4.0;   // between the traits and the Datamatrix
constexpr double kSectionGapMm = 3.0;  // after the header, the title and the block
constexpr std::string_view kScanMention = "INS à scanner";

struct Line {
    std::string text;
    bool bold = false;
};

std::vector<std::string> Wrap(std::string_view text, double width, const FontSpec& font, const IMeasurer& m) {
    return *WrapText(text, width, font, m, /*breakLongWords=*/true);
}

std::string AttributesText(const domain::Attributes& a) {
    std::string s;
    auto add = [&](bool on, const char* name) { if (on) s += (s.empty() ? "" : ", ") + std::string(name); };
    add(a.homonyme, "homonyme");
    add(a.douteuse, "douteuse");
    add(a.fictive, "fictive");
    return s;
}

std::vector<Line> TraitLines(const Identity& id) {
    const domain::StrictTraits& t = id.traits;
    const bool placeKnown = !t.birthPlace.empty() && t.birthPlace != "99999";
    std::vector<Line> lines{
        {"Nom de naissance : " + t.birthName, true},
        {"Prénom(s) de naissance : " + t.birthFirstNames, false},
        {"Premier prénom de naissance : " + t.firstBirthFirstName, false},
        {"Date de naissance : " + t.birthDate.ToFrench() + (t.birthDateCompleted ? " (date complétée)" : ""), false},
        {std::string("Sexe : ") + domain::SexCode(t.sex), false},
        {"Code du lieu de naissance : " + (placeKnown ? t.birthPlace : std::string("inconnu")), false},
    };
    if (!id.usedName.empty()) lines.push_back({"Nom utilisé : " + id.usedName, false});
    if (!id.usedFirstName.empty()) lines.push_back({"Prénom utilisé : " + id.usedFirstName, false});
    lines.push_back({std::string(domain::StatusLabel(id.status)), true});
    if (const std::string a = AttributesText(id.attributes); !a.empty()) lines.push_back({"Attributs : " + a, false});
    return lines;
}

}  // namespace

void FlowHeader(PageFlow& flow, const DocumentRequest& r, const DocumentStyle& s, const IMeasurer& m) {
    const FontSpec body = s.Font(s.bodyPt);
    const std::string date = "Le " + r.date.ToFrench();
    const double dateWidth = m.TextWidthMm(date, body);
    const double top = flow.Y();
    flow.Add(TextRun{flow.Left() + flow.Width() - dateWidth, top, dateWidth, date, body, Align::Right});
    const double leftWidth = flow.Width() - dateWidth - kColumnGapMm;
    const FontSpec name = s.Font(s.bodyPt + 1, true);
    for (const std::string& line : r.pharmacy.name.empty() ? std::vector<std::string>{} : Wrap(r.pharmacy.name, leftWidth, name, m)) {
        flow.Add(TextRun{flow.Left(), flow.Y(), leftWidth, line, name, Align::Left});
        flow.Advance(m.LineHeightMm(name));
    }
    const FontSpec small = s.Font(s.smallPt);
    for (const std::string& address : r.pharmacy.addressLines)
        for (const std::string& line : Wrap(address, leftWidth, small, m)) {
            flow.Add(TextRun{flow.Left(), flow.Y(), leftWidth, line, small, Align::Left});
            flow.Advance(m.LineHeightMm(small));
        }
    flow.Advance(std::max(0.0, top + m.LineHeightMm(body) - flow.Y()) + kSectionGapMm);
    const FontSpec title = s.Font(s.titlePt, true);
    for (const std::string& line : Wrap(DocumentTitle(r.kind), flow.Width(), title, m)) {
        flow.Add(TextRun{flow.Left(), flow.Y(), flow.Width(), line, title, Align::Left});
        flow.Advance(m.LineHeightMm(title));
    }
    flow.Advance(kSectionGapMm);
}

std::optional<domain::Refusal> FlowIdentityBlock(PageFlow& flow, const DocumentRequest& r, const DocumentStyle& s,
                                                 const IMeasurer& m, std::vector<std::string>& warnings) {
    const Identity& id = r.identity;
    std::vector<Line> lines = TraitLines(id);

    // EXI SI 08: the matricule and its code only for a qualified identity.
    const bool qualified = id.status == IdentityStatus::Qualifiee;
    std::optional<Barcode> code;
    double columnWidth = 0;
    const FontSpec small = s.Font(s.smallPt);
    if (qualified) {
        const PayloadResult payload = BuildDatamatrixInsPayload(id);
        if (!payload.Ok())
            return domain::Refusal{"document.datamatrix", "Document impossible : " + payload.refusal->message};
        const domain::InsNumber& ins = id.ins->active;
        std::string insLine = "INS : " + ins.matricule + " (" + std::string(domain::OidNature(ins.oid)) + ")";
        if (domain::IsTestOrDemoOid(ins.oid)) {
            insLine += " — INS de test, sans valeur réelle";
            warnings.push_back("INS avec un OID de test ou de démonstration : document sans valeur réelle.");
        }
        lines.push_back({insLine, true});
        Barcode b;
        b.kind = Barcode::Kind::DatamatrixIns;
        b.data = payload.payload;
        b.moduleMm = r.options.datamatrixModuleMm;
        b.widthMm = b.heightMm = (m.DatamatrixModules(b.data) + 2) * b.moduleMm;  // 1-module quiet zone each side
        columnWidth = std::max(b.widthMm, m.TextWidthMm(kScanMention, small));
        code = std::move(b);
    }

    const double textWidth = flow.Width() - 2 * kPadMm - (code ? columnWidth + kColumnGapMm : 0);
    std::vector<TextRun> runs;
    double textHeight = 0;
    for (const Line& line : lines) {
        const FontSpec font = s.Font(s.bodyPt, line.bold);
        for (const std::string& piece : Wrap(line.text, textWidth, font, m)) {
            runs.push_back(TextRun{flow.Left() + kPadMm, flow.Y() + kPadMm + textHeight, textWidth, piece, font, Align::Left});
            textHeight += m.LineHeightMm(font);
        }
    }
    const double codeHeight = code ? code->heightMm + m.LineHeightMm(small) : 0;
    const double blockHeight = std::max(textHeight, codeHeight) + 2 * kPadMm;
    if (blockHeight > flow.Remaining())
        return domain::Refusal{"document.overflow", "Le bloc d'identité ne tient pas sur la première page : choisir "
                                                    "le format A4 ou raccourcir l'en-tête de la pharmacie."};

    flow.Add(Box{flow.Left(), flow.Y(), flow.Width(), blockHeight, 0.3, 1.0});
    for (TextRun& run : runs) flow.Add(std::move(run));
    if (code) {
        const double columnX = flow.Left() + flow.Width() - kPadMm - columnWidth;
        code->xMm = columnX + (columnWidth - code->widthMm) / 2;
        code->yMm = flow.Y() + kPadMm;
        flow.Add(TextRun{columnX, code->yMm + code->heightMm, columnWidth, std::string(kScanMention), small, Align::Center});
        flow.Add(std::move(*code));
    }
    flow.Advance(blockHeight + kSectionGapMm);
    return std::nullopt;
}

}  // namespace vigie::printing
