#include "app/gui/PrintersPanel.h"

#include <algorithm>

#include <wx/sizer.h>

namespace vigie::gui {

namespace {
wxString U(const std::string& s) { return wxString::FromUTF8(s); }
}  // namespace

PrintersPanel::PrintersPanel(wxWindow* parent, AppStack& stack, Worker& worker)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "printers"),
      m_stack(stack),
      m_worker(worker),
      m_self(MakeWindowRef(this)) {
    m_queues = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(500, 180), 0, nullptr, wxLB_SINGLE,
                             wxDefaultValidator, "queues");
    m_labels = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(340, -1), 0, nullptr, 0, wxDefaultValidator,
                            "queue_labels");
    m_documents = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(340, -1), 0, nullptr, 0, wxDefaultValidator,
                               "queue_documents");
    m_language = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(220, -1), 0, nullptr, 0, wxDefaultValidator,
                              "queue_language");
    m_language->Append(U(presenters::kLanguagePdf));
    m_language->Append(U(presenters::kLanguageZpl));
    m_dpi = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(110, -1), 0, nullptr, 0, wxDefaultValidator, "queue_dpi");
    for (int dpi : printing::QueueSettings::kZplDpis) m_dpi->Append(U(std::to_string(dpi) + " dpi"));
    m_save = new wxButton(this, wxID_ANY, U("&Enregistrer"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                          "printers_save");
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(500, -1), 0, "printers_message");
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->Add(new wxStaticText(this, wxID_ANY, U("Étiquettes")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_labels);
    grid->Add(new wxStaticText(this, wxID_ANY, U("Documents (ordonnance, plan de prise, fiche)")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_documents);
    auto* format = new wxBoxSizer(wxHORIZONTAL);
    format->Add(new wxStaticText(this, wxID_ANY, U("Langage de la file choisie :")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    format->Add(m_language, 0, wxRIGHT, 6);
    format->Add(m_dpi, 0);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(new wxStaticText(this, wxID_ANY, U("Files d'impression (CUPS)")), 0, wxALL, 8);
    col->Add(m_queues, 0, wxLEFT | wxRIGHT, 8);
    col->Add(format, 0, wxALL, 8);
    col->Add(new wxStaticText(this, wxID_ANY, U("Imprimante proposée par défaut dans « Impression » :")), 0, wxALL, 8);
    col->Add(grid, 0, wxLEFT | wxRIGHT, 8);
    col->Add(m_save, 0, wxALL, 8);
    col->Add(m_message, 0, wxEXPAND | wxALL, 8);
    SetSizer(col);
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    m_queues->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { ShowFormat(); });
    m_language->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { FormatEdited(); });
    m_dpi->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { FormatEdited(); });
    Reload();
}

void PrintersPanel::Reload() {
    m_busy = true;
    m_save->Enable(false);
    m_worker.Post([ref = m_self, stack = &m_stack] {
        presenters::PrinterChoices c;
        std::string message;
        try {
            c = presenters::LoadPrinterChoices(*stack->store);
        } catch (const std::exception& e) {
            message = e.what();
        }
        PostToGui(ref, [c, message](PrintersPanel& p) { p.Show(c, message); });
    });
}

void PrintersPanel::Show(const presenters::PrinterChoices& c, const std::string& message) {
    m_busy = false;
    m_choices = c;
    wxArrayString queues, options;
    for (const auto& q : c.queues) queues.Add(QueueLine(q));
    m_queues->Set(queues);
    if (!c.queues.empty()) m_queues->SetSelection(0);
    ShowFormat();
    options.Add(U("Imprimante par défaut du système" + (c.cupsDefault ? " (" + *c.cupsDefault + ")" : std::string())));
    for (const auto& q : c.queues) options.Add(U(q));
    auto select = [&](wxChoice* choice, const std::string& stored) {
        choice->Set(options);
        int index = 0;
        for (std::size_t i = 0; i < c.queues.size(); ++i)
            if (c.queues[i] == stored) index = static_cast<int>(i) + 1;
        if (!stored.empty() && index == 0) {  // kept even when CUPS does not list it (another counter's)
            choice->Append(U(stored + " (absente de ce poste)"));
            index = static_cast<int>(choice->GetCount()) - 1;
        }
        choice->SetSelection(index);
    };
    select(m_labels, c.labels);
    select(m_documents, c.documents);
    std::string text = message;
    if (text.empty() && !c.queuesError.empty()) text = "CUPS injoignable : " + c.queuesError;
    else if (text.empty() && c.queues.empty()) text = "Aucune file d'impression sur ce poste : « Enregistrer en PDF… » seulement.";
    m_message->SetLabel(U(text));
    m_message->Wrap(500);
    m_save->Enable(true);
    Layout();
}

std::string PrintersPanel::Chosen(wxChoice* choice) const {
    const int i = choice->GetSelection();
    if (i <= 0) return "";
    if (i <= static_cast<int>(m_choices.queues.size())) return m_choices.queues[i - 1];
    return choice == m_labels ? m_choices.labels : m_choices.documents;  // the stored, absent one
}

wxString PrintersPanel::QueueLine(const std::string& q) const {
    return U(q + (m_choices.cupsDefault == q ? "  (défaut du système)" : "") + " — " +
             printing::DescribeFormat(m_choices.FormatOf(q)));
}

void PrintersPanel::ShowFormat() {
    const int i = m_queues->GetSelection();
    const bool any = i != wxNOT_FOUND && i < static_cast<int>(m_choices.queues.size());
    m_language->Enable(any);
    if (!any) {
        m_dpi->Enable(false);
        return;
    }
    const auto f = m_choices.FormatOf(m_choices.queues[static_cast<std::size_t>(i)]);
    m_language->SetSelection(f.IsZpl() ? 1 : 0);
    int dpiIndex = 0;
    for (int k = 0; k < 3; ++k)
        if (printing::QueueSettings::kZplDpis[k] == f.dpi) dpiIndex = k;
    m_dpi->SetSelection(dpiIndex);
    m_dpi->Enable(f.IsZpl());
}

void PrintersPanel::FormatEdited() {
    const int i = m_queues->GetSelection();
    if (i == wxNOT_FOUND || i >= static_cast<int>(m_choices.queues.size())) return;
    printing::QueueFormat f;
    f.queue = m_choices.queues[static_cast<std::size_t>(i)];
    f.language = m_language->GetSelection() == 1 ? printing::QueueLanguage::Zpl : printing::QueueLanguage::Pdf;
    f.dpi = printing::QueueSettings::kZplDpis[std::max(0, m_dpi->GetSelection())];
    m_choices.SetFormat(f);
    m_queues->SetString(static_cast<unsigned>(i), QueueLine(f.queue));
    m_dpi->Enable(f.IsZpl());
}

void PrintersPanel::Save() {
    m_busy = true;
    m_save->Enable(false);
    presenters::PrinterChoices chosen = m_choices;
    chosen.labels = Chosen(m_labels);
    chosen.documents = Chosen(m_documents);
    m_worker.Post([ref = m_self, stack = &m_stack, chosen] {
        presenters::PrinterChoices c;
        std::string message;
        try {
            const auto refusal = presenters::SavePrinterChoices(*stack->store, stack->clock, stack->op, chosen);
            message = refusal ? *refusal : "Imprimantes enregistrées.";
            c = presenters::LoadPrinterChoices(*stack->store);
        } catch (const std::exception& e) {
            message = e.what();
        }
        PostToGui(ref, [c, message](PrintersPanel& p) { p.Show(c, message); });
    });
}

}  // namespace vigie::gui
