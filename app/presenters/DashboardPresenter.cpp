#include "app/presenters/DashboardPresenter.h"

#include <algorithm>
#include <cstdio>

#include "core/domain/Date.h"
#include "core/domain/Status.h"

namespace vigie::presenters {

using domain::IdentityStatus;
using usecases::InsiWindow;

namespace {
std::string DayMonth(const std::string& isoDay) {  // 2026-11-22 → 22/11
    return isoDay.size() >= 10 ? isoDay.substr(8, 2) + "/" + isoDay.substr(5, 2) : isoDay;
}
std::string FrenchDay(const std::string& iso) {
    const auto d = domain::Date::Parse(iso.substr(0, 10));
    return d ? d->ToFrench() : iso;
}
std::string Ms(const std::optional<std::int64_t>& v) { return v ? FrenchInteger(*v) + " ms" : "—"; }

std::string WindowLine(const InsiWindow& w) {
    std::string line = "INSi, " + std::to_string(w.days) + " derniers jours : ";
    if (w.calls == 0) return line + "aucun appel.";
    line += FrenchInteger(w.calls) + " appel(s) ; temps de réponse médian " + Ms(w.p50Ms) + ", 95e centile " +
            Ms(w.p95Ms) + " ; ";
    if (w.failed == 0) return line + "aucun appel en échec.";
    line += FrenchInteger(w.failed) + " en échec (";
    for (std::size_t i = 0; i < w.failuresByCode.size() && i < 3; ++i)
        line += (i ? ", " : "") + w.failuresByCode[i].first + " : " + FrenchInteger(w.failuresByCode[i].second);
    if (w.failuresByCode.size() > 3) line += "…";
    return line + ").";
}
}  // namespace

std::string FrenchPercent(double percent) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", percent);
    std::string s(buf);
    if (auto dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
    return s + "\u00a0%";
}

std::string FrenchInteger(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202f";
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

MenuAccess DashboardPresenter::Access(const domain::Operator& op) {
    if (auto refusal = usecases::Dashboard::CheckAllowed(op))
        return {false, refusal->message, "Tableau de bord (réservé au titulaire)"};
    return {true, "", "&Tableau de bord"};
}

void DashboardPresenter::OnLoading() {
    const auto access = Access(m_op);
    m_view.allowed = access.enabled;
    m_view.blockedReason = access.reason;
    m_view.loading = true;
    m_view.message = "Chargement du tableau de bord…";
    m_view.messageTone = Tone::Info;
}

void DashboardPresenter::OnFailed(const std::string& message) {
    m_view.loading = false;
    m_view.message = "Tableau de bord indisponible : " + message;
    m_view.messageTone = Tone::Danger;
}

void DashboardPresenter::OnLoaded(const usecases::DashboardResult& result) {
    DashboardView v;
    v.allowed = !result.refusal;
    if (result.refusal) {
        v.blockedReason = result.refusal->message;
        v.message = result.refusal->message;
        v.messageTone = Tone::Warning;
        m_view = std::move(v);
        return;
    }
    const auto& d = result.data;
    v.loaded = true;
    v.qualifiedFraction = d.qualifiedPercent / 100.0;
    v.headline = d.activeTotal == 0
                     ? "Aucun patient actif sur les 12 derniers mois."
                     : "Identités qualifiées : " + FrenchPercent(d.qualifiedPercent) +
                           (d.activeTotal == 1 ? " de l'unique patient actif"
                                               : " des " + FrenchInteger(d.activeTotal) + " patients actifs");
    v.activeNote = "Patients actifs : au moins une opération depuis le " + FrenchDay(d.activeSince) +
                   " (création, lecture de carte, impression, validation…).";
    for (const auto& s : d.shares) {
        const Badge badge = StatusBadge(s.status);
        v.bars.push_back(ShareBar{std::string(domain::StatusCode(s.status)), std::string(domain::StatusLabel(s.status)),
                                  badge.tone, s.count, s.percent / 100.0,
                                  std::string(domain::StatusLabel(s.status)) + " : " + FrenchInteger(s.count) + " (" +
                                      FrenchPercent(s.percent) + ")"});
    }
    v.trendTitle = std::string("Évolution ") + (d.weekly ? "par semaine" : "par jour") +
                   " — toutes les identités du fichier";
    const IdentityStatus order[] = {IdentityStatus::Provisoire, IdentityStatus::Recuperee, IdentityStatus::Validee,
                                    IdentityStatus::Qualifiee};
    for (const auto s : order)
        v.series.push_back(TrendSeries{std::string(domain::StatusLabel(s)), StatusBadge(s).tone, {}});
    for (const auto& p : d.trend) {
        v.trendLabels.push_back(DayMonth(p.day));
        const std::int64_t values[] = {p.counts.prov, p.counts.recup, p.counts.vali, p.counts.qual};
        for (int i = 0; i < 4; ++i) v.series[static_cast<std::size_t>(i)].values.push_back(values[i]);
        v.trendMax = std::max(v.trendMax, values[0] + values[1] + values[2] + values[3]);
    }
    v.insiLines = {WindowLine(d.insi7), WindowLine(d.insi30)};
    v.insiWarning = d.insi7.failed > 0;
    v.message = "Calculé le " + FrenchDay(d.computedAt) + " à " + d.computedAt.substr(11, 5) + " (UTC).";
    m_view = std::move(v);
}

}  // namespace vigie::presenters
