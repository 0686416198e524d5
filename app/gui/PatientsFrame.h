#pragma once
// « Patients » (F3 from the Comptoir): search as you type (PatientSearchPresenter, run on the
// worker, debounced, stale answers dropped), the results, and the sheet of the chosen patient
// (PatientSheetPanel) with « Récupérer l'INS » by traits. F2 or Échap goes back to the Comptoir.
// GUI thread only; the store and INSi are used from the worker.

#include <cstdint>
#include <string>
#include <vector>

#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include "app/gui/AppStack.h"
#include "app/gui/GuiBridge.h"
#include "app/gui/NewPatientDialog.h"
#include "app/gui/PatientSheetPanel.h"
#include "app/gui/Worker.h"
#include "app/presenters/PatientSearchPresenter.h"
#include "app/presenters/PatientSheetPresenter.h"

namespace vigie::gui {

class PatientsFrame final : public wxFrame {
public:
    PatientsFrame(wxWindow* parent, AppStack& stack, Worker& worker);

    void Search(const std::string& text);  // as typed (the automation sets the text the same way)
    void OpenRow(std::size_t index);
    void Retrieve();
    void Accept();
    void NewPatient();  // Ctrl+N
    void CreatePatient(const presenters::NewPatientForm& form, bool force);
    NewPatientDialog* NewPatientForm() const { return m_new.get(); }
    bool Busy() const { return m_debounce.IsRunning() || m_creating || m_searching || m_loading || m_sheet.View().busy; }

    wxTextCtrl* m_query;
    wxStaticText* m_summary;
    wxListCtrl* m_results;
    PatientSheetPanel* m_sheetPanel;

private:
    void StartSearch();
    void OnResults(std::uint64_t seq, std::vector<presenters::PatientRow> rows);
    void Load(domain::IdentityId id);
    void RenderSheet() { m_sheetPanel->Render(m_sheet.View()); Layout(); }

    AppStack& m_stack;
    Worker& m_worker;
    WindowRef<PatientsFrame> m_self;
    presenters::PatientSheetPresenter m_sheet;
    std::vector<presenters::PatientRow> m_rows;
    wxTimer m_debounce;
    std::uint64_t m_seq = 0;
    bool m_searching = false, m_loading = false, m_creating = false;
    presenters::NewPatientPresenter m_newPresenter;
    wxWeakRef<NewPatientDialog> m_new;
};

}  // namespace vigie::gui
