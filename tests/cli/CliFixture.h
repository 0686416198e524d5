#pragma once
// The harness of the vigie-cli end-to-end tests: runs the real binary (VIGIE_CLI_PATH) without a
// shell, with a fixed environment and a fresh database in its own temporary directory, and
// reads its JSON answers.
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vigie::cli_test {

namespace fs = std::filesystem;
using nlohmann::json;
using Args = std::vector<std::string>;

struct CliResult {
    int code = -1;  // exit status, or 128 + signal number when the process was killed
    std::string out;
    std::string err;
};

inline Args Cat(Args a, const Args& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}
inline Args Bob(const Args& a) { return Cat({"--user", "bob"}, a); }

inline std::string Describe(const Args& args) {
    std::string s = "vigie-cli";
    for (const auto& a : args) s += " [" + a + "]";
    return s;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

inline std::string ReadFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs VIGIE_CLI_PATH with `args` and exactly `env` as its environment; stdin is /dev/null.
inline CliResult Spawn(const Args& args, Args env) {
    Args storage = Cat({VIGIE_CLI_PATH}, args);
    std::vector<char*> argv, envp;
    for (auto& s : storage) argv.push_back(s.data());
    for (auto& s : env) envp.push_back(s.data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);

    int outPipe[2], errPipe[2];
    BOOST_TEST_REQUIRE(pipe2(outPipe, O_CLOEXEC) == 0);
    BOOST_TEST_REQUIRE(pipe2(errPipe, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(outPipe[1]);
    close(errPipe[1]);
    CliResult r;
    // Drain both pipes together so a chatty stderr cannot block the child.
    std::array<pollfd, 2> fds{{{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}}};
    std::array<std::string*, 2> sinks{&r.out, &r.err};
    int open = 2;
    while (rc == 0 && open > 0) {
        if (poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (std::size_t k = 0; k < fds.size(); ++k) {
            if (fds[k].fd < 0 || fds[k].revents == 0) continue;
            char buf[4096];
            const ssize_t n = read(fds[k].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[k]->append(buf, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                close(fds[k].fd);
                fds[k].fd = -1;
                --open;
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0) close(f.fd);
    BOOST_TEST_REQUIRE(rc == 0, "posix_spawn(" << VIGIE_CLI_PATH << ") failed: " << rc);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

// Executes SQL on the database directly; returns the SQLite result code and message.
inline std::pair<int, std::string> Sql(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    int rc = sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr);
    std::string message = sqlite3_errstr(rc);
    if (rc == SQLITE_OK) {
        char* err = nullptr;
        rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &err);
        message = err ? err : "";
        sqlite3_free(err);
    }
    sqlite3_close(handle);
    return {rc, message};
}

// One temporary directory (also HOME) and one database per test case.
class CliFixture {
public:
    CliFixture() {
        std::string tmpl = "/tmp/vigie-cli-tests-XXXXXX";
        BOOST_TEST_REQUIRE(mkdtemp(tmpl.data()) != nullptr);
        dir = tmpl;
        db = dir / "vigie.db";
    }
    ~CliFixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    CliFixture(const CliFixture&) = delete;
    CliFixture& operator=(const CliFixture&) = delete;

    fs::path dir;
    fs::path db;

    // Without --db; VIGIE_USER is set only when `envUser` is given, VIGIE_DB never.
    CliResult RunBare(const Args& args, const std::optional<std::string>& envUser = std::nullopt) const {
        Args env{"HOME=" + dir.string(), "PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8"};
        if (envUser) env.push_back("VIGIE_USER=" + *envUser);
        return Spawn(args, env);
    }
    CliResult Run(const Args& args, const std::optional<std::string>& envUser = std::nullopt) const {
        return RunBare(Cat({"--db", db.string()}, args), envUser);
    }

    // Checks the exit code and that stdout is exactly one JSON object with "ok".
    static json Check(const CliResult& r, const Args& args, int expectedCode) {
        BOOST_TEST(r.code == expectedCode,
                   Describe(args) << "\n  exit " << r.code << "\n  stdout: " << r.out << "\n  stderr: " << r.err);
        json j = json::parse(r.out, nullptr, false);
        BOOST_TEST_REQUIRE(j.is_object(), Describe(args) << ": stdout is not one JSON object: " << r.out);
        BOOST_TEST(j.contains("ok"));
        return j;
    }
    json Json(const Args& args, int expectedCode) const {
        return Check(Run(Cat({"--json"}, args)), args, expectedCode);
    }
    // A refusal or an error in JSON mode: ok false and the expected code.
    void Refused(const Args& args, int expectedCode, const std::string& code) const {
        const json j = Json(args, expectedCode);
        BOOST_TEST(j.value("ok", true) == false);
        BOOST_TEST(j.value("code", std::string()) == code, Describe(args) << ": " << j.dump());
    }

    // alice titulaire, bob comptoir, paul préparateur: three journal entries (operator.added).
    void AddOperators() const {
        Json({"operator", "add", "alice", "--role", "titulaire"}, 0);
        Json({"--user", "alice", "operator", "add", "bob", "--role", "comptoir"}, 0);
        Json({"--user", "alice", "operator", "add", "paul", "--role", "preparateur"}, 0);
    }
    static Args CreateArgs(const std::string& birthName, const std::string& firstNames, const std::string& date) {
        return Bob({"patient", "create", "--birth-name", birthName, "--first-names", firstNames, "--sex", "M",
                    "--birth-date", date});
    }
    // Creates an identity as bob; returns the "identity" object of the answer.
    json Create(const std::string& birthName, const std::string& firstNames, const std::string& date,
                const Args& extra = {}) const {
        const json j = Json(Cat(CreateArgs(birthName, firstNames, date), extra), 0);
        BOOST_TEST_REQUIRE(j.contains("identity"));
        return j["identity"];
    }
    static std::string Id(const json& identity) { return std::to_string(identity["id"].get<std::int64_t>()); }
    // As bob, `patient …` that must succeed; returns the identity after the action.
    json Act(const Args& args) const {
        const json j = Json(Bob(Cat({"patient"}, args)), 0);
        BOOST_TEST_REQUIRE(j.contains("identity"));
        return j["identity"];
    }
    json Show(const std::string& id) const { return Json({"patient", "show", id}, 0)["identity"]; }
    json History(const std::string& id) const { return Json({"patient", "history", id}, 0)["entries"]; }
    json Search(const Args& criteria) const { return Json(Cat({"patient", "search"}, criteria), 0)["identities"]; }
};

inline std::vector<std::string> BirthNames(const json& identities) {
    std::vector<std::string> names;
    for (const auto& i : identities) names.push_back(i["birth_name"].get<std::string>());
    return names;
}

}  // namespace vigie::cli_test
