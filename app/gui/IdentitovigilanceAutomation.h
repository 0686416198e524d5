#pragma once
// The automation hook's Identitovigilance commands (issue #6), kept beside the screen so that
// Automation.cpp only forwards to them:
//   identitovigilance            F7: opens the screen (ok false when the operator may not)
//   bulk-start | bulk-pause | bulk-resume   press « Lancer la vérification » | « Pause » | « Reprendre »
//   bulk-wait done|paused|ready [MS]   the run finished | paused (job ended) | screen loaded
//                                (default 20 000 ms; a timeout is a result with ok false)
//   seed-ins N                   test set-up: N identities holding an INS unknown to INSi (the
//                                demo referent creates them; the verification removes their INS)
//   traits-open IPP              « Correction des traits INS » tab: opens that identity (loaded on
//                                the worker; `traits-wait` for it)
//   traits-search TEXT…          types in the tab's search box (name, birth date, IPP; debounced,
//                                run on the worker: `traits-wait` for the results)
//   traits-pick N                chooses result N: opens that identity (`traits-wait` for it)
//   traits-set FIELD VALUE…      birth_name | first_names | birth_date | sex | birth_place
//   traits-check | traits-confirm   press « Vérifier » | « Confirmer la correction »
//   traits-wait [MS]             the tab is idle (identity loaded, correction applied)
//   collisions                   « Collisions INS » tab: shown and reloaded (on the worker)
//   collisions-wait [MS]         the tab is idle (list loaded, review written and list reloaded)
//   collisions-select N | collisions-verdict meme-personne|personnes-differentes|autre
//   collisions-comment TEXT…     choose a collision, a verdict, type the comment
//   collisions-review            press « Marquer comme examinée »
//   seed-collision IPP           test set-up: a second local identity (traits of IPP, first name
//                                JULES) is refused the INS IPP holds — a real journaled collision
// and the "identitovigilance" part of `dump`.

#include <string>
#include <vector>

#include <wx/frame.h>

#include "app/gui/AppStack.h"
#include "app/gui/Worker.h"

namespace vigie::gui {

struct IdentitovigilanceStep {
    bool handled = false;  // not one of these commands: the caller goes on
    bool done = true;      // false: call again on the next tick (`waiting` stays set)
    std::string json;      // the result line, when done
};

IdentitovigilanceStep IdentitovigilanceAutomation(wxFrame& frame, AppStack& stack, Worker& worker,
                                                  const domain::Operator& current, const std::vector<std::string>& words,
                                                  bool& waiting, double waitedMs);
// ,"identitovigilance":{…} when the screen is shown, else "".
std::string IdentitovigilanceDump(wxFrame& frame);

}  // namespace vigie::gui
