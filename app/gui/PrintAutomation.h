#pragma once
// The automation hook's commands for the content of an ordonnance / plan de prise in the
// Impression dialog (issue #6), kept beside the dialog so that Automation.cpp only forwards:
//   print-line CELL|CELL|…     a new line at the end (cells in the grid's order: Médicament,
//                              Quantité, Posologie | Médicament, Matin, Midi, Soir, Coucher, Remarques)
//   print-remove-line N        1-based
//   print-notes TEXT…          « Remarques » (\n starts a new paragraph)
//   print-paper A4|A5
//   print-import PATH          « Importer un contenu… » answered with PATH
// and the "content" part of the "print" dump.

#include <string>
#include <vector>

namespace vigie::gui {

class CounterFrame;
class PrintDialog;

bool IsPrintContentCommand(const std::string& command);
// The result line (JSON) of one of those commands.
std::string PrintContentAutomation(CounterFrame& frame, const std::vector<std::string>& words, const std::string& line);
// ,"content":{…} read from the dialog's widgets.
std::string PrintContentDump(PrintDialog& dialog);

}  // namespace vigie::gui
