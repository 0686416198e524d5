// vigie-cli patient import FILE.csv: the patient file of another software, in one transaction
// (PatientService::Import, issue #2). Every line is checked first with the same trait rules as
// `patient create`; a file with any bad line imports nothing and lists the lines to fix.
//
// The file: UTF-8 (a BOM is accepted), one header line naming the columns (any order, any case):
//   nom_naissance ; prenoms_naissance ; sexe ; date_naissance   (required)
//   lieu_naissance ; nom_utilise ; prenom_utilise                (optional)
// separated by « ; » (the default of French spreadsheets) or the --separator given; fields may
// be quoted ("…", with "" for a quote). Empty lines are skipped.
#include <algorithm>
#include <fstream>
#include <map>
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "app/cli/TraitInput.h"
#include "core/util/Json.h"

namespace vigie::cli {

using namespace vigie::domain;

namespace {

constexpr std::size_t kMaxListedErrors = 20;

struct Column {
    const char* name;
    bool required;
};
constexpr Column kColumns[] = {{"nom_naissance", true}, {"prenoms_naissance", true}, {"sexe", true},
                               {"date_naissance", true}, {"lieu_naissance", false}, {"nom_utilise", false},
                               {"prenom_utilise", false}};

// One record of the file; false at the end. A quoted field may span lines (lineNumber counts
// them all). BadInputError for an unterminated quote.
bool ReadRecord(std::istream& in, char separator, std::vector<std::string>& fields, std::size_t& lineNumber) {
    fields.clear();
    std::string line;
    if (!std::getline(in, line)) return false;
    ++lineNumber;
    std::string field;
    bool quoted = false, wasQuoted = false;
    for (std::size_t i = 0;; ++i) {
        if (i == line.size()) {
            if (quoted) {  // the quoted field goes on on the next line
                std::string next;
                if (!std::getline(in, next))
                    throw BadInputError("input.csv", "Ligne " + std::to_string(lineNumber) +
                                                         " : guillemet ouvert jamais refermé.");
                ++lineNumber;
                field += '\n';
                line = std::move(next);
                i = static_cast<std::size_t>(-1);
                continue;
            }
            break;
        }
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"' && field.empty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == separator) {
            fields.push_back(std::move(field));
            field.clear();
            wasQuoted = false;
        } else if (c != '\r' || i + 1 != line.size()) {
            field += c;
        }
    }
    fields.push_back(std::move(field));
    return true;
}

std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto first = s.find_first_not_of(' ');
    const auto last = s.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

char ParseSeparator(const std::optional<std::string>& value) {
    if (!value) return ';';
    if (*value == "tab" || *value == "\\t") return '\t';
    if (value->size() == 1 && std::string(";,|").find((*value)[0]) != std::string::npos) return (*value)[0];
    throw BadInputError("input.separator", "--separator attend « ; », « , », « | » ou « tab ».");
}

}  // namespace

int PatientImport(Context& ctx, Args& args) {
    const std::string path = args.Word(0, "fichier CSV");
    const char separator = ParseSeparator(args.Opt("separator"));
    const bool dryRun = args.Flag("dry-run");
    args.Done(1);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BadInputError("input.file", "Fichier introuvable ou illisible : « " + path + " ».");

    std::vector<std::string> fields;
    std::size_t lineNumber = 0;
    if (!ReadRecord(in, separator, fields, lineNumber))
        throw BadInputError("input.csv", "Fichier vide : la première ligne doit nommer les colonnes.");
    if (!fields.empty() && fields[0].rfind("\xEF\xBB\xBF", 0) == 0) fields[0].erase(0, 3);  // UTF-8 BOM
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string name = Lower(fields[i]);
        const bool known = std::any_of(std::begin(kColumns), std::end(kColumns),
                                       [&](const Column& c) { return name == c.name; });
        if (!known)
            throw BadInputError("input.csv", "Colonne inconnue « " + fields[i] +
                                                 " » (attendues : nom_naissance, prenoms_naissance, sexe, "
                                                 "date_naissance, lieu_naissance, nom_utilise, prenom_utilise).");
        if (!position.emplace(name, i).second)
            throw BadInputError("input.csv", "Colonne « " + name + " » en double.");
    }
    for (const Column& c : kColumns)
        if (c.required && !position.count(c.name))
            throw BadInputError("input.csv", std::string("Colonne obligatoire absente : « ") + c.name + " ».");

    std::vector<usecases::CreateRequest> requests;
    std::vector<std::string> errors;
    std::size_t badLines = 0;
    while (true) {
        const std::size_t first = lineNumber + 1;
        try {
            if (!ReadRecord(in, separator, fields, lineNumber)) break;
        } catch (const BadInputError& e) {  // an unterminated quote: the rest of the file is in it
            ++badLines;
            if (errors.size() < kMaxListedErrors) errors.push_back(e.what());
            break;
        }
        if (fields.size() == 1 && Lower(fields[0]).empty()) continue;  // empty line
        auto cell = [&](const char* name) -> std::string {
            const auto it = position.find(name);
            return it == position.end() || it->second >= fields.size() ? std::string() : fields[it->second];
        };
        try {
            if (fields.size() != position.size())
                throw BadInputError("input.csv", std::to_string(fields.size()) + " champ(s) au lieu de " +
                                                     std::to_string(position.size()) + ".");
            usecases::CreateRequest r;
            r.traits.birthName = CheckedTrait(cell("nom_naissance"), TraitKind::BirthName, "Nom de naissance");
            r.traits.birthFirstNames =
                CheckedTrait(cell("prenoms_naissance"), TraitKind::FirstNames, "Prénom(s) de naissance");
            r.traits.sex = ParseSexOption(cell("sexe"));
            const CompletedDate date = ParseBirthDateOption(cell("date_naissance"));
            r.traits.birthDate = date.date;
            r.traits.birthDateCompleted = date.completed;
            if (const auto v = cell("lieu_naissance"); !v.empty()) r.traits.birthPlace = ParseBirthPlaceOption(v);
            if (const auto v = cell("nom_utilise"); !v.empty())
                r.usedName = CheckedTrait(v, TraitKind::UsedName, "Nom utilisé");
            if (const auto v = cell("prenom_utilise"); !v.empty())
                r.usedFirstName = CheckedTrait(v, TraitKind::UsedFirstName, "Prénom utilisé");
            requests.push_back(std::move(r));
        } catch (const BadInputError& e) {
            ++badLines;
            if (errors.size() < kMaxListedErrors) errors.push_back("Ligne " + std::to_string(first) + " : " + e.what());
        }
    }
    if (badLines > 0) {
        for (const auto& e : errors) ctx.err << e << '\n';
        if (badLines > errors.size()) ctx.err << "… et " << badLines - errors.size() << " autre(s) ligne(s) en erreur.\n";
        throw BadInputError("input.csv", std::to_string(badLines) + " ligne(s) en erreur dans « " + path +
                                             " » : rien importé. Corriger le fichier puis relancer.");
    }
    if (requests.empty()) throw BadInputError("input.csv", "Aucune identité dans « " + path + " ».");

    const auto count = static_cast<std::int64_t>(requests.size());
    if (dryRun) {
        if (ctx.json) {
            util::JsonWriter w;
            w.BeginObject().Field("ok", true).Field("dry_run", true).Field("valid", count).EndObject();
            ctx.out << w.Str() << '\n';
        } else {
            ctx.out << count << " identité(s) valide(s) ; rien importé (--dry-run).\n";
        }
        return kExitOk;
    }
    const auto r = usecases::PatientService(ctx.Store(), ctx.clock).Import(ctx.Operator(), requests);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", r.Ok());
        if (r.Ok()) w.Field("imported", count);
        else w.Field("code", r.refusal->code).Field("message", r.refusal->message);
        w.EndObject();
        ctx.out << w.Str() << '\n';
    } else if (r.Ok()) {
        ctx.out << count << " identité(s) importée(s), au statut Identité provisoire. Les doublons potentiels "
                            "sont à examiner dans l'écran Identitovigilance (F7).\n";
    } else {
        ctx.err << "Refusé : " << r.refusal->message << '\n';
    }
    return r.Ok() ? kExitOk : kExitRefused;
}

}  // namespace vigie::cli
