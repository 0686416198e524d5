#pragma once
// « Collisions INS » (Identitovigilance screen, issue #6): the open INS collisions
// (usecases::CollisionReview, loaded on the worker), the chosen one's two identities side by side
// with the differing traits marked, and « Marquer comme examinée » with a verdict (no default)
// and a required comment, written on the worker; the list is then reloaded. Screen logic in
// presenters::CollisionsPresenter. GUI thread only.

#include <string>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/Worker.h"
#include "app/presenters/CollisionsPresenter.h"

namespace vigie::gui {

class CollisionsPanel final : public wxPanel {
public:
    CollisionsPanel(wxWindow* parent, AppStack& stack, Worker& worker, const domain::Operator& op);
    void Reload();
    bool Busy() const { return m_presenter.View().loading || m_presenter.View().reviewing; }
    void Select(int row);
    bool SetVerdict(const std::string& code);  // meme-personne | personnes-differentes | autre
    void SetComment(const std::string& text);
    bool Review();                             // « Marquer comme examinée » (false: not possible)
    std::string DumpJson() const;              // JSON members (no braces)

private:
    void Render();
    void RenderForm();
    AppStack& m_stack;
    Worker& m_worker;
    domain::Operator m_op;
    WindowRef<CollisionsPanel> m_self;
    presenters::CollisionsPresenter m_presenter;
    wxStaticText* m_summary;
    wxButton* m_refresh;
    wxListView* m_list;
    wxListView* m_sides;
    wxStaticText* m_ins;
    wxChoice* m_verdict;
    wxTextCtrl* m_comment;
    wxButton* m_review;
    wxStaticText* m_message;
};

}  // namespace vigie::gui
