#include "app/gui/PrintFlow.h"

#include <algorithm>
#include <filesystem>

#include <wx/filedlg.h>
#include <wx/stdpaths.h>

#include "app/gui/CounterFrame.h"
#include "app/presenters/PrintActions.h"
#include "app/presenters/PrinterSettings.h"
#include "core/usecases/PatientService.h"
#include "printing/cups/CupsPrinter.h"

namespace vigie::gui {

using presenters::PrintSettings;

PrintFlow::PrintFlow(CounterFrame& frame, AppStack& stack, Worker& worker)
    : m_frame(frame), m_stack(stack), m_worker(worker), m_ref(MakeWindowRef(&frame)), m_presenter(stack.op) {
    m_previewDue.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { StartPreview(); });
}

void PrintFlow::Open(domain::IdentityId id) {
    if (m_dialog) {
        m_dialog->Raise();
        return;
    }
    if (m_opening) return;
    m_opening = true;
    m_worker.Post([ref = m_ref, stack = &m_stack, id, gen = m_gen] {
        try {
            auto identity = usecases::PatientService(*stack->store, stack->clock).Get(id).identity;
            auto rules = presenters::ListRuleSets(*stack->store, stack->clock);
            std::vector<std::string> queues;
            std::optional<std::string> preferred;
            try {  // no spooler on this computer: « Enregistrer en PDF… » only
                for (const auto& q : printing::CupsPrinter().Queues()) {
                    queues.push_back(q.name);
                    if (q.isDefault) preferred = q.name;
                }
            } catch (const std::exception&) {
            }
            // Réglages › Imprimantes (issue #6): the owner's label queue first, when this computer has
            // it, and each queue's language (a ZPL queue prints labels only).
            auto settings = printing::QueueSettings(*stack->store, stack->clock).Load(queues);
            if (std::find(queues.begin(), queues.end(), settings.labels) != queues.end()) preferred = settings.labels;
            PostToGui(ref, [=, formats = std::move(settings.formats), documents = settings.documents](CounterFrame& f) mutable {
                f.Printing().OnOpened(gen, std::move(identity), std::move(rules), std::move(queues), preferred,
                                      std::move(formats), documents);
            });
        } catch (const std::exception& e) {
            PostToGui(ref, [gen, msg = std::string(e.what())](CounterFrame& f) { f.Printing().OnOpenFailed(gen, msg); });
        }
    });
}

void PrintFlow::OnOpened(std::uint64_t gen, domain::Identity identity, std::vector<presenters::RuleSetChoice> rules,
                         std::vector<std::string> queues, std::optional<std::string> defaultQueue,
                         std::vector<printing::QueueFormat> formats, std::string documentsQueue) {
    m_opening = false;
    if (gen != m_gen) return;
    m_presenter.SetQueueFormats(std::move(formats), documentsQueue);
    m_presenter.Open(identity, rules, queues, defaultQueue);
    PrintDialog::Callbacks cb;
    cb.target = [this](std::size_t i) {
        m_presenter.ChooseTarget(i);
        StartPreview();
    };
    cb.copies = [this](int n) {
        const int before = m_presenter.View().copies;
        m_presenter.SetCopies(n);
        if (m_presenter.View().copies != before) Render();
    };
    cb.destination = [this](std::size_t i) {
        m_presenter.ChooseDestination(i);
        Render();
    };
    cb.print = [this] { Print(); };
    cb.cell = [this](int row, int column, const std::string& text) {
        if (m_presenter.Content().SetCell(static_cast<std::size_t>(row), static_cast<std::size_t>(column), text))
            ContentEdited();
    };
    cb.addLine = [this] {
        m_presenter.Content().AddLine();
        ContentEdited();
    };
    cb.removeLine = [this](int row) { RemoveLine(static_cast<std::size_t>(row)); };
    cb.notes = [this](const std::string& text) { SetNotes(text); };
    cb.paper = [this](int i) { SetPaper(i == 1 ? printing::PaperFormat::A5 : printing::PaperFormat::A4); };
    cb.importContent = [this] {
        wxFileDialog ask(m_dialog.get(), wxString::FromUTF8("Importer un contenu"), wxStandardPaths::Get().GetDocumentsDir(),
                         "", wxString::FromUTF8("Contenu JSON (*.json)|*.json"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (ask.ShowModal() == wxID_OK) ImportContent(ask.GetPath().utf8_string());
    };
    cb.closed = [this] { Render(); };
    auto* dialog = new PrintDialog(&m_frame, std::move(cb));
    m_dialog = dialog;
    Render();
    dialog->Show();
    dialog->Raise();
    dialog->m_print->SetFocus();  // Entrée prints at once: the préparateur's usual case
    StartPreview();
}

void PrintFlow::OnOpenFailed(std::uint64_t gen, const std::string& message) {
    m_opening = false;
    if (gen != m_gen) return;
    m_frame.ShowPrintMessage("Impression impossible : " + message, false);
}

void PrintFlow::StartPreview() {
    m_previewDue.Stop();
    if (!m_dialog) return;
    m_presenter.OnPreviewStarted();
    Render();
    const PrintSettings s = m_presenter.Draft();
    m_worker.Post([ref = m_ref, stack = &m_stack, s, gen = m_gen, pgen = ++m_previewGen] {
        presenters::PreviewImage image;
        std::string error;
        try {
            image = presenters::RenderPreview(*stack->store, stack->clock, stack->Measurer(), s, stack->pharmacy,
                                              PrintDialog::kPreviewWidth, PrintDialog::kPreviewHeight);
        } catch (const std::exception& e) {
            error = e.what();
        }
        PostToGui(ref, [gen, pgen, image = std::move(image), error](CounterFrame& f) {
            PrintFlow& p = f.Printing();
            if (gen != p.m_gen || pgen != p.m_previewGen || !p.m_dialog) return;
            if (!error.empty()) p.m_presenter.OnPreviewRefused(error);
            else if (!image.Ok()) p.m_presenter.OnPreviewRefused(image.refusal->message);
            else p.m_presenter.OnPreviewReady();
            p.m_dialog->ShowPreview(image.png);
            p.Render();
        });
    });
}

bool PrintFlow::AskPdfPath() {
    const PrintSettings draft = m_presenter.Draft();
    const std::filesystem::path last(draft.pdfPath);
    const wxString dir = draft.pdfPath.empty() ? wxStandardPaths::Get().GetDocumentsDir()
                                               : wxString::FromUTF8(last.parent_path().string());
    // No patient name in the proposed file name: it may end up in a shared folder.
    const std::string name = draft.IsLabel() ? "etiquette-" + draft.Name() + ".pdf" : draft.Name() + ".pdf";
    wxFileDialog ask(&m_frame, wxString::FromUTF8("Enregistrer en PDF"), dir, wxString::FromUTF8(name),
                     wxString::FromUTF8("Document PDF (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return false;
    std::string path = ask.GetPath().utf8_string();
    if (std::filesystem::path(path).extension() != ".pdf") path += ".pdf";
    m_presenter.SetPdfPath(path);
    return true;
}

void PrintFlow::Print() {
    if (m_presenter.PdfChosen()) {
        const std::uint64_t gen = m_gen;
        if (!AskPdfPath() || gen != m_gen || !m_dialog) return;  // the card may have left meanwhile
    }
    if (auto s = m_presenter.Settings()) StartPrint(*s);
}

void PrintFlow::PrintToPdf(const std::string& path) {
    m_presenter.SetPdfPath(path);
    if (auto s = m_presenter.Settings()) StartPrint(*s);
}

bool PrintFlow::ChooseTarget(const std::string& code) {
    if (!m_presenter.ChooseTarget(code)) return false;
    StartPreview();
    return true;
}

void PrintFlow::SetCopies(int copies) {
    m_presenter.SetCopies(copies);
    Render();
}

void PrintFlow::ContentEdited() {
    Render();
    m_previewDue.StartOnce(300);  // restarted by every keystroke: one preview when the typing pauses
}

std::optional<std::string> PrintFlow::SetLine(std::size_t row, const std::vector<std::string>& cells) {
    auto error = m_presenter.Content().SetLine(row, cells);
    if (!error) ContentEdited();
    return error;
}

bool PrintFlow::RemoveLine(std::size_t row) {
    if (!m_presenter.Content().RemoveLine(row)) return false;
    ContentEdited();
    return true;
}

void PrintFlow::SetNotes(const std::string& text) {
    m_presenter.Content().SetNotesText(text);
    ContentEdited();
}

void PrintFlow::SetPaper(printing::PaperFormat paper) {
    m_presenter.SetPaper(paper);
    Render();
    StartPreview();
}

bool PrintFlow::ImportContent(const std::string& path) {
    const bool ok = m_presenter.ImportContent(path);  // read on this thread: a small local file
    Render();
    if (ok) StartPreview();
    return ok;
}

void PrintFlow::Repeat(domain::IdentityId id) {
    if (m_dialog) {
        m_dialog->ClickPrint();
        return;
    }
    auto s = m_presenter.RepeatFor(id);
    if (!s) {
        Open(id);
        return;
    }
    // To a file: the next free numbered name, never over the previous label.
    StartPrint(presenters::PrintPresenter::NextRepeat(*s, [](const std::string& p) { return std::filesystem::exists(p); }));
}

void PrintFlow::StartPrint(const PrintSettings& s) {
    if (m_presenter.View().busy && m_dialog) return;
    m_presenter.OnPrinting();
    Render();
    m_worker.Post([ref = m_ref, stack = &m_stack, s, gen = m_gen] {
        std::optional<std::string> refusal;
        int pages = 0;
        std::vector<std::string> warnings;
        try {
            const auto r = presenters::RunPrint(*stack->store, stack->clock, stack->Measurer(), stack->op, s, stack->pharmacy);
            if (r.refusal) refusal = r.refusal->message;
            pages = r.pages;
            warnings = r.warnings;
        } catch (const std::exception& e) {
            refusal = e.what();
        }
        PostToGui(ref, [=](CounterFrame& f) mutable { f.Printing().OnPrintDone(gen, s, refusal, pages, std::move(warnings)); });
    });
}

void PrintFlow::OnPrintDone(std::uint64_t gen, const PrintSettings& s, std::optional<std::string> refusal, int pages,
                            std::vector<std::string> warnings) {
    ++m_printed;
    if (refusal) m_presenter.OnPrintRefused(*refusal);
    else m_presenter.OnPrinted(s, pages, warnings);
    if (gen != m_gen) return;
    Render();
    m_frame.ShowPrintMessage(m_presenter.View().message, !refusal);
}

void PrintFlow::Close() {
    ++m_gen;
    m_previewDue.Stop();
    m_opening = false;
    if (m_dialog) m_dialog->Destroy();
}

void PrintFlow::Render() {
    if (m_dialog) m_dialog->Render(m_presenter.View());
}

}  // namespace vigie::gui
