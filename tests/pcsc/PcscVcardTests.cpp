// The real pcscd with the vpcd driver, cards played by vigie-vcard, read through pcsc-lite's
// own API (vitale-pcsc.md §4). Label integration; exits 77 (SKIPPED) when pcscd cannot run.
#include <signal.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <thread>

#include "tests/pcsc/PcscSupport.h"
#include "tests/pcsc/VcardProcess.h"

using namespace vigie::pcsctest;

namespace {

struct PcscdFixture {
    PcscdFixture() { PcscdEnvironment::Instance().Start(); }
    ~PcscdFixture() { PcscdEnvironment::Instance().Stop(); }
};

std::string Card(const std::string& name) { return CardsDir() + "/" + name + ".json"; }

// Starts vigie-vcard once the reader is empty (pcscd notices a removal within its polling
// period, so a card of the previous test may still be seen for a moment).
std::unique_ptr<VcardProcess> Insert(const std::string& file, std::vector<std::string> extra = {}) {
    const bool secondReader = std::find(extra.begin(), extra.end(), "35964") != extra.end();
    {
        PcscContext context;
        BOOST_REQUIRE_MESSAGE(WaitForCard(context, secondReader ? kReader1 : kReader0, false).has_value(),
                              "the reader does not become empty");
    }
    std::vector<std::string> args{"--card", file, "--verbose"};
    args.insert(args.end(), extra.begin(), extra.end());
    return std::make_unique<VcardProcess>(args, PcscdEnvironment::Instance().Log("vcard.log"));
}

std::string WriteCard(const std::string& name, const std::string& json) {
    const std::string path = PcscdEnvironment::Instance().Dir() + "/" + name + ".json";
    std::ofstream(path) << json;
    return path;
}

void CheckFullRead(const std::string& file, std::size_t beneficiaries) {
    BOOST_TEST_CONTEXT("card " << file) {
        PcscContext context;
        auto card = Insert(file);
        const auto atr = WaitForCard(context, kReader0, true);
        BOOST_REQUIRE(atr.has_value());
        BOOST_TEST(*atr == CardAtr(file));
        CardConnection connection(context, kReader0);
        BOOST_REQUIRE_MESSAGE(connection.ConnectResult() == SCARD_S_SUCCESS, PcscCode(connection.ConnectResult()));
        BOOST_TEST(connection.Protocol() == static_cast<DWORD>(SCARD_PROTOCOL_T0));
        const IdentityRead read = ReadIdentityFile(connection);
        BOOST_REQUIRE_MESSAGE(read.rv == SCARD_S_SUCCESS, PcscCode(read.rv));
        BOOST_TEST(read.selectSw == 0x9000);
        BOOST_REQUIRE(read.statuses.size() >= 3);
        BOOST_TEST((read.statuses[1] >> 8) == 0x61);  // T=0: READ BINARY announces, GET RESPONSE delivers
        BOOST_TEST(read.statuses.back() == 0x9000);
        BOOST_TEST_MESSAGE("identity EF: " << Hex(read.data));
        const auto templates = DecodeTemplates(read.data);
        BOOST_TEST(templates.size() == beneficiaries);
        BOOST_TEST((templates == ExpectedTemplates(file)));
    }
}

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(PcscdFixture);

BOOST_AUTO_TEST_SUITE(PcscVcardSuite)

BOOST_AUTO_TEST_CASE(BothVirtualReadersAppear) {
    PcscContext context;
    BOOST_TEST(WaitForReader(context, kReader0));
    BOOST_TEST(WaitForReader(context, kReader1));
}

BOOST_AUTO_TEST_CASE(InsertionAndRemovalAreDetectedWithTheAtr) {
    PcscContext context;
    BOOST_REQUIRE(WaitForCard(context, kReader0, false).has_value());
    auto card = Insert(Card("adrtrois-dominique"));
    const auto atr = WaitForCard(context, kReader0, true);
    BOOST_REQUIRE(atr.has_value());
    BOOST_TEST(*atr == "3B 75 13 00 00 45 09 EA 90 00");
    BOOST_TEST((card->Stop() == 0));
    BOOST_TEST(WaitForCard(context, kReader0, false).has_value());
}

BOOST_AUTO_TEST_CASE(SecondReaderOnPort35964) {
    PcscContext context;
    auto card = Insert(Card("ecetinsi"), {"--port", "35964"});
    const auto atr = WaitForCard(context, kReader1, true);
    BOOST_REQUIRE(atr.has_value());
    BOOST_TEST(*atr == CardAtr(Card("ecetinsi")));
    BOOST_TEST(WaitForCard(context, kReader0, false, 500ms).has_value());  // the other slot stays empty
}

BOOST_AUTO_TEST_CASE(FullReadOfEverySingleCard) {
    for (const char* name : {"adrtrois-dominique", "ecetinsi", "provisoire-nia", "inconnu"}) CheckFullRead(Card(name), 1);
}

BOOST_AUTO_TEST_CASE(FullReadOfFamilyCards) {
    CheckFullRead(Card("nessi-famille"), 2);
    CheckFullRead(Card("moreau-famille"), 4);
}

BOOST_AUTO_TEST_CASE(NessiChildHasNoOwnNir) {
    PcscContext context;
    auto card = Insert(Card("nessi-famille"));
    BOOST_REQUIRE(WaitForCard(context, kReader0, true).has_value());
    CardConnection connection(context, kReader0);
    const auto templates = DecodeTemplates(ReadIdentityFile(connection).data);
    BOOST_REQUIRE(templates.size() == 2u);
    BOOST_TEST(templates[0].at(0x93) == "277076322082910");
    BOOST_TEST(templates[1].at(0x81) == "MICHELANGELO");
    BOOST_TEST(templates[1].count(0x93) == 0u);
}

BOOST_AUTO_TEST_CASE(SmallT0ChunksGiveLong61xxChains) {
    const std::string file = WriteCard("chunked", R"({
      "description": "MOREAU par morceaux de 16 octets", "atr": "3B 75 13 00 00 45 09 EA 90 00",
      "insured_nir": "2840963113045", "insured_key": "07",
      "beneficiaries": [
        { "last_name": "MOREAU", "first_name": "CAMILLE", "birth_date": "19840903", "nir": "284096311304507" },
        { "last_name": "MOREAU", "first_name": "LUCAS", "birth_date": "20120418", "nir": "112046311311243", "rank": 1 },
        { "last_name": "MOREAU", "first_name": "NOAH", "birth_date": "20120418", "nir": "112046311311342", "rank": 2 } ],
      "faults": { "t0_chunk": 16 } })");
    PcscContext context;
    auto card = Insert(file);
    BOOST_REQUIRE(WaitForCard(context, kReader0, true).has_value());
    CardConnection connection(context, kReader0);
    const IdentityRead read = ReadIdentityFile(connection);
    BOOST_REQUIRE_MESSAGE(read.rv == SCARD_S_SUCCESS, PcscCode(read.rv));
    BOOST_TEST(read.statuses[1] == 0x6110);
    BOOST_TEST(read.apdus == 2 + static_cast<int>((read.data.size() + 15) / 16));
    BOOST_TEST((DecodeTemplates(read.data) == ExpectedTemplates(file)));
}

BOOST_AUTO_TEST_CASE(MoreThan256BytesThrough6100) {
    std::string beneficiaries;
    for (int i = 0; i < 4; ++i)
        beneficiaries += std::string(i ? "," : "") + R"({ "last_name": "DE LA TOUR D'AUVERGNE-LAURAGUAIS", "first_name": "MARIE-)" +
                         std::to_string(i) + R"( CHARLOTTE ELISABETH", "birth_date": "20000101" })";
    const std::string file = WriteCard("long", R"({ "atr": "3B 75 13 00 00 45 09 EA 90 00",
      "insured_nir": "1850578311123", "insured_key": "20", "beneficiaries": [)" + beneficiaries + "] }");
    PcscContext context;
    auto card = Insert(file);
    BOOST_REQUIRE(WaitForCard(context, kReader0, true).has_value());
    CardConnection connection(context, kReader0);
    const IdentityRead read = ReadIdentityFile(connection);
    BOOST_REQUIRE_MESSAGE(read.rv == SCARD_S_SUCCESS, PcscCode(read.rv));
    BOOST_TEST(read.data.size() > 256u);
    BOOST_TEST(read.statuses[1] == 0x6100);
    BOOST_TEST((DecodeTemplates(read.data) == ExpectedTemplates(file)));
}

BOOST_AUTO_TEST_CASE(WrongLeGets6Cxx) {
    const std::string file = Card("adrtrois-dominique");
    PcscContext context;
    auto card = Insert(file);
    BOOST_REQUIRE(WaitForCard(context, kReader0, true).has_value());
    CardConnection connection(context, kReader0);
    BOOST_TEST(connection.Transmit(kSelectVitale).sw == 0x9000);
    const Response announce = connection.Transmit(kReadBinarySfi2);
    BOOST_REQUIRE((announce.sw >> 8) == 0x61);
    const auto size = static_cast<std::uint8_t>(announce.sw & 0xFF);
    // GET RESPONSE asking for too much: 6C with the right length, nothing lost.
    const Response tooMuch = connection.Transmit({0x00, 0xC0, 0x00, 0x00, static_cast<std::uint8_t>(size + 1)});
    BOOST_TEST(tooMuch.sw == (0x6C00 | size));
    const Response data = connection.Transmit({0x00, 0xC0, 0x00, 0x00, size});
    BOOST_TEST(data.sw == 0x9000);
    BOOST_TEST(data.data.size() == size);
    // READ BINARY at an offset with a Le past the end of the file.
    const Response offset = connection.Transmit({0x00, 0xB0, 0x82, 0x10, 0xFF});
    BOOST_TEST(offset.sw == (0x6C00 | (size - 0x10)));
    const Response resent = connection.Transmit({0x00, 0xB0, 0x82, 0x10, static_cast<std::uint8_t>(size - 0x10)});
    BOOST_TEST(resent.sw == (0x6100 | (size - 0x10)));
}

BOOST_AUTO_TEST_CASE(ErrorStatuses) {
    PcscContext context;
    auto card = Insert(Card("inconnu"));
    BOOST_REQUIRE(WaitForCard(context, kReader0, true).has_value());
    CardConnection connection(context, kReader0);
    BOOST_TEST(connection.Transmit(kReadBinarySfi2).sw == 0x6986);                  // nothing selected
    BOOST_TEST(connection.Transmit({0x00, 0xCA, 0x9F, 0x7F, 0x00}).sw == 0x6D00);   // unknown INS
    BOOST_TEST(connection.Transmit({0x80, 0xA4, 0x04, 0x00, 0x01, 0x00}).sw == 0x6E00);
    Bytes badP1 = kSelectVitale;
    badP1[2] = 0x00;
    BOOST_TEST(connection.Transmit(badP1).sw == 0x6B00);
    Bytes otherAid = kSelectVitale;
    otherAid.back() = 0x46;
    BOOST_TEST(connection.Transmit(otherAid).sw == 0x6A82);
    BOOST_TEST(connection.Transmit(kSelectVitale).sw == 0x9000);
    BOOST_TEST(connection.Transmit({0x00, 0xB0, 0x83, 0x00, 0x00}).sw == 0x6B00);   // wrong P1
    BOOST_TEST(connection.Transmit({0x00, 0xB0, 0x82, 0xF0, 0x00}).sw == 0x6B00);   // offset past the end
    BOOST_TEST(connection.Transmit({0x00, 0xC0, 0x00, 0x00, 0x10}).sw == 0x6985);   // nothing pending
}

BOOST_AUTO_TEST_CASE(ConfiguredSelectStatus) {
    const std::string file = WriteCard("select-6a82", R"({ "atr": "3B 75 13 00 00 45 09 EA 90 00",
      "insured_nir": "1850578311123", "insured_key": "20",
      "beneficiaries": [ { "last_name": "HOUILLES", "first_name": "PIERRE", "birth_date": "19850512" } ],
      "faults": { "status_for_select": "6A 82" } })");
    PcscContext context;
    auto card = Insert(file);
    BOOST_REQUIRE(WaitForCard(context, kReader0, true).has_value());
    CardConnection connection(context, kReader0);
    const IdentityRead read = ReadIdentityFile(connection);
    BOOST_TEST(read.selectSw == 0x6A82);
    BOOST_TEST(connection.Transmit(kReadBinarySfi2).sw == 0x6986);
}

BOOST_AUTO_TEST_CASE(CpsAndVitale1AreRecognisedByAtrAndRefuseApdus) {
    for (const char* name : {"cps", "vitale1"}) {
        BOOST_TEST_CONTEXT(name) {
            PcscContext context;
            auto card = Insert(Card(name));
            const auto atr = WaitForCard(context, kReader0, true);
            BOOST_REQUIRE(atr.has_value());
            BOOST_TEST(*atr == CardAtr(Card(name)));
            CardConnection connection(context, kReader0);
            if (connection.ConnectResult() == SCARD_S_SUCCESS)
                BOOST_TEST(connection.Transmit(kSelectVitale).sw == 0x6D00);
            else
                BOOST_TEST_MESSAGE(name << ": SCardConnect " << PcscCode(connection.ConnectResult()));
        }
    }
}

BOOST_AUTO_TEST_CASE(RemovalDuringTheReadIsAnErrorNotAHang) {
    PcscContext context;
    auto card = Insert(Card("retrait-pendant-lecture"));
    BOOST_REQUIRE(WaitForCard(context, kReader0, true).has_value());
    CardConnection connection(context, kReader0);
    BOOST_REQUIRE(connection.ConnectResult() == SCARD_S_SUCCESS);
    const auto start = std::chrono::steady_clock::now();
    const IdentityRead read = ReadIdentityFile(connection);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    BOOST_TEST_MESSAGE("removal mid-read: " << PcscCode(read.rv) << " after " << read.apdus << " APDUs");
    BOOST_TEST(read.rv != SCARD_S_SUCCESS);
    BOOST_TEST(read.apdus == 3);  // SELECT, READ BINARY (61xx, then the card is pulled), GET RESPONSE fails
    BOOST_TEST(elapsed < 5s);
    BOOST_TEST((card->Wait(3000ms) == 0));  // the tool leaves once the card is "pulled"
    BOOST_TEST(WaitForCard(context, kReader0, false).has_value());
    // Once pcscd has seen the removal, the handle says so explicitly.
    const Response after = connection.Transmit(kSelectVitale);
    BOOST_TEST_MESSAGE("transmit on the handle after the removal: " << PcscCode(after.rv));
    BOOST_TEST(after.rv == SCARD_W_REMOVED_CARD, PcscCode(after.rv));
}

BOOST_AUTO_TEST_CASE(HoldRemovesTheCardByItself) {
    PcscContext context;
    auto card = Insert(Card("provisoire-nia"), {"--hold", "1"});
    BOOST_REQUIRE(WaitForCard(context, kReader0, true).has_value());
    BOOST_TEST(WaitForCard(context, kReader0, false, 4000ms).has_value());
    BOOST_TEST((card->Wait(2000ms) == 0));
}

BOOST_AUTO_TEST_CASE(InteractiveDemoMode) {
    PcscContext context;
    BOOST_REQUIRE(WaitForCard(context, kReader0, false).has_value());
    VcardProcess shell({"--interactive", "--cards", CardsDir()}, PcscdEnvironment::Instance().Log("vcard.log"));
    shell.WriteLine("insert nessi-famille");
    const auto atr = WaitForCard(context, kReader0, true);
    BOOST_REQUIRE(atr.has_value());
    BOOST_TEST(*atr == CardAtr(Card("nessi-famille")));
    shell.WriteLine("remove");
    BOOST_TEST(WaitForCard(context, kReader0, false).has_value());
    shell.WriteLine("insert cps");
    BOOST_TEST((WaitForCard(context, kReader0, true) == CardAtr(Card("cps"))));
    shell.WriteLine("insert inconnu");  // swaps the card
    bool swapped = false;
    for (int i = 0; i < 50 && !swapped; ++i) {
        swapped = WaitForCard(context, kReader0, true, 200ms) == std::optional<std::string>(CardAtr(Card("inconnu")));
        if (!swapped) std::this_thread::sleep_for(100ms);
    }
    BOOST_TEST(swapped);
    shell.WriteLine("quit");
    BOOST_TEST((shell.Wait(3000ms) == 0));
    BOOST_TEST(WaitForCard(context, kReader0, false).has_value());
}

BOOST_AUTO_TEST_CASE(PcscdKilledAndRestarted) {
    auto& env = PcscdEnvironment::Instance();
    auto card = Insert(Card("moreau-famille"));
    {
        PcscContext context;
        BOOST_REQUIRE(WaitForCard(context, kReader0, true).has_value());
        BOOST_REQUIRE(env.Pid() > 0);
        ::kill(env.Pid(), SIGKILL);
        std::this_thread::sleep_for(300ms);
        std::vector<std::string> readers;
        const LONG rv = context.ListReaders(readers);
        BOOST_TEST_MESSAGE("old context after the daemon died: " << PcscCode(rv));
        BOOST_TEST(rv != SCARD_S_SUCCESS);
        SCARDCONTEXT fresh = 0;
        const LONG none = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &fresh);
        BOOST_TEST(none == SCARD_E_NO_SERVICE, PcscCode(none));
        if (none == SCARD_S_SUCCESS) SCardReleaseContext(fresh);
    }
    env.Start();  // same state dir: stale files are cleaned, a new pcscd comes up
    PcscContext context;
    BOOST_TEST(WaitForReader(context, kReader0));
    // vigie-vcard kept its card "in the reader" and reconnects to the new daemon.
    const auto atr = WaitForCard(context, kReader0, true, 8000ms);
    BOOST_REQUIRE(atr.has_value());
    CardConnection connection(context, kReader0);
    const IdentityRead read = ReadIdentityFile(connection);
    BOOST_REQUIRE_MESSAGE(read.rv == SCARD_S_SUCCESS, PcscCode(read.rv));
    BOOST_TEST(DecodeTemplates(read.data).size() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
