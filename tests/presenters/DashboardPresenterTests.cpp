// The « Tableau de bord » view model: who may open it, the bars with the official words, the
// stacked series and the INSi sentences.
#include <boost/test/unit_test.hpp>

#include "app/presenters/DashboardPresenter.h"

using namespace vigie;
using namespace vigie::presenters;
using namespace vigie::usecases;
using domain::IdentityStatus;

namespace {
domain::Operator Op(domain::Role role) {
    return domain::Operator{1, role == domain::Role::Titulaire ? "claire" : "paul", role, true, ""};
}

DashboardResult Sample() {
    DashboardResult r;
    auto& d = r.data;
    d.computedAt = "2026-11-22T10:00:00.000Z";
    d.activeSince = "2025-11-22T10:00:00.000Z";
    d.activeTotal = 1200;
    d.shares = {{IdentityStatus::Provisoire, 600, 50.0}, {IdentityStatus::Recuperee, 90, 7.5},
                {IdentityStatus::Validee, 0, 0.0}, {IdentityStatus::Qualifiee, 510, 42.5}};
    d.qualifiedPercent = 42.5;
    d.trend = {{"2026-11-21", {"2026-11-21", 10, 2, 1, 3}}, {"2026-11-22", {"2026-11-22", 9, 2, 1, 5}}};
    d.insi7 = {7, 20, 2, 180, 420, {{"desir_1020", 2}}};
    d.insi30 = {30, 0, 0, std::nullopt, std::nullopt, {}};
    return r;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(DashboardPresenterSuite)

BOOST_AUTO_TEST_CASE(OnlyTheTitulaireGetsTheMenuEntry) {
    BOOST_TEST(DashboardPresenter::Access(Op(domain::Role::Titulaire)).enabled);
    const auto other = DashboardPresenter::Access(Op(domain::Role::Comptoir));
    BOOST_TEST(!other.enabled);
    BOOST_TEST(other.reason.find("titulaire") != std::string::npos);
    BOOST_TEST(other.label == "Tableau de bord (réservé au titulaire)");
}

BOOST_AUTO_TEST_CASE(BarsUseTheOfficialWordsAndColours) {
    DashboardPresenter p(Op(domain::Role::Titulaire));
    p.OnLoading();
    BOOST_TEST(p.View().loading);
    p.OnLoaded(Sample());
    const auto v = p.View();
    BOOST_TEST(v.loaded);
    BOOST_TEST(v.headline == "Identités qualifiées : 42,5\u00a0% des 1\u202f200 patients actifs");
    BOOST_TEST(v.activeNote.find("22/11/2025") != std::string::npos);
    BOOST_REQUIRE(v.bars.size() == 4u);
    BOOST_TEST(v.bars[0].text == "Identité provisoire : 600 (50,0\u00a0%)");
    BOOST_TEST(v.bars[3].label == "Identité qualifiée");
    BOOST_TEST((v.bars[3].tone == Tone::Qualifiee));
    BOOST_TEST(v.bars[3].fraction == 0.425);
    BOOST_TEST(v.qualifiedFraction == 0.425);
}

BOOST_AUTO_TEST_CASE(TrendIsFourStackedSeries) {
    DashboardPresenter p(Op(domain::Role::Titulaire));
    p.OnLoaded(Sample());
    const auto v = p.View();
    BOOST_TEST(v.trendTitle.find("par jour") != std::string::npos);
    BOOST_TEST(v.trendLabels == (std::vector<std::string>{"21/11", "22/11"}), boost::test_tools::per_element());
    BOOST_REQUIRE(v.series.size() == 4u);
    BOOST_TEST(v.series[3].values == (std::vector<std::int64_t>{3, 5}), boost::test_tools::per_element());
    BOOST_TEST(v.trendMax == 17);
}

BOOST_AUTO_TEST_CASE(InsiSentencesAndRefusals) {
    DashboardPresenter p(Op(domain::Role::Titulaire));
    p.OnLoaded(Sample());
    auto v = p.View();
    BOOST_REQUIRE(v.insiLines.size() == 2u);
    BOOST_TEST(v.insiLines[0] == "INSi, 7 derniers jours : 20 appel(s) ; temps de réponse médian 180 ms, "
                                 "95e centile 420 ms ; 2 en échec (desir_1020 : 2).");
    BOOST_TEST(v.insiLines[1] == "INSi, 30 derniers jours : aucun appel.");
    BOOST_TEST(v.insiWarning);

    DashboardResult refused;
    refused.refusal = domain::Refusal{"rule.role", "Le tableau de bord est réservé au titulaire de la pharmacie."};
    DashboardPresenter q(Op(domain::Role::Comptoir));
    q.OnLoaded(refused);
    v = q.View();
    BOOST_TEST(!v.allowed);
    BOOST_TEST(!v.loaded);
    BOOST_TEST((v.messageTone == Tone::Warning));
    q.OnFailed("base verrouillée");
    BOOST_TEST(q.View().message == "Tableau de bord indisponible : base verrouillée");
}

BOOST_AUTO_TEST_SUITE_END()
