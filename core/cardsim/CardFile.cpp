#include "core/cardsim/CardFile.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace vigie::cardsim {

namespace {

std::string Text(const nlohmann::json& j, const char* key, const std::string& where, bool required) {
    if (!j.contains(key)) {
        if (required) throw BadInputError("card.file", where + " : champ « " + key + " » manquant.");
        return "";
    }
    if (!j[key].is_string()) throw BadInputError("card.file", where + "." + key + " : texte attendu.");
    return j[key].get<std::string>();
}

ports::CardKind KindOfAtr(const std::string& atr) {
    if (atr.rfind("3B 75 13 00 00", 0) == 0) return ports::CardKind::Vitale2;
    if (atr.rfind("3F 65 25 00", 0) == 0) return ports::CardKind::Vitale1;
    if (atr.rfind("3B AC 00 40 2A", 0) == 0) return ports::CardKind::Cps;
    return ports::CardKind::Unknown;
}

}  // namespace

CardFile LoadCardFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw BadInputError("card.file", "Fichier de carte illisible : « " + path + " ».");
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw BadInputError("card.file", "Fichier de carte « " + path + " » : JSON invalide.");
    CardFile f;
    f.description = Text(j, "description", "$", false);
    f.card.atr = Text(j, "atr", "$", true);
    f.kind = KindOfAtr(f.card.atr);
    f.card.insuredNir = Text(j, "insured_nir", "$", f.kind == ports::CardKind::Vitale2);
    f.card.insuredNirKey = Text(j, "insured_key", "$", false);
    if (f.kind == ports::CardKind::Vitale2) {
        if (!j.contains("beneficiaries") || !j["beneficiaries"].is_array() || j["beneficiaries"].empty())
            throw BadInputError("card.file", "$.beneficiaries : au moins un bénéficiaire attendu.");
        int i = 0;
        for (const auto& b : j["beneficiaries"]) {
            const std::string where = "$.beneficiaries[" + std::to_string(i++) + "]";
            if (!b.is_object()) throw BadInputError("card.file", where + " : objet attendu.");
            ports::VitaleBeneficiary v;
            v.lastName = Text(b, "last_name", where, true);
            v.firstName = Text(b, "first_name", where, true);
            v.rawBirthDate = Text(b, "birth_date", where, true);
            v.nir = Text(b, "nir", where, false);
            v.quality = Text(b, "quality", where, false);
            if (b.contains("rank")) {
                if (!b["rank"].is_number_integer()) throw BadInputError("card.file", where + ".rank : entier attendu.");
                v.birthRank = b["rank"].get<int>();
            }
            f.card.beneficiaries.push_back(std::move(v));
        }
    }
    return f;
}

}  // namespace vigie::cardsim
