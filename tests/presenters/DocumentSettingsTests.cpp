// Réglages › Pièces d'identité and the Comptoir's « Valider l'identité » list (issue #6): the
// catalog rows with the pharmacy's ticks, a save refused in French for the counter, and the
// counter offered the accepted documents only (SQLite store, no wx).
#include <boost/test/unit_test.hpp>

#include "app/presenters/DocumentSettings.h"
#include "core/usecases/OperatorService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::presenters;

namespace {

struct DocWorld {
    test::TempDir dir;
    std::unique_ptr<ports::IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    test::FixedClock clock;
    domain::Operator titulaire, counter;
    DocWorld() {
        usecases::OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "claire", domain::Role::Titulaire).op;
        counter = *ops.Add("claire", "paul", domain::Role::Comptoir).op;
    }
};

std::vector<std::string> Codes(const std::vector<DocumentChoice>& choices) {
    std::vector<std::string> out;
    for (const auto& c : choices) out.push_back(c.code);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DocumentSettingsPresenter)

BOOST_AUTO_TEST_CASE(RowsTickTheAcceptedDocumentsAndTheCounterOffersOnlyThose) {
    DocWorld w;
    auto rows = LoadDocumentSettings(*w.store);
    BOOST_REQUIRE(rows.size() == 7u);
    BOOST_TEST(rows[1].label == "Passeport  (passeport)");
    for (const auto& r : rows) BOOST_TEST(r.accepted);
    BOOST_TEST(AcceptedDocumentChoices(*w.store).size() == 7u);
    for (const auto& d : AcceptedDocumentChoices(*w.store)) {  // never the carte Vitale itself nor a licence
        BOOST_TEST((d.label.find("Vitale") == std::string::npos || d.code == "appli-carte-vitale"), d.label);
        BOOST_TEST(d.label.find("permis") == std::string::npos);
    }

    BOOST_TEST(!SaveAcceptedDocuments(*w.store, w.clock, w.titulaire, {"passeport", "titre-sejour"}));
    rows = LoadDocumentSettings(*w.store);
    BOOST_TEST(!rows[0].accepted);  // cni
    BOOST_TEST(rows[1].accepted);
    BOOST_TEST(rows[2].accepted);
    const auto offered = AcceptedDocumentChoices(*w.store);
    BOOST_TEST(Codes(offered) == (std::vector<std::string>{"passeport", "titre-sejour"}));
    BOOST_TEST(offered[0].label == "Passeport");
}

BOOST_AUTO_TEST_CASE(RefusalsComeBackInFrench) {
    DocWorld w;
    const auto counter = SaveAcceptedDocuments(*w.store, w.clock, w.counter, {"cni"});
    BOOST_REQUIRE(counter);
    BOOST_TEST(counter->find("réservé au titulaire") != std::string::npos);
    const auto none = SaveAcceptedDocuments(*w.store, w.clock, w.titulaire, {});
    BOOST_REQUIRE(none);
    BOOST_TEST(none->find("au moins une pièce") != std::string::npos);
    BOOST_TEST(AcceptedDocumentChoices(*w.store).size() == 7u);  // unchanged
}

BOOST_AUTO_TEST_SUITE_END()
