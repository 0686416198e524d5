#include "app/gui/ConnectionAutomation.h"

#include "app/gui/DocumentsPanel.h"
#include "app/gui/InsiPanel.h"
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
std::string Result(const std::string& cmd, bool ok, const std::string& more = "") {
    return R"({"event":)" + Quote(cmd) + R"(,"ok":)" + (ok ? "true" : "false") + more + "}";
}
std::string List(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + Quote(items[i]);
    return out + "]";
}
DocumentsPanel* Documents(const SettingsFrame& s) {
    return dynamic_cast<DocumentsPanel*>(s.FindWindow("documents_settings"));
}
InsiPanel* Insi(const SettingsFrame& s) { return dynamic_cast<InsiPanel*>(s.FindWindow("insi")); }
std::string Rest(const std::string& line, int words) {  // the line after its first `words` words
    std::size_t at = 0;
    for (int i = 0; i < words && at != std::string::npos; ++i) {
        at = line.find_first_not_of(' ', at);
        at = at == std::string::npos ? at : line.find(' ', at);
    }
    if (at == std::string::npos) return "";
    at = line.find_first_not_of(' ', at);
    return at == std::string::npos ? "" : line.substr(at);
}

}  // namespace

std::string ConnectionAutomation(SettingsFrame& s, const std::vector<std::string>& w, const std::string& line) {
    const std::string& cmd = w[0];
    DocumentsPanel* docs = Documents(s);
    InsiPanel* insi = Insi(s);
    if (insi && cmd.rfind("insi-", 0) == 0) s.m_pages->SetSelection(static_cast<std::size_t>(s.m_pages->FindPage(insi)));
    if (cmd == "insi-set" && w.size() >= 2 && insi) return Result(cmd, insi->SetField(w[1], Rest(line, 2)));
    if (cmd == "insi-save" && insi) {
        const bool ok = insi->m_save->IsEnabled();
        if (ok) insi->Save();
        return Result(cmd, ok);
    }
    if (cmd == "insi-revert" && insi) {
        insi->Reload();
        return Result(cmd, true);
    }
    if (cmd == "insi-import" && w.size() >= 3 && insi) {
        insi->Import(w[1], Rest(line, 2));
        return Result(cmd, true);
    }
    if (cmd == "documents-check" && w.size() >= 3 && docs) {
        s.m_pages->SetSelection(static_cast<std::size_t>(s.m_pages->FindPage(docs)));
        return Result(cmd, docs->SetChecked(w[1], w[2] == "on"));
    }
    if (cmd == "documents-save" && docs) {
        const bool ok = docs->m_save->IsEnabled();
        if (ok) docs->Save();
        return Result(cmd, ok);
    }
    return Result("error", false, R"(,"message":)" + Quote("commande inconnue : " + cmd));
}

bool ConnectionBusy(SettingsFrame& s) {
    const DocumentsPanel* docs = Documents(s);
    const InsiPanel* insi = Insi(s);
    return (docs && docs->Busy()) || (insi && insi->Busy());
}

std::string ConnectionDump(const SettingsFrame& s) {
    std::string j;
    if (const InsiPanel* insi = Insi(s)) j += R"(,"insi":)" + insi->DumpJson();
    if (const DocumentsPanel* docs = Documents(s)) {
        std::vector<std::string> labels;
        for (const auto& item : docs->m_list->GetStrings()) labels.push_back(item.utf8_string());
        j += R"(,"documents":)" + List(labels) + R"(,"documents_checked":)" + List(docs->CheckedCodes()) +
             R"(,"documents_message":)" + Str(docs->m_message->GetLabel());
    }
    return j;
}

}  // namespace vigie::gui
