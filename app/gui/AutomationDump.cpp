// `dump NAME`: the widgets' state as one JSON line, read from the widgets themselves (labels,
// visibility, enabled buttons, list contents, highlighted rows), not from the presenter.
#include "app/gui/Automation.h"
#include "app/gui/CounterFrame.h"
#include "app/gui/IdentitovigilanceAutomation.h"
#include "app/gui/OperatorAutomation.h"
#include "app/gui/PrintAutomation.h"
#include "app/gui/SettingsAutomation.h"
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
    if (PrintDialog* d = m_frame.Printing().Dialog()) {
        const wxBitmap bmp = d->m_preview->GetBitmap();
        j += R"(,"print":{"shown":)" + std::string(Bool(d->IsShown())) + R"(,"title":)" + Str(d->GetTitle()) +
             R"(,"targets":)" + ListItems(d->m_targets) + R"(,"target":)" + Str(d->m_targets->GetStringSelection()) +
             R"(,"copies":)" + std::to_string(d->m_copies->GetValue()) + R"(,"copies_enabled":)" +
             Bool(d->m_copies->IsEnabled()) + R"(,"destination":)" + Str(d->m_destination->GetStringSelection()) +
             R"(,"preview":{"width":)" + std::to_string(bmp.IsOk() ? bmp.GetWidth() : 0) + R"(,"height":)" +
             std::to_string(bmp.IsOk() ? bmp.GetHeight() : 0) + R"(,"text":)" + Str(d->m_previewText->GetLabel()) +
             R"(},"message":)" + Str(d->m_message->GetLabel()) + R"(,"print_enabled":)" + Bool(d->m_print->IsEnabled()) +
             PrintContentDump(*d) + "}";
    }
    if (PatientsFrame* pf = m_frame.Patients(); pf && pf->IsShown()) {
        PatientSheetPanel* sp = pf->m_sheetPanel;
        j += R"(,"patients":{"query":)" + Str(pf->m_query->GetValue()) + R"(,"summary":)" + Str(pf->m_summary->GetLabel()) +
             R"(,"rows":[)";
        for (long i = 0; i < pf->m_results->GetItemCount(); ++i)
            j += std::string(i ? "," : "") + R"({"ipp":)" + Str(pf->m_results->GetItemText(i, 0)) + R"(,"birth_name":)" +
                 Str(pf->m_results->GetItemText(i, 1)) + R"(,"first_names":)" + Str(pf->m_results->GetItemText(i, 2)) +
                 R"(,"birth_date":)" + Str(pf->m_results->GetItemText(i, 3)) + R"(,"status":)" +
                 Str(pf->m_results->GetItemText(i, 4)) + "}";
        j += R"(],"sheet":{"title":)" + Str(sp->m_title->GetLabel()) + R"(,"badge":)" +
             Str(sp->m_badge->GetLabel().Strip(wxString::both)) + R"(,"ins":)" + Str(sp->m_ins->GetLabel()) +
             R"(,"ins_history":)" + Str(sp->m_insHistory->GetLabel()) + R"(,"billing":)" + ListItems(sp->m_billing) +
             R"(,"timeline":)" + ListItems(sp->m_timeline) + R"(,"retrieve":)" + Bool(sp->m_retrieve->IsEnabled()) +
             R"(,"accept":)" + Bool(sp->m_accept->IsShown() && sp->m_accept->IsEnabled()) + R"(,"retrieval":)" +
             Str(sp->m_retrievalOutcome->GetLabel()) + R"(,"retrieval_rows":)" +
             std::to_string(sp->m_retrievalRows->GetItemCount()) + R"(,"message":)" + Str(sp->m_message->GetLabel()) + "}";
        if (NewPatientDialog* n = pf->NewPatientForm())
            j += R"(,"new_patient":{"message":)" + Str(n->m_message->GetLabel()) + R"(,"duplicates":)" +
                 ListItems(n->m_duplicates) + R"(,"force":)" + Bool(n->m_force->IsShown()) + "}";
        j += "}";
    }
    if (DashboardFrame* db = m_frame.Dashboard(); db && db->IsShown()) j += R"(,"dashboard":{)" + db->DumpJson() + "}";
    j += OperatorDump(m_frame.Switcher(), m_frame);  // issue #6
    j += SettingsDump(m_frame);  // issue #6, Réglages
    j += IdentitovigilanceDump(m_frame);  // issue #6, F7
    const wxSize size = m_frame.GetSize();
    j += R"(,"window":{"width":)" + std::to_string(size.GetWidth()) + R"(,"height":)" + std::to_string(size.GetHeight()) + "}";
    j += R"(,"lag_max_ms":)" + std::to_string(m_lag.MaxMs()) + "}";
    Emit(j);
}

}  // namespace vigie::gui
