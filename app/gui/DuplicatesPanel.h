#pragma once
// « Doublons potentiels » (Identitovigilance screen, issue #6): « Rechercher » runs
// usecases::DuplicateReview on the worker (it reads the whole file), the pairs come back through
// CallAfter + wxWeakRef; choosing a pair shows both identities side by side. GUI thread only.

#include <string>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/Worker.h"
#include "app/presenters/DuplicatesPresenter.h"

namespace vigie::gui {

class DuplicatesPanel final : public wxPanel {
public:
    DuplicatesPanel(wxWindow* parent, AppStack& stack, Worker& worker, const domain::Operator& op);
    void Reload();
    bool Busy() const { return m_presenter.View().loading; }
    std::string DumpJson() const;  // JSON members (no braces)

private:
    void Render();
    AppStack& m_stack;
    Worker& m_worker;
    domain::Operator m_op;
    WindowRef<DuplicatesPanel> m_self;
    presenters::DuplicatesPresenter m_presenter;
    wxStaticText* m_summary;
    wxButton* m_search;
    wxListView* m_pairs;
    wxStaticText* m_left;
    wxStaticText* m_right;
};

}  // namespace vigie::gui
