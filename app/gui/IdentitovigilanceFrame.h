#pragma once
// « Identitovigilance » (F7, issue #6): the identitovigilance referent's screen — bulk
// verification of the patient file (BulkVerificationPanel), potential duplicates
// (DuplicatesPanel), « Collisions INS » (CollisionsPanel: INS refused because another identity
// holds it, reviewed with a verdict), « Correction des traits INS » (TraitsCorrectionPanel), one
// tab per task. The others see the menu entry disabled with the reason
// (presenters::IdentitovigilanceAccess).
// The screen acts as the operator it was opened by; opened again by another operator, it is
// rebuilt (unless a verification is running: it is kept, paused, for its owner).
// Closing it pauses a running verification (resumable later) and hides the window.
// GUI thread only.

#include <functional>
#include <string>

#include <wx/frame.h>
#include <wx/notebook.h>

#include "app/gui/AppStack.h"
#include "app/gui/BulkVerificationPanel.h"
#include "app/gui/CollisionsPanel.h"
#include "app/gui/DuplicatesPanel.h"
#include "app/gui/TraitsCorrectionPanel.h"
#include "app/gui/Worker.h"

namespace vigie::gui {

class IdentitovigilanceFrame final : public wxFrame {
public:
    IdentitovigilanceFrame(wxWindow* parent, AppStack& stack, Worker& worker, const domain::Operator& op);

    const domain::Operator& Op() const { return m_op; }
    BulkVerificationPanel* Bulk() const { return m_bulk; }
    DuplicatesPanel* Duplicates() const { return m_duplicates; }
    CollisionsPanel* Collisions() const { return m_collisions; }
    TraitsCorrectionPanel* Traits() const { return m_traits; }
    wxNotebook* Pages() const { return m_pages; }
    std::string DumpJson() const;  // JSON members (no braces)

private:
    AppStack& m_stack;
    Worker& m_worker;
    domain::Operator m_op;
    wxNotebook* m_pages;
    BulkVerificationPanel* m_bulk;
    DuplicatesPanel* m_duplicates;
    CollisionsPanel* m_collisions;
    TraitsCorrectionPanel* m_traits;
};

// The open screen, if any (a child of `owner`).
IdentitovigilanceFrame* FindIdentitovigilance(wxWindow& owner);
// Opens (or raises) the screen for `op`; nullptr when `op` may not (the reason is in the menu).
IdentitovigilanceFrame* OpenIdentitovigilance(wxWindow& owner, AppStack& stack, Worker& worker,
                                              const domain::Operator& op);
// Adds « Identitovigilance… » (F7) to the menu bar of `frame`, enabled for the referent only and
// re-evaluated whenever a menu opens; `current` names the operator at the counter.
void InstallIdentitovigilanceMenu(wxFrame& frame, AppStack& stack, Worker& worker,
                                  std::function<domain::Operator()> current);

}  // namespace vigie::gui
