// « Collisions INS » (Identitovigilance screen, issue #6): rows, the two identities side by side
// with differences marked, the INS hidden unless qualifiée, the review form (no default verdict,
// comment required), the answer of the use-case.
#include <boost/test/unit_test.hpp>

#include "app/presenters/CollisionsPresenter.h"
#include "core/domain/Status.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::presenters;
using usecases::CollisionVerdict;

namespace {
usecases::InsCollision Collision(std::int64_t seq, IdentityStatus holderStatus) {
    usecases::InsCollision c;
    c.seq = seq;
    c.at = "2026-11-22T10:06:00.000Z";
    c.operatorName = "paul";
    c.role = "comptoir";
    c.holder = test::IdentityWith(holderStatus, test::Traits("DUPONT", "JEAN PIERRE"));
    c.holder->id = c.holderId = 3;
    c.refused = test::IdentityWith(IdentityStatus::Provisoire, test::Traits("DUPOND", "JEAN PIERRE"));
    c.refused->id = c.refusedId = 4;
    return c;
}
usecases::CollisionList List(std::vector<usecases::InsCollision> open) {
    usecases::CollisionList l;
    l.open = std::move(open);
    return l;
}
const CollisionSideRow& Row(const CollisionsView& v, const std::string& label) {
    for (const auto& r : v.sides)
        if (r.label == label) return r;
    BOOST_FAIL("no row " + label);
    return v.sides.front();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(CollisionsPresenterSuite)

BOOST_AUTO_TEST_CASE(RowsAndSideBySideWithDifferencesMarked) {
    CollisionsPresenter p;
    p.OnLoading();
    BOOST_TEST(p.View().loading);
    p.OnLoaded(List({Collision(41, IdentityStatus::Recuperee), Collision(40, IdentityStatus::Qualifiee)}));
    const auto& v = p.View();
    BOOST_TEST(!v.loading);
    BOOST_TEST(v.summary == "2 collisions d'INS à examiner");
    BOOST_REQUIRE_EQUAL(v.rows.size(), 2u);
    BOOST_TEST(v.rows[0].number == "41");
    BOOST_TEST(v.rows[0].when == "22/11/2026 10:06 UTC");
    BOOST_TEST(v.rows[0].refused == "n° 4 — DUPOND JEAN PIERRE — 01/02/1980");
    BOOST_TEST(v.rows[0].holder == "n° 3 — DUPONT JEAN PIERRE — 01/02/1980");
    BOOST_TEST(v.rows[0].by == "paul (comptoir)");
    BOOST_TEST(v.selection == 0);  // the newest is shown at once
    BOOST_TEST(Row(v, "Nom de naissance").differs);
    BOOST_TEST(Row(v, "Nom de naissance").refused == "DUPOND");
    BOOST_TEST(!Row(v, "Prénom(s) de naissance").differs);
    BOOST_TEST(!Row(v, "Date de naissance").differs);
    BOOST_TEST(Row(v, "Statut").holder == "Identité récupérée");
    BOOST_TEST(Row(v, "Statut").differs);
    BOOST_TEST(!Row(v, "Dossier").differs);
    BOOST_TEST(v.verdicts.size() == 3u);
    BOOST_TEST(v.verdicts[0] == "Même personne : doublon à fusionner");
}

BOOST_AUTO_TEST_CASE(InsShownOnlyForAQualifiedHolder) {
    CollisionsPresenter p;
    p.OnLoaded(List({Collision(41, IdentityStatus::Recuperee), Collision(40, IdentityStatus::Qualifiee)}));
    BOOST_TEST(p.View().ins == "INS présent (identité non qualifiée)");
    BOOST_TEST(Row(p.View(), "INS").holder == "INS présent (identité non qualifiée)");
    BOOST_TEST(Row(p.View(), "INS").refused == "—");
    for (const auto& r : p.View().sides) BOOST_TEST(r.holder.find("180026322012345") == std::string::npos);
    p.Select(1);
    BOOST_TEST(p.View().ins == "INS : 180026322012345 (NIR)");
    BOOST_TEST(Row(p.View(), "INS").holder == "180026322012345 (NIR)");
    p.OnLoaded(List({}));
    BOOST_TEST(p.View().summary == "Aucune collision d'INS à examiner");
    BOOST_TEST(p.View().sides.empty());
    BOOST_TEST(p.View().selection == -1);
}

BOOST_AUTO_TEST_CASE(ReviewNeedsAVerdictAndAComment) {
    CollisionsPresenter p;
    p.OnLoaded(List({Collision(41, IdentityStatus::Recuperee)}));
    BOOST_TEST(p.View().verdict == -1);  // no default
    BOOST_TEST(!p.View().canReview);
    BOOST_TEST(!p.PrepareReview());
    BOOST_TEST(p.View().message == "Choisissez une conclusion avant de marquer la collision examinée.");
    p.SetVerdict(1);
    p.SetComment("   ");
    BOOST_TEST(!p.View().canReview);
    BOOST_TEST(!p.PrepareReview());
    BOOST_TEST(p.View().message.find("Commentaire obligatoire") == 0u);
    p.SetComment("Jumeaux : INS à vérifier");
    BOOST_TEST(p.View().canReview);
    const auto r = p.PrepareReview();
    BOOST_REQUIRE(r);
    BOOST_TEST(r->collisionSeq == 41);
    BOOST_TEST((r->verdict == CollisionVerdict::DifferentPersons));
    BOOST_TEST(r->comment == "Jumeaux : INS à vérifier");
    BOOST_TEST(p.View().reviewing);
    BOOST_TEST(!p.View().canReview);  // no second click while it is written
    BOOST_TEST(!p.PrepareReview());
}

BOOST_AUTO_TEST_CASE(AnswersOfTheUseCase) {
    CollisionsPresenter p;
    p.OnLoaded(List({Collision(41, IdentityStatus::Recuperee), Collision(40, IdentityStatus::Recuperee)}));
    p.SetVerdict(0);
    p.SetComment("Même personne");
    BOOST_REQUIRE(p.PrepareReview());
    usecases::CollisionReviewResult ok;
    ok.reviewSeq = 57;
    BOOST_TEST(p.OnReviewed(ok));  // reload
    BOOST_TEST(p.View().message == "Collision n° 41 marquée comme examinée (journal n° 57).");
    p.OnLoading();
    p.OnLoaded(List({Collision(40, IdentityStatus::Recuperee)}));
    BOOST_TEST(p.View().message == "Collision n° 41 marquée comme examinée (journal n° 57).");  // kept over the reload
    BOOST_TEST(p.View().summary == "1 collision d'INS à examiner");
    BOOST_TEST(p.View().verdict == -1);
    BOOST_TEST(p.View().comment.empty());
    BOOST_TEST(!p.View().reviewing);

    p.SetVerdict(2);
    p.SetComment("vu");
    BOOST_REQUIRE(p.PrepareReview());
    usecases::CollisionReviewResult refused;
    refused.refusal = Refusal{"rule.permission", "Droit insuffisant."};
    BOOST_TEST(!p.OnReviewed(refused));
    BOOST_TEST(p.View().message == "Refusé : Droit insuffisant.");
    BOOST_TEST((p.View().messageTone == Tone::Danger));
    BOOST_TEST(p.View().canReview);  // the form is kept: nothing lost
    BOOST_TEST(p.View().comment == "vu");
    refused.refusal = Refusal{"rule.already_reviewed", "La collision n° 40 a déjà été examinée."};
    BOOST_REQUIRE(p.PrepareReview());
    BOOST_TEST(p.OnReviewed(refused));  // examined elsewhere meanwhile: reload
    BOOST_TEST(p.View().verdict == 2);
    p.OnLoading();
    p.OnLoaded(List({}));
    BOOST_TEST(p.View().message == "Refusé : La collision n° 40 a déjà été examinée.");
    p.OnLoading();
    BOOST_TEST(p.View().message == "Chargement des collisions d'INS…");  // kept once only
    p.SetVerdict(7);
    BOOST_TEST(p.View().verdict == -1);
}

BOOST_AUTO_TEST_SUITE_END()
