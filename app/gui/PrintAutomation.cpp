#include "app/gui/PrintAutomation.h"

#include <cstdlib>
#include <sstream>

#include "app/gui/Automation.h"
#include "app/gui/CounterFrame.h"
#include "app/gui/PrintDialog.h"

namespace vigie::gui {

namespace {

std::string Str(const wxString& s) { return JsonString(s.utf8_string()); }
const char* Bool(bool b) { return b ? "true" : "false"; }

std::string Rest(const std::string& line) {  // the line after the command word
    const auto space = line.find(' ');
    return space == std::string::npos ? "" : line.substr(space + 1);
}

std::string Result(const std::string& cmd, bool ok, const std::string& message = "") {
    return R"({"event":)" + JsonString(cmd) + R"(,"ok":)" + Bool(ok) +
           (message.empty() ? "" : R"(,"message":)" + JsonString(message)) + "}";
}

}  // namespace

bool IsPrintContentCommand(const std::string& c) {
    return c == "print-line" || c == "print-remove-line" || c == "print-notes" || c == "print-paper" ||
           c == "print-import";
}

std::string PrintContentAutomation(CounterFrame& frame, const std::vector<std::string>& w, const std::string& line) {
    const std::string& cmd = w[0];
    const std::string arg = w.size() > 1 ? w[1] : "";
    PrintFlow& flow = frame.Printing();
    if (!flow.Dialog()) return Result(cmd, false, "fenêtre Impression fermée");
    if (cmd == "print-line") {
        std::vector<std::string> cells;
        std::istringstream in(Rest(line));
        for (std::string cell; std::getline(in, cell, '|');) cells.push_back(cell);
        const auto error = flow.SetLine(flow.Presenter().Content().RowCount(), cells);
        return Result(cmd, !error, error.value_or(""));
    }
    if (cmd == "print-remove-line") return Result(cmd, flow.RemoveLine(static_cast<std::size_t>(std::atoi(arg.c_str()) - 1)));
    if (cmd == "print-notes") {
        std::string text = Rest(line);
        for (std::size_t at; (at = text.find("\\n")) != std::string::npos;) text.replace(at, 2, "\n");
        flow.SetNotes(text);
        return Result(cmd, true);
    }
    if (cmd == "print-paper") {
        const auto paper = printing::ParsePaperFormatCode(arg);
        if (paper) flow.SetPaper(*paper);
        return Result(cmd, paper.has_value());
    }
    const bool ok = flow.ImportContent(Rest(line));  // print-import
    return Result(cmd, ok, flow.Dialog()->m_message->GetLabel().utf8_string());
}

std::string PrintContentDump(PrintDialog& d) {
    std::string j = R"(,"content":{"shown":)" + std::string(Bool(d.m_contentBox->IsShown())) + R"(,"columns":[)";
    for (int c = 0; c < d.m_lines->GetNumberCols(); ++c) j += (c ? "," : "") + Str(d.m_lines->GetColLabelValue(c));
    j += R"(],"rows":[)";
    for (int r = 0; r < d.m_lines->GetNumberRows(); ++r) {
        j += r ? ",[" : "[";
        for (int c = 0; c < d.m_lines->GetNumberCols(); ++c) j += (c ? "," : "") + Str(d.m_lines->GetCellValue(r, c));
        j += "]";
    }
    j += R"(],"notes":)" + Str(d.m_notes->GetValue()) + R"(,"paper":)" + Str(d.m_paper->GetStringSelection()) +
         R"(,"paper_enabled":)" + Bool(d.m_paper->IsEnabled()) + R"(,"message":)" + Str(d.m_contentMessage->GetLabel()) + "}";
    return j;
}

}  // namespace vigie::gui
