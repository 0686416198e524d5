// vigie-cli identitovigilance collisions | review-collision (issue #6), end to end: a real INS
// collision is produced in a database file through the use-cases (INSi is not needed), then the
// real binary (VIGIE_CLI_PATH) lists it, reviews it and refuses what it must, with exit codes
// 0 (done), 1 (refused), 2 (bad input).
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/cli/CliFixture.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::cli_test;

namespace {

// The vigie-cli harness (tests/cli/CliFixture.h) over a database where the collision happened.
struct CollisionCli : CliFixture {
    std::int64_t collisionSeq = 0;
    IdentityId holder = 0, refused = 0;

    // claire titulaire, paul comptoir, ines identitovigilance; ECETINSI holds its INS (récupérée),
    // a second ECETINSI record is refused the same INS.
    CollisionCli() {
        auto store = db::OpenSqliteStore(db.string());
        test::FixedClock clock;
        usecases::OperatorService ops(*store, clock);
        ops.Add(std::nullopt, "claire", Role::Titulaire);
        const Operator paul = *ops.Add("claire", "paul", Role::Comptoir).op;
        ops.Add("claire", "ines", Role::Identitovigilance);
        usecases::PatientService patients(*store, clock);
        holder = patients.Create(paul, {test::EcetinsiTraits(), "", "", true}).identity->id;
        refused = patients.Create(paul, {test::Traits("ECETINSI", "PIERRE", {2009, 7, 14}), "", "", true}).identity->id;
        BOOST_REQUIRE(patients.AcceptIns(paul, holder, test::EcetinsiTraits(), test::EcetinsiIns()).Ok());
        BOOST_REQUIRE(!patients.AcceptIns(paul, refused, test::EcetinsiTraits(), test::EcetinsiIns()).Ok());
        collisionSeq = patients.History(refused).back().seq;
    }
    static Args Review(const std::string& seq, const std::string& verdict, const std::string& comment,
                       const std::string& user = "ines") {
        return {"--user", user, "identitovigilance", "review-collision", seq, "--verdict", verdict, "--comment", comment};
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_collisions, CollisionCli)

BOOST_AUTO_TEST_CASE(collisions_lists_the_open_collision_without_the_ins_of_a_non_qualified_holder) {
    const json j = Json({"--user", "ines", "identitovigilance", "collisions"}, 0);
    BOOST_TEST(j["ok"].get<bool>());
    BOOST_REQUIRE_EQUAL(j["collisions"].size(), 1u);
    const json& c = j["collisions"][0];
    BOOST_TEST(c["seq"].get<std::int64_t>() == collisionSeq);
    BOOST_TEST(c["operator"].get<std::string>() == "paul");
    BOOST_TEST(c["refused"]["id"].get<std::int64_t>() == refused);
    BOOST_TEST(c["refused"]["birth_first_names"].get<std::string>() == "PIERRE");
    BOOST_TEST(c["holder"]["id"].get<std::int64_t>() == holder);
    BOOST_TEST(c["holder"]["status"].get<std::string>() == "RECUP");
    BOOST_TEST(c["ins"].get<std::string>() == "INS présent (identité non qualifiée)");
    const CliResult text = Run({"--user", "ines", "identitovigilance", "collisions"});
    BOOST_TEST(text.code == 0);
    BOOST_TEST(text.out.find("1 collision(s) d'INS à examiner") != std::string::npos, text.out);
    BOOST_TEST(text.out.find("Identité récupérée") != std::string::npos, text.out);
    BOOST_TEST(text.out.find("109076322083489") == std::string::npos, text.out);  // never the matricule
    BOOST_TEST(Json({"--user", "ines", "identitovigilance", "collisions"}, 0).dump().find("109076322083489") ==
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(review_closes_the_collision_and_a_second_review_is_refused) {
    const std::string seq = std::to_string(collisionSeq);
    const json r = Json(Review(seq, "meme-personne", "Même personne : fusion demandée"), 0);
    BOOST_TEST(r["ok"].get<bool>());
    BOOST_TEST(r["review_seq"].get<std::int64_t>() > collisionSeq);
    BOOST_TEST(Json({"--user", "ines", "identitovigilance", "collisions"}, 0)["collisions"].empty());
    const CliResult none = Run({"--user", "ines", "identitovigilance", "collisions"});
    BOOST_TEST(none.out == "Aucune collision d'INS à examiner.\n");
    const json again = Json(Review(seq, "autre", "encore"), 1);
    BOOST_TEST(again["code"].get<std::string>() == "rule.already_reviewed");
    // The review is in the refused identity's history, and the chain still verifies.
    const json history = Json({"patient", "history", std::to_string(refused)}, 0);
    BOOST_TEST(history["entries"].back()["action"].get<std::string>() == "identity.collision_reviewed");
    BOOST_TEST(Json({"journal", "verify"}, 0)["ok"].get<bool>());
}

BOOST_AUTO_TEST_CASE(other_roles_are_refused_and_bad_input_is_exit_two) {
    const std::string seq = std::to_string(collisionSeq);
    BOOST_TEST(Json({"--user", "paul", "identitovigilance", "collisions"}, 1)["code"].get<std::string>() ==
               "rule.permission");
    BOOST_TEST(Json(Review(seq, "meme-personne", "vu", "claire"), 1)["code"].get<std::string>() == "rule.permission");
    BOOST_TEST(Json(Review(seq, "doublon", "vu"), 2)["code"].get<std::string>() == "input.verdict");
    BOOST_TEST(Json(Review(seq, "autre", "  "), 2)["code"].get<std::string>() == "input.comment");
    BOOST_TEST(Json(Review("1", "autre", "vu"), 2)["code"].get<std::string>() == "input.unknown_collision");
    BOOST_TEST(Json(Review("12a", "autre", "vu"), 2)["code"].get<std::string>() == "input.collision");
    const CliResult missing = Run({"--user", "ines", "identitovigilance", "review-collision", seq, "--verdict", "autre"});
    BOOST_TEST(missing.code == 2, missing.err);
    BOOST_TEST(Json({"--user", "ines", "identitovigilance", "collisions"}, 0)["collisions"].size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
