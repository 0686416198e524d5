#include "app/cli/IdentityPrinter.h"

#include <iomanip>
#include <ostream>

#include "core/domain/DocumentTypes.h"
#include "core/domain/Nir.h"
#include "core/domain/Status.h"
#include "core/usecases/IdentityJson.h"

namespace vigie::cli {

using namespace vigie::domain;

namespace {
void Line(std::ostream& out, const char* label, const std::string& value) {
    if (value.empty()) return;
    out << "  " << label << " : " << value << '\n';
}

std::string DocumentLabel(const std::string& code) {
    const DocumentType* t = FindDocumentType(code);
    return t ? std::string(t->label) : code;
}
}  // namespace

void PrintIdentityText(std::ostream& out, const Identity& id) {
    const auto& t = id.traits;
    out << "Identité n° " << id.id << " — " << StatusLabel(id.status) << " (" << StatusCode(id.status) << ")\n";
    Line(out, "Nom de naissance           ", t.birthName);
    Line(out, "Prénom(s) de naissance     ", t.birthFirstNames);
    Line(out, "Premier prénom de naissance", t.firstBirthFirstName);
    Line(out, "Date de naissance          ", t.birthDate.ToFrench() + (t.birthDateCompleted ? " (complétée)" : ""));
    Line(out, "Sexe                       ", std::string(1, SexCode(t.sex)));
    Line(out, "Lieu de naissance          ", t.birthPlace.empty() ? "inconnu" : t.birthPlace);
    Line(out, "Nom utilisé                ", id.usedName);
    Line(out, "Prénom utilisé             ", id.usedFirstName);
    std::string attrs;
    auto add = [&](bool on, const char* name) {
        if (on) attrs += (attrs.empty() ? "" : ", ") + std::string(name);
    };
    add(id.attributes.homonyme, "homonyme");
    add(id.attributes.douteuse, "douteuse");
    add(id.attributes.fictive, "fictive");
    Line(out, "Attributs                  ", attrs);
    if (id.ins) {
        if (auto shown = ShowableIns(id)) {
            std::string ins = *shown;
            if (IsTestOrDemoOid(id.ins->active.oid)) ins += " [OID DE TEST]";
            Line(out, "INS                        ", ins);
        } else {
            Line(out, "INS                        ", "récupéré, non affiché tant que l'identité n'est pas qualifiée");
        }
    }
    if (id.documentCheck)
        Line(out, "Pièce vérifiée             ",
             DocumentLabel(id.documentCheck->documentType) + ", le " + id.documentCheck->checkedAt.substr(0, 10) +
                 " par " + id.documentCheck->operatorName);
}

void PrintPatientFileText(std::ostream& out, const usecases::PatientFile& f) {
    PrintIdentityText(out, f.identity);
    if (!f.billing.empty()) {
        out << "  Identités de facturation (carte Vitale, usage facturation uniquement) :\n";
        for (const auto& b : f.billing)
            out << "    - " << b.lastName << ' ' << b.firstName << ", né(e) " << b.rawBirthDate << ", rang "
                << b.birthRank << '\n';
    }
}

void PrintSummaryLine(std::ostream& out, const Identity& id) {
    out << std::setw(8) << id.id << "  " << std::left << std::setw(6) << StatusCode(id.status) << std::right << "  "
        << id.traits.birthName << ' ' << id.traits.birthFirstNames << "  " << id.traits.birthDate.ToFrench() << "  "
        << SexCode(id.traits.sex);
    if (!id.usedName.empty()) out << "  (nom utilisé : " << id.usedName << ')';
    out << '\n';
}

void PrintDuplicatesText(std::ostream& out, const std::vector<DuplicateCandidate>& candidates) {
    out << "Doublons potentiels :\n";
    for (const auto& c : candidates) {
        PrintSummaryLine(out, c.identity);
        out << "          motifs : ";
        for (std::size_t i = 0; i < c.reasons.size(); ++i) out << (i ? ", " : "") << c.reasons[i];
        out << '\n';
    }
}

void WriteDuplicates(util::JsonWriter& w, const std::vector<DuplicateCandidate>& candidates) {
    w.BeginArray();
    for (const auto& c : candidates) {
        w.BeginObject().Field("score", c.score).Key("reasons").BeginArray();
        for (const auto& r : c.reasons) w.String(r);
        w.EndArray().Key("identity");
        usecases::WriteIdentity(w, c.identity, usecases::InsVisibility::IfQualified);
        w.EndObject();
    }
    w.EndArray();
}

std::string CommandResultJson(const usecases::CommandResult& r) {
    util::JsonWriter w;
    w.BeginObject().Field("ok", r.Ok());
    if (r.refusal) w.Field("code", r.refusal->code).Field("message", r.refusal->message);
    if (r.identity) {
        w.Key("identity");
        usecases::WriteIdentity(w, *r.identity, usecases::InsVisibility::IfQualified);
    }
    w.Key("notes").BeginArray();
    for (const auto& n : r.notes) w.String(n);
    w.EndArray();
    if (!r.duplicates.empty()) {
        w.Key("duplicates");
        WriteDuplicates(w, r.duplicates);
    }
    w.EndObject();
    return w.Str();
}

}  // namespace vigie::cli
