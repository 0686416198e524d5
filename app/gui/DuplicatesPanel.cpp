#include "app/gui/DuplicatesPanel.h"

#include <wx/sizer.h>

#include "app/gui/Automation.h"

namespace vigie::gui {

namespace {
wxString Lines(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return wxString::FromUTF8(s);
}
}  // namespace

DuplicatesPanel::DuplicatesPanel(wxWindow* parent, AppStack& stack, Worker& worker, const domain::Operator& op)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "duplicates"),
      m_stack(stack),
      m_worker(worker),
      m_op(op),
      m_self(MakeWindowRef(this)) {
    m_summary = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "summary");
    m_search = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Rechercher les doublons potentiels"),
                            wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "search");
    m_pairs = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 220), wxLC_REPORT | wxLC_SINGLE_SEL,
                             wxDefaultValidator, "pairs");
    m_pairs->AppendColumn(wxString::FromUTF8("Score"), wxLIST_FORMAT_RIGHT, 60);
    m_pairs->AppendColumn(wxString::FromUTF8("Identité"), wxLIST_FORMAT_LEFT, 240);
    m_pairs->AppendColumn(wxString::FromUTF8("Identité"), wxLIST_FORMAT_LEFT, 240);
    m_pairs->AppendColumn(wxString::FromUTF8("Motifs"), wxLIST_FORMAT_LEFT, 260);
    m_left = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "left");
    m_right = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "right");
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(m_summary, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(m_search, 0);
    auto* sides = new wxBoxSizer(wxHORIZONTAL);
    sides->Add(m_left, 1, wxALL, 8);
    sides->Add(m_right, 1, wxALL, 8);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(top, 0, wxEXPAND | wxALL, 8);
    col->Add(m_pairs, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    col->Add(sides, 0, wxEXPAND);
    SetSizer(col);
    m_search->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    m_pairs->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        m_presenter.Select(static_cast<int>(e.GetIndex()));
        m_left->SetLabel(Lines(m_presenter.View().left));
        m_right->SetLabel(Lines(m_presenter.View().right));
        Layout();
    });
    Render();
}

void DuplicatesPanel::Reload() {
    if (m_presenter.View().loading) return;
    m_presenter.OnLoading();
    Render();
    m_worker.Post([ref = m_self, stack = &m_stack, op = m_op] {
        try {
            auto result = usecases::DuplicateReview(*stack->store, stack->clock).Find(op);
            PostToGui(ref, [result = std::move(result)](DuplicatesPanel& p) mutable {
                p.m_presenter.OnLoaded(std::move(result));
                p.Render();
            });
        } catch (const std::exception& e) {
            PostToGui(ref, [msg = std::string(e.what())](DuplicatesPanel& p) {
                p.m_presenter.OnFailed(msg);
                p.Render();
            });
        }
    });
}

void DuplicatesPanel::Render() {
    const auto& v = m_presenter.View();
    m_summary->SetLabel(wxString::FromUTF8(v.loading || !v.message.empty() ? v.message : v.summary));
    m_search->Enable(!v.loading);
    m_pairs->DeleteAllItems();
    for (const auto& r : v.rows) {
        const long row = m_pairs->InsertItem(m_pairs->GetItemCount(), wxString::FromUTF8(r.score));
        m_pairs->SetItem(row, 1, wxString::FromUTF8(r.first));
        m_pairs->SetItem(row, 2, wxString::FromUTF8(r.second));
        m_pairs->SetItem(row, 3, wxString::FromUTF8(r.reasons));
    }
    if (v.selection >= 0 && v.selection < m_pairs->GetItemCount()) m_pairs->Select(v.selection);
    m_left->SetLabel(Lines(v.left));
    m_right->SetLabel(Lines(v.right));
    Layout();
}

std::string DuplicatesPanel::DumpJson() const {
    std::string j = R"("summary":)" + JsonString(m_summary->GetLabel().utf8_string()) + R"(,"pairs":)" +
                    std::to_string(m_pairs->GetItemCount()) + R"(,"left":)" +
                    JsonString(m_left->GetLabel().utf8_string()) + R"(,"right":)" +
                    JsonString(m_right->GetLabel().utf8_string());
    return j;
}

}  // namespace vigie::gui
