#pragma once
// No display: the same headless counter as `vigie-cli counter --simulated CARD --auto-accept
// --document passeport` on the embedded demo stack, printed as JSON lines.

namespace vigie::gui {

int RunHeadlessDemo();

}  // namespace vigie::gui
