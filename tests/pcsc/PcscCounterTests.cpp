// Vigie's own PC/SC adapter and the whole counter flow over the real daemon: pcscd with the vpcd
// driver, cards played by vigie-vcard, INSi answered by vigie-insi-sim over mTLS, the flow run by
// `vigie-cli counter` on the PC/SC reader. Skipped (77) where pcscd cannot start.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "core/vitale/PcscCardReader.h"
#include "tests/db/StoreFixture.h"
#include "tests/pcsc/PcscSupport.h"
#include "tests/pcsc/VcardProcess.h"
#include "tests/support/SimProcess.h"

extern char** environ;

using namespace vigie;
using namespace vigie::pcsctest;
using ports::ReaderEvent;

namespace counterpcsc {

struct PcscdFixture {
    PcscdFixture() { PcscdEnvironment::Instance().Start(); }
    ~PcscdFixture() { PcscdEnvironment::Instance().Stop(); }
};

std::string Card(const std::string& name) { return CardsDir() + "/" + name + ".json"; }

std::unique_ptr<VcardProcess> Insert(const std::string& name) {
    {
        PcscContext context;
        BOOST_REQUIRE_MESSAGE(WaitForCard(context, kReader0, false).has_value(), "the reader does not become empty");
    }
    return std::make_unique<VcardProcess>(std::vector<std::string>{"--card", Card(name)},
                                          PcscdEnvironment::Instance().Log("vcard.log"));
}

// Collects the adapter's events (they arrive on its monitor thread).
class Events final : public ports::ICardReaderListener {
public:
    void OnReaderEvent(const ReaderEvent& e) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back(e);
        m_wake.notify_all();
    }
    std::optional<ReaderEvent> WaitFor(ReaderEvent::Type type, std::chrono::seconds timeout = std::chrono::seconds(10)) {
        std::unique_lock lock(m_mutex);
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            for (auto it = m_events.begin(); it != m_events.end(); ++it)
                if (it->type == type) {
                    ReaderEvent e = *it;
                    m_events.erase(m_events.begin(), it + 1);
                    return e;
                }
            if (m_wake.wait_until(lock, deadline) == std::cv_status::timeout) return std::nullopt;
        }
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<ReaderEvent> m_events;
};

std::string ReadFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace counterpcsc

using counterpcsc::PcscdFixture;
BOOST_TEST_GLOBAL_FIXTURE(PcscdFixture);

BOOST_AUTO_TEST_SUITE(PcscCounter)

BOOST_AUTO_TEST_CASE(TheAdapterSeesTheInsertionAndReadsAFamilyCard) {
    counterpcsc::Events events;
    vitale::PcscCardReader reader;
    reader.Start(events);
    auto card = counterpcsc::Insert("nessi-famille");
    const auto inserted = events.WaitFor(ReaderEvent::Type::CardInserted);
    BOOST_REQUIRE(inserted.has_value());
    BOOST_TEST(inserted->reader == kReader0);
    BOOST_TEST((inserted->kind == ports::CardKind::Vitale2));
    const ports::CarteVitale vitale = reader.ReadVitale(inserted->reader);
    BOOST_TEST(vitale.insuredNir == "2770763220829");
    BOOST_REQUIRE(vitale.beneficiaries.size() == 2u);
    BOOST_TEST(vitale.beneficiaries[1].firstName == "MICHELANGELO");
    BOOST_TEST(vitale.beneficiaries[1].nir.empty());  // the child has no own NIR on the card
    card->Stop();
    BOOST_TEST(events.WaitFor(ReaderEvent::Type::CardRemoved).has_value());
    reader.Stop();
}

BOOST_AUTO_TEST_CASE(RemovalDuringTheReadAndProfessionalCards) {
    vitale::PcscCardReader reader;
    counterpcsc::Events events;
    reader.Start(events);
    {
        auto card = counterpcsc::Insert("retrait-pendant-lecture");
        BOOST_REQUIRE(events.WaitFor(ReaderEvent::Type::CardInserted).has_value());
        try {
            reader.ReadVitale(kReader0);
            BOOST_FAIL("a card pulled during the read was read");
        } catch (const ports::CardError& e) {
            BOOST_TEST(e.Code() == "card.removed", e.Code() << ": " << e.what());
        }
    }
    {
        auto card = counterpcsc::Insert("cps");
        const auto inserted = events.WaitFor(ReaderEvent::Type::CardInserted);
        BOOST_REQUIRE(inserted.has_value());
        BOOST_TEST((inserted->kind == ports::CardKind::Cps));
        BOOST_CHECK_THROW(reader.ReadVitale(kReader0), ports::CardError);
    }
    reader.Stop();
}

BOOST_AUTO_TEST_CASE(TheAdapterRecoversWhenPcscdRestarts) {
    vitale::PcscCardReader reader;
    counterpcsc::Events events;
    reader.Start(events);
    BOOST_REQUIRE(events.WaitFor(ReaderEvent::Type::ReaderAdded).has_value());
    PcscdEnvironment::Instance().Stop();
    BOOST_TEST(events.WaitFor(ReaderEvent::Type::ServiceLost).has_value());
    PcscdEnvironment::Instance().Start();
    BOOST_TEST(events.WaitFor(ReaderEvent::Type::ServiceRestored, std::chrono::seconds(20)).has_value());
    auto card = counterpcsc::Insert("adrtrois-dominique");
    BOOST_REQUIRE(events.WaitFor(ReaderEvent::Type::CardInserted).has_value());
    BOOST_TEST(reader.ReadVitale(kReader0).beneficiaries.at(0).lastName == "ADRTROIS");
    reader.Stop();
}

// The whole counter flow: vigie-cli counter on the PC/SC reader, INSi over mTLS, no click.
BOOST_AUTO_TEST_CASE(TheCounterQualifiesAChildWhenTheFamilyCardGoesIn) {
    test::TempDir dir;
    test::SimProcess sim;
    const std::string db = (dir.Path() / "vigie.db").string();
    const std::string config = (dir.Path() / "vigie.conf").string();
    sim.WriteConfig(config);
    auto run = [&](std::vector<std::string> args, const std::string& out, bool wait) {
        std::vector<std::string> full = {VIGIE_CLI_PATH, "--db", db, "--config", config};
        full.insert(full.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : full) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        pid_t pid = 0;
        posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        int status = 0;
        if (wait) waitpid(pid, &status, 0);
        return pid;
    };
    const std::string scratch = (dir.Path() / "setup.out").string();
    run({"operator", "add", "titulaire", "--role", "titulaire"}, scratch, true);
    run({"--user", "titulaire", "operator", "add", "paul", "--role", "comptoir"}, scratch, true);
    const std::string out = (dir.Path() / "counter.jsonl").string();
    {  // the previous test's card must be gone: `--once` handles the first card it sees
        PcscContext context;
        BOOST_REQUIRE(WaitForCard(context, kReader0, false).has_value());
    }
    const pid_t counter = run({"--user", "paul", "--json", "counter", "--reader", kReader0, "--once", "--beneficiary", "2",
                               "--auto-accept", "--document", "passeport"},
                              out, false);
    std::this_thread::sleep_for(std::chrono::milliseconds(800));  // the counter waits for a card
    auto card = counterpcsc::Insert("nessi-famille");
    int status = 0;
    for (int i = 0; i < 200 && waitpid(counter, &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (waitpid(counter, &status, WNOHANG) == 0) {
        kill(counter, SIGKILL);
        waitpid(counter, &status, 0);
        BOOST_FAIL("the counter did not finish: " << counterpcsc::ReadFile(out));
    }
    BOOST_TEST(WIFEXITED(status));
    std::vector<nlohmann::json> events;
    std::stringstream ss(counterpcsc::ReadFile(out));
    std::string line;
    while (std::getline(ss, line))
        if (!line.empty()) events.push_back(nlohmann::json::parse(line));
    BOOST_REQUIRE(!events.empty());
    BOOST_TEST(events.back()["event"] == "document_checked", counterpcsc::ReadFile(out));
    BOOST_TEST(events.back()["identity"]["status"] == "QUAL");
    BOOST_TEST(events.back()["identity"]["ins"]["matricule"] == "110086322083060");
    bool sawProposal = false;
    for (const auto& e : events)
        if (e["event"] == "proposal") sawProposal = e["insi"] == "00";
    BOOST_TEST(sawProposal);
    BOOST_TEST(nlohmann::json::parse(sim.Stats())["by_operation"]["RECVITALE"].get<int>() >= 1);
}

BOOST_AUTO_TEST_SUITE_END()
