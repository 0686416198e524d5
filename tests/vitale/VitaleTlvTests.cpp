// The identity file codec (vitale-pcsc.md §2): round trips through the encoder, the tolerated
// variations (unknown tags, long-form lengths, padding) and a table of malformed inputs that
// must all end as CardError "card.malformed", never as a crash.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/vitale/VitaleTlv.h"

using namespace vigie;
using namespace vigie::vitale;
using Bytes = std::vector<std::uint8_t>;

namespace {

ports::VitaleBeneficiary Person(std::string last, std::string first, std::string date, std::string nir) {
    ports::VitaleBeneficiary b;
    b.lastName = std::move(last);
    b.firstName = std::move(first);
    b.rawBirthDate = std::move(date);
    b.nir = std::move(nir);
    return b;
}

ports::CarteVitale Card(std::vector<ports::VitaleBeneficiary> people) {
    ports::CarteVitale c;
    c.insuredNir = people.front().nir.substr(0, 13);
    c.insuredNirKey = people.front().nir.substr(13);
    c.beneficiaries = std::move(people);
    return c;
}

Bytes Ascii(const std::string& s) { return Bytes(s.begin(), s.end()); }

Bytes Tlv(std::uint8_t tag, const Bytes& value) {
    Bytes out{tag, static_cast<std::uint8_t>(value.size())};
    out.insert(out.end(), value.begin(), value.end());
    return out;
}

Bytes Cat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

void CheckSame(const ports::CarteVitale& a, const ports::CarteVitale& b) {
    BOOST_TEST(a.insuredNir == b.insuredNir);
    BOOST_TEST(a.insuredNirKey == b.insuredNirKey);
    BOOST_REQUIRE_EQUAL(a.beneficiaries.size(), b.beneficiaries.size());
    for (std::size_t i = 0; i < a.beneficiaries.size(); ++i) {
        BOOST_TEST(a.beneficiaries[i].lastName == b.beneficiaries[i].lastName);
        BOOST_TEST(a.beneficiaries[i].firstName == b.beneficiaries[i].firstName);
        BOOST_TEST(a.beneficiaries[i].rawBirthDate == b.beneficiaries[i].rawBirthDate);
        BOOST_TEST(a.beneficiaries[i].nir == b.beneficiaries[i].nir);
    }
}

bool IsMalformed(const ports::CardError& e) { return e.Code() == "card.malformed"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(VitaleTlvSuite)

BOOST_AUTO_TEST_CASE(SingleBeneficiaryRoundTrip) {
    const ports::CarteVitale card = Card({Person("DUPONT", "JEAN-PIERRE", "19850512", "185057800608436")});
    const Bytes bytes = EncodeVitaleTlv(card);
    BOOST_TEST(bytes.front() == kTagBeneficiary);
    const ports::CarteVitale parsed = ParseVitaleTlv(bytes);
    CheckSame(parsed, card);
    BOOST_TEST(parsed.insuredNir == "1850578006084");
    BOOST_TEST(parsed.insuredNirKey == "36");
    BOOST_TEST(parsed.atr.empty());
    BOOST_TEST(parsed.beneficiaries[0].birthRank == 0);
    BOOST_TEST(parsed.beneficiaries[0].quality.empty());
}

BOOST_AUTO_TEST_CASE(ExactBytesOfTheLayout) {
    // 65 L { 80 nom, 81 prénom, 82 date, 93 NIR }: the encoder writes the spec's layout verbatim.
    const Bytes expected = Tlv(0x65, Cat({Tlv(0x80, Ascii("MARTIN")), Tlv(0x81, Ascii("ALICE")),
                                          Tlv(0x82, Ascii("19900101")), Tlv(0x93, Ascii("290017500100123"))}));
    const ports::CarteVitale card = Card({Person("MARTIN", "ALICE", "19900101", "290017500100123")});
    BOOST_TEST(EncodeVitaleTlv(card) == expected);
}

BOOST_AUTO_TEST_CASE(FamilyCardOfThree) {
    const ports::CarteVitale card = Card({Person("DUPONT", "JEAN", "19700315", "170037512345678"),
                                          Person("DUPONT", "MARIE", "20050620", "205067512345612"),
                                          Person("DUPONT", "LEA", "20100101", "")});
    const ports::CarteVitale parsed = ParseVitaleTlv(EncodeVitaleTlv(card));
    CheckSame(parsed, card);
    BOOST_TEST(parsed.insuredNir == "1700375123456");
    BOOST_TEST(parsed.beneficiaries[2].nir.empty());
}

BOOST_AUTO_TEST_CASE(InsuredNirFromCardWhenFirstBeneficiaryHasNone) {
    ports::CarteVitale card = Card({Person("DURAND", "PAUL", "19601010", "160107512345699")});
    card.beneficiaries[0].nir.clear();
    const ports::CarteVitale parsed = ParseVitaleTlv(EncodeVitaleTlv(card));
    BOOST_TEST(parsed.beneficiaries[0].nir == "160107512345699");
    BOOST_TEST(parsed.insuredNirKey == "99");
}

BOOST_AUTO_TEST_CASE(LunarDateKeptVerbatim) {
    for (const std::string date : {"19600035", "19600000", "19601300", "19000099"}) {
        const ports::CarteVitale parsed =
            ParseVitaleTlv(EncodeVitaleTlv(Card({Person("NGUYEN", "VAN", date, "160009912345678")})));
        BOOST_TEST(parsed.beneficiaries[0].rawBirthDate == date);
    }
}

BOOST_AUTO_TEST_CASE(CorsicaNir) {
    for (const std::string nir : {"185052A00608436", "185052B00608436"}) {
        const ports::CarteVitale parsed =
            ParseVitaleTlv(EncodeVitaleTlv(Card({Person("SANTONI", "ANGE", "19850512", nir)})));
        BOOST_TEST(parsed.beneficiaries[0].nir == nir);
        BOOST_TEST(parsed.insuredNir == nir.substr(0, 13));
        BOOST_TEST(parsed.insuredNirKey == "36");
    }
}

BOOST_AUTO_TEST_CASE(UnknownTagsPaddingAndLongLengthsTolerated) {
    const Bytes tpl = Cat({Tlv(0x80, Ascii("DUPONT")), Tlv(0x90, Bytes{0x01, 0xFE}), Tlv(0x81, Ascii("JEAN")),
                           Bytes{0x9F, 0x21, 0x01, 0xAA},  // two-byte tag, skipped
                           Tlv(0x82, Ascii("19700315")), Tlv(0x93, Ascii("170037512345678"))});
    Bytes longForm{0x65, 0x81, static_cast<std::uint8_t>(tpl.size())};
    longForm.insert(longForm.end(), tpl.begin(), tpl.end());
    const Bytes bytes = Cat({Tlv(0x01, Bytes{0x02}),  // unknown top-level object
                             longForm, Bytes(20, 0x00), Bytes(30, 0xFF)});
    const ports::CarteVitale parsed = ParseVitaleTlv(bytes);
    BOOST_REQUIRE_EQUAL(parsed.beneficiaries.size(), 1u);
    BOOST_TEST(parsed.beneficiaries[0].firstName == "JEAN");
    BOOST_TEST(parsed.insuredNir == "1700375123456");
}

BOOST_AUTO_TEST_CASE(EmptyFirstNameAndDateAllowed) {
    const Bytes bytes = Tlv(0x65, Cat({Tlv(0x80, Ascii("X")), Tlv(0x93, Ascii("170037512345678"))}));
    const ports::CarteVitale parsed = ParseVitaleTlv(bytes);
    BOOST_TEST(parsed.beneficiaries[0].firstName.empty());
    BOOST_TEST(parsed.beneficiaries[0].rawBirthDate.empty());
}

struct MalformedCase {
    const char* name;
    Bytes bytes;
};

BOOST_AUTO_TEST_CASE(MalformedInputsRefused) {
    const Bytes good = EncodeVitaleTlv(Card({Person("DUPONT", "JEAN", "19700315", "170037512345678")}));
    Bytes truncated(good.begin(), good.end() - 3);
    Bytes oversized = good;
    oversized[1] = 0x7F;
    Bytes innerOversized = good;
    innerOversized[3] = 0x40;  // the nom's length runs past its template
    const Bytes nir = Tlv(0x93, Ascii("170037512345678"));
    const std::vector<MalformedCase> cases{
        {"empty", {}},
        {"padding only 00", Bytes(16, 0x00)},
        {"padding only FF", Bytes(16, 0xFF)},
        {"truncated", truncated},
        {"oversized length", oversized},
        {"inner length past template", innerOversized},
        {"lone tag", {0x65}},
        {"indefinite length", {0x65, 0x80, 0x00, 0x00}},
        {"long length truncated", {0x65, 0x82, 0x01}},
        {"missing name", Tlv(0x65, Cat({Tlv(0x81, Ascii("JEAN")), nir}))},
        {"empty name", Tlv(0x65, Cat({Tlv(0x80, {}), nir}))},
        {"no template", Tlv(0x66, Cat({Tlv(0x80, Ascii("A")), nir}))},
        {"garbage", {0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE}},
        {"non ascii name", Tlv(0x65, Cat({Tlv(0x80, Bytes{'D', 0xC9, 'S'}), nir}))},
        {"control char", Tlv(0x65, Cat({Tlv(0x80, Bytes{'A', 0x0A}), nir}))},
        {"nir 14 chars", Tlv(0x65, Cat({Tlv(0x80, Ascii("A")), Tlv(0x93, Ascii("17003751234567"))}))},
        {"nir 16 chars", Tlv(0x65, Cat({Tlv(0x80, Ascii("A")), Tlv(0x93, Ascii("1700375123456789"))}))},
        {"nir letters", Tlv(0x65, Cat({Tlv(0x80, Ascii("A")), Tlv(0x93, Ascii("17003751234X678"))}))},
        {"nir key letters", Tlv(0x65, Cat({Tlv(0x80, Ascii("A")), Tlv(0x93, Ascii("1700375123456AB"))}))},
        {"insured without nir", Tlv(0x65, Tlv(0x80, Ascii("A")))},
        {"date 7 digits", Tlv(0x65, Cat({Tlv(0x80, Ascii("A")), Tlv(0x82, Ascii("1970031")), nir}))},
        {"date with dashes", Tlv(0x65, Cat({Tlv(0x80, Ascii("A")), Tlv(0x82, Ascii("1970-3-1")), nir}))},
        {"duplicate name", Tlv(0x65, Cat({Tlv(0x80, Ascii("A")), Tlv(0x80, Ascii("B")), nir}))},
        {"garbage after template", Cat({good, Bytes{0x65, 0x05, 0x80}})},
        {"tag too long", {0x65, 0x04, 0x9F, 0x81, 0x81, 0x01}},
    };
    for (const MalformedCase& c : cases) {
        BOOST_TEST_CONTEXT(c.name) { BOOST_CHECK_EXCEPTION(ParseVitaleTlv(c.bytes), ports::CardError, IsMalformed); }
    }
}

BOOST_AUTO_TEST_CASE(MalformedMessageIsFrench) {
    try {
        ParseVitaleTlv(Bytes{});
        BOOST_FAIL("no exception");
    } catch (const ports::CardError& e) {
        BOOST_TEST(std::string(e.what()).find("carte Vitale illisible") == 0u);
        BOOST_TEST((e.Kind() == ErrorKind::Environment));
    }
}

BOOST_AUTO_TEST_CASE(EveryTruncationFailsCleanly) {
    // Every prefix of a valid family card either parses (the cut fell between templates) or is
    // refused as malformed: no other outcome.
    const Bytes bytes = EncodeVitaleTlv(Card({Person("DUPONT", "JEAN", "19700315", "170037512345678"),
                                              Person("DUPONT", "MARIE", "20050620", "205067512345612")}));
    int parsed = 0;
    for (std::size_t n = 0; n <= bytes.size(); ++n) {
        try {
            ParseVitaleTlv(std::span<const std::uint8_t>(bytes.data(), n));
            ++parsed;
        } catch (const ports::CardError& e) {
            BOOST_TEST(e.Code() == "card.malformed");
        }
    }
    BOOST_TEST(parsed == 2);  // after the first template, and the whole
}

BOOST_AUTO_TEST_CASE(LongValuesUseLongFormLengths) {
    const std::string longName(200, 'A');
    const ports::CarteVitale card = Card({Person(longName, "B", "19700315", "170037512345678")});
    const Bytes bytes = EncodeVitaleTlv(card);
    BOOST_TEST(bytes[1] == 0x81);
    CheckSame(ParseVitaleTlv(bytes), card);
    BOOST_CHECK_THROW(EncodeVitaleTlv(Card({Person(std::string(70000, 'A'), "", "", "170037512345678")})),
                      ports::CardError);
}

BOOST_AUTO_TEST_SUITE_END()
