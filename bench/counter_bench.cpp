// Counter benchmark on the real PC/SC daemon: a card goes into a vpcd virtual reader
// (vigie-vcard), Vigie's PC/SC adapter sees it, reads the beneficiaries, and the counter flow
// queries vigie-insi-sim over mTLS and prepares the proposal. Over N insertions it prints
// insertion → beneficiaries read and insertion → proposal ready (p50/p95).
// Needs root and pcscd + vsmartcard-vpcd (tests/pcsc/pcscd-env.sh); exits 77 otherwise.
//   vigie_bench_counter [--insertions N] [--card NAME]
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <iostream>
#include <mutex>

#include "core/usecases/CounterFlow.h"
#include "core/usecases/OperatorService.h"
#include "core/insi/InsiClient.h"
#include "core/vitale/PcscCardReader.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/pcsc/PcscSupport.h"
#include "tests/pcsc/VcardProcess.h"
#include "tests/support/SimProcess.h"

using namespace vigie;
using Clock = std::chrono::steady_clock;

namespace {

class Inserted final : public ports::ICardReaderListener {
public:
    void OnReaderEvent(const ports::ReaderEvent& e) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back(e.type);
        m_wake.notify_all();
    }
    bool WaitFor(ports::ReaderEvent::Type type) {
        std::unique_lock lock(m_mutex);
        const auto deadline = Clock::now() + std::chrono::seconds(10);
        for (;;) {
            auto it = std::find(m_events.begin(), m_events.end(), type);
            if (it != m_events.end()) {
                m_events.erase(m_events.begin(), it + 1);
                return true;
            }
            if (m_wake.wait_until(lock, deadline) == std::cv_status::timeout) return false;
        }
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<ports::ReaderEvent::Type> m_events;
};

double Percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    int insertions = 100;
    std::string cardName = "adrtrois-dominique";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--insertions") insertions = std::max(1, std::atoi(argv[i + 1]));
        else if (k == "--card") cardName = argv[i + 1];
        else {
            std::cerr << "usage: vigie_bench_counter [--insertions N] [--card NAME]\n";
            return 2;
        }
    }
    try {
        pcsctest::PcscdEnvironment::Instance().Start();  // exits 77 when pcscd cannot run here
        test::TempDir dir;
        test::SimProcess sim;
        auto store = db::OpenSqliteStore((dir.Path() / "vigie.db").string());
        ports::SystemClock clock;
        usecases::OperatorService ops(*store, clock);
        ops.Add(std::nullopt, "titulaire", domain::Role::Titulaire);
        const domain::Operator op = *ops.Add("titulaire", "paul", domain::Role::Comptoir).op;
        insi::InsiClient client(sim.Settings(), "bench", clock);
        usecases::CounterFlow flow(*store, client, clock);

        Inserted events;
        vitale::PcscCardReader reader;
        reader.Start(events);
        pcsctest::VcardProcess vcard({"--interactive", "--cards", pcsctest::CardsDir()},
                                     pcsctest::PcscdEnvironment::Instance().Log("vcard.log"));
        std::vector<double> toRead, toProposal, detection, eventToRead, eventToProposal;
        std::printf("vigie counter benchmark: %d insertions of %s through pcscd + vpcd + vigie-insi-sim (mTLS)\n",
                    insertions, cardName.c_str());
        for (int i = 0; i < insertions; ++i) {
            const auto t0 = Clock::now();
            vcard.WriteLine("insert " + cardName);
            if (!events.WaitFor(ports::ReaderEvent::Type::CardInserted)) throw std::runtime_error("no insertion event");
            const auto tEvent = Clock::now();  // PC/SC reported the card
            const ports::CarteVitale card = reader.ReadVitale(pcsctest::kReader0);
            const auto t1 = Clock::now();
            const auto proposal = flow.Prepare(op, card, 0);
            const auto t2 = Clock::now();
            if (!proposal.InsFound()) throw std::runtime_error("INSi did not find the card's beneficiary");
            toRead.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            toProposal.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
            detection.push_back(std::chrono::duration<double, std::milli>(tEvent - t0).count());
            eventToRead.push_back(std::chrono::duration<double, std::milli>(t1 - tEvent).count());
            eventToProposal.push_back(std::chrono::duration<double, std::milli>(t2 - tEvent).count());
            vcard.WriteLine("remove");
            if (!events.WaitFor(ports::ReaderEvent::Type::CardRemoved)) throw std::runtime_error("no removal event");
        }
        vcard.WriteLine("quit");
        reader.Stop();
        pcsctest::PcscdEnvironment::Instance().Stop();
        const double readP95 = Percentile(toRead, 0.95), proposalP95 = Percentile(toProposal, 0.95);
        std::printf("insertion -> beneficiaries read: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", Percentile(toRead, 0.5),
                    readP95, Percentile(toRead, 1.0));
        std::printf("insertion -> proposal ready:     p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
                    Percentile(toProposal, 0.5), proposalP95, Percentile(toProposal, 1.0));
        std::printf("  of which card detection by pcscd (vpcd presence polling): p50 %.1f ms, p95 %.1f ms\n",
                    Percentile(detection, 0.5), Percentile(detection, 0.95));
        std::printf("from the PC/SC insertion event: read p50 %.1f ms p95 %.1f ms; proposal p50 %.1f ms p95 %.1f ms\n",
                    Percentile(eventToRead, 0.5), Percentile(eventToRead, 0.95), Percentile(eventToProposal, 0.5),
                    Percentile(eventToProposal, 0.95));
        std::printf("target read_p95: %.1f ms (target <= 150) %s\n", readP95, readP95 <= 150 ? "OK" : "MISSED");
        std::printf("target proposal_p95: %.1f ms (target <= 300) %s\n", proposalP95, proposalP95 <= 300 ? "OK" : "MISSED");
        std::printf("BENCH_JSON {\"insertions\":%d,\"read_p50_ms\":%.2f,\"read_p95_ms\":%.2f,\"proposal_p50_ms\":%.2f,"
                    "\"proposal_p95_ms\":%.2f,\"detection_p95_ms\":%.2f,\"event_to_read_p95_ms\":%.2f,"
                    "\"event_to_proposal_p95_ms\":%.2f}\n",
                    insertions, Percentile(toRead, 0.5), readP95, Percentile(toProposal, 0.5), proposalP95,
                    Percentile(detection, 0.95), Percentile(eventToRead, 0.95), Percentile(eventToProposal, 0.95));
    } catch (const std::exception& e) {
        std::cerr << "benchmark error: " << e.what() << '\n';
        pcsctest::PcscdEnvironment::Instance().Stop();
        return 1;
    }
    return 0;
}
