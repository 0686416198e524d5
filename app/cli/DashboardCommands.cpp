// vigie-cli stats --dashboard: the Tableau de bord of the titulaire (issue #6) in French or JSON.
#include <cstdio>
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "core/domain/Status.h"
#include "core/usecases/Dashboard.h"
#include "core/util/Json.h"

namespace vigie::cli {

using namespace vigie::usecases;

namespace {
std::string Percent(double v) {  // 42,5 %
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s(buf);
    if (auto dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
    return s + " %";
}
std::string Ms(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) + " ms" : "—"; }

void WriteWindow(util::JsonWriter& w, const InsiWindow& win) {
    w.BeginObject().Field("days", win.days).Field("calls", win.calls).Field("failed", win.failed);
    w.Key("p50_ms");
    win.p50Ms ? w.Int(*win.p50Ms) : w.Null();
    w.Key("p95_ms");
    win.p95Ms ? w.Int(*win.p95Ms) : w.Null();
    w.Key("failures").BeginObject();
    for (const auto& [code, n] : win.failuresByCode) w.Field(code, n);
    w.EndObject().EndObject();
}

void PrintWindow(std::ostream& out, const InsiWindow& win) {
    out << "  " << win.days << " derniers jours : " << win.calls << " appel(s), médiane " << Ms(win.p50Ms)
        << ", 95e centile " << Ms(win.p95Ms) << ", " << win.failed << " en échec";
    for (std::size_t i = 0; i < win.failuresByCode.size(); ++i)
        out << (i ? ", " : " (") << win.failuresByCode[i].first << " : " << win.failuresByCode[i].second
            << (i + 1 == win.failuresByCode.size() ? ")" : "");
    out << '\n';
}
}  // namespace

int StatsDashboard(Context& ctx, Args& args) {
    DashboardOptions options;
    if (auto days = args.Opt("days")) {
        if (days->empty() || days->size() > 4 || days->find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(*days) < 1 || std::stoi(*days) > 3660)
            throw BadInputError("input.days", "--days : de 1 à 3660 jours.");
        options.trendDays = std::stoi(*days);
    }
    args.Done(0);
    const auto r = Dashboard(ctx.Store(), ctx.clock).Load(ctx.Operator(), options);
    if (r.refusal) return ctx.Refused(*r.refusal);
    const DashboardData& d = r.data;
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("computed_at", d.computedAt).Field("active_since", d.activeSince)
            .Field("active_total", d.activeTotal).Key("qualified_percent").Double(d.qualifiedPercent);
        w.Key("shares").BeginArray();
        for (const auto& s : d.shares)
            w.BeginObject().Field("status", domain::StatusCode(s.status)).Field("label", domain::StatusLabel(s.status))
                .Field("count", s.count).Key("percent").Double(s.percent).EndObject();
        w.EndArray().Field("trend_granularity", d.weekly ? "week" : "day").Key("trend").BeginArray();
        for (const auto& p : d.trend)
            w.BeginObject().Field("day", p.day).Field("PROV", p.counts.prov).Field("RECUP", p.counts.recup)
                .Field("VALI", p.counts.vali).Field("QUAL", p.counts.qual).EndObject();
        w.EndArray().Key("insi").BeginObject().Key("last_7_days");
        WriteWindow(w, d.insi7);
        w.Key("last_30_days");
        WriteWindow(w, d.insi30);
        w.EndObject().EndObject();
        ctx.out << w.Str() << '\n';
        return kExitOk;
    }
    ctx.out << "Tableau de bord — patients actifs (vus depuis le " << d.activeSince.substr(0, 10)
            << ") : " << d.activeTotal << '\n';
    for (const auto& s : d.shares)
        ctx.out << "  " << domain::StatusLabel(s.status) << " : " << s.count << " (" << Percent(s.percent) << ")\n";
    ctx.out << "Identités qualifiées : " << Percent(d.qualifiedPercent) << " des patients actifs\n";
    ctx.out << "Évolution (" << (d.weekly ? "par semaine" : "par jour")
            << ", fichier entier — provisoire / récupérée / validée / qualifiée) :\n";
    for (const auto& p : d.trend)
        ctx.out << "  " << p.day << "  " << p.counts.prov << " / " << p.counts.recup << " / " << p.counts.vali << " / "
                << p.counts.qual << '\n';
    ctx.out << "Téléservice INSi :\n";
    PrintWindow(ctx.out, d.insi7);
    PrintWindow(ctx.out, d.insi30);
    return kExitOk;
}

}  // namespace vigie::cli
