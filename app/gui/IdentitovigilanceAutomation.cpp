#include "app/gui/IdentitovigilanceAutomation.h"

#include <cstdio>

#include "app/gui/Automation.h"
#include "app/gui/IdentitovigilanceFrame.h"
#include "core/usecases/PatientService.h"

namespace vigie::gui {

using presenters::BulkPhase;

namespace {
const char* Bool(bool b) { return b ? "true" : "false"; }

bool Press(wxButton* button) {  // as a click: only an enabled button reacts
    if (!button || !button->IsEnabled()) return false;
    wxCommandEvent e(wxEVT_BUTTON, button->GetId());
    e.SetEventObject(button);
    button->ProcessWindowEvent(e);
    return true;
}

std::string Seed(AppStack& s, int n) {  // "" when done, else why not
    if (!s.referent || n <= 0) return "pas de référent (démo) ou nombre invalide";
    usecases::PatientService patients(*s.store, s.clock);
    std::vector<usecases::CreateRequest> requests;
    for (int i = 0; i < n; ++i) {
        domain::StrictTraits t;
        t.birthName = "VERIFICATION";
        // Letters only (INS character rules): LOT AA, LOT AB, …
        t.birthFirstNames = "LOT " + std::string{static_cast<char>('A' + i / 26 % 26), static_cast<char>('A' + i % 26)};
        t.firstBirthFirstName = "LOT";
        t.birthDate = domain::Date{1950 + i % 50, 1 + i % 12, 1 + i % 28};
        t.sex = i % 2 ? domain::Sex::Female : domain::Sex::Male;
        t.birthPlace = "63220";
        requests.push_back({t, "", "", true});
    }
    std::vector<domain::IdentityId> ids;
    if (auto r = patients.Import(*s.referent, requests, &ids); !r.Ok()) return r.refusal->message;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        domain::InsData ins;
        char matricule[32];
        std::snprintf(matricule, sizeof matricule, "1%012d%02d", static_cast<int>(900000 + i), 11);
        ins.active = {matricule, "1.2.250.1.213.1.4.10", "", ""};
        ins.retrievedAt = s.clock.NowUtc();
        if (auto r = patients.AcceptIns(*s.referent, ids[i], requests[i].traits, ins); !r.Ok()) return r.refusal->message;
    }
    return "";
}

// Test set-up: a real INS collision — a second local identity (the traits of dossier `ipp`, first
// name JULES) is refused the INS dossier `ipp` holds; PatientService journals the collision.
std::string SeedCollision(AppStack& s, const std::string& ipp) {  // "" when done, else why not
    if (!s.referent) return "pas de référent (démo)";
    usecases::PatientService patients(*s.store, s.clock);
    domain::Identity holder;
    try {
        holder = patients.Get(std::stoll(ipp)).identity;
    } catch (const std::exception&) {
        return "dossier introuvable : " + ipp;
    }
    if (!holder.ins) return "le dossier " + ipp + " ne porte pas d'INS";
    domain::StrictTraits t = holder.traits;
    t.birthFirstNames = t.firstBirthFirstName = "JULES";
    const auto created = patients.Create(*s.referent, {t, "", "", true});
    if (!created.Ok()) return created.refusal->message;
    const auto r = patients.AcceptIns(*s.referent, created.identity->id, holder.traits, *holder.ins);
    if (r.Ok() || r.refusal->code != "rule.ins_collision") return "pas de collision";
    return "";
}

CollisionsPanel* ShownCollisions(IdentitovigilanceFrame* screen) {
    return screen && screen->IsShown() ? screen->Collisions() : nullptr;
}

// The « Collisions INS » commands; step.handled stays false for any other command.
void CollisionsCommand(IdentitovigilanceStep& step, IdentitovigilanceFrame* screen, AppStack& stack,
                       const std::vector<std::string>& w, bool& waiting, double waitedMs) {
    const std::string& cmd = w[0];
    CollisionsPanel* panel = ShownCollisions(screen);
    const auto result = [&](bool ok) {
        step.handled = true;
        step.json = R"({"event":")" + cmd + R"(","ok":)" + Bool(ok) + "}";
    };
    if (cmd == "collisions") {
        if (panel) {
            screen->Pages()->SetSelection(static_cast<size_t>(screen->Pages()->FindPage(panel)));
            panel->Reload();
        }
        result(panel != nullptr);
    } else if (cmd == "collisions-wait") {
        step.handled = true;
        waiting = true;
        const double timeout = w.size() >= 2 ? std::stod(w[1]) : 10000;
        const bool reached = panel && !panel->Busy();
        if (!reached && waitedMs < timeout) {
            step.done = false;
            return;
        }
        step.json = R"({"event":"collisions-wait","ok":)" + std::string(Bool(reached)) + R"(,"ms":)" +
                    std::to_string(static_cast<long>(waitedMs)) + "}";
    } else if (cmd == "collisions-select" && w.size() >= 2) {
        if (panel) panel->Select(std::stoi(w[1]));
        result(panel != nullptr);
    } else if (cmd == "collisions-verdict" && w.size() >= 2) {
        result(panel && panel->SetVerdict(w[1]));
    } else if (cmd == "collisions-comment") {
        std::string text;
        for (std::size_t i = 1; i < w.size(); ++i) text += (i > 1 ? " " : "") + w[i];
        if (panel) panel->SetComment(text);
        result(panel != nullptr);
    } else if (cmd == "collisions-review") {
        result(panel && Press(dynamic_cast<wxButton*>(wxWindow::FindWindowByName("review", panel))));
    } else if (cmd == "seed-collision" && w.size() >= 2) {
        step.handled = true;
        const std::string error = SeedCollision(stack, w[1]);
        step.json = R"({"event":"seed-collision","ok":)" + std::string(Bool(error.empty())) + R"(,"message":)" +
                    JsonString(error) + "}";
    }
}
}  // namespace

IdentitovigilanceStep IdentitovigilanceAutomation(wxFrame& frame, AppStack& stack, Worker& worker,
                                                  const domain::Operator& current, const std::vector<std::string>& w,
                                                  bool& waiting, double waitedMs) {
    IdentitovigilanceStep step;
    const std::string& cmd = w[0];
    IdentitovigilanceFrame* screen = FindIdentitovigilance(frame);
    BulkVerificationPanel* bulk = screen && screen->IsShown() ? screen->Bulk() : nullptr;
    if (cmd == "identitovigilance") {
        step.handled = true;
        const bool ok = OpenIdentitovigilance(frame, stack, worker, current) != nullptr;
        step.json = R"({"event":"identitovigilance","ok":)" + std::string(Bool(ok)) + "}";
    } else if (cmd == "bulk-start" || cmd == "bulk-pause" || cmd == "bulk-resume") {
        step.handled = true;
        bool ok = false;
        if (bulk) {
            const std::string name = cmd == "bulk-start" ? "start" : cmd == "bulk-pause" ? "pause" : "resume";
            ok = Press(dynamic_cast<wxButton*>(wxWindow::FindWindowByName(name, bulk)));
        }
        step.json = R"({"event":")" + cmd + R"(","ok":)" + Bool(ok) + "}";
    } else if (cmd == "bulk-wait" && w.size() >= 2) {
        step.handled = true;
        waiting = true;
        const double timeout = w.size() >= 3 ? std::stod(w[2]) : 20000;
        bool reached = false;
        if (bulk) {
            const auto phase = bulk->View().phase;
            if (w[1] == "done") reached = !bulk->Running() && phase == BulkPhase::Done;
            else if (w[1] == "paused") reached = !bulk->Running() && phase == BulkPhase::Paused;
            else if (w[1] == "ready") reached = !bulk->Running() && phase != BulkPhase::Running;
        }
        if (!reached && waitedMs < timeout) {
            step.done = false;
            return step;
        }
        step.json = R"({"event":"bulk-wait","what":)" + JsonString(w[1]) + R"(,"ok":)" + Bool(reached) +
                    R"(,"ms":)" + std::to_string(static_cast<long>(waitedMs)) + "}";
    } else if (cmd == "traits-open" && w.size() >= 2) {
        step.handled = true;
        TraitsCorrectionPanel* traits = screen && screen->IsShown() ? screen->Traits() : nullptr;
        if (traits) {
            screen->Pages()->SetSelection(static_cast<size_t>(screen->Pages()->FindPage(traits)));
            traits->Open(w[1]);
        }
        step.json = R"({"event":"traits-open","ok":)" + std::string(Bool(traits != nullptr)) + "}";
    } else if (cmd == "traits-search" || (cmd == "traits-pick" && w.size() >= 2)) {
        step.handled = true;
        TraitsCorrectionPanel* traits = screen && screen->IsShown() ? screen->Traits() : nullptr;
        bool ok = traits != nullptr;
        if (traits && cmd == "traits-search") {
            std::string text;
            for (std::size_t i = 1; i < w.size(); ++i) text += (i > 1 ? " " : "") + w[i];
            screen->Pages()->SetSelection(static_cast<size_t>(screen->Pages()->FindPage(traits)));
            traits->Search(text);
        } else if (traits) {
            ok = traits->Pick(std::stoi(w[1]));
        }
        step.json = R"({"event":")" + cmd + R"(","ok":)" + Bool(ok) + "}";
    } else if (cmd == "traits-set" && w.size() >= 2) {
        step.handled = true;
        std::string value;
        for (std::size_t i = 2; i < w.size(); ++i) value += (i > 2 ? " " : "") + w[i];
        TraitsCorrectionPanel* traits = screen && screen->IsShown() ? screen->Traits() : nullptr;
        const bool ok = traits && traits->SetField(w[1], value);
        step.json = R"({"event":"traits-set","field":)" + JsonString(w[1]) + R"(,"ok":)" + Bool(ok) + "}";
    } else if (cmd == "traits-check" || cmd == "traits-confirm") {
        step.handled = true;
        TraitsCorrectionPanel* traits = screen && screen->IsShown() ? screen->Traits() : nullptr;
        bool ok = false;
        if (traits)
            ok = Press(dynamic_cast<wxButton*>(wxWindow::FindWindowByName(cmd == "traits-check" ? "check" : "confirm",
                                                                            traits)));
        step.json = R"({"event":")" + cmd + R"(","ok":)" + Bool(ok) + "}";
    } else if (cmd == "traits-wait") {
        step.handled = true;
        waiting = true;
        const double timeout = w.size() >= 2 ? std::stod(w[1]) : 10000;
        TraitsCorrectionPanel* traits = screen && screen->IsShown() ? screen->Traits() : nullptr;
        const bool reached = traits && !traits->Busy();
        if (!reached && waitedMs < timeout) {
            step.done = false;
            return step;
        }
        step.json = R"({"event":"traits-wait","ok":)" + std::string(Bool(reached)) + R"(,"ms":)" +
                    std::to_string(static_cast<long>(waitedMs)) + "}";
    } else if (cmd.rfind("collisions", 0) == 0 || cmd == "seed-collision") {
        CollisionsCommand(step, screen, stack, w, waiting, waitedMs);
    } else if (cmd == "seed-ins" && w.size() >= 2) {
        step.handled = true;
        const std::string error = Seed(stack, std::stoi(w[1]));
        step.json = R"({"event":"seed-ins","ok":)" + std::string(Bool(error.empty())) + R"(,"message":)" +
                    JsonString(error) + "}";
    }
    return step;
}

std::string IdentitovigilanceDump(wxFrame& frame) {
    IdentitovigilanceFrame* screen = FindIdentitovigilance(frame);
    if (!screen || !screen->IsShown()) return "";
    return R"(,"identitovigilance":{)" + screen->DumpJson() + "}";
}

}  // namespace vigie::gui
