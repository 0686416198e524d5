#pragma once
// The content of an ordonnance (délivrance) or a plan de prise as the Impression dialog edits it:
// the lines of a grid — Médicament, Quantité, Posologie for the ordonnance; Médicament, Matin,
// Midi, Soir, Coucher, Remarques for the plan de prise — and the « Remarques » paragraphs (one
// per line of text). Rows are added, removed and edited one cell at a time, or the whole content
// is imported from a JSON file (printing/service/ContentFile.h, the CLI's --content format).
// Checked by printing::CheckDocumentContent (the rule the print applies too): nothing is dropped
// or cut here; a line without a médicament is named in French.
// No wx, no thread.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "printing/model/DocumentLayout.h"

namespace vigie::presenters {

// What a document carries besides the identity; both kinds of lines are kept while the operator
// switches between ordonnance and plan de prise.
struct PrintContent {
    std::vector<printing::DispensingLine> dispensing;
    std::vector<printing::IntakeLine> intakes;
    std::vector<std::string> notes;
    bool operator==(const PrintContent& o) const;
};

class DocumentContentEditor {
public:
    // Ordonnance and plan de prise have lines; the fiche has none (HasLines() false).
    void SetKind(printing::DocumentKind kind) { m_kind = kind; }
    printing::DocumentKind Kind() const { return m_kind; }
    bool HasLines() const { return m_kind != printing::DocumentKind::Fiche; }

    std::vector<std::string> Columns() const;  // French headers of the current kind
    std::size_t RowCount() const;
    std::vector<std::vector<std::string>> Rows() const;  // cells in the order of Columns()

    std::size_t AddLine();                // an empty line at the end; its index
    bool RemoveLine(std::size_t row);     // false when out of range
    bool SetCell(std::size_t row, std::size_t column, const std::string& text);
    // All the cells of a line at once (missing cells empty; extra cells are an error): the
    // automation's print-line. A row == RowCount() appends.
    std::optional<std::string> SetLine(std::size_t row, const std::vector<std::string>& cells);

    void SetNotesText(const std::string& text);  // one paragraph per line; blank lines dropped
    std::string NotesText() const;

    // Replaces the whole content with the file's; on error (French, naming the file) nothing changes.
    std::optional<std::string> Import(const std::string& path);
    std::string ImportSummary() const;  // « 3 lignes, 1 remarque »

    // French, nullopt when printable (the fiche always is).
    std::optional<std::string> Problem() const;

    const PrintContent& Content() const { return m_content; }
    void SetContent(PrintContent content) { m_content = std::move(content); }
    void Clear() { m_content = {}; }

private:
    printing::DocumentKind m_kind = printing::DocumentKind::Fiche;
    PrintContent m_content;
};

}  // namespace vigie::presenters
