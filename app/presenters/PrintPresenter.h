#pragma once
// The Impression dialog's screen logic: what to print for the current patient (a label rule set
// or a document), how many copies, where (a CUPS queue or « Enregistrer en PDF… »), the content of
// an ordonnance or a plan de prise (DocumentContentEditor) and its paper (A4/A5), the preview
// state and the outcome in French; and the préparateur's repeat: the last settings — content
// included — printed again with one key for the same patient. A ZPL queue (Réglages ›
// Imprimantes) prints labels only. No wx, no thread; PrintActions.h does the work.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "app/presenters/DocumentContentEditor.h"
#include "core/domain/Identity.h"
#include "core/domain/Operator.h"
#include "printing/model/DocumentLayout.h"
#include "printing/service/QueueSettings.h"

namespace vigie::presenters {

// One thing the dialog can print. code: "label:<rule set>" or "document:<kind>".
struct PrintTarget {
    std::string code;
    std::string label;  // « Étiquette — Boîte (89 × 36 mm) », « Fiche patient (A4) »
    bool IsLabel() const { return code.rfind("label:", 0) == 0; }
    std::string Name() const { return code.substr(code.find(':') + 1); }
};

struct RuleSetChoice {  // what the rule book lists, without the printing types
    std::string name, displayName;
    double widthMm = 0, heightMm = 0;
};

// The settings a print (and a repeat) runs with.
struct PrintSettings {
    domain::IdentityId identity = 0;
    std::string target;                 // PrintTarget::code
    int copies = 1;
    std::optional<std::string> queue;   // a CUPS queue, or…
    std::string pdfPath;                // … a PDF file when no queue
    std::string pdfChosen;              // the file the operator chose; repeats are numbered after it
    PrintContent content;               // ordonnance / plan de prise lines and notes (documents)
    printing::PaperFormat paper = printing::PaperFormat::A4;  // ordonnance / plan de prise
    bool IsLabel() const { return target.rfind("label:", 0) == 0; }
    std::string Name() const { return target.substr(target.find(':') + 1); }
};

struct PrintView {
    std::string title;                  // « Impression — ECETINSI PIERRE-ALAIN »
    std::vector<std::string> targets;
    int targetIndex = 0;
    int copies = 1;
    bool copiesEnabled = true;          // labels: 1–100; a document prints once
    std::vector<std::string> destinations;  // the queues, then « Enregistrer en PDF… »
    int destinationIndex = 0;
    std::string previewText;            // « Aperçu en cours… », a refusal, "" when the image is shown
    bool previewReady = false;
    std::string message;                // the outcome of the last print
    Tone messageTone = Tone::Neutral;
    bool busy = false;
    bool canPrint = false;
    // Ordonnance / plan de prise: the content grid and the paper (hidden for labels and the fiche).
    bool contentShown = false;
    std::vector<std::string> contentColumns;
    std::vector<std::vector<std::string>> contentRows;
    std::string notes;                  // « Remarques », one paragraph per line
    std::string contentMessage;         // French: what keeps the document from printing, or ""
    int paperIndex = 0;                 // 0 A4, 1 A5
};

class PrintPresenter {
public:
    static constexpr int kMaxCopies = 100;
    static constexpr const char* kPdfDestination = "Enregistrer en PDF…";

    explicit PrintPresenter(domain::Operator op) : m_op(std::move(op)) {}
    void SetOperator(domain::Operator op) { m_op = std::move(op); }  // operator switch (issue #6)

    // A new dialog for this identity; the last settings (if any) are chosen again.
    void Open(const domain::Identity& identity, const std::vector<RuleSetChoice>& ruleSets,
              const std::vector<std::string>& queues, const std::optional<std::string>& defaultQueue);
    const std::vector<PrintTarget>& Targets() const { return m_targets; }
    bool ChooseTarget(const std::string& code);
    void ChooseTarget(std::size_t index);
    void SetCopies(int copies);  // clamped to 1–100
    void ChooseDestination(std::size_t index);  // the last index is the PDF file
    void SetPdfPath(const std::string& path);   // also selects the PDF destination
    bool PdfChosen() const { return !m_queue; }
    // The queues' languages (Réglages › Imprimantes): a ZPL queue prints labels only.
    // documentsQueue: the owner's queue for documents, chosen instead of a ZPL queue when a
    // document is chosen (Réglages › Imprimantes; "" = none).
    void SetQueueFormats(std::vector<printing::QueueFormat> formats, std::string documentsQueue = "") {
        m_formats = std::move(formats);
        m_documentsQueue = std::move(documentsQueue);
    }

    // Content of an ordonnance / plan de prise (no effect on labels and the fiche).
    DocumentContentEditor& Content() { return m_content; }
    const DocumentContentEditor& Content() const { return m_content; }
    void SetPaper(printing::PaperFormat paper) { m_paper = paper; }
    // « Importer un contenu… »: replaces the content; the outcome is the dialog's message.
    bool ImportContent(const std::string& path);

    void OnPreviewStarted();
    void OnPreviewReady();
    void OnPreviewRefused(const std::string& message);
    void OnPrinting();
    // pages > 0 when printed; warnings as given by the printing service.
    void OnPrinted(const PrintSettings& done, int pages, const std::vector<std::string>& warnings);
    void OnPrintRefused(const std::string& message);

    // nullopt when the settings are incomplete (no PDF path yet).
    std::optional<PrintSettings> Settings() const;
    // The settings as chosen so far, path or not (what the preview shows).
    PrintSettings Draft() const;
    // Ctrl+P: the last successful settings, for this identity only (never another patient's).
    std::optional<PrintSettings> RepeatFor(domain::IdentityId id) const;
    const std::optional<PrintSettings>& Last() const { return m_last; }
    // "etiquette.pdf", 2 → "etiquette-2.pdf": a repeat to a file never overwrites the previous one.
    static std::string NumberedPath(const std::string& path, int n);
    // The settings of a repeat: to a file, the first numbered name after the chosen one that
    // does not exist yet.
    static PrintSettings NextRepeat(PrintSettings last, const std::function<bool(const std::string&)>& exists);
    // « Étiquette Boîte × 3 → imprimante « zebra » »
    std::string Describe(const PrintSettings& s) const;

    bool MayPrint() const;
    PrintView View() const;

private:
    domain::Operator m_op;
    domain::Identity m_identity;
    std::vector<PrintTarget> m_targets;
    std::vector<std::string> m_queues;
    std::size_t m_target = 0;
    int m_copies = 1;
    std::optional<std::string> m_queue;
    std::string m_pdfPath;
    bool m_previewing = false, m_previewReady = false, m_printing = false;
    std::string m_previewText;
    std::string m_message;
    Tone m_messageTone = Tone::Neutral;
    std::optional<PrintSettings> m_last;
    DocumentContentEditor m_content;
    printing::PaperFormat m_paper = printing::PaperFormat::A4;
    std::vector<printing::QueueFormat> m_formats;
    std::string m_documentsQueue;

    bool HasContent() const;                            // ordonnance / plan de prise chosen
    std::optional<std::string> QueueProblem() const;    // a document to a ZPL queue
    bool IsZplQueue(const std::string& queue) const;
    std::string DestinationLabel(const std::string& queue) const;
};

}  // namespace vigie::presenters
