#pragma once
// The automation hook's operator commands (issue #6), kept beside the switcher so that
// Automation.cpp only forwards to them:
//   switch-operator NAME PIN   chooses NAME and types PIN in the lock screen if shown, else in the
//                              « Changer d'opérateur » dialog (F12), validates, waits for the answer
//   inactivity                 as if app.lock_minutes had passed without input (locks the screen)
//   operator-dialog            F12
// and the "operator" part of `dump`.

#include <string>
#include <vector>

#include <wx/frame.h>

#include "app/gui/OperatorSwitcher.h"

namespace vigie::gui {

struct OperatorStep {
    bool handled = false;  // not an operator command: the caller goes on
    bool done = true;      // false: call again on the next tick (`waiting` stays set)
    std::string json;      // the result line, when done
};

OperatorStep OperatorAutomation(OperatorSwitcher& switcher, const std::vector<std::string>& words, bool& waiting,
                                double waitedMs);
// ,"operator":{…} — read from the widgets (status bar, lock screen, dialog).
std::string OperatorDump(const OperatorSwitcher& switcher, wxFrame& frame);

}  // namespace vigie::gui
