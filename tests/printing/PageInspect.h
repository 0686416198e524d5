#pragma once
// Helpers to look into a laid-out Page or Document from the printing suites.

#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "printing/model/Page.h"

namespace vigie::test {

inline std::vector<printing::TextRun> TextRuns(const printing::Page& page) {
    std::vector<printing::TextRun> runs;
    for (const printing::Element& e : page.elements)
        if (const auto* t = std::get_if<printing::TextRun>(&e)) runs.push_back(*t);
    return runs;
}

inline std::vector<printing::Barcode> Barcodes(const printing::Page& page) {
    std::vector<printing::Barcode> codes;
    for (const printing::Element& e : page.elements)
        if (const auto* b = std::get_if<printing::Barcode>(&e)) codes.push_back(*b);
    return codes;
}

// Every run's text, one per line.
inline std::string AllText(const printing::Page& page) {
    std::string s;
    for (const printing::TextRun& t : TextRuns(page)) s += t.text + "\n";
    return s;
}

inline bool PageContains(const printing::Page& page, const std::string& needle) {
    return AllText(page).find(needle) != std::string::npos;
}

// Any string carried by any element (text or barcode data) contains `needle`.
inline bool AnyElementContains(const printing::Page& page, const std::string& needle) {
    for (const printing::Element& e : page.elements) {
        bool hit = false;
        std::visit([&](const auto& el) {
            using T = std::decay_t<decltype(el)>;
            if constexpr (std::is_same_v<T, printing::TextRun>) hit = el.text.find(needle) != std::string::npos;
            if constexpr (std::is_same_v<T, printing::Barcode>) hit = el.data.find(needle) != std::string::npos;
        }, e);
        if (hit) return true;
    }
    return false;
}

inline std::string WithoutSpaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

}  // namespace vigie::test
