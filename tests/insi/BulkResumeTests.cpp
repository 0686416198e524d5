// Bulk verification through the real binaries: vigie-cli verifies 2,000 identities against
// vigie-insi-sim over mTLS, is killed (SIGKILL) in the middle, then resumed. The simulator's
// request log proves that every item was asked, that only the items in doubt (claimed when the
// process died) were asked twice, and that the rate cap held in every 1-second window; the
// journal proves that every outcome was applied exactly once.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/domain/Nir.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"
#include "tests/support/SimProcess.h"
#include "tests/support/SyntheticPersonas.h"

extern char** environ;

using namespace vigie;
using namespace vigie::domain;
using nlohmann::json;

namespace resume {

constexpr int kItems = 2000;
constexpr double kRate = 60;  // the highest cap a configuration accepts is 65/s

std::string NameOf(int i) { return test::SyntheticName("BULK", i); }

pid_t Spawn(const std::vector<std::string>& args, const std::string& outFile) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

std::vector<json> JsonLines(const std::string& path) {
    std::ifstream in(path);
    std::vector<json> out;
    std::string line;
    while (std::getline(in, line)) {
        auto j = json::parse(line, nullptr, false);
        if (!j.is_discarded()) out.push_back(std::move(j));
    }
    return out;
}

}  // namespace resume

BOOST_AUTO_TEST_SUITE(BulkResume)

BOOST_AUTO_TEST_CASE(KilledMidRunThenResumedVerifiesEveryItemOnce) {
    test::TempDir dir;
    // 1. Personas for the simulator: one per identity, valid keys, test OID.
    const auto personas = dir.Path() / "personas.csv";
    test::WriteSyntheticPersonas(personas, "BULK", resume::kItems);
    const std::string log = (dir.Path() / "requests.log").string();
    test::SimProcess sim(test::SimProcess::Options{personas.string(), {}, log});
    const auto config = dir.Path() / "vigie.conf";
    sim.WriteConfig(config, resume::kRate);

    // 2. The référentiel: 2,000 identities holding the INS INSi will confirm.
    const std::string db = (dir.Path() / "vigie.db").string();
    {
        auto store = db::OpenSqliteStore(db);
        test::FixedClock clock;
        usecases::OperatorService ops(*store, clock);
        ops.Add(std::nullopt, "titulaire", Role::Titulaire);
        const Operator vigilance = *ops.Add("titulaire", "vigilance", Role::Identitovigilance).op;
        usecases::PatientService patients(*store, clock);
        test::SeedSyntheticIdentities(patients, vigilance, clock, "BULK", resume::kItems);
    }

    // 3. Run, kill after ~3 s, resume to the end.
    const std::vector<std::string> base = {VIGIE_CLI_PATH, "--db", db, "--config", config.string(), "--user", "vigilance",
                                           "--json", "verify", "--concurrency", "4"};
    auto args = base;
    args.push_back("--all");
    const std::string firstOut = (dir.Path() / "first.jsonl").string();
    const pid_t first = resume::Spawn(args, firstOut);
    BOOST_REQUIRE(first > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    BOOST_REQUIRE(kill(first, SIGKILL) == 0);
    int status = 0;
    waitpid(first, &status, 0);
    BOOST_TEST_REQUIRE(WIFSIGNALED(status), "the first run ended before it was killed");
    const auto beforeResume = resume::JsonLines(log).size();
    BOOST_TEST(beforeResume > 50u);               // it really was working…
    BOOST_TEST(beforeResume < resume::kItems);    // …and really was interrupted

    args = base;
    args.push_back("--resume");
    const std::string secondOut = (dir.Path() / "second.jsonl").string();
    const pid_t second = resume::Spawn(args, secondOut);
    BOOST_REQUIRE(second > 0);
    waitpid(second, &status, 0);
    BOOST_REQUIRE(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
    const auto lines = resume::JsonLines(secondOut);
    BOOST_REQUIRE(!lines.empty());
    const json& report = lines.back();
    BOOST_TEST(report["event"] == "report");
    BOOST_TEST(report["state"] == "done");
    BOOST_TEST(report["done"].get<int>() == resume::kItems);
    BOOST_TEST(report["failed"].get<int>() == 0);
    const int inDoubt = report["in_doubt"].get<int>();
    BOOST_TEST(inDoubt <= 32);  // at most one claimed chunk

    // 4. The simulator's log: every item asked; only items in doubt asked twice.
    std::map<std::string, int> asked;
    for (const auto& entry : resume::JsonLines(log)) ++asked[entry["birth_name"].get<std::string>()];
    int twice = 0;
    for (int i = 0; i < resume::kItems; ++i) {
        const int n = asked[resume::NameOf(i)];
        BOOST_TEST(n >= 1, resume::NameOf(i) << " never asked");
        BOOST_TEST(n <= 2, resume::NameOf(i) << " asked " << n << " times");
        twice += n == 2;
    }
    BOOST_TEST(twice <= inDoubt);
    const auto stats = json::parse(sim.Stats());
    BOOST_TEST(stats["max_requests_in_any_second"].get<double>() <= resume::kRate);
    BOOST_TEST(stats["by_cn"]["INSI-AUTO"].get<int>() == stats["total"].get<int>());  // batch certificate only

    // 5. The journal: exactly one verification applied per identity.
    auto store = db::OpenSqliteStore(db);
    std::map<IdentityId, int> verified;
    ports::RunInTransaction(*store, ports::TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
        tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
            if (e.action == "identity.ins_verified" && e.identityId) ++verified[*e.identityId];
            return true;
        });
    });
    BOOST_TEST(verified.size() == static_cast<std::size_t>(resume::kItems));
    for (const auto& [id, n] : verified) BOOST_TEST(n == 1, "identity " << id << " verified " << n << " times");
}

BOOST_AUTO_TEST_SUITE_END()
