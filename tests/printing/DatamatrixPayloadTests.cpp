// Datamatrix INS payload bytes (datamatrix-ins.md §1): the spec's worked examples byte for byte,
// the GS rules, the bounds, the refusals, and reading a scanned payload in any field order.
#include <boost/test/unit_test.hpp>

#include "core/domain/Errors.h"
#include "core/domain/Nir.h"
#include "printing/model/DatamatrixPayload.h"
#include "tests/support/Builders.h"

using namespace vigie;
using namespace vigie::domain;
using namespace vigie::printing;

namespace dm {

Identity Qualified(std::string matricule, std::string oid, StrictTraits traits) {
    Identity id = test::IdentityWith(IdentityStatus::Qualifiee, std::move(traits));
    id.ins->active.matricule = std::move(matricule);
    id.ins->active.oid = std::move(oid);
    return id;
}

Identity Padollec() {
    return Qualified("260095652012481", std::string(kOidInsNir),
                     test::Traits("PADOLLEC", "YVETTE", {1960, 9, 19}, Sex::Female, "56520"));
}

const std::string GS(1, '\x1d');

}  // namespace dm

BOOST_AUTO_TEST_SUITE(DatamatrixPayloadSuite)

BOOST_AUTO_TEST_CASE(TheSpecExampleByteForByte) {
    const PayloadResult r = BuildDatamatrixInsPayload(dm::Padollec());
    BOOST_REQUIRE(r.Ok());
    const std::string expected = "IS010000000000000000000000S1260095652012481S21.2.250.1.213.1.4.8" + dm::GS +
                                 "S3YVETTE" + dm::GS + "S4PADOLLEC" + dm::GS + "S5FS619-09-1960S756520";
    BOOST_TEST(r.payload == expected);
    BOOST_TEST(r.payload.size() == 107u);
}

BOOST_AUTO_TEST_CASE(ATwentyCharacterOidTakesNoSeparator) {
    const Identity id = dm::Qualified("185059913412345", std::string(kOidInsNirTest),
                                      test::Traits("D'ARTAGNAN", "JEAN-PIERRE MARIE", {1985, 5, 1}, Sex::Male, "99134"));
    const PayloadResult r = BuildDatamatrixInsPayload(id);
    BOOST_REQUIRE(r.Ok());
    BOOST_TEST(r.payload.find("S21.2.250.1.213.1.4.10S3JEAN-PIERRE MARIE" + dm::GS + "S4D'ARTAGNAN" + dm::GS +
                              "S5MS601-05-1985S799134") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(CorsicaMatriculeAndUnknownBirthPlace) {
    Identity id = dm::Qualified("297022A02077878", std::string(kOidInsNir),
                                test::Traits("ADRTROIS", "DOMINIQUE", {1997, 2, 26}, Sex::Female, ""));
    const PayloadResult r = BuildDatamatrixInsPayload(id);
    BOOST_REQUIRE(r.Ok());
    BOOST_TEST(r.payload.find("S1297022A02077878S2") != std::string::npos);
    BOOST_TEST(r.payload.substr(r.payload.size() - 12) == "S626-02-1997");  // no S7: S6 is last
}

BOOST_AUTO_TEST_CASE(HundredCharacterNamesTakeNoSeparatorAndLongerOnesAreRefused) {
    const std::string hundred(100, 'A');
    Identity id = dm::Qualified("260095652012481", std::string(kOidInsNir),
                                test::Traits(hundred, hundred, {1960, 9, 19}, Sex::Female, "56520"));
    const PayloadResult r = BuildDatamatrixInsPayload(id);
    BOOST_REQUIRE(r.Ok());
    BOOST_TEST(r.payload.find("S3" + hundred + "S4" + hundred + "S5F") != std::string::npos);
    id.traits.birthName = std::string(101, 'A');
    const PayloadResult tooLong = BuildDatamatrixInsPayload(id);
    BOOST_REQUIRE(!tooLong.Ok());  // refused, never cut
    BOOST_TEST(tooLong.refusal->message.find("101") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(OnlyAQualifiedIdentityGetsACode) {
    for (IdentityStatus s : {IdentityStatus::Provisoire, IdentityStatus::Recuperee, IdentityStatus::Validee}) {
        Identity id = dm::Padollec();
        id.status = s;
        const PayloadResult r = BuildDatamatrixInsPayload(id);
        BOOST_REQUIRE(!r.Ok());
        BOOST_TEST(r.refusal->code == "rule.not_qualified");
        BOOST_TEST(r.payload.empty());
    }
}

BOOST_AUTO_TEST_CASE(NamesOutsideTheInsiCharacterSetAreRefused) {
    for (const char* name : {"padollec", "PADOLLÉC", "PADOLLEC2", "PADO_LLEC"}) {
        Identity id = dm::Padollec();
        id.traits.birthName = name;
        const PayloadResult r = BuildDatamatrixInsPayload(id);
        BOOST_TEST(!r.Ok(), name);
    }
    Identity badOid = dm::Padollec();
    badOid.ins->active.oid = "1.2.3.4";
    BOOST_TEST(BuildDatamatrixInsPayload(badOid).refusal->code == "rule.oid");
}

BOOST_AUTO_TEST_CASE(AScannedPayloadReadsBackInAnyOrder) {
    const std::string payload = BuildDatamatrixInsPayload(dm::Padollec()).payload;
    const ScannedIns s = ParseDatamatrixInsPayload(payload);
    BOOST_TEST(s.matricule == "260095652012481");
    BOOST_TEST(s.oid == std::string(kOidInsNir));
    BOOST_TEST(s.firstNames == "YVETTE");
    BOOST_TEST(s.birthName == "PADOLLEC");
    BOOST_TEST((s.sex == Sex::Female));
    BOOST_TEST((s.birthDate == Date{1960, 9, 19}));
    BOOST_TEST(s.birthPlace == "56520");
    const std::string shuffled = std::string(kDatamatrixInsHeader) + "S5FS756520S4PADOLLEC" + dm::GS + "S619-09-1960S3YVETTE" +
                                 dm::GS + "S1260095652012481S21.2.250.1.213.1.4.8";
    const ScannedIns t = ParseDatamatrixInsPayload(shuffled);
    BOOST_TEST(t.birthName == "PADOLLEC");
    BOOST_TEST(t.oid == std::string(kOidInsNir));
    BOOST_TEST(EscapePayload(payload).find("S21.2.250.1.213.1.4.8<GS>S3") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(UnreadablePayloadsAreBadInput) {
    const std::string good = BuildDatamatrixInsPayload(dm::Padollec()).payload;
    for (const std::string& bad : {std::string("DC04..."), good.substr(0, 40), good + "S1260095652012481",
                                   std::string(kDatamatrixInsHeader) + "S5X", std::string(kDatamatrixInsHeader) + "X9"})
        BOOST_CHECK_THROW(ParseDatamatrixInsPayload(bad), vigie::BadInputError);
}

BOOST_AUTO_TEST_SUITE_END()
