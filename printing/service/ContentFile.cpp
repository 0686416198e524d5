#include "printing/service/ContentFile.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/domain/Errors.h"

namespace vigie::printing {

namespace {

using nlohmann::json;

[[noreturn]] void Bad(const std::string& path, const std::string& what) {
    throw BadInputError("input.content", "Contenu du document (" + path + ") : " + what);
}

std::string Text(const json& object, const std::string& key, const std::string& where) {
    if (!object.contains(key)) return "";
    const json& v = object.at(key);
    if (!v.is_string()) Bad(where + "." + key, "texte attendu.");
    return v.get<std::string>();
}

void OnlyKeys(const json& object, std::initializer_list<const char*> keys, const std::string& where) {
    if (!object.is_object()) Bad(where, "objet attendu.");
    for (const auto& [k, v] : object.items()) {
        bool known = false;
        for (const char* key : keys) known = known || k == key;
        if (!known) Bad(where + "." + k, "clé inconnue.");
    }
}

const json& ArrayAt(const json& root, const char* key) {
    const json& a = root.at(key);
    if (!a.is_array()) Bad(key, "liste attendue.");
    return a;
}

}  // namespace

void ReadDocumentContent(const std::string& path, DocumentJob& target) {
    DocumentJob job;  // filled apart: nothing reaches `target` unless the whole file is read
    std::ifstream f(path, std::ios::binary);
    if (!f) throw BadInputError("input.content", "Fichier de contenu introuvable : « " + path + " ».");
    std::stringstream buffer;
    buffer << f.rdbuf();
    const json root = json::parse(buffer.str(), nullptr, false);
    if (root.is_discarded()) Bad(path, "JSON illisible.");
    OnlyKeys(root, {"dispensing", "intakes", "notes"}, "contenu");
    if (root.contains("dispensing")) {
        std::size_t i = 0;
        for (const json& line : ArrayAt(root, "dispensing")) {
            const std::string where = "dispensing[" + std::to_string(i++) + "]";
            OnlyKeys(line, {"medication", "quantity", "posology"}, where);
            job.dispensing.push_back({Text(line, "medication", where), Text(line, "quantity", where),
                                      Text(line, "posology", where)});
        }
    }
    if (root.contains("intakes")) {
        std::size_t i = 0;
        for (const json& line : ArrayAt(root, "intakes")) {
            const std::string where = "intakes[" + std::to_string(i++) + "]";
            OnlyKeys(line, {"medication", "morning", "noon", "evening", "bedtime", "notes"}, where);
            job.intakes.push_back({Text(line, "medication", where), Text(line, "morning", where), Text(line, "noon", where),
                                   Text(line, "evening", where), Text(line, "bedtime", where), Text(line, "notes", where)});
        }
    }
    if (root.contains("notes")) {
        std::size_t i = 0;
        for (const json& note : ArrayAt(root, "notes")) {
            if (!note.is_string()) Bad("notes[" + std::to_string(i) + "]", "texte attendu.");
            job.notes.push_back(note.get<std::string>());
            ++i;
        }
    }
    target.dispensing.insert(target.dispensing.end(), job.dispensing.begin(), job.dispensing.end());
    target.intakes.insert(target.intakes.end(), job.intakes.begin(), job.intakes.end());
    target.notes.insert(target.notes.end(), job.notes.begin(), job.notes.end());
}

namespace {

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

std::optional<domain::Refusal> CheckDocumentContent(const DocumentJob& job) {
    auto refuse = [](std::string message) { return domain::Refusal{"document.content", std::move(message)}; };
    std::vector<std::string> medications;
    if (job.kind == DocumentKind::Ordonnance)
        for (const auto& l : job.dispensing) medications.push_back(l.medication);
    else if (job.kind == DocumentKind::PlanDePrise)
        for (const auto& l : job.intakes) medications.push_back(l.medication);
    else
        return std::nullopt;
    for (std::size_t i = 0; i < medications.size(); ++i)
        if (Blank(medications[i]))
            return refuse("Ligne " + std::to_string(i + 1) + " : indiquer le médicament.");
    if (medications.empty())
        return refuse(job.kind == DocumentKind::Ordonnance
                          ? "L'ordonnance ne compte aucune ligne : ajouter au moins un médicament."
                          : "Le plan de prise ne compte aucune ligne : ajouter au moins un médicament.");
    return std::nullopt;
}

}  // namespace vigie::printing
