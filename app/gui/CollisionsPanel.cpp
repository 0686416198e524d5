#include "app/gui/CollisionsPanel.h"

#include <wx/sizer.h>

#include "app/gui/Automation.h"
#include "app/gui/Palette.h"

namespace vigie::gui {

using presenters::Tone;

namespace {
wxString U(const std::string& s) { return wxString::FromUTF8(s); }
std::string S(const wxString& s) { return s.utf8_string(); }
}  // namespace

CollisionsPanel::CollisionsPanel(wxWindow* parent, AppStack& stack, Worker& worker, const domain::Operator& op)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "collisions"),
      m_stack(stack),
      m_worker(worker),
      m_op(op),
      m_self(MakeWindowRef(this)) {
    m_summary = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "summary");
    m_refresh = new wxButton(this, wxID_ANY, U("&Actualiser"), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "refresh");
    m_list = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 96), wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, "list");
    const std::pair<const char*, int> columns[] = {{"N°", 50}, {"Date", 140}, {"INS refusé à", 230},
                                                   {"INS porté par", 230}, {"Opérateur", 140}};
    for (const auto& [title, width] : columns) m_list->AppendColumn(U(title), wxLIST_FORMAT_LEFT, width);
    m_sides = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 250), wxLC_REPORT | wxLC_SINGLE_SEL,
                             wxDefaultValidator, "sides");
    m_sides->AppendColumn(U("Trait"), wxLIST_FORMAT_LEFT, 190);
    m_sides->AppendColumn(U("Identité à qui l'INS a été refusé"), wxLIST_FORMAT_LEFT, 300);
    m_sides->AppendColumn(U("Identité qui porte l'INS"), wxLIST_FORMAT_LEFT, 300);
    m_ins = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "ins");
    m_verdict = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                             "verdict");
    for (const auto& label : m_presenter.View().verdicts) m_verdict->Append(U(label));
    m_comment = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 54), wxTE_MULTILINE,
                               wxDefaultValidator, "comment");
    m_comment->SetHint(U("Ce qui a été constaté et décidé (obligatoire)"));
    m_review = new wxButton(this, wxID_ANY, U("&Marquer comme examinée"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "review");
    m_message = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "message");

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(m_summary, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(m_refresh, 0);
    auto* form = new wxFlexGridSizer(2, 6, 8);
    form->AddGrowableCol(1);
    form->Add(new wxStaticText(this, wxID_ANY, U("Conclusion :")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(m_verdict, 0);
    form->Add(new wxStaticText(this, wxID_ANY, U("Commentaire :")), 0, wxALIGN_TOP);
    form->Add(m_comment, 1, wxEXPAND);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(top, 0, wxEXPAND | wxALL, 8);
    col->Add(m_list, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    col->Add(m_sides, 1, wxEXPAND | wxALL, 8);
    col->Add(m_ins, 0, wxLEFT | wxRIGHT, 8);
    col->Add(form, 0, wxEXPAND | wxALL, 8);
    col->Add(m_review, 0, wxLEFT | wxRIGHT, 8);
    col->Add(m_message, 0, wxALL, 8);
    SetSizer(col);

    m_refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (static_cast<int>(e.GetIndex()) == m_presenter.View().selection) return;
        m_presenter.Select(static_cast<int>(e.GetIndex()));
        RenderForm();
    });
    m_verdict->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        m_presenter.SetVerdict(m_verdict->GetSelection());
        RenderForm();
    });
    m_comment->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        m_presenter.SetComment(S(m_comment->GetValue()));
        m_review->Enable(m_presenter.View().canReview);
    });
    m_review->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Review(); });
    Render();
}

void CollisionsPanel::Reload() {
    if (m_presenter.View().loading) return;
    m_presenter.OnLoading();
    Render();
    m_worker.Post([ref = m_self, stack = &m_stack, op = m_op] {
        try {
            auto list = usecases::CollisionReview(*stack->store, stack->clock).ListOpen(op);
            PostToGui(ref, [list = std::move(list)](CollisionsPanel& p) mutable {
                p.m_presenter.OnLoaded(std::move(list));
                p.Render();
            });
        } catch (const std::exception& e) {
            PostToGui(ref, [msg = std::string(e.what())](CollisionsPanel& p) {
                p.m_presenter.OnFailed(msg);
                p.Render();
            });
        }
    });
}

void CollisionsPanel::Select(int row) {
    m_presenter.Select(row);
    Render();
}

bool CollisionsPanel::SetVerdict(const std::string& code) {
    const auto verdict = usecases::ParseVerdict(code);
    if (!verdict) return false;
    for (int k = 0; k < static_cast<int>(std::size(usecases::kVerdicts)); ++k)
        if (usecases::kVerdicts[k] == *verdict) m_presenter.SetVerdict(k);
    RenderForm();
    return true;
}

void CollisionsPanel::SetComment(const std::string& text) {
    m_comment->SetValue(U(text));  // wxEVT_TEXT → the presenter, as when typed
}

bool CollisionsPanel::Review() {
    const auto request = m_presenter.PrepareReview();
    RenderForm();
    if (!request) return false;
    m_worker.Post([ref = m_self, stack = &m_stack, op = m_op, request = *request] {
        usecases::CollisionReviewResult result;
        try {
            result = usecases::CollisionReview(*stack->store, stack->clock).MarkReviewed(op, request);
        } catch (const std::exception& e) {
            result.refusal = domain::Refusal{"error", e.what()};
        }
        PostToGui(ref, [result = std::move(result)](CollisionsPanel& p) {
            const bool reload = p.m_presenter.OnReviewed(result);
            p.RenderForm();
            if (reload) p.Reload();
        });
    });
    return true;
}

void CollisionsPanel::Render() {
    const auto& v = m_presenter.View();
    m_summary->SetLabel(U(v.loading ? "Chargement…" : v.summary));
    m_refresh->Enable(!v.loading);
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (const auto& r : v.rows) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), U(r.number));
        m_list->SetItem(row, 1, U(r.when));
        m_list->SetItem(row, 2, U(r.refused));
        m_list->SetItem(row, 3, U(r.holder));
        m_list->SetItem(row, 4, U(r.by));
    }
    if (v.selection >= 0 && v.selection < m_list->GetItemCount()) m_list->Select(v.selection);
    m_list->Thaw();
    RenderForm();
}

void CollisionsPanel::RenderForm() {
    const auto& v = m_presenter.View();
    m_sides->Freeze();
    m_sides->DeleteAllItems();
    for (const auto& s : v.sides) {
        const long row = m_sides->InsertItem(m_sides->GetItemCount(), U((s.differs ? "≠ " : "") + s.label));
        m_sides->SetItem(row, 1, U(s.refused));
        m_sides->SetItem(row, 2, U(s.holder));
        if (s.differs) {
            m_sides->SetItemBackgroundColour(row, Background(Tone::Warning));
            m_sides->SetItemTextColour(row, Foreground(Tone::Warning));
        }
    }
    m_sides->Thaw();
    m_ins->SetLabel(U(v.ins));
    m_verdict->SetSelection(v.verdict >= 0 ? v.verdict : wxNOT_FOUND);
    if (S(m_comment->GetValue()) != v.comment) m_comment->ChangeValue(U(v.comment));
    const bool editable = v.selection >= 0 && !v.loading && !v.reviewing;
    m_verdict->Enable(editable);
    m_comment->Enable(editable);
    m_review->Enable(v.canReview);
    m_message->SetLabel(U(v.message));
    m_message->SetForegroundColour(v.messageTone == Tone::Neutral ? GetForegroundColour() : Foreground(v.messageTone));
    m_message->SetBackgroundColour(v.messageTone == Tone::Neutral ? GetBackgroundColour() : Background(v.messageTone));
    Layout();
}

std::string CollisionsPanel::DumpJson() const {
    const auto& v = m_presenter.View();
    const auto b = [](bool x) { return x ? "true" : "false"; };
    std::string rows, sides;
    for (const auto& r : v.rows)
        rows += (rows.empty() ? "" : ",") + std::string(R"({"number":)") + JsonString(r.number) + R"(,"refused":)" +
                JsonString(r.refused) + R"(,"holder":)" + JsonString(r.holder) + R"(,"by":)" + JsonString(r.by) + "}";
    for (long k = 0; k < m_sides->GetItemCount(); ++k)
        sides += (sides.empty() ? "" : ",") + std::string(R"({"label":)") + JsonString(S(m_sides->GetItemText(k, 0))) +
                 R"(,"refused":)" + JsonString(S(m_sides->GetItemText(k, 1))) + R"(,"holder":)" +
                 JsonString(S(m_sides->GetItemText(k, 2))) + "}";
    return R"("summary":)" + JsonString(S(m_summary->GetLabel())) + R"(,"rows":[)" + rows + R"(],"sides":[)" + sides +
           R"(],"ins":)" + JsonString(S(m_ins->GetLabel())) + R"(,"verdict":)" +
           JsonString(m_verdict->GetSelection() == wxNOT_FOUND ? "" : S(m_verdict->GetStringSelection())) +
           R"(,"comment":)" + JsonString(S(m_comment->GetValue())) + R"(,"review_enabled":)" +
           b(m_review->IsEnabled()) + R"(,"busy":)" + b(Busy()) + R"(,"message":)" +
           JsonString(S(m_message->GetLabel()));
}

}  // namespace vigie::gui
