// End-to-end tests of vigie-cli: every case runs the real binary (VIGIE_CLI_PATH) without a
// shell, with a fixed environment and a fresh database in its own temporary directory.
#include "tests/cli/CliFixture.h"

using namespace vigie::cli_test;

BOOST_FIXTURE_TEST_SUITE(cli, CliFixture)

// ---- nir check / traits normalize (no database needed) ------------------------------------

BOOST_AUTO_TEST_CASE(nir_check_valid_fifteen_characters) {
    const json j = Json({"nir", "check", "255081416802538"}, 0);
    BOOST_TEST(j["ok"] == true);
    BOOST_TEST(j["value"] == "255081416802538");
    const CliResult text = RunBare({"nir", "check", "255081416802538"});
    BOOST_TEST(text.code == 0);
    BOOST_TEST(Contains(text.out, "NIR valide"));
}

BOOST_AUTO_TEST_CASE(nir_check_thirteen_characters_and_key_as_two_words) {
    const json j = Json({"nir", "check", "2550814168025", "38"}, 0);
    BOOST_TEST(j["value"] == "255081416802538");
    BOOST_TEST(j["expected_key"] == 38);
}

BOOST_AUTO_TEST_CASE(nir_check_corsica) {
    const json j = Json({"nir", "check", "289042A342163", "90"}, 0);
    BOOST_TEST(j["ok"] == true);
    BOOST_TEST(j["value"] == "289042A34216390");
}

BOOST_AUTO_TEST_CASE(nir_check_wrong_key_gives_expected_key) {
    const json j = Json({"nir", "check", "260095652012481"}, 1);
    BOOST_TEST(j["ok"] == false);
    BOOST_TEST(j["expected_key"] == 44);
    BOOST_TEST(!j["message"].get<std::string>().empty());
}

BOOST_AUTO_TEST_CASE(nir_check_garbage_is_refused) {
    BOOST_TEST(Json({"nir", "check", "garbage"}, 1)["ok"] == false);
    const CliResult text = RunBare({"nir", "check", "not a nir"});
    BOOST_TEST(text.code == 1);
    BOOST_TEST(Contains(text.out, "NIR invalide"));
}

BOOST_AUTO_TEST_CASE(traits_normalize_proposes_transliteration) {
    const json j = Json({"traits", "normalize", "--birth-name", "D'ÆION", "--first-names", "CŒUR"}, 0);
    BOOST_TEST(j["ok"] == true);
    BOOST_TEST(j["birth-name"]["value"] == "D'AEION");
    BOOST_TEST(j["birth-name"]["changed"] == true);
    BOOST_TEST(j["first-names"]["value"] == "COEUR");
    BOOST_TEST(j["first-names"]["input"] == "CŒUR");
}

BOOST_AUTO_TEST_CASE(traits_normalize_refuses_digits_with_position) {
    const json j = Json({"traits", "normalize", "--birth-name", "DUP0NT"}, 1);
    BOOST_TEST(j["ok"] == false);
    const json& issues = j["birth-name"]["issues"];
    BOOST_TEST_REQUIRE(issues.size() == 1u);
    BOOST_TEST(issues[0]["position"] == 4);
    BOOST_TEST(issues[0]["character"] == "0");
}

// ---- operators ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(operator_first_must_be_titulaire) {
    Refused({"operator", "add", "bob", "--role", "comptoir"}, 1, "rule.bootstrap");
    BOOST_TEST(Json({"operator", "list"}, 0)["operators"].empty());
    BOOST_TEST(Json({"operator", "add", "alice", "--role", "titulaire"}, 0)["role"] == "titulaire");
}

BOOST_AUTO_TEST_CASE(operator_add_by_comptoir_is_refused) {
    AddOperators();
    Refused(Bob({"operator", "add", "carl", "--role", "comptoir"}), 1, "rule.permission");
    Refused({"--user", "alice", "operator", "add", "bob", "--role", "comptoir"}, 1, "rule.operator_exists");
    Refused({"--user", "alice", "operator", "add", "eve", "--role", "chef"}, 2, "input.role");
    BOOST_TEST(Json({"operator", "list"}, 0)["operators"].size() == 3u);
}

BOOST_AUTO_TEST_CASE(operator_unknown_or_missing_user_is_bad_input) {
    AddOperators();
    Refused({"--user", "nobody", "operator", "add", "carl", "--role", "comptoir"}, 2, "input.actor");
    const Args create{"patient", "create", "--birth-name", "A", "--first-names", "B", "--sex", "M",
                      "--birth-date", "1980-01-01"};
    Refused(Cat({"--user", "nobody"}, create), 2, "input.unknown_operator");
    Refused(create, 2, "input.user");
    const CliResult r = Run(Cat({"--json"}, create), "bob");  // VIGIE_USER stands in for --user
    BOOST_TEST(r.code == 0, r.err);
}

BOOST_AUTO_TEST_CASE(operator_list) {
    AddOperators();
    const json ops = Json({"operator", "list"}, 0)["operators"];
    BOOST_TEST_REQUIRE(ops.size() == 3u);
    BOOST_TEST(ops[0]["name"] == "alice");
    BOOST_TEST(ops[0]["role"] == "titulaire");
    BOOST_TEST(ops[1]["role"] == "comptoir");
    BOOST_TEST(ops[2]["role"] == "preparateur");
    BOOST_TEST(ops[2]["active"] == true);
}

// ---- patient create -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(create_happy_path) {
    AddOperators();
    const json i = Create("de la tour", "anne-marie claire", "1990-03-04", {"--birth-place", "2a004"});
    BOOST_TEST(i["status"] == "PROV");
    BOOST_TEST(i["birth_name"] == "DE LA TOUR");
    BOOST_TEST(i["birth_first_names"] == "ANNE-MARIE CLAIRE");
    BOOST_TEST(i["first_birth_first_name"] == "ANNE-MARIE");
    BOOST_TEST(i["birth_date"] == "1990-03-04");
    BOOST_TEST(i["birth_place"] == "2A004");
    BOOST_TEST(!i.contains("birth_date_completed"));
    BOOST_TEST(!i.contains("document_check"));
    BOOST_TEST(Show(Id(i))["birth_name"] == "DE LA TOUR");
}

BOOST_AUTO_TEST_CASE(create_refuses_accents_with_proposal) {
    AddOperators();
    const CliResult r = Run(CreateArgs("DUPONT", "JÉRÔME", "1980-05-12"));
    BOOST_TEST(r.code == 2);
    BOOST_TEST(Contains(r.err, "forme proposée : JEROME"), r.err);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(Search({"--birth-name", "DUPONT"}).empty());
}

BOOST_AUTO_TEST_CASE(create_rejects_bad_input) {
    AddOperators();
    const Args base = Bob({"patient", "create", "--birth-name", "MARTIN", "--first-names", "PAUL"});
    Refused(Cat(base, {"--sex", "M", "--birth-date", "1980-02-30"}), 2, "input.date");
    Refused(Cat(base, {"--sex", "X", "--birth-date", "1980-01-01"}), 2, "input.sex");
    Refused(Cat(base, {"--sex", "M", "--birth-date", "1980-01-01", "--birth-place", "123"}), 2, "input.birth_place");
    Refused(Cat(base, {"--sex", "M"}), 2, "input.args");  // --birth-date missing
    Refused(Cat(base, {"--sex", "M", "--birth-date", "1980-01-01", "--bogus", "x"}), 2, "input.args");
    BOOST_TEST(Search({"--birth-name", "MARTIN"}).empty());
}

BOOST_AUTO_TEST_CASE(create_with_unknown_date_parts_completes_the_date) {
    AddOperators();
    const json i = Create("MARTIN", "PAUL", "1980-00-00");
    BOOST_TEST(i["birth_date"] == "1980-12-31");
    BOOST_TEST(i.value("birth_date_completed", false) == true);
}

// ---- duplicates -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(duplicates_block_creation_unless_forced) {
    AddOperators();
    const json first = Create("DUPONT", "JEAN", "1980-05-12");
    const json refused = Json(CreateArgs("DUPOND", "JEAN", "1980-05-12"), 1);
    BOOST_TEST(refused["code"] == "rule.duplicates");
    BOOST_TEST_REQUIRE(refused["duplicates"].is_array());
    BOOST_TEST_REQUIRE(refused["duplicates"].size() == 1u);
    BOOST_TEST(refused["duplicates"][0]["identity"]["id"] == first["id"]);
    BOOST_TEST(Search({"--birth-name", "DUPOND"}).empty());

    const json created = Json(Cat(CreateArgs("DUPOND", "JEAN", "1980-05-12"), {"--force"}), 0);
    BOOST_TEST(created["ok"] == true);
    BOOST_TEST(!created["notes"].empty());
    const json history = History(Id(created["identity"]));
    BOOST_TEST_REQUIRE(history.size() == 1u);
    BOOST_TEST(history[0]["action"] == "identity.created_despite_duplicates");
}

BOOST_AUTO_TEST_CASE(duplicates_flag_swapped_day_and_month) {
    AddOperators();
    const json first = Create("DUPONT", "JEAN", "1980-05-12");
    const json refused = Json(CreateArgs("DUPONT", "JEAN", "1980-12-05"), 1);
    BOOST_TEST_REQUIRE(refused["duplicates"].size() == 1u);
    const json& d = refused["duplicates"][0];
    BOOST_TEST(d["identity"]["id"] == first["id"]);
    BOOST_TEST(Contains(d["reasons"].dump(), "date de naissance proche"), d.dump());
}

// ---- validate / withdraw --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(validate_with_passport) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    const json i = Act({"validate", id, "--document", "passeport"});
    BOOST_TEST(i["status"] == "VALI");
    BOOST_TEST(i["document_check"]["type"] == "passeport");
    BOOST_TEST(i["document_check"]["operator"] == "bob");
    BOOST_TEST(Show(id)["status"] == "VALI");
}

BOOST_AUTO_TEST_CASE(validate_refusals) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    const Args v = Bob({"patient", "validate"});
    Refused(Cat(v, {id, "--document", "carte-de-fidelite"}), 2, "input.document");
    Refused(Cat(v, {id, "--document", "permis"}), 2, "input.document");  // driving licence: not accepted
    Refused(Cat(v, {id}), 2, "input.args");                              // no default document
    Refused(Cat(v, {id, "--document", "cni", "--expires", "2000-01-01"}), 1, "rule.document_expired");
    Refused(Cat(v, {"424242", "--document", "cni"}), 2, "input.unknown_identity");
    Refused({"--user", "paul", "patient", "validate", id, "--document", "cni"}, 1, "rule.permission");
    BOOST_TEST(Show(id)["status"] == "PROV");
    BOOST_TEST(History(id).size() == 1u);  // refusals are not journaled
}

// Réglages › Pièces d'identité (issue #6): a catalog document the pharmacy does not accept.
BOOST_AUTO_TEST_CASE(validate_refuses_document_the_pharmacy_does_not_accept) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    const auto [rc, message] =
        Sql(db, "INSERT INTO settings(key, value) VALUES ('identity.accepted_documents', 'passeport,titre-sejour')");
    BOOST_TEST_REQUIRE(rc == SQLITE_OK, message);
    const Args v = Bob({"patient", "validate", id, "--document", "cni"});
    Refused(v, 1, "rule.document_not_accepted");
    const CliResult human = Run(v);
    BOOST_TEST(human.code == 1);
    BOOST_TEST(Contains(human.out + human.err, "n'est pas acceptée par la pharmacie"), human.out << human.err);
    BOOST_TEST(Show(id)["status"] == "PROV");
    BOOST_TEST(History(id).size() == 1u);
    BOOST_TEST(Act({"validate", id, "--document", "passeport"})["status"] == "VALI");
}

BOOST_AUTO_TEST_CASE(withdraw_document_returns_to_prov) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    Act({"validate", id, "--document", "cni"});
    const json i = Act({"withdraw-document", id});
    BOOST_TEST(i["status"] == "PROV");
    BOOST_TEST(!i.contains("document_check"));
    Refused(Bob({"patient", "withdraw-document", id}), 1, "rule.no_document");
}

// ---- attributes -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(attribute_douteuse_on_vali_returns_to_prov) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    Act({"validate", id, "--document", "cni"});
    const json i = Act({"set-attribute", id, "douteuse"});
    BOOST_TEST(i["status"] == "PROV");
    BOOST_TEST(!i.contains("document_check"));
    BOOST_TEST(i["attributes"] == json::array({"douteuse"}));
    BOOST_TEST(!Show(id).contains("document_check"));
    Refused(Bob({"patient", "validate", id, "--document", "cni"}), 1, "rule.douteuse");
}

BOOST_AUTO_TEST_CASE(attribute_fictive_refused_on_homonyme) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    Act({"set-attribute", id, "homonyme"});
    Refused(Bob({"patient", "set-attribute", id, "fictive"}), 1, "rule.fictive");
    BOOST_TEST(Show(id)["attributes"] == json::array({"homonyme"}));
}

BOOST_AUTO_TEST_CASE(attribute_twice_is_noop_and_off_clears) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    Act({"set-attribute", id, "homonyme"});
    Refused(Bob({"patient", "set-attribute", id, "homonyme"}), 1, "rule.noop");
    BOOST_TEST(Act({"set-attribute", id, "homonyme", "--off"})["attributes"].empty());
    Refused(Bob({"patient", "set-attribute", id, "homonyme", "--off"}), 1, "rule.noop");
    Refused(Bob({"patient", "set-attribute", id, "celebre"}), 2, "input.attribute");
}

// ---- edit -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(edit_used_name_keeps_status) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    Act({"validate", id, "--document", "cni"});
    const json i = Act({"edit", id, "--used-name", "martin"});
    BOOST_TEST(i["status"] == "VALI");
    BOOST_TEST(i["used_name"] == "MARTIN");
    BOOST_TEST(i["birth_name"] == "DUPONT");
    BOOST_TEST(i.contains("document_check"));
}

BOOST_AUTO_TEST_CASE(edit_strict_trait_on_vali_returns_to_prov) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    Act({"validate", id, "--document", "cni"});
    const json i = Act({"edit", id, "--first-names", "JEAN PAUL"});
    BOOST_TEST(i["status"] == "PROV");
    BOOST_TEST(i["birth_first_names"] == "JEAN PAUL");
    BOOST_TEST(!i.contains("document_check"));
}

BOOST_AUTO_TEST_CASE(edit_without_change) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    Refused(Bob({"patient", "edit", id}), 2, "input.args");
    // The stored value again: a business no-op (exit 1), like a repeated attribute.
    Refused(Bob({"patient", "edit", id, "--birth-name", "DUPONT"}), 1, "rule.noop");
    BOOST_TEST(History(id).size() == 1u);
}

// ---- search ---------------------------------------------------------------------------------

// DUPONT JEAN, DUPOND JEAN (forced) and MARTIN JEAN born 1980-05-12; DUPONT PAUL in 1970.
json MakeSearchData(const CliFixture& f) {
    f.AddOperators();
    f.Create("DUPONT", "JEAN", "1980-05-12");
    f.Create("DUPOND", "JEAN", "1980-05-12", {"--force"});
    f.Create("DUPONT", "PAUL", "1970-01-01");
    return f.Create("MARTIN", "JEAN", "1980-05-12");
}

BOOST_AUTO_TEST_CASE(search_by_birth_name_prefix_and_date) {
    MakeSearchData(*this);
    const json found = Search({"--birth-name", "dup", "--birth-date", "1980-05-12"});
    BOOST_TEST(BirthNames(found) == (std::vector<std::string>{"DUPOND", "DUPONT"}), found.dump());
    BOOST_TEST(Search({"--birth-name", "DUP"}).size() == 3u);
}

BOOST_AUTO_TEST_CASE(search_by_free_text_name_and_first_name) {
    MakeSearchData(*this);
    const json found = Search({"--text", "DUP JEAN"});
    BOOST_TEST(BirthNames(found) == (std::vector<std::string>{"DUPOND", "DUPONT"}), found.dump());
    for (const auto& i : found) BOOST_TEST(i["birth_first_names"] == "JEAN");
    BOOST_TEST(Search({"--text", "DUP PA"}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(search_by_ipp) {
    const json martin = MakeSearchData(*this);
    const json found = Search({"--text", Id(martin)});
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0]["id"] == martin["id"]);
}

BOOST_AUTO_TEST_CASE(search_without_criteria_is_bad_input) {
    Refused({"patient", "search"}, 2, "input.args");
    Refused({"patient", "search", "--limit", "0", "--text", "A"}, 2, "input.limit");
}

// Regression: a free text was split at apostrophes and hyphens, so D'ARTAGNAN or MARTIN-DUPONT
// (and multi-word names) were never found.
BOOST_AUTO_TEST_CASE(search_free_text_with_apostrophe_or_hyphen) {
    AddOperators();
    Create("D'ARTAGNAN", "CHARLES", "1961-02-03");
    Create("MARTIN-DUPONT", "LUC", "1962-02-03");
    BOOST_TEST(Search({"--text", "D'ARTAGNAN"}).size() == 1u);
    BOOST_TEST(Search({"--text", "D'ARTAGNAN CHARLES"}).size() == 1u);
    BOOST_TEST(Search({"--text", "MARTIN-DUPONT"}).size() == 1u);
}

// ---- journal --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(history_and_journal_verify_count_every_action) {
    AddOperators();                                                      // journal: 3 entries
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));  // 4
    Json(CreateArgs("DUPOND", "JEAN", "1980-05-12"), 1);                 // refused: not journaled
    Create("DUPOND", "JEAN", "1980-05-12", {"--force"});                 // 5 (another identity)
    Act({"validate", id, "--document", "cni"});                          // 6
    Refused({"--user", "paul", "patient", "withdraw-document", id}, 1, "rule.permission");
    Act({"withdraw-document", id});                                      // 7
    Act({"set-attribute", id, "homonyme"});                              // 8
    Act({"edit", id, "--used-name", "MARTIN"});                          // 9
    Act({"validate", id, "--document", "passeport"});                    // 10

    const json h = History(id);
    const std::vector<std::string> expected{"identity.created",          "identity.document_checked",
                                            "identity.document_withdrawn", "identity.attribute_changed",
                                            "identity.traits_edited",    "identity.document_checked"};
    BOOST_TEST_REQUIRE(h.size() == expected.size());
    std::int64_t previous = 0;
    for (std::size_t k = 0; k < h.size(); ++k) {
        BOOST_TEST(h[k]["action"] == expected[k]);
        BOOST_TEST(h[k]["seq"].get<std::int64_t>() > previous);
        BOOST_TEST(h[k]["operator"] == "bob");
        previous = h[k]["seq"].get<std::int64_t>();
    }
    BOOST_TEST(h[0]["before"].is_null());
    BOOST_TEST(h[1]["after"]["status"] == "VALI");
    BOOST_TEST(h[2]["before"]["status"] == "VALI");

    const json v = Json({"journal", "verify"}, 0);
    BOOST_TEST(v["ok"] == true);
    BOOST_TEST(v["entries"] == 10);
}

BOOST_AUTO_TEST_CASE(journal_tampering_is_blocked_or_detected) {
    AddOperators();
    const std::string id = Id(Create("DUPONT", "JEAN", "1980-05-12"));
    Act({"validate", id, "--document", "cni"});
    Act({"set-attribute", id, "homonyme"});
    const std::int64_t target = History(id)[1]["seq"].get<std::int64_t>();  // the document check

    // (a) The append-only triggers refuse UPDATE and DELETE.
    const auto update = Sql(db, "UPDATE journal SET operator = 'x'");
    BOOST_TEST(update.first != SQLITE_OK);
    BOOST_TEST(Contains(update.second, "append-only"), update.second);
    BOOST_TEST(Sql(db, "DELETE FROM journal WHERE seq = 1").first != SQLITE_OK);
    BOOST_TEST(Json({"journal", "verify"}, 0)["entries"] == 6);

    // (b) With the trigger dropped, the hash chain finds the altered entry.
    const auto drop = Sql(db, "DROP TRIGGER journal_no_update");
    BOOST_TEST_REQUIRE(drop.first == SQLITE_OK, drop.second);
    const auto tamper =
        Sql(db, "UPDATE journal SET after = replace(after, 'cni', 'passeport') WHERE seq = " + std::to_string(target));
    BOOST_TEST_REQUIRE(tamper.first == SQLITE_OK, tamper.second);
    const json v = Json({"journal", "verify"}, 1);
    BOOST_TEST(v["ok"] == false);
    BOOST_TEST(v["first_bad_seq"] == target);
    const CliResult text = Run({"journal", "verify"});
    BOOST_TEST(text.code == 1);
    BOOST_TEST(Contains(text.err, "altéré"), text.err);
}

// ---- environment and error reporting --------------------------------------------------------

BOOST_AUTO_TEST_CASE(database_is_a_directory) {
    const fs::path folder = dir / "folder";
    fs::create_directory(folder);
    const CliResult r = RunBare({"--db", folder.string(), "operator", "list"});
    BOOST_TEST(r.code == 3, r.err);
    BOOST_TEST(Contains(r.err, "Erreur : Impossible d'ouvrir la base"), r.err);
    const json j = Check(RunBare({"--json", "--db", folder.string(), "stats"}), {"stats"}, 3);
    BOOST_TEST(j["code"] == "store.access");
}

BOOST_AUTO_TEST_CASE(database_is_not_sqlite_and_stays_untouched) {
    const fs::path junk = dir / "notes.db";
    {
        std::ofstream out(junk, std::ios::binary);
        for (int k = 0; k < 200; ++k) out << "ligne " << k << " : pas une base SQLite, " << k * 7919 << '\n';
    }
    const std::string before = ReadFile(junk);
    const CliResult r = RunBare({"--db", junk.string(), "operator", "list"});
    BOOST_TEST(r.code == 3, r.err);
    BOOST_TEST(Contains(r.err, "illisible ou corrompu"), r.err);
    const CliResult w = RunBare({"--db", junk.string(), "operator", "add", "alice", "--role", "titulaire"});
    BOOST_TEST(w.code == 3, w.err);
    const json j = Check(RunBare({"--json", "--db", junk.string(), "stats"}), {"stats"}, 3);
    BOOST_TEST(j["code"] == "store.corrupt");
    BOOST_TEST(ReadFile(junk) == before);
    BOOST_TEST(!fs::exists(junk.string() + "-wal"));
    BOOST_TEST(!fs::exists(junk.string() + "-journal"));
}

BOOST_AUTO_TEST_CASE(default_database_lives_under_home) {
    const CliResult r = RunBare({"operator", "add", "alice", "--role", "titulaire"});
    BOOST_TEST(r.code == 0, r.err);
    BOOST_TEST(fs::exists(dir / ".local" / "share" / "vigie" / "vigie.db"));
}

BOOST_AUTO_TEST_CASE(json_errors_are_json_objects) {
    AddOperators();
    Refused(Bob({"patient", "show", "77"}), 2, "input.unknown_identity");
    Refused({"patient", "show", "abc"}, 2, "input.identity_id");
    const Args late{"patient", "history", "77", "--json"};  // --json after the command words
    const CliResult r = Run(late);
    BOOST_TEST(Check(r, late, 2)["code"] == "input.unknown_identity");
    BOOST_TEST(Contains(r.err, "introuvable"));
}

// Regression: an unknown command, or none, printed only the usage even with --json.
BOOST_AUTO_TEST_CASE(json_error_for_unknown_command) {
    for (const Args& args : {Args{"frobnicate"}, Args{}}) {
        const json j = Json(args, 2);
        BOOST_TEST(j.value("ok", true) == false);
        BOOST_TEST(!j.value("code", std::string()).empty());
    }
}

// ---- Tableau de bord (issue #6) ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(stats_dashboard_for_the_titulaire_only) {
    AddOperators();
    const json a = Create("DUPONT", "JEAN", "1980-02-01");
    Act({"validate", Id(a), "--document", "passeport"});
    Create("MARTIN", "ANNE", "1975-03-04");
    const json j = Json({"--user", "alice", "stats", "--dashboard", "--days", "3"}, 0);
    BOOST_TEST(j["active_total"] == 2);
    BOOST_TEST_REQUIRE(j["shares"].size() == 4u);
    BOOST_TEST(j["shares"][0]["label"] == "Identité provisoire");
    BOOST_TEST(j["shares"][0]["count"] == 1);
    BOOST_TEST(j["shares"][2]["status"] == "VALI");
    BOOST_TEST(j["qualified_percent"] == 0.0);
    BOOST_TEST_REQUIRE(!j["trend"].empty());
    BOOST_TEST(j["trend"].back()["PROV"] == 1);
    BOOST_TEST(j["insi"]["last_7_days"]["calls"] == 0);
    Refused(Bob({"stats", "--dashboard"}), 1, "rule.role");
    const CliResult text = Run({"--user", "alice", "stats", "--dashboard"});
    BOOST_TEST(text.code == 0);
    BOOST_TEST(text.out.find("Identités qualifiées : 0,0 % des patients actifs") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_SUITE_END()
