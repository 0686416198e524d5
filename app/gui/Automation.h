#pragma once
// The test-automation hook of `vigie --automation FILE` (GUI test tier, bench): one command a
// line, run in order on the GUI thread by a timer, results appended as JSON lines. The commands
// drive the real widgets (button events, dialog choices); `dump` reads the widgets' state back.
//
//   insert NAME              the demo card tools/vcard/cards/NAME.json goes into the reader
//   remove                   the card is taken out
//   wait proposal|picker|documents|idle|banner [MS]   (default 10 000 ms; a timeout is a result)
//   choose-beneficiary N     1-based, in the picker
//   press create|take|validate|print   (print opens the Impression dialog)
//   choose-document CODE     in the document dialog (cni, passeport, …)
//   sim JSON                 POST /_sim/control to the demo simulator (outage, latency…)
//   patients                 F3: the Patients window
//   dashboard                F9: the Tableau de bord (ok false when the operator is not titulaire)
//   wait dashboard [MS]      its figures loaded (dump shows them under "dashboard")
//   search TEXT…             typed into its search box (debounced as typing is)
//   wait results|sheet [MS]  the search answered | the sheet of the chosen patient shown
//   open-patient N           1-based, in the results
//   new-patient NOM|PRÉNOMS|JJ/MM/AAAA|M|LIEU   « Nouveau patient » filled, then « Créer »
//   new-patient-force        « Créer quand même » (after the duplicates are shown)
//   patients-press retrieve|accept   « Récupérer l'INS » | « Accepter l'INS proposé »
//   journal-count ACTION     how many journal entries carry ACTION (counter.card_read…)
//   douteuse                 the referent marks the current identity douteuse (test set-up)
//   screenshot NAME          PNG of the window (and open dialog) into the results folder
//   dump NAME                the widgets' state as JSON
//   wait print|printed [MS]  the Impression dialog ready (preview done) | the last print finished
//   print-target CODE        label:boite, label:pilulier, document:fiche…
//   print-copies N
//   print-pdf PATH           destination « Enregistrer en PDF… » with this path, then « Imprimer »
//   print-close              « Fermer » in the Impression dialog
//   print-line CELL|… | print-remove-line N | print-notes TEXT | print-paper A4|A5 | print-import PATH
//                            ordonnance / plan de prise content (issue #6, PrintAutomation.h)
//   key ctrl+p               print again with the last settings (or open the dialog)
//   switch-operator NAME PIN | inactivity | operator-dialog   (issue #6, OperatorAutomation.h)
//   sleep MS | quit
// A lag probe (a 10 ms timer) records how late the event loop serves it; dump reports the max.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <wx/timer.h>

namespace vigie::gui {

class CounterFrame;

class LagProbe final : public wxTimer {
public:
    LagProbe() { Start(10); }
    void Notify() override;
    void Reset() { m_maxMs = 0; m_last = {}; }
    double MaxMs() const { return m_maxMs; }

private:
    std::chrono::steady_clock::time_point m_last{};
    double m_maxMs = 0;
};

class Automation final : public wxTimer {
public:
    Automation(CounterFrame& frame, const std::string& commandFile, const std::string& resultsFile, double startMs);
    void Notify() override;

private:
    bool Step(const std::vector<std::string>& words);  // false: still waiting
    void Emit(const std::string& json);
    void Dump(const std::string& name);
    void Screenshot(const std::string& name);

    CounterFrame& m_frame;
    std::vector<std::string> m_lines;
    std::size_t m_next = 0;
    std::ofstream m_out;
    std::filesystem::path m_outDir;
    LagProbe m_lag;
    std::chrono::steady_clock::time_point m_waitStart{};
    bool m_waiting = false;
    int m_printedBefore = 0;  // prints finished before the last print-pdf / key ctrl+p
    std::chrono::steady_clock::time_point m_sleepUntil{};
};

std::string JsonString(const std::string& s);

}  // namespace vigie::gui
