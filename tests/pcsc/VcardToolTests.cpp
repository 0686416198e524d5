// vigie-vcard without pcscd: the card files, the TLV encoder and the T=0 applet, in process.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "tools/vcard/CardFileLoader.h"
#include "tools/vcard/TlvEncoder.h"
#include "tools/vcard/VitaleApplet.h"

using namespace vigie::vcard;

namespace {

const std::string kCards = std::string(VIGIE_SOURCE_DIR) + "/tools/vcard/cards";

CardDescription Load(const std::string& name) { return CardFileLoader::LoadFile(kCards + "/" + name + ".json"); }

std::string ErrorOf(const std::string& json) {
    try {
        CardFileLoader::Parse(json, "test.json", "test");
    } catch (const CardFileError& e) {
        return e.what();
    }
    return "";
}

const std::string kValid = R"({ "atr": "3B 75 13 00 00 45 09 EA 90 00", "insured_nir": "1850578311123", "insured_key": "20",
  "beneficiaries": [ { "last_name": "HOUILLES", "first_name": "PIERRE", "birth_date": "19850512", "nir": "185057831112320" } ] })";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

Bytes Cmd(std::initializer_list<std::uint8_t> bytes) { return Bytes(bytes); }

std::uint16_t Sw(const Bytes& response) {
    return static_cast<std::uint16_t>((response[response.size() - 2] << 8) | response.back());
}

const Bytes kSelect{0x00, 0xA4, 0x04, 0x00, 0x0B, 0xD2, 0x50, 0x00, 0x00, 0x02, 0x56, 0x49, 0x54, 0x41, 0x4C, 0x45};

}  // namespace

BOOST_AUTO_TEST_SUITE(VcardToolSuite)

BOOST_AUTO_TEST_CASE(EveryDemoCardLoads) {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kCards)) {
        BOOST_TEST_CONTEXT(entry.path()) {
            BOOST_CHECK_NO_THROW(CardFileLoader::LoadFile(entry.path()));
            ++count;
        }
    }
    BOOST_TEST(count >= 9u);
    BOOST_TEST(Load("nessi-famille").beneficiaries.size() == 2u);
    BOOST_TEST(Load("moreau-famille").beneficiaries.size() == 4u);
    BOOST_TEST(Load("moreau-famille").beneficiaries[2].rank == 2);
    BOOST_TEST(Load("retrait-pendant-lecture").faults.removeDuringReadAfterApdus == 2);
    BOOST_TEST((Load("cps").Family() == CardFamily::Cps));
    BOOST_TEST((Load("vitale1").Family() == CardFamily::Vitale1));
    BOOST_TEST((Load("adrtrois-dominique").Family() == CardFamily::Vitale2));
}

BOOST_AUTO_TEST_CASE(BadFilesGiveFrenchMessagesWithTheJsonPath) {
    BOOST_TEST(ErrorOf(kValid).empty());
    BOOST_TEST(ErrorOf("{ \"atr\": ").find("JSON invalide") != std::string::npos);
    BOOST_TEST(ErrorOf("[]").find("un objet JSON est attendu") != std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "\"19850512\"", "\"1985-05-12\"")).find("test.json : /beneficiaries/0/birth_date : 8 chiffres") !=
               std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "3B 75", "ZZ 75")).find("/atr") != std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "\"last_name\": \"HOUILLES\",", "")).find("/beneficiaries/0/last_name : clé obligatoire absente") !=
               std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "\"first_name\"", "\"prenom\"")).find("/beneficiaries/0/prenom : clé inconnue") !=
               std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "185057831112320", "18505783111232")).find("/beneficiaries/0/nir : 15 caractères") !=
               std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "\"nir\": \"185057831112320\"", "\"nir\": \"277076322082910\"")).find("/beneficiaries/0/nir") !=
               std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "\"insured_key\": \"20\"", "\"insured_key\": 20")).find("/insured_key : une chaîne") !=
               std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "PIERRE", "PIÈRRE")).find("ASCII imprimable") != std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "\"beneficiaries\": [", "\"faults\": { \"t0_chunk\": 300 }, \"beneficiaries\": [")).find(
                   "/faults/t0_chunk : valeur 300") != std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "\"beneficiaries\": [", "\"faults\": { \"status_for_select\": \"6A\" }, \"beneficiaries\": [")).find(
                   "/faults/status_for_select : 2 octets") != std::string::npos);
    BOOST_TEST(ErrorOf(R"({ "atr": "3B 75 13 00 00 45 09 EA 90 00", "insured_nir": "1850578311123", "insured_key": "20", "beneficiaries": [] })")
                   .find("/beneficiaries : au moins un") != std::string::npos);
    BOOST_TEST(ErrorOf(Replace(kValid, "\"HOUILLES\"", "\"" + std::string(120, 'A') + "\"")).find("trop long") != std::string::npos);
    BOOST_CHECK_THROW(CardFileLoader::LoadFile("/nonexistent/x.json"), CardFileError);
}

BOOST_AUTO_TEST_CASE(TlvEncoding) {
    CardBeneficiary child{"NESSI", "MICHELANGELO", "20100807", "", 1, ""};
    const Bytes t = TlvEncoder::EncodeBeneficiary(child);
    BOOST_REQUIRE(t.size() == 2u + 7 + 14 + 10);
    BOOST_TEST(t[0] == 0x65);
    BOOST_TEST(t[1] == t.size() - 2);
    BOOST_TEST(t[2] == 0x80);
    BOOST_TEST(t[3] == 5);
    BOOST_TEST(std::string(t.begin() + 4, t.begin() + 9) == "NESSI");
    BOOST_TEST(t[9] == 0x81);
    BOOST_TEST(t[23] == 0x82);  // no 93 tag: the child has no own NIR on the card
    const Bytes file = TlvEncoder::EncodeIdentityFile(Load("nessi-famille"));
    BOOST_TEST(file[0] == 0x65);
    BOOST_TEST(file.size() == 2u + file[1] + t.size());
}

BOOST_AUTO_TEST_CASE(InsuredTemplateAlwaysCarriesTheInsuredNir) {
    CardDescription card = Load("inconnu");
    card.beneficiaries[0].nir.clear();
    const Bytes file = TlvEncoder::EncodeIdentityFile(card);
    const std::string text(file.begin(), file.end());
    BOOST_TEST(text.find("\x93\x0F" "185057831112320") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(AppletT0ReadSequence) {
    const CardDescription card = Load("adrtrois-dominique");
    const Bytes expected = TlvEncoder::EncodeIdentityFile(card);
    VitaleApplet applet(card);
    BOOST_TEST(Sw(applet.Process(Cmd({0x00, 0xB0, 0x82, 0x00, 0x00}))) == 0x6986);
    BOOST_TEST(Sw(applet.Process(kSelect)) == 0x9000);
    const Bytes announce = applet.Process(Cmd({0x00, 0xB0, 0x82, 0x00, 0x00}));
    BOOST_REQUIRE(announce.size() == 2u);
    BOOST_TEST(Sw(announce) == (0x6100 | expected.size()));
    Bytes data = applet.Process(Cmd({0x00, 0xC0, 0x00, 0x00, static_cast<std::uint8_t>(expected.size())}));
    BOOST_TEST(Sw(data) == 0x9000);
    data.resize(data.size() - 2);
    BOOST_TEST((data == expected));
    BOOST_TEST(Sw(applet.Process(Cmd({0x00, 0xC0, 0x00, 0x00, 0x10}))) == 0x6985);
    BOOST_TEST(Sw(applet.Process(Cmd({0x00, 0xCA, 0x00, 0x00, 0x00}))) == 0x6D00);
    BOOST_TEST(Sw(applet.Process(Cmd({0x00, 0xB0, 0x81, 0x00, 0x00}))) == 0x6B00);
    BOOST_TEST(Sw(applet.Process(Cmd({0x00, 0xB0, 0x82, 0x00, 0xFF}))) == (0x6C00 | expected.size()));
    applet.Reset();
    BOOST_TEST(Sw(applet.Process(Cmd({0x00, 0xB0, 0x82, 0x00, 0x00}))) == 0x6986);
}

BOOST_AUTO_TEST_CASE(AppletChunksAndPartialGetResponse) {
    CardDescription card = Load("moreau-famille");
    card.faults.t0Chunk = 50;
    const Bytes expected = TlvEncoder::EncodeIdentityFile(card);
    VitaleApplet applet(card);
    applet.Process(kSelect);
    Bytes sw = applet.Process(Cmd({0x00, 0xB0, 0x82, 0x00, 0x00}));
    BOOST_TEST(Sw(sw) == 0x6132);
    Bytes all;
    // A shorter Le than announced is served, the rest is announced again.
    Bytes r = applet.Process(Cmd({0x00, 0xC0, 0x00, 0x00, 0x20}));
    for (int guard = 0; guard < 20; ++guard) {
        all.insert(all.end(), r.begin(), r.end() - 2);
        if (Sw(r) == 0x9000) break;
        BOOST_REQUIRE((Sw(r) >> 8) == 0x61);
        BOOST_TEST((Sw(r) & 0xFF) <= 50);
        r = applet.Process(Cmd({0x00, 0xC0, 0x00, 0x00, static_cast<std::uint8_t>(Sw(r) & 0xFF)}));
    }
    BOOST_TEST((all == expected));
}

BOOST_AUTO_TEST_CASE(CpsAndVitale1AnswerNothingBut6D00) {
    for (const char* name : {"cps", "vitale1"}) {
        VitaleApplet applet(Load(name));
        BOOST_TEST(Sw(applet.Process(kSelect)) == 0x6D00);
        BOOST_TEST(Sw(applet.Process(Cmd({0x00, 0xB0, 0x82, 0x00, 0x00}))) == 0x6D00);
    }
}

BOOST_AUTO_TEST_CASE(ConfiguredSelectStatus) {
    CardDescription card = Load("inconnu");
    card.faults.statusForSelect = {0x6A, 0x82};
    VitaleApplet applet(card);
    BOOST_TEST(Sw(applet.Process(kSelect)) == 0x6A82);
    BOOST_TEST(Sw(applet.Process(Cmd({0x00, 0xB0, 0x82, 0x00, 0x00}))) == 0x6986);
}

BOOST_AUTO_TEST_SUITE_END()
