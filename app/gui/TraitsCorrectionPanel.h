#pragma once
// « Correction des traits INS » (Identitovigilance screen, issue #6): the referent finds the
// identity by searching as they type (name, birth date or IPP: TraitsSearchPresenter, the store's
// search on the worker, keystrokes debounced) and picks it, or opens an IPP directly; the identity
// is loaded on the worker. They edit its strict traits in a form pre-filled by
// TraitsCorrectionPresenter::FormOf, « Vérifier » previews the consequence (Prepare); when the
// status regresses, an inline confirmation explains it (« L'identité perdra son INS : … ») and
// « Confirmer la correction » applies it on the worker (Apply → OnResult, stale version refused).
// GUI thread only.

#include <optional>
#include <string>

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/Worker.h"
#include "app/presenters/TraitsCorrectionPresenter.h"
#include "app/presenters/TraitsSearchPresenter.h"

namespace vigie::gui {

class TraitsCorrectionPanel final : public wxPanel {
public:
    TraitsCorrectionPanel(wxWindow* parent, AppStack& stack, Worker& worker, const domain::Operator& op);
    void Open(const std::string& ipp);             // loads the identity on the worker
    void Search(const std::string& text);          // as if typed in the search box (debounced)
    bool Pick(int row);                            // opens that search result (false: no such row)
    bool SetField(const std::string& field, const std::string& value);  // birth_name, first_names, …
    void Check();                                  // « Vérifier »
    bool Confirm();                                // « Confirmer la correction » (false: nothing to confirm)
    bool Busy() const { return m_busy || m_debounce.IsRunning() || m_search.View().searching; }
    std::string DumpJson() const;                  // JSON members (no braces)

private:
    presenters::NewPatientForm ReadForm() const;
    void Fill(const domain::Identity& identity);
    void ShowMessage(const std::string& text, presenters::Tone tone);
    void SetConfirmation(const std::string& text);
    void Apply();
    void StartSearch();
    void RenderResults();
    AppStack& m_stack;
    Worker& m_worker;
    domain::Operator m_op;
    WindowRef<TraitsCorrectionPanel> m_self;
    std::optional<presenters::TraitsCorrectionPresenter> m_presenter;
    std::optional<domain::event::EditTraits> m_prepared;
    presenters::NewPatientForm m_form;  // keeps the used name / first name
    presenters::TraitsSearchPresenter m_search;
    wxTimer m_debounce;
    bool m_busy = false;
    wxTextCtrl* m_query;
    wxButton* m_open;
    wxStaticText* m_searchSummary;
    wxListBox* m_results;
    wxStaticText* m_identity;
    wxTextCtrl* m_birthName;
    wxTextCtrl* m_firstNames;
    wxTextCtrl* m_birthDate;
    wxTextCtrl* m_sex;
    wxTextCtrl* m_birthPlace;
    wxButton* m_check;
    wxPanel* m_confirmBox;
    wxStaticText* m_confirmation;
    wxButton* m_confirm;
    wxButton* m_cancel;
    wxStaticText* m_message;
};

}  // namespace vigie::gui
