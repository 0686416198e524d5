#include "app/presenters/DocumentContentEditor.h"

#include <algorithm>

#include "core/domain/Errors.h"
#include "printing/service/ContentFile.h"

namespace vigie::presenters {

using printing::DocumentKind;

namespace {

std::vector<std::string*> Cells(printing::DispensingLine& l) { return {&l.medication, &l.quantity, &l.posology}; }
std::vector<std::string*> Cells(printing::IntakeLine& l) {
    return {&l.medication, &l.morning, &l.noon, &l.evening, &l.bedtime, &l.notes};
}

template <class Line>
std::vector<std::vector<std::string>> AsRows(std::vector<Line> lines) {
    std::vector<std::vector<std::string>> rows;
    for (auto& l : lines) {
        std::vector<std::string> row;
        for (std::string* c : Cells(l)) row.push_back(*c);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string Plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n > 1 ? "s" : "");
}

}  // namespace

bool PrintContent::operator==(const PrintContent& o) const {
    auto sameD = [](const printing::DispensingLine& a, const printing::DispensingLine& b) {
        return a.medication == b.medication && a.quantity == b.quantity && a.posology == b.posology;
    };
    auto sameI = [](const printing::IntakeLine& a, const printing::IntakeLine& b) {
        return a.medication == b.medication && a.morning == b.morning && a.noon == b.noon && a.evening == b.evening &&
               a.bedtime == b.bedtime && a.notes == b.notes;
    };
    return notes == o.notes && std::equal(dispensing.begin(), dispensing.end(), o.dispensing.begin(), o.dispensing.end(), sameD) &&
           std::equal(intakes.begin(), intakes.end(), o.intakes.begin(), o.intakes.end(), sameI);
}

std::vector<std::string> DocumentContentEditor::Columns() const {
    switch (m_kind) {
        case DocumentKind::Ordonnance: return {"Médicament", "Quantité", "Posologie"};
        case DocumentKind::PlanDePrise: return {"Médicament", "Matin", "Midi", "Soir", "Coucher", "Remarques"};
        case DocumentKind::Fiche: break;
    }
    return {};
}

std::size_t DocumentContentEditor::RowCount() const {
    switch (m_kind) {
        case DocumentKind::Ordonnance: return m_content.dispensing.size();
        case DocumentKind::PlanDePrise: return m_content.intakes.size();
        case DocumentKind::Fiche: break;
    }
    return 0;
}

std::vector<std::vector<std::string>> DocumentContentEditor::Rows() const {
    if (m_kind == DocumentKind::Ordonnance) return AsRows(m_content.dispensing);
    if (m_kind == DocumentKind::PlanDePrise) return AsRows(m_content.intakes);
    return {};
}

std::size_t DocumentContentEditor::AddLine() {
    if (m_kind == DocumentKind::Ordonnance) m_content.dispensing.emplace_back();
    else if (m_kind == DocumentKind::PlanDePrise) m_content.intakes.emplace_back();
    return RowCount() - (HasLines() ? 1 : 0);
}

bool DocumentContentEditor::RemoveLine(std::size_t row) {
    if (row >= RowCount()) return false;
    if (m_kind == DocumentKind::Ordonnance) m_content.dispensing.erase(m_content.dispensing.begin() + static_cast<long>(row));
    else m_content.intakes.erase(m_content.intakes.begin() + static_cast<long>(row));
    return true;
}

bool DocumentContentEditor::SetCell(std::size_t row, std::size_t column, const std::string& text) {
    if (row >= RowCount() || column >= Columns().size()) return false;
    std::vector<std::string*> cells = m_kind == DocumentKind::Ordonnance ? Cells(m_content.dispensing[row])
                                                                         : Cells(m_content.intakes[row]);
    *cells[column] = text;
    return true;
}

std::optional<std::string> DocumentContentEditor::SetLine(std::size_t row, const std::vector<std::string>& cells) {
    if (!HasLines()) return "Ce document n'a pas de lignes.";
    const std::size_t columns = Columns().size();
    if (cells.size() > columns)
        return "Trop de colonnes (" + std::to_string(cells.size()) + ") : " + std::to_string(columns) + " au plus.";
    if (row > RowCount()) return "Ligne " + std::to_string(row + 1) + " inexistante.";
    if (row == RowCount()) AddLine();
    for (std::size_t c = 0; c < columns; ++c) SetCell(row, c, c < cells.size() ? cells[c] : "");
    return std::nullopt;
}

void DocumentContentEditor::SetNotesText(const std::string& text) {
    m_content.notes.clear();
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos) m_content.notes.push_back(line);
        start = end + 1;
    }
}

std::string DocumentContentEditor::NotesText() const {
    std::string text;
    for (std::size_t i = 0; i < m_content.notes.size(); ++i) text += (i ? "\n" : "") + m_content.notes[i];
    return text;
}

std::optional<std::string> DocumentContentEditor::Import(const std::string& path) {
    printing::DocumentJob job;
    try {
        printing::ReadDocumentContent(path, job);
    } catch (const BadInputError& e) {
        return std::string(e.what());
    }
    m_content.dispensing = std::move(job.dispensing);
    m_content.intakes = std::move(job.intakes);
    m_content.notes = std::move(job.notes);
    return std::nullopt;
}

std::string DocumentContentEditor::ImportSummary() const {
    return Plural(m_content.dispensing.size(), "ligne") + " d'ordonnance, " +
           Plural(m_content.intakes.size(), "ligne") + " de plan de prise, " + Plural(m_content.notes.size(), "remarque");
}

std::optional<std::string> DocumentContentEditor::Problem() const {
    printing::DocumentJob job;
    job.kind = m_kind;
    job.dispensing = m_content.dispensing;
    job.intakes = m_content.intakes;
    if (auto refusal = printing::CheckDocumentContent(job)) return refusal->message;
    return std::nullopt;
}

}  // namespace vigie::presenters
