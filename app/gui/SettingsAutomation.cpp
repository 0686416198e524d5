#include "app/gui/SettingsAutomation.h"

#include <cstdlib>

#include "app/gui/ConnectionAutomation.h"
#include "app/gui/CounterFrame.h"
#include "app/gui/OperatorsPanel.h"
#include "app/gui/PrintersPanel.h"
#include "app/gui/SettingsFrame.h"
#include "core/util/Json.h"

namespace vigie::gui {

namespace {

std::string Quote(const std::string& s) {
    std::string out;
    util::AppendJsonString(out, s);
    return out;
}
std::string Str(const wxString& s) { return Quote(s.utf8_string()); }
const char* Bool(bool b) { return b ? "true" : "false"; }
std::string Rest(const std::string& line, int words) {  // the line after its first `words` words
    std::size_t at = 0;
    for (int i = 0; i < words && at != std::string::npos; ++i) {
        at = line.find_first_not_of(' ', at);
        at = at == std::string::npos ? at : line.find(' ', at);
    }
    return at == std::string::npos ? "" : line.substr(line.find_first_not_of(' ', at));
}
std::string Result(const std::string& cmd, bool ok, const std::string& more = "") {
    return R"({"event":)" + Quote(cmd) + R"(,"ok":)" + Bool(ok) + more + "}";
}
void SetSpin(wxSpinCtrlDouble* spin, double value) {
    spin->SetValue(value);
    wxSpinDoubleEvent e(wxEVT_SPINCTRLDOUBLE, spin->GetId(), value);
    e.SetEventObject(spin);
    spin->GetEventHandler()->ProcessEvent(e);
}

}  // namespace

SettingsStep SettingsAutomation(CounterFrame& frame, const std::vector<std::string>& w, const std::string& line,
                                bool& waiting, double waitedMs) {
    SettingsStep step;
    const std::string& cmd = w[0];
    if (cmd != "settings" && cmd.rfind("settings-", 0) != 0 && cmd.rfind("rules-", 0) != 0 &&
        cmd.rfind("insi-", 0) != 0 && cmd.rfind("documents-", 0) != 0)
        return step;
    step.handled = true;
    const std::string arg = w.size() > 1 ? w[1] : "";
    if (cmd == "settings") {
        const auto access = frame.OpenSettings();
        step.json = Result(cmd, access.enabled, R"(,"reason":)" + Quote(access.reason));
        return step;
    }
    SettingsFrame* s = frame.Settings();
    if (cmd == "settings-wait") {
        waiting = true;
        const int limit = arg.empty() ? 10000 : std::atoi(arg.c_str());
        const bool done = s && !s->Busy() && !s->m_operators->Busy() && !s->m_printers->Busy() && !ConnectionBusy(*s) &&
                          frame.Jobs().Idle();
        if (!done && waitedMs < limit) {
            step.done = false;
            return step;
        }
        step.json = Result(cmd, done, R"(,"waited_ms":)" + std::to_string(waitedMs));
        return step;
    }
    if (!s) {
        step.json = Result(cmd, false, R"(,"reason":"fenêtre Réglages fermée")");
        return step;
    }
    if (cmd.rfind("insi-", 0) == 0 || cmd.rfind("documents-", 0) == 0) {  // ConnectionAutomation.h
        step.json = ConnectionAutomation(*s, w, line);
        return step;
    }
    LabelRulesPanel* p = s->m_rules;
    auto& editor = s->Editor();
    bool ok = true;
    if (cmd == "rules-select") {
        ok = s->SelectRuleSet(arg);
    } else if (cmd == "rules-stock" && w.size() >= 3) {
        p->m_width->SetValue(std::atof(w[1].c_str()));  // both typed, then one change event
        SetSpin(p->m_height, std::atof(w[2].c_str()));
    } else if (cmd == "rules-field") {
        const auto kind = printing::ParseFieldKindCode(arg);
        ok = kind && editor.SelectFieldKind(*kind);
        p->Render();
        step.json = Result(cmd, ok, R"(,"can_remove":)" + std::string(Bool(p->m_removeField->IsEnabled())) +
                                        R"(,"reason":)" + Str(p->m_removeReason->GetLabel()));
        return step;
    } else if (cmd == "rules-remove-field") {
        ok = p->m_removeField->IsEnabled();
        LabelRulesPanel::Click(p->m_removeField);
    } else if (cmd == "rules-add-text") {
        editor.AddField(printing::LabelFieldKind::FreeText);
        editor.SetFieldText(Rest(line, 1));
        s->Changed();
    } else if (cmd == "rules-new" && w.size() >= 2) {
        ok = editor.NewFrom(arg, Rest(line, 2));
        s->Changed();
    } else if (cmd == "rules-save") {
        ok = p->m_save->IsEnabled();
        LabelRulesPanel::Click(p->m_save);
    } else if (cmd == "rules-remove") {
        ok = p->m_removeSet->IsEnabled();
        if (ok) s->RemoveSet(false);
    } else if (cmd == "rules-export") {
        s->ExportTo(arg);
    } else if (cmd == "rules-import") {
        s->ImportFrom(arg);
    } else if (cmd == "settings-close") {
        s->Close();
    } else {
        step.json = Result("error", false, R"(,"message":)" + Quote("commande inconnue : " + cmd));
        return step;
    }
    step.json = Result(cmd, ok);
    return step;
}

std::string SettingsDump(CounterFrame& frame) {
    SettingsFrame* s = frame.Settings();
    if (!s || !s->IsShown()) return "";
    return R"(,"settings":{)" + s->DumpJson() + "}";
}

std::string SettingsFrame::DumpJson() const {
    const LabelRulesPanel* p = m_rules;
    auto list = [](const wxArrayString& items) {
        std::string out = "[";
        for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + Str(items[i]);
        return out + "]";
    };
    const wxBitmap bmp = p->m_preview->GetBitmap();
    std::string j = R"("page":)" + Str(m_pages->GetPageText(m_pages->GetSelection())) + R"(,"rule_sets":)" +
                    list(p->m_ruleSets->GetStrings()) + R"(,"rule_set":)" + Str(p->m_ruleSets->GetStringSelection()) +
                    R"(,"name":)" + Quote(m_presenter.Draft().name) + R"(,"width":)" +
                    std::to_string(p->m_width->GetValue()) + R"(,"height":)" + std::to_string(p->m_height->GetValue()) +
                    R"(,"fields":)" + list(p->m_fields->GetStrings()) + R"(,"field":)" +
                    Str(p->m_fields->GetStringSelection()) + R"(,"can_remove_field":)" +
                    Bool(p->m_removeField->IsEnabled()) + R"(,"remove_reason":)" + Str(p->m_removeReason->GetLabel()) +
                    R"(,"problems":)" + Str(p->m_problems->GetLabel()) + R"(,"message":)" +
                    Str(p->m_message->GetLabel()) + R"(,"save_enabled":)" + Bool(p->m_save->IsEnabled()) +
                    R"(,"remove_set_enabled":)" + Bool(p->m_removeSet->IsEnabled()) + R"(,"preview":{"width":)" +
                    std::to_string(bmp.IsOk() ? bmp.GetWidth() : 0) + R"(,"height":)" +
                    std::to_string(bmp.IsOk() ? bmp.GetHeight() : 0) + R"(,"text":)" +
                    Str(p->m_previewText->GetLabel()) + "}";
    j += R"(,"operators":[)";
    for (long i = 0; i < m_operators->m_list->GetItemCount(); ++i)
        j += std::string(i ? "," : "") + R"({"name":)" + Str(m_operators->m_list->GetItemText(i, 0)) + R"(,"role":)" +
             Str(m_operators->m_list->GetItemText(i, 1)) + R"(,"pin":)" + Str(m_operators->m_list->GetItemText(i, 2)) + "}";
    j += R"(],"printers":{"labels":)" + Str(m_printers->m_labels->GetStringSelection()) + R"(,"documents":)" +
         Str(m_printers->m_documents->GetStringSelection()) + R"(,"message":)" + Str(m_printers->m_message->GetLabel()) + "}";
    j += ConnectionDump(*this);
    return j;
}

}  // namespace vigie::gui
