#pragma once
// The « Tableau de bord » of the titulaire (issue #6) as a view model: the status shares of the
// active patients as coloured bars with the official words, the trend as four series for a
// stacked chart, the INSi answer times and failed calls as French sentences. Who may open it
// (Access) is decided here too, so the menu shows the reason to the others. No wx, no thread:
// the frame loads usecases::Dashboard on its worker and hands the result over.

#include <cstdint>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "core/domain/Operator.h"
#include "core/usecases/Dashboard.h"

namespace vigie::presenters {

struct ShareBar {
    std::string code;       // PROV, RECUP, VALI, QUAL
    std::string label;      // « Identité qualifiée »
    Tone tone = Tone::Neutral;
    std::int64_t count = 0;
    double fraction = 0;    // 0..1 of the active patients: the bar's length
    std::string text;       // « Identité qualifiée : 12 (42,5 %) »
};

struct TrendSeries {
    std::string label;
    Tone tone = Tone::Neutral;
    std::vector<std::int64_t> values;  // one per point, stacked in this order (PROV at the bottom)
};

struct DashboardView {
    bool allowed = false;
    std::string blockedReason;          // why the menu entry is disabled
    bool loading = false;
    bool loaded = false;
    std::string message;                // failures, « Chargement… »
    Tone messageTone = Tone::Neutral;
    std::string headline;               // « Identités qualifiées : 42,5 % des 120 patients actifs »
    std::string activeNote;             // « Patients actifs : vus au moins une fois depuis le 22/11/2025 »
    double qualifiedFraction = 0;
    std::vector<ShareBar> bars;         // PROV, RECUP, VALI, QUAL
    std::string trendTitle;             // « Évolution par jour — tout le fichier »
    std::vector<std::string> trendLabels;  // « 22/11 », one per point
    std::vector<TrendSeries> series;
    std::int64_t trendMax = 0;          // highest stacked total (the chart's scale)
    std::vector<std::string> insiLines; // answer times and failures over 7 and 30 days
    bool insiWarning = false;           // failures in the last 7 days
};

struct MenuAccess {
    bool enabled = false;
    std::string reason;  // French, "" when enabled (the menu's help text)
    std::string label;   // the menu entry: « &Tableau de bord », « Tableau de bord (réservé au titulaire) »
};

class DashboardPresenter {
public:
    explicit DashboardPresenter(domain::Operator op) : m_op(std::move(op)) {}

    static MenuAccess Access(const domain::Operator& op);
    void OnLoading();
    void OnLoaded(const usecases::DashboardResult& result);
    void OnFailed(const std::string& message);
    DashboardView View() const { return m_view; }

private:
    domain::Operator m_op;
    DashboardView m_view;
};

std::string FrenchPercent(double percent);          // « 42,5 % »
std::string FrenchInteger(std::int64_t n);          // « 12 345 » (narrow no-break space)

}  // namespace vigie::presenters
