// The APDU dialogue against a scripted card: exact commands in order, T=0 completion (61xx,
// 6Cxx), error status words as French CardErrors, bounded against a card that never ends.
#include <boost/test/unit_test.hpp>

#include <deque>
#include <string>
#include <utility>

#include "core/vitale/VitaleApdu.h"
#include "core/vitale/VitaleTlv.h"

using namespace vigie;
using namespace vigie::vitale;
using Bytes = std::vector<std::uint8_t>;

namespace {

// Expects each command in turn and answers the scripted response; records what was sent.
struct ScriptedCard {
    std::deque<std::pair<Bytes, Bytes>> script;  // expected C-APDU, R-APDU
    std::vector<Bytes> sent;

    Transmit AsTransmit() {
        return [this](const Bytes& capdu) {
            sent.push_back(capdu);
            BOOST_REQUIRE_MESSAGE(!script.empty(), "unexpected extra command");
            auto [expected, response] = script.front();
            script.pop_front();
            BOOST_TEST(capdu == expected, boost::test_tools::per_element());
            return response;
        };
    }
};

Bytes WithSw(Bytes data, std::uint8_t sw1, std::uint8_t sw2) {
    data.push_back(sw1);
    data.push_back(sw2);
    return data;
}

const Bytes kSelect{0x00, 0xA4, 0x04, 0x00, 0x0B, 0xD2, 0x50, 0x00, 0x00, 0x02, 0x56, 0x49, 0x54, 0x41, 0x4C, 0x45};
const Bytes kRead{0x00, 0xB0, 0x82, 0x00, 0x00};
const Bytes kOk{0x90, 0x00};

Bytes GetResponse(std::uint8_t le) { return {0x00, 0xC0, 0x00, 0x00, le}; }

Bytes IdentityFile() {
    ports::CarteVitale card;
    ports::VitaleBeneficiary b;
    b.lastName = "DUPONT";
    b.firstName = "JEAN";
    b.rawBirthDate = "19700315";
    b.nir = "170037512345678";
    card.beneficiaries = {b, b};
    card.beneficiaries[1].firstName = "MARIE";
    return EncodeVitaleTlv(card);
}

bool CodeIs(const ports::CardError& e, const std::string& code, const std::string& sw) {
    BOOST_TEST_MESSAGE(e.what());
    return e.Code() == code && std::string(e.what()).find(sw) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(VitaleApduSuite)

BOOST_AUTO_TEST_CASE(CommandBytesMatchTheSpec) {
    BOOST_TEST(VitaleApdu::SelectVitale() == kSelect, boost::test_tools::per_element());
    BOOST_TEST(VitaleApdu::ReadBinarySfi2() == kRead, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(PlainReadT1) {
    const Bytes file = IdentityFile();
    ScriptedCard card;
    card.script = {{kSelect, kOk}, {kRead, WithSw(file, 0x90, 0x00)}};
    const Bytes got = VitaleApdu(card.AsTransmit()).ReadIdentityFile();
    BOOST_TEST(got == file, boost::test_tools::per_element());
    BOOST_TEST(card.script.empty());
    BOOST_TEST(ParseVitaleTlv(got).beneficiaries.size() == 2u);
}

BOOST_AUTO_TEST_CASE(GetResponseChainsConcatenated) {
    const Bytes file = IdentityFile();
    const Bytes part1(file.begin(), file.begin() + 10);
    const Bytes part2(file.begin() + 10, file.begin() + 30);
    const Bytes part3(file.begin() + 30, file.end());
    ScriptedCard card;
    card.script = {
        {kSelect, {0x61, 0x12}},  // the FCI waits: fetched and discarded
        {GetResponse(0x12), WithSw(Bytes(0x12, 0x6F), 0x90, 0x00)},
        {kRead, WithSw(part1, 0x61, 20)},
        {GetResponse(20), WithSw(part2, 0x61, static_cast<std::uint8_t>(part3.size()))},
        {GetResponse(static_cast<std::uint8_t>(part3.size())), WithSw(part3, 0x90, 0x00)},
    };
    BOOST_TEST(VitaleApdu(card.AsTransmit()).ReadIdentityFile() == file, boost::test_tools::per_element());
    BOOST_TEST(card.script.empty());
}

BOOST_AUTO_TEST_CASE(WrongLeResentWithCardLe) {
    const Bytes file = IdentityFile();
    Bytes readWithLe = kRead;
    readWithLe[4] = static_cast<std::uint8_t>(file.size());
    ScriptedCard card;
    card.script = {{kSelect, kOk},
                   {kRead, {0x6C, static_cast<std::uint8_t>(file.size())}},
                   {readWithLe, WithSw(file, 0x90, 0x00)}};
    BOOST_TEST(VitaleApdu(card.AsTransmit()).ReadIdentityFile() == file, boost::test_tools::per_element());
    BOOST_TEST(card.script.empty());
}

BOOST_AUTO_TEST_CASE(WrongLeThenGetResponse) {
    const Bytes file = IdentityFile();
    ScriptedCard card;
    card.script = {{kSelect, kOk},
                   {kRead, {0x6C, 0x40}},
                   {Bytes{0x00, 0xB0, 0x82, 0x00, 0x40}, {0x61, 0x08}},
                   {GetResponse(0x08), {0x6C, 0x05}},  // even GET RESPONSE may be told its Le
                   {GetResponse(0x05), WithSw(file, 0x90, 0x00)}};
    BOOST_TEST(VitaleApdu(card.AsTransmit()).ReadIdentityFile() == file, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(EndOfFileWarningIsData) {
    const Bytes file = IdentityFile();
    ScriptedCard card;
    card.script = {{kSelect, kOk}, {kRead, WithSw(file, 0x62, 0x82)}};
    BOOST_TEST(VitaleApdu(card.AsTransmit()).ReadIdentityFile() == file, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(SelectNotFound) {
    ScriptedCard card;
    card.script = {{kSelect, {0x6A, 0x82}}};
    BOOST_CHECK_EXCEPTION(VitaleApdu(card.AsTransmit()).ReadIdentityFile(), ports::CardError,
                          [](const ports::CardError& e) {
                              return CodeIs(e, "card.apdu", "SW 6A 82") &&
                                     std::string(e.what()).find("introuvable") != std::string::npos;
                          });
    BOOST_TEST(card.sent.size() == 1u);  // nothing read after a failed SELECT
}

BOOST_AUTO_TEST_CASE(ReadSecurityNotSatisfied) {
    ScriptedCard card;
    card.script = {{kSelect, kOk}, {kRead, {0x69, 0x82}}};
    BOOST_CHECK_EXCEPTION(VitaleApdu(card.AsTransmit()).ReadIdentityFile(), ports::CardError,
                          [](const ports::CardError& e) { return CodeIs(e, "card.apdu", "SW 69 82"); });
}

BOOST_AUTO_TEST_CASE(ErrorAfterGetResponse) {
    ScriptedCard card;
    card.script = {{kSelect, kOk}, {kRead, {0x61, 0x10}}, {GetResponse(0x10), {0x6F, 0x00}}};
    BOOST_CHECK_EXCEPTION(VitaleApdu(card.AsTransmit()).ReadIdentityFile(), ports::CardError,
                          [](const ports::CardError& e) { return CodeIs(e, "card.apdu", "SW 6F 00"); });
}

BOOST_AUTO_TEST_CASE(ShortResponseRefused) {
    ScriptedCard card;
    card.script = {{kSelect, {0x90}}};
    BOOST_CHECK_EXCEPTION(VitaleApdu(card.AsTransmit()).ReadIdentityFile(), ports::CardError,
                          [](const ports::CardError& e) { return e.Code() == "card.apdu"; });
}

BOOST_AUTO_TEST_CASE(EndlessGetResponseBounded) {
    int calls = 0;
    VitaleApdu apdu([&](const Bytes&) {
        ++calls;
        return Bytes{0xAA, 0x61, 0x01};
    });
    BOOST_CHECK_THROW(apdu.ReadIdentityFile(), ports::CardError);
    BOOST_TEST(calls < 100);
}

BOOST_AUTO_TEST_CASE(TransmitErrorsPassThrough) {
    VitaleApdu apdu([](const Bytes&) -> Bytes {
        throw ports::CardError("card.removed", "carte retirée pendant la lecture");
    });
    BOOST_CHECK_EXCEPTION(apdu.ReadIdentityFile(), ports::CardError,
                          [](const ports::CardError& e) { return e.Code() == "card.removed"; });
}

BOOST_AUTO_TEST_CASE(SixCeeOnCaseThreeAppendsLe) {
    // A case-3 command (data, no Le) answered 6Cxx gets Le appended rather than a data byte overwritten.
    ScriptedCard card;
    Bytes withLe = kSelect;
    withLe.push_back(0x20);
    card.script = {{kSelect, {0x6C, 0x20}}, {withLe, kOk}};
    BOOST_TEST(VitaleApdu(card.AsTransmit()).Exchange(kSelect).sw == 0x9000);
}

BOOST_AUTO_TEST_SUITE_END()
