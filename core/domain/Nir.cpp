#include "core/domain/Nir.h"

#include <cstdint>

namespace vigie::domain {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int TwoDigits(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

// OIDs arrive bare (INSi) or as FHIR identifier systems ("urn:oid:…"), sometimes padded.
std::string_view BareOid(std::string_view oid) {
    while (!oid.empty() && (oid.front() == ' ' || oid.front() == '\t')) oid.remove_prefix(1);
    while (!oid.empty() && (oid.back() == ' ' || oid.back() == '\t')) oid.remove_suffix(1);
    constexpr std::string_view kUrnPrefix = "urn:oid:";
    if (oid.starts_with(kUrnPrefix)) oid.remove_prefix(kUrnPrefix.size());
    return oid;
}

// Removes ASCII spaces/tabs and the non-breaking spaces a copy from a PDF or a letter brings,
// and upper-cases ASCII letters (2a/2b are Corsica).
std::string Compact(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t') continue;
        if (s.substr(i, 2) == "\xC2\xA0") {  // U+00A0
            ++i;
            continue;
        }
        if (s.substr(i, 3) == "\xE2\x80\xAF") {  // U+202F
            i += 2;
            continue;
        }
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

std::string Quoted(char c) { return std::string("« ") + c + " »"; }

NirCheck Fail(std::string message, std::optional<int> expectedKey = std::nullopt) {
    NirCheck check;
    check.message = std::move(message);
    check.expectedKey = expectedKey;
    return check;
}

}  // namespace

InsOidKind ClassifyOid(std::string_view oid) {
    const std::string_view bare = BareOid(oid);
    if (bare == kOidInsNir) return InsOidKind::Nir;
    if (bare == kOidInsNia) return InsOidKind::Nia;
    if (bare == kOidInsNirTest) return InsOidKind::NirTest;
    if (bare == kOidInsNirDemo) return InsOidKind::NirDemo;
    return InsOidKind::Unknown;
}

bool IsTestOrDemoOid(std::string_view oid) {
    const InsOidKind kind = ClassifyOid(oid);
    return kind == InsOidKind::NirTest || kind == InsOidKind::NirDemo;
}

std::string_view OidNature(std::string_view oid) {
    switch (ClassifyOid(oid)) {
        case InsOidKind::Nia: return "NIA";
        case InsOidKind::Nir:
        case InsOidKind::NirTest:
        case InsOidKind::NirDemo: return "NIR";
        case InsOidKind::Unknown: break;
    }
    return {};  // unknown OID: the caller must not label the matricule at all
}

std::optional<int> ComputeNirKey(std::string_view first13) {
    if (first13.size() != 13) return std::nullopt;
    std::uint64_t number = 0;
    for (std::size_t i = 0; i < 13; ++i) {
        char c = first13[i];
        if (i == 6 && first13[5] == '2') {
            // Corsica: 2A counts as 19 and 2B as 18, so "2A" → "19", "2B" → "18".
            if (c == 'A' || c == 'a' || c == 'B' || c == 'b') {
                number = (number / 10) * 100 + ((c == 'A' || c == 'a') ? 19 : 18);
                continue;
            }
        }
        if (!IsDigit(c)) return std::nullopt;
        number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return 97 - static_cast<int>(number % 97);
}

NirCheck CheckNir(std::string_view nir, std::optional<std::string_view> separateKey) {
    std::string value = Compact(nir);
    if (separateKey) {
        const std::string key = Compact(*separateKey);
        if (value.size() != 13) {
            return Fail("Longueur incorrecte : 13 caractères attendus avant la clé, " +
                        std::to_string(value.size()) + " reçus");
        }
        if (key.size() != 2) {
            return Fail("Clé incorrecte : 2 chiffres attendus, " + std::to_string(key.size()) + " reçus",
                        ComputeNirKey(value));
        }
        value += key;
    }

    // Characters first, so that a stray letter or symbol is named rather than miscounted.
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const bool letter = c >= 'A' && c <= 'Z';
        if (!IsDigit(c) && !letter) {
            const bool printable = c > ' ' && c < 0x7F;
            return Fail("Caractère non autorisé " + (printable ? Quoted(c) + " " : std::string()) +
                        "en position " + std::to_string(i + 1));
        }
        if (letter && !(i == 6 && (c == 'A' || c == 'B') && value[5] == '2')) {
            return Fail("Lettre non autorisée " + Quoted(c) + " en position " + std::to_string(i + 1) +
                        " (seuls 2A et 2B, département de Corse, sont admis)");
        }
    }
    if (value.size() == 13) {
        return Fail("Clé manquante : 15 caractères attendus, 13 reçus", ComputeNirKey(value));
    }
    if (value.size() != 15) {
        return Fail("Longueur incorrecte : 15 caractères attendus, " + std::to_string(value.size()) +
                    " reçus");
    }

    const char sex = value[0];
    if (sex != '1' && sex != '2' && sex != '3' && sex != '4' && sex != '7' && sex != '8') {
        return Fail("Premier chiffre (sexe) incorrect : " + Quoted(sex) + " (1, 2, 3, 4, 7 ou 8 attendu)");
    }
    // 20, 30–42 and 50–99 are the "unknown month" values of people registered without one.
    const int month = TwoDigits(value, 3);
    if (!((month >= 1 && month <= 12) || month == 20 || (month >= 30 && month <= 42) || month >= 50)) {
        return Fail("Mois incorrect : « " + value.substr(3, 2) + " » (01 à 12, 20, 30 à 42 ou 50 à 99 attendu)");
    }

    const std::optional<int> expected = ComputeNirKey(std::string_view(value).substr(0, 13));
    const int given = TwoDigits(value, 13);
    NirCheck check;
    check.value = value;
    check.expectedKey = expected;
    if (!expected || *expected != given) {
        const std::string shown = expected ? (*expected < 10 ? "0" : "") + std::to_string(*expected) : "?";
        check.message = "Clé incorrecte : " + shown + " attendue, " + value.substr(13, 2) + " saisie";
        return check;
    }
    check.ok = true;
    return check;
}

}  // namespace vigie::domain
