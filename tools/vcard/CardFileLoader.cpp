#include "tools/vcard/CardFileLoader.h"

#include <cctype>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include <nlohmann/json.hpp>

namespace vigie::vcard {
namespace {

using nlohmann::json;

class Checker {
public:
    explicit Checker(std::string source) : m_source(std::move(source)) {}

    [[noreturn]] void Fail(const std::string& path, const std::string& problem) const {
        throw CardFileError("carte " + m_source + " : " + (path.empty() ? "/" : path) + " : " + problem);
    }

    void OnlyKeys(const json& object, const std::string& path, std::initializer_list<const char*> keys) const {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const std::string& key = it.key();
            if (!key.empty() && key[0] == '_') continue;  // free comments ("_note": …)
            bool known = false;
            for (const char* k : keys) known = known || key == k;
            if (!known) Fail(path + "/" + key, "clé inconnue (faute de frappe ?)");
        }
    }

    std::string String(const json& object, const std::string& path, const char* key, bool required) const {
        const std::string p = path + "/" + key;
        if (!object.contains(key)) {
            if (required) Fail(p, "clé obligatoire absente");
            return {};
        }
        const json& v = object.at(key);
        if (!v.is_string()) Fail(p, "une chaîne de caractères est attendue");
        return v.get<std::string>();
    }

    int Integer(const json& object, const std::string& path, const char* key, int min, int max) const {
        const std::string p = path + "/" + key;
        if (!object.contains(key)) return 0;
        const json& v = object.at(key);
        if (!v.is_number_integer()) Fail(p, "un nombre entier est attendu");
        const auto n = v.get<long long>();
        if (n < min || n > max)
            Fail(p, "valeur " + std::to_string(n) + " hors de l'intervalle " + std::to_string(min) + "…" + std::to_string(max));
        return static_cast<int>(n);
    }

    Bytes Hex(const std::string& text, const std::string& path) const {
        Bytes out;
        std::string digits;
        for (char c : text) {
            if (c == ' ' || c == ':' || c == '\t') continue;
            if (std::isxdigit(static_cast<unsigned char>(c)) == 0)
                Fail(path, std::string("caractère « ") + c + " » inattendu : octets hexadécimaux attendus (« 3B 75 … »)");
            digits += c;
        }
        if (digits.size() % 2 != 0) Fail(path, "nombre impair de chiffres hexadécimaux");
        for (std::size_t i = 0; i < digits.size(); i += 2)
            out.push_back(static_cast<std::uint8_t>(std::stoi(digits.substr(i, 2), nullptr, 16)));
        return out;
    }

    void Nir13(const std::string& nir, const std::string& path) const {
        if (nir.size() != 13) Fail(path, "13 caractères attendus (NIR sans clé), trouvé " + std::to_string(nir.size()));
        for (std::size_t i = 0; i < nir.size(); ++i) {
            const bool corsica = (i == 5 || i == 6) && (nir.substr(5, 2) == "2A" || nir.substr(5, 2) == "2B");
            if (!corsica && std::isdigit(static_cast<unsigned char>(nir[i])) == 0)
                Fail(path, "chiffres attendus (seul le département 2A/2B contient des lettres)");
        }
    }

    void Digits(const std::string& text, std::size_t count, const std::string& path, const std::string& what) const {
        bool ok = text.size() == count;
        for (char c : text) ok = ok && std::isdigit(static_cast<unsigned char>(c)) != 0;
        if (!ok) Fail(path, what);
    }

    void CardText(const std::string& text, const std::string& path) const {
        if (text.empty()) Fail(path, "valeur vide");
        for (char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 || u > 0x7E)
                Fail(path, "ASCII imprimable attendu (la carte stocke des majuscules sans accents)");
        }
    }

private:
    std::string m_source;
};

CardBeneficiary ReadBeneficiary(const Checker& c, const json& b, const std::string& path) {
    if (!b.is_object()) c.Fail(path, "un objet est attendu");
    c.OnlyKeys(b, path, {"last_name", "first_name", "birth_date", "nir", "rank", "quality"});
    CardBeneficiary out;
    out.lastName = c.String(b, path, "last_name", true);
    c.CardText(out.lastName, path + "/last_name");
    out.firstName = c.String(b, path, "first_name", true);
    c.CardText(out.firstName, path + "/first_name");
    out.birthDate = c.String(b, path, "birth_date", true);
    c.Digits(out.birthDate, 8, path + "/birth_date", "8 chiffres AAAAMMJJ attendus (date lunaire permise)");
    out.nir = c.String(b, path, "nir", false);
    if (!out.nir.empty()) {
        if (out.nir.size() != 15) c.Fail(path + "/nir", "15 caractères attendus (NIR + clé) ou chaîne vide");
        c.Nir13(out.nir.substr(0, 13), path + "/nir");
        c.Digits(out.nir.substr(13), 2, path + "/nir", "les 2 derniers caractères (clé) doivent être des chiffres");
    }
    out.rank = c.Integer(b, path, "rank", 0, 99);
    out.quality = c.String(b, path, "quality", false);
    // One-byte (short form) BER lengths: the whole template must stay under 128 bytes.
    const std::size_t templateSize = 2 + out.lastName.size() + 2 + out.firstName.size() + 2 + out.birthDate.size() +
                                     (out.nir.empty() ? 0 : 2 + out.nir.size());
    if (templateSize > 127)
        c.Fail(path, "bénéficiaire trop long pour un gabarit à longueur sur un octet (" + std::to_string(templateSize) +
                         " > 127 octets)");
    return out;
}

}  // namespace

CardDescription CardFileLoader::LoadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CardFileError("carte " + path.string() + " : fichier introuvable ou illisible");
    std::ostringstream text;
    text << in.rdbuf();
    return Parse(text.str(), path.string(), path.stem().string());
}

CardDescription CardFileLoader::Parse(const std::string& jsonText, const std::string& source, const std::string& name) {
    const Checker c(source);
    json root;
    try {
        root = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        c.Fail("", "JSON invalide à l'octet " + std::to_string(e.byte) + " (virgule, guillemet ou accolade manquant ?)");
    }
    if (!root.is_object()) c.Fail("", "un objet JSON est attendu");
    c.OnlyKeys(root, "", {"description", "atr", "insured_nir", "insured_key", "beneficiaries", "faults"});

    CardDescription card;
    card.name = name;
    card.description = c.String(root, "", "description", false);
    card.atr = c.Hex(c.String(root, "", "atr", true), "/atr");
    if (card.atr.size() < 2 || card.atr.size() > 33) c.Fail("/atr", "un ATR fait de 2 à 33 octets");
    if (card.atr[0] != 0x3B && card.atr[0] != 0x3F) c.Fail("/atr", "le premier octet (TS) doit être 3B ou 3F");

    if (root.contains("beneficiaries")) {
        const json& list = root.at("beneficiaries");
        if (!list.is_array()) c.Fail("/beneficiaries", "un tableau est attendu");
        for (std::size_t i = 0; i < list.size(); ++i)
            card.beneficiaries.push_back(ReadBeneficiary(c, list.at(i), "/beneficiaries/" + std::to_string(i)));
    }
    const bool readable = card.AnswersApdus();
    if (readable && card.beneficiaries.empty())
        c.Fail("/beneficiaries", "au moins un bénéficiaire est attendu pour une carte lisible (Vitale 2)");

    card.insuredNir = c.String(root, "", "insured_nir", readable);
    card.insuredKey = c.String(root, "", "insured_key", readable);
    if (readable || !card.insuredNir.empty()) {
        c.Nir13(card.insuredNir, "/insured_nir");
        c.Digits(card.insuredKey, 2, "/insured_key", "2 chiffres attendus");
    }
    if (!card.beneficiaries.empty() && !card.beneficiaries[0].nir.empty() &&
        card.beneficiaries[0].nir != card.insuredNir + card.insuredKey)
        c.Fail("/beneficiaries/0/nir", "le premier bénéficiaire est l'assuré : son NIR doit valoir insured_nir + insured_key");

    if (root.contains("faults")) {
        const json& f = root.at("faults");
        if (!f.is_object()) c.Fail("/faults", "un objet est attendu");
        c.OnlyKeys(f, "/faults", {"remove_during_read_after_apdus", "status_for_select", "t0_chunk"});
        card.faults.removeDuringReadAfterApdus = c.Integer(f, "/faults", "remove_during_read_after_apdus", 0, 1000);
        const std::string status = c.String(f, "/faults", "status_for_select", false);
        if (!status.empty()) {
            card.faults.statusForSelect = c.Hex(status, "/faults/status_for_select");
            if (card.faults.statusForSelect.size() != 2)
                c.Fail("/faults/status_for_select", "2 octets attendus (SW1 SW2, par ex. « 6A 82 »)");
        }
        card.faults.t0Chunk = c.Integer(f, "/faults", "t0_chunk", 0, 256);
    }
    return card;
}

}  // namespace vigie::vcard
