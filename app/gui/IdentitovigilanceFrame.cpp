#include "app/gui/IdentitovigilanceFrame.h"

#include <wx/menu.h>
#include <wx/sizer.h>

#include "app/gui/Automation.h"

namespace vigie::gui {

namespace {
constexpr const char* kName = "identitovigilance";
const int kMenuId = wxID_HIGHEST + 170;
}  // namespace

IdentitovigilanceFrame::IdentitovigilanceFrame(wxWindow* parent, AppStack& stack, Worker& worker,
                                               const domain::Operator& op)
    : wxFrame(parent, wxID_ANY, wxString::FromUTF8("Vigie — Identitovigilance"), wxDefaultPosition, wxSize(860, 640),
              wxDEFAULT_FRAME_STYLE, kName),
      m_stack(stack),
      m_worker(worker),
      m_op(op) {
    m_pages = new wxNotebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "pages");
    m_bulk = new BulkVerificationPanel(m_pages, stack, op);
    m_pages->AddPage(m_bulk, wxString::FromUTF8("Vérification du fichier patients"), true);
    m_duplicates = new DuplicatesPanel(m_pages, stack, worker, op);
    m_pages->AddPage(m_duplicates, wxString::FromUTF8("Doublons potentiels"));
    m_collisions = new CollisionsPanel(m_pages, stack, worker, op);
    m_pages->AddPage(m_collisions, wxString::FromUTF8("Collisions INS"));
    m_traits = new TraitsCorrectionPanel(m_pages, stack, worker, op);
    m_pages->AddPage(m_traits, wxString::FromUTF8("Correction des traits INS"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, 1, wxEXPAND);
    SetSizer(sizer);

    wxAcceleratorEntry keys[] = {{wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE}};
    SetAcceleratorTable(wxAcceleratorTable(1, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        m_bulk->Pause();  // never left running unseen; « Reprendre » continues it
        if (e.CanVeto()) {
            e.Veto();
            Hide();
        } else {
            e.Skip();
        }
    });
    m_bulk->Load();
    m_duplicates->Reload();
    m_collisions->Reload();
}

std::string IdentitovigilanceFrame::DumpJson() const {
    return R"("operator":)" + JsonString(m_op.name) + R"(,"page":)" +
           JsonString(m_pages->GetPageText(static_cast<size_t>(std::max(m_pages->GetSelection(), 0))).utf8_string()) +
           R"(,"bulk":{)" + m_bulk->DumpJson() + R"(},"duplicates":{)" + m_duplicates->DumpJson() +
           R"(},"collisions":{)" + m_collisions->DumpJson() +
           R"(},"traits":{)" + m_traits->DumpJson() + "}";
}

IdentitovigilanceFrame* FindIdentitovigilance(wxWindow& owner) {
    return dynamic_cast<IdentitovigilanceFrame*>(wxWindow::FindWindowByName(kName, &owner));
}

IdentitovigilanceFrame* OpenIdentitovigilance(wxWindow& owner, AppStack& stack, Worker& worker,
                                              const domain::Operator& op) {
    if (!presenters::IdentitovigilanceAccess(op).enabled) return nullptr;
    IdentitovigilanceFrame* screen = FindIdentitovigilance(owner);
    if (screen && screen->Op().name != op.name && !screen->Bulk()->Running()) {
        screen->Destroy();  // another referent: a fresh screen acting as them
        screen = nullptr;
    }
    if (!screen) screen = new IdentitovigilanceFrame(&owner, stack, worker, op);
    screen->Show();
    screen->Raise();
    return screen;
}

void InstallIdentitovigilanceMenu(wxFrame& frame, AppStack& stack, Worker& worker,
                                  std::function<domain::Operator()> current) {
    wxMenuBar* bar = frame.GetMenuBar();
    if (!bar) return;
    auto* menu = new wxMenu;
    menu->Append(kMenuId, wxString::FromUTF8("&Identitovigilance…\tF7"));
    const int view = bar->FindMenu(wxString::FromUTF8("Affichage"));
    if (view != wxNOT_FOUND) bar->Insert(static_cast<size_t>(view) + 1, menu, wxString::FromUTF8("&Identitovigilance"));
    else bar->Append(menu, wxString::FromUTF8("&Identitovigilance"));
    const auto update = [menu, current] {
        const auto access = presenters::IdentitovigilanceAccess(current());
        menu->Enable(kMenuId, access.enabled);
        menu->SetLabel(kMenuId, wxString::FromUTF8(access.enabled ? "&Identitovigilance…\tF7"
                                                                  : "Identitovigilance — " + access.reason + "\tF7"));
        menu->SetHelpString(kMenuId, wxString::FromUTF8(
            access.enabled ? "Doublons potentiels, collisions INS, correction des traits INS, "
                             "vérification du fichier patients"
                           : access.reason));
    };
    update();
    frame.Bind(wxEVT_MENU_OPEN, [update](wxMenuEvent& e) {
        update();
        e.Skip();
    });
    frame.Bind(wxEVT_MENU, [&frame, &stack, &worker, current](wxCommandEvent&) {
        OpenIdentitovigilance(frame, stack, worker, current());
    }, kMenuId);
}

}  // namespace vigie::gui
