// INSi client benchmark against the local simulator (real mTLS on loopback, zero injected latency):
//  - client overhead per call, warm (connection reused) and cold (new client: TCP + TLS handshake);
//  - bulk verification throughput, uncapped (engine + client + simulator capacity);
//  - a capped bulk run: achieved rate as a share of the cap.
// Prints figures and `target …` lines; never fails on a missed target.
//   vigie_bench_insi [--calls N] [--bulk N] [--cap R] [--concurrency N]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "core/domain/Nir.h"
#include "core/insi/InsiClient.h"
#include "core/usecases/BulkVerification.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/support/SimProcess.h"
#include "tests/support/SyntheticPersonas.h"

namespace fs = std::filesystem;
using namespace vigie;
using namespace vigie::domain;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int calls = 2000;
    int bulk = 3000;
    double cap = 50;
    int concurrency = 8;
};

double Percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

std::string NameOf(int i) { return test::SyntheticName("BENCH", i); }

insi::InsiSettings SettingsFor(const test::SimProcess& sim, double cap) {
    insi::InsiSettings s = sim.Settings();
    s.softwareVersion = "bench";
    s.rateCap = cap;
    return s;
}

ports::InsiTraitsQuery QueryOf(int i) { return {NameOf(i), "JEAN", Sex::Male, test::SyntheticBirthDate(i), ""}; }

// Forwards batch calls through the operator path, which has no rate cap: the uncapped figure is
// the capacity of engine + client + simulator (production batch work is always capped).
struct Uncapped final : ports::IInsiService {
    insi::InsiClient& client;
    explicit Uncapped(insi::InsiClient& c) : client(c) {}
    ports::InsiResult SearchByTraits(const ports::InsiTraitsQuery& q, ports::InsiCallMode) override {
        return client.SearchByTraits(q, ports::InsiCallMode::Operator);
    }
    ports::InsiResult SearchWithVitale(const ports::InsiVitaleQuery& q, ports::InsiCallMode) override {
        return client.SearchWithVitale(q, ports::InsiCallMode::Operator);
    }
};

struct BulkFigures {
    double rate = 0;
    double seconds = 0;
    std::int64_t done = 0;
};

BulkFigures Bulk(ports::IInsiService& insi, const fs::path& dir, int count, int concurrency, const std::string& tag) {
    const std::string dbPath = (dir / (tag + ".db")).string();
    auto store = db::OpenSqliteStore(dbPath);
    ports::SystemClock clock;
    usecases::OperatorService ops(*store, clock);
    ops.Add(std::nullopt, "bench", Role::Titulaire);
    const Operator op = *ops.Add("bench", "vigilance", Role::Identitovigilance).op;
    usecases::PatientService patients(*store, clock);
    test::SeedSyntheticIdentities(patients, op, clock, "BENCH", count);
    usecases::BulkVerification engine(*store, insi, clock);
    std::atomic<bool> stop{false};
    const auto r = engine.Run(op, engine.CreateRun(op), usecases::BulkOptions{concurrency, 32}, stop);
    return BulkFigures{r.ratePerSecond, r.seconds, r.counts.done};
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--calls") o.calls = std::atoi(argv[i + 1]);
        else if (k == "--bulk") o.bulk = std::atoi(argv[i + 1]);
        else if (k == "--cap") o.cap = std::atof(argv[i + 1]);
        else if (k == "--concurrency") o.concurrency = std::atoi(argv[i + 1]);
        else {
            std::cerr << "usage: vigie_bench_insi [--calls N] [--bulk N] [--cap R] [--concurrency N]\n";
            return 2;
        }
    }
    try {
        std::string tmpl = (fs::temp_directory_path() / "vigie-bench-insi-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
        const fs::path dir = tmpl;
        struct Cleanup {
            fs::path dir;
            ~Cleanup() {
                std::error_code ec;
                fs::remove_all(dir, ec);
            }
        } cleanup{dir};
        test::WriteSyntheticPersonas(dir / "personas.csv", "BENCH", std::max(o.bulk, 1));
        test::SimProcess sim(test::SimProcess::Options{(dir / "personas.csv").string(), {}, ""});
        ports::SystemClock clock;
        std::printf("vigie INSi benchmark: simulator on 127.0.0.1:%d, %d calls, bulk %d, cap %.0f/s, concurrency %d\n",
                    sim.Port(), o.calls, o.bulk, o.cap, o.concurrency);

        insi::InsiClient warmClient(SettingsFor(sim, o.cap), "bench-instance", clock);
        warmClient.SearchByTraits(QueryOf(0), ports::InsiCallMode::Operator);  // opens the connection
        std::vector<double> warm;
        for (int i = 0; i < o.calls; ++i) {
            const auto t0 = Clock::now();
            const auto r = warmClient.SearchByTraits(QueryOf(i % o.bulk), ports::InsiCallMode::Operator);
            warm.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            if (r.code != "00") throw std::runtime_error("unexpected answer " + r.code);
        }
        std::vector<double> cold;
        for (int i = 0; i < std::min(o.calls, 200); ++i) {
            const auto t0 = Clock::now();
            insi::InsiClient fresh(SettingsFor(sim, o.cap), "bench-instance", clock);
            fresh.SearchByTraits(QueryOf(i % o.bulk), ports::InsiCallMode::Operator);
            cold.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
        std::printf("warm call (connection reused): p50 %.3f ms, p95 %.3f ms, p99 %.3f ms\n", Percentile(warm, 0.5),
                    Percentile(warm, 0.95), Percentile(warm, 0.99));
        std::printf("cold call (new client, TLS handshake): p50 %.3f ms, p95 %.3f ms\n", Percentile(cold, 0.5),
                    Percentile(cold, 0.95));

        Uncapped uncapped(warmClient);
        const BulkFigures free = Bulk(uncapped, dir, o.bulk, o.concurrency, "uncapped");
        std::printf("bulk verification uncapped: %lld items in %.2f s = %.0f verifications/s\n",
                    static_cast<long long>(free.done), free.seconds, free.rate);

        insi::InsiClient capped(SettingsFor(sim, o.cap), "bench-instance", clock);
        const int cappedItems = static_cast<int>(o.cap * 8);  // about 8 seconds
        const BulkFigures limited = Bulk(capped, dir, std::min(cappedItems, o.bulk), o.concurrency, "capped");
        const double share = limited.rate / o.cap;
        std::printf("bulk verification capped at %.0f/s: %.1f/s (%.1f %% of the cap) over %.2f s\n", o.cap, limited.rate,
                    share * 100, limited.seconds);

        const double warmP95 = Percentile(warm, 0.95);
        std::printf("target warm_p95: %.3f ms (target <= 5) %s\n", warmP95, warmP95 <= 5 ? "OK" : "MISSED");
        std::printf("target uncapped_bulk: %.0f /s (target >= 500) %s\n", free.rate, free.rate >= 500 ? "OK" : "MISSED");
        std::printf("target capped_share: %.1f %% (target >= 95) %s\n", share * 100, share >= 0.95 ? "OK" : "MISSED");
        std::printf("BENCH_JSON {\"warm_p50_ms\":%.4f,\"warm_p95_ms\":%.4f,\"cold_p50_ms\":%.4f,\"cold_p95_ms\":%.4f,"
                    "\"uncapped_rate\":%.1f,\"capped_rate\":%.2f,\"cap\":%.1f}\n",
                    Percentile(warm, 0.5), warmP95, Percentile(cold, 0.5), Percentile(cold, 0.95), free.rate,
                    limited.rate, o.cap);
    } catch (const std::exception& e) {
        std::cerr << "benchmark error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
