// `dump NAME`: the widgets' state as one JSON line, read from the widgets themselves (labels,
// visibility, enabled buttons, list contents, highlighted rows), not from the presenter.
#include "app/gui/Automation.h"
#include "app/gui/CounterFrame.h"
#include "app/gui/Palette.h"

namespace vigie::gui {

namespace {

std::string Str(const wxString& s) { return JsonString(s.utf8_string()); }
const char* Bool(bool b) { return b ? "true" : "false"; }

std::string ListItems(wxListBox* list) {
    std::string out = "[";
    for (unsigned i = 0; i < list->GetCount(); ++i) out += (i ? "," : "") + Str(list->GetString(i));
    return out + "]";
}

}  // namespace

void Automation::Dump(const std::string& name) {
    StatusPanel* s = m_frame.Status();
    ProposalPanel* p = m_frame.Proposal();
    std::string j = R"({"event":"dump","name":)" + JsonString(name);
    j += R"(,"reader":)" + Str(s->m_reader->GetLabel()) + R"(,"card":)" + Str(s->m_card->GetLabel()) +
         R"(,"insi":)" + Str(s->m_insi->GetLabel());
    j += R"(,"banner_shown":)" + std::string(Bool(s->m_banner->IsShown())) + R"(,"banner":)" +
         Str(s->m_banner->IsShown() ? s->m_bannerText->GetLabel() : wxString());
    const bool shown = p->IsShown();
    j += R"(,"proposal_shown":)" + std::string(Bool(shown));
    if (shown) {
        j += R"(,"title":)" + Str(p->m_title->GetLabel()) + R"(,"badge":)" +
             Str(p->m_badge->IsShown() ? p->m_badge->GetLabel().Strip(wxString::both) : wxString()) +
             R"(,"attributes":)" + Str(p->m_attributes->GetLabel()) + R"(,"local":)" + Str(p->m_local->GetLabel()) +
             R"(,"insi_outcome":)" + Str(p->m_insiOutcome->GetLabel()) + R"(,"message":)" + Str(p->m_message->GetLabel());
        j += R"(,"rows":[)";
        const wxColour highlight = Background(presenters::Tone::Warning);
        for (long i = 0; i < p->m_rows->GetItemCount(); ++i) {
            j += std::string(i ? "," : "") + R"({"label":)" + Str(p->m_rows->GetItemText(i, 0)) + R"(,"local":)" +
                 Str(p->m_rows->GetItemText(i, 1)) + R"(,"ins":)" + Str(p->m_rows->GetItemText(i, 2)) +
                 R"(,"highlighted":)" + Bool(p->m_rows->GetItemBackgroundColour(i) == highlight) + "}";
        }
        j += R"(],"buttons":{"create":)" + std::string(Bool(p->m_create->IsEnabled())) + R"(,"take":)" +
             Bool(p->m_take->IsEnabled()) + R"(,"validate":)" + Bool(p->m_validate->IsEnabled()) + R"(,"print":)" +
             Bool(p->m_print->IsEnabled()) + "}";
    }
    if (BeneficiaryDialog* d = m_frame.Picker())
        j += R"(,"picker":{"shown":)" + std::string(Bool(d->IsShown())) + R"(,"items":)" + ListItems(d->m_list) + "}";
    if (DocumentDialog* d = m_frame.Documents())
        j += R"(,"documents":{"shown":)" + std::string(Bool(d->IsShown())) + R"(,"items":)" + ListItems(d->m_list) +
             R"(,"selection":)" + std::to_string(d->m_list->GetSelection()) + R"(,"ok_enabled":)" +
             Bool(d->m_ok->IsEnabled()) + "}";
    const wxSize size = m_frame.GetSize();
    j += R"(,"window":{"width":)" + std::to_string(size.GetWidth()) + R"(,"height":)" + std::to_string(size.GetHeight()) + "}";
    j += R"(,"lag_max_ms":)" + std::to_string(m_lag.MaxMs()) + "}";
    Emit(j);
}

}  // namespace vigie::gui
