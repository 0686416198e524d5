#pragma once
// « Nouveau patient » (Ctrl+N on the Patients screen): the strict traits typed from the identity
// document, the duplicate candidates shown before creating, « Créer quand même » only after
// them. Modeless; the creation runs on the worker (PatientsFrame), the answer is rendered here.

#include <functional>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/presenters/NewPatientPresenter.h"

namespace vigie::gui {

class NewPatientDialog final : public wxDialog {
public:
    using Create = std::function<void(const presenters::NewPatientForm&, bool force)>;
    NewPatientDialog(wxWindow* parent, Create onCreate);
    void Render(const presenters::NewPatientView& view);
    presenters::NewPatientForm Form() const;
    void Fill(const presenters::NewPatientForm& form);  // automation

    wxTextCtrl *m_birthName, *m_firstNames, *m_birthDate, *m_birthPlace, *m_usedName, *m_usedFirstName;
    wxChoice* m_sex;
    wxListBox* m_duplicates;
    wxStaticText* m_message;
    wxButton* m_create;
    wxButton* m_force;

private:
    Create m_onCreate;
};

}  // namespace vigie::gui
