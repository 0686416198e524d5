// Every transition and refusal of identity-rules.md §3, table-driven where the shape allows.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Status.h"
#include "tests/support/Builders.h"

using namespace vigie::domain;
using vigie::test::EcetinsiIns;
using vigie::test::EcetinsiTraits;
using vigie::test::IdentityWith;
using vigie::test::Traits;
namespace bdata = boost::unit_test::data;
using S = IdentityStatus;

namespace {
const Role kCounter = Role::Comptoir;

event::DocumentChecked Passport() {
    return event::DocumentChecked{DocumentCheck{"passeport", Date{2030, 1, 1}, "alice", "2026-11-22T10:00:00.000Z"},
                                  Date{2026, 11, 22}};
}
event::InsAccepted AcceptEcetinsi() { return event::InsAccepted{EcetinsiTraits(), EcetinsiIns()}; }

Identity WithAttributes(Identity id, bool homonyme, bool douteuse, bool fictive) {
    id.attributes = Attributes{homonyme, douteuse, fictive};
    return id;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(IdentityStateMachineSuite)

BOOST_AUTO_TEST_CASE(CreateGivesProvisoireWithoutInsNorDocument) {
    Outcome o = IdentityStateMachine::Apply(Identity{}, event::Create{Traits(), "", ""}, kCounter);
    BOOST_REQUIRE(o.Allowed());
    BOOST_TEST(StatusCode(o.after->status) == "PROV");
    BOOST_TEST(!o.after->HasIns());
    BOOST_TEST(!o.after->documentCheck.has_value());
    BOOST_TEST(o.after->traits.firstBirthFirstName == "JEAN");
    BOOST_TEST(o.action == "identity.created");
}

BOOST_AUTO_TEST_CASE(CreateFillsFirstFirstNameFromTheList) {
    StrictTraits t = Traits("NESSI", "MICHELANGELO ANTHONY");
    t.firstBirthFirstName.clear();
    Outcome o = IdentityStateMachine::Apply(Identity{}, event::Create{t, "", ""}, kCounter);
    BOOST_REQUIRE(o.Allowed());
    BOOST_TEST(o.after->traits.firstBirthFirstName == "MICHELANGELO");
}

// Traits that must be refused at creation, with the word the message must contain.
struct BadTraits {
    const char* birthName;
    const char* firstNames;
    const char* place;
    const char* usedName;
    const char* expected;
};
std::ostream& operator<<(std::ostream& os, const BadTraits& b) { return os << b.birthName << '/' << b.firstNames; }

const BadTraits kBadTraits[] = {
    {"", "JEAN", "63220", "", "obligatoire"},
    {"DUPONT", "", "63220", "", "obligatoire"},
    {"DUPONT", "JEAN", "6322", "", "Lieu de naissance"},
    {"DUPONT", "JEAN", "ABCDE", "", "Lieu de naissance"},
    {"D'ÆION", "COEUR", "", "", "Nom de naissance"},
    {"DUPONT", "CŒUR", "", "", "Prénom"},
    {"DUPONT2", "JEAN", "", "", "Nom de naissance"},
    {"DUPONT", "JEAN--PIERRE", "", "", "Prénom"},
    {"dupont", "JEAN", "", "", "forme attendue"},
    {"DUPONT", "JEAN", "", "MARTIN/DURAND", "Nom utilisé"},
};

BOOST_DATA_TEST_CASE(CreateRefusesInvalidTraits, bdata::make(kBadTraits), bad) {
    StrictTraits t = Traits(bad.birthName, bad.firstNames, {1980, 2, 1}, Sex::Male, bad.place);
    Outcome o = IdentityStateMachine::Apply(Identity{}, event::Create{t, bad.usedName, ""}, kCounter);
    BOOST_REQUIRE(!o.Allowed());
    BOOST_TEST(o.refusal->code == "rule.traits");
    BOOST_TEST(o.refusal->message.find(bad.expected) != std::string::npos, o.refusal->message);
}

BOOST_AUTO_TEST_CASE(CreateAcceptsCorsicaAbroadAndUnknownPlaces) {
    for (const char* place : {"2A004", "2B020", "99134", "99999", ""}) {
        Outcome o = IdentityStateMachine::Apply(
            Identity{}, event::Create{Traits("DUPONT", "JEAN", {1980, 2, 1}, Sex::Male, place), "", ""}, kCounter);
        BOOST_TEST(o.Allowed(), place);
    }
}

BOOST_AUTO_TEST_CASE(CreateRefusesAFirstNameThatIsNotTheStartOfTheList) {
    StrictTraits t = Traits("DUPONT", "JEAN CHRISTOPHE PIERRE");
    t.firstBirthFirstName = "CHRISTOPHE";
    BOOST_TEST(!IdentityStateMachine::Apply(Identity{}, event::Create{t, "", ""}, kCounter).Allowed());
    t.firstBirthFirstName = "JEAN-CHRISTOPHE";
    BOOST_TEST(IdentityStateMachine::Apply(Identity{}, event::Create{t, "", ""}, kCounter).Allowed());
}

// ---- document check: PROV→VALI, RECUP→QUAL, renewals keep the status ----
struct StatusPair { S from; S to; };
std::ostream& operator<<(std::ostream& os, const StatusPair& p) {
    return os << StatusCode(p.from) << "->" << StatusCode(p.to);
}
const StatusPair kDocumentTransitions[] = {
    {S::Provisoire, S::Validee}, {S::Recuperee, S::Qualifiee}, {S::Validee, S::Validee}, {S::Qualifiee, S::Qualifiee}};

BOOST_DATA_TEST_CASE(DocumentCheckTransitions, bdata::make(kDocumentTransitions), p) {
    Outcome o = IdentityStateMachine::Apply(IdentityWith(p.from), Passport(), kCounter);
    BOOST_REQUIRE(o.Allowed());
    BOOST_TEST(StatusCode(o.after->status) == StatusCode(p.to));
    BOOST_REQUIRE(o.after->documentCheck.has_value());
    BOOST_TEST(o.after->documentCheck->documentType == "passeport");
    BOOST_TEST(o.after->HasIns() == (p.to == S::Qualifiee));
}

BOOST_AUTO_TEST_CASE(DocumentCheckRefusals) {
    auto douteuse = WithAttributes(IdentityWith(S::Provisoire), false, true, false);
    Outcome o = IdentityStateMachine::Apply(douteuse, Passport(), kCounter);
    BOOST_REQUIRE(!o.Allowed());
    BOOST_TEST(o.refusal->code == "rule.douteuse");
    BOOST_TEST(o.refusal->message.find("douteuse") != std::string::npos);

    auto fictive = WithAttributes(IdentityWith(S::Provisoire), false, false, true);
    BOOST_TEST(IdentityStateMachine::Apply(fictive, Passport(), kCounter).refusal->code == "rule.fictive");

    auto vitale = Passport();
    vitale.check.documentType = "carte-vitale";  // not a high-trust document
    BOOST_TEST(IdentityStateMachine::Apply(IdentityWith(S::Provisoire), vitale, kCounter).refusal->code == "rule.document");
    vitale.check.documentType = "permis";  // nor is a driving licence
    BOOST_TEST(IdentityStateMachine::Apply(IdentityWith(S::Provisoire), vitale, kCounter).refusal->code == "rule.document");

    auto expired = Passport();
    expired.check.expiry = Date{2026, 11, 21};
    Outcome e = IdentityStateMachine::Apply(IdentityWith(S::Provisoire), expired, kCounter);
    BOOST_REQUIRE(!e.Allowed());
    BOOST_TEST(e.refusal->code == "rule.document_expired");
    BOOST_TEST(e.refusal->message.find("21/11/2026") != std::string::npos);
    expired.check.expiry = Date{2026, 11, 22};  // expires today: still valid today
    BOOST_TEST(IdentityStateMachine::Apply(IdentityWith(S::Provisoire), expired, kCounter).Allowed());
}

// ---- document withdrawn: QUAL→RECUP (INS kept), VALI→PROV; nothing to withdraw otherwise ----
BOOST_AUTO_TEST_CASE(DocumentWithdrawal) {
    Outcome q = IdentityStateMachine::Apply(IdentityWith(S::Qualifiee), event::DocumentWithdrawn{}, kCounter);
    BOOST_REQUIRE(q.Allowed());
    BOOST_TEST(StatusCode(q.after->status) == "RECUP");
    BOOST_TEST(q.after->HasIns());
    BOOST_TEST(!q.after->documentCheck.has_value());
    Outcome v = IdentityStateMachine::Apply(IdentityWith(S::Validee), event::DocumentWithdrawn{}, kCounter);
    BOOST_TEST(StatusCode(v.after->status) == "PROV");
    for (S s : {S::Provisoire, S::Recuperee})
        BOOST_TEST(IdentityStateMachine::Apply(IdentityWith(s), event::DocumentWithdrawn{}, kCounter).refusal->code ==
                   "rule.no_document");
}

// ---- INSi result accepted ----
BOOST_AUTO_TEST_CASE(InsAcceptedOnProvisoireGivesRecupereeAndReplacesTraits) {
    Identity before = IdentityWith(S::Provisoire, Traits("ECETINSI", "PIERRE", {2009, 7, 14}, Sex::Male, ""));
    before.usedName = "MARTIN";
    Outcome o = IdentityStateMachine::Apply(before, AcceptEcetinsi(), kCounter);
    BOOST_REQUIRE(o.Allowed());
    BOOST_TEST(StatusCode(o.after->status) == "RECUP");
    BOOST_TEST(o.after->traits.birthFirstNames == "PIERRE-ALAIN MURIEL FLORIANT");
    BOOST_TEST(o.after->traits.firstBirthFirstName == "PIERRE-ALAIN");
    BOOST_TEST(o.after->traits.birthPlace == "63220");
    BOOST_TEST(o.after->usedName == "MARTIN");  // complementary traits are never overwritten
    BOOST_REQUIRE(o.after->ins.has_value());
    BOOST_TEST(o.after->ins->history.size() == 2u);
    BOOST_TEST(o.action == "identity.ins_accepted");
}

BOOST_AUTO_TEST_CASE(InsAcceptedOnValideeWithCoherentTraitsGivesQualifiee) {
    Identity before = IdentityWith(S::Validee, Traits("ECETINSI", "PIERRE-ALAIN", {2009, 7, 14}, Sex::Male, "63220"));
    Outcome o = IdentityStateMachine::Apply(before, AcceptEcetinsi(), kCounter);
    BOOST_REQUIRE(o.Allowed());
    BOOST_TEST(StatusCode(o.after->status) == "QUAL");
    BOOST_TEST(o.after->documentCheck.has_value());
}

BOOST_AUTO_TEST_CASE(InsAcceptedOnValideeWithDifferentTraitsNeedsANewDocumentCheck) {
    // The document was checked against 15/07 — INSi says 14/07: the check no longer holds.
    Identity before = IdentityWith(S::Validee, Traits("ECETINSI", "PIERRE-ALAIN", {2009, 7, 15}, Sex::Male, "63220"));
    Outcome o = IdentityStateMachine::Apply(before, AcceptEcetinsi(), kCounter);
    BOOST_REQUIRE(o.Allowed());
    BOOST_TEST(StatusCode(o.after->status) == "RECUP");
    BOOST_TEST(!o.after->documentCheck.has_value());
    BOOST_REQUIRE(!o.notes.empty());
    BOOST_TEST(o.notes[0].find("nouvelle vérification") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(InsAcceptedClearsACompletedBirthDate) {
    StrictTraits t = Traits("ECETINSI", "PIERRE", {2009, 1, 1}, Sex::Male, "");
    t.birthDateCompleted = true;
    Outcome o = IdentityStateMachine::Apply(IdentityWith(S::Provisoire, t), AcceptEcetinsi(), kCounter);
    BOOST_REQUIRE(o.Allowed());
    BOOST_TEST(!o.after->traits.birthDateCompleted);
    BOOST_TEST(o.after->traits.birthDate == (Date{2009, 7, 14}));
}

BOOST_AUTO_TEST_CASE(InsRefusedForDouteuseFictiveAndIncompleteAnswers) {
    auto douteuse = WithAttributes(IdentityWith(S::Provisoire), true, true, false);
    Outcome d = IdentityStateMachine::Apply(douteuse, AcceptEcetinsi(), kCounter);
    BOOST_REQUIRE(!d.Allowed());
    BOOST_TEST(d.refusal->message == "Appel INSi impossible : identité douteuse.");
    auto fictive = WithAttributes(IdentityWith(S::Provisoire), false, false, true);
    BOOST_TEST(IdentityStateMachine::Apply(fictive, AcceptEcetinsi(), kCounter).refusal->message ==
               "Appel INSi impossible : identité fictive.");
    BOOST_TEST(IdentityStateMachine::CanCallInsi(douteuse).has_value());
    BOOST_TEST(!IdentityStateMachine::CanCallInsi(IdentityWith(S::Provisoire)).has_value());

    auto noOid = AcceptEcetinsi();
    noOid.ins.active.oid.clear();
    BOOST_TEST(IdentityStateMachine::Apply(IdentityWith(S::Provisoire), noOid, kCounter).refusal->code ==
               "rule.ins_incomplete");
    auto shortMatricule = AcceptEcetinsi();
    shortMatricule.ins.active.matricule = "1090763220834";
    BOOST_TEST(!IdentityStateMachine::Apply(IdentityWith(S::Provisoire), shortMatricule, kCounter).Allowed());
}

// ---- INS invalidated by a failed verification: QUAL→VALI, RECUP→PROV ----
BOOST_AUTO_TEST_CASE(InsInvalidation) {
    Outcome q = IdentityStateMachine::Apply(IdentityWith(S::Qualifiee), event::InsInvalidated{"traits différents"}, kCounter);
    BOOST_TEST(StatusCode(q.after->status) == "VALI");
    BOOST_TEST(!q.after->HasIns());
    BOOST_TEST(q.after->documentCheck.has_value());
    Outcome r = IdentityStateMachine::Apply(IdentityWith(S::Recuperee), event::InsInvalidated{"x"}, kCounter);
    BOOST_TEST(StatusCode(r.after->status) == "PROV");
    BOOST_TEST(IdentityStateMachine::Apply(IdentityWith(S::Validee), event::InsInvalidated{"x"}, kCounter).refusal->code ==
               "rule.no_ins");
}

// ---- attributes ----
const S kAllStatuses[] = {S::Provisoire, S::Recuperee, S::Validee, S::Qualifiee};

BOOST_DATA_TEST_CASE(DouteuseAndFictiveDropToProvisoireAndRemoveTheIns, bdata::make(kAllStatuses), from) {
    for (auto attr : {event::AttributeName::Douteuse, event::AttributeName::Fictive}) {
        Outcome o = IdentityStateMachine::Apply(IdentityWith(from), event::SetAttribute{attr, true}, kCounter);
        BOOST_REQUIRE(o.Allowed());
        BOOST_TEST(StatusCode(o.after->status) == "PROV");
        BOOST_TEST(!o.after->HasIns());
        BOOST_TEST(!o.after->documentCheck.has_value());
        BOOST_TEST(o.notes.empty() == (from == S::Provisoire));
    }
}

BOOST_DATA_TEST_CASE(HomonymeKeepsTheStatus, bdata::make(kAllStatuses), from) {
    Outcome o = IdentityStateMachine::Apply(IdentityWith(from), event::SetAttribute{event::AttributeName::Homonyme, true},
                                            kCounter);
    BOOST_REQUIRE(o.Allowed());
    BOOST_TEST(StatusCode(o.after->status) == StatusCode(from));
    BOOST_TEST(o.after->attributes.homonyme);
}

BOOST_AUTO_TEST_CASE(AttributeCombinations) {
    using A = event::AttributeName;
    auto fictive = WithAttributes(IdentityWith(S::Provisoire), false, false, true);
    BOOST_TEST(IdentityStateMachine::Apply(fictive, event::SetAttribute{A::Homonyme, true}, kCounter).refusal->code ==
               "rule.fictive");
    BOOST_TEST(IdentityStateMachine::Apply(fictive, event::SetAttribute{A::Douteuse, true}, kCounter).refusal->code ==
               "rule.fictive");
    auto homonyme = WithAttributes(IdentityWith(S::Provisoire), true, false, false);
    BOOST_TEST(IdentityStateMachine::Apply(homonyme, event::SetAttribute{A::Fictive, true}, kCounter).refusal->code ==
               "rule.fictive");
    // douteuse + homonyme is the one allowed combination
    Outcome both = IdentityStateMachine::Apply(homonyme, event::SetAttribute{A::Douteuse, true}, kCounter);
    BOOST_REQUIRE(both.Allowed());
    BOOST_TEST((both.after->attributes == Attributes{true, true, false}));
    // setting twice / clearing what is not set
    BOOST_TEST(IdentityStateMachine::Apply(homonyme, event::SetAttribute{A::Homonyme, true}, kCounter).refusal->code ==
               "rule.noop");
    BOOST_TEST(IdentityStateMachine::Apply(homonyme, event::SetAttribute{A::Douteuse, false}, kCounter).refusal->code ==
               "rule.noop");
    // clearing douteuse leaves PROV (the INS must be retrieved again)
    auto douteuse = WithAttributes(IdentityWith(S::Provisoire), false, true, false);
    Outcome cleared = IdentityStateMachine::Apply(douteuse, event::SetAttribute{A::Douteuse, false}, kCounter);
    BOOST_REQUIRE(cleared.Allowed());
    BOOST_TEST(StatusCode(cleared.after->status) == "PROV");
    BOOST_TEST(!cleared.after->attributes.douteuse);
}

// ---- manual trait changes ----
BOOST_AUTO_TEST_CASE(EditingStrictTraitsOfAnInsIdentityIsForIdentitovigilanceOnly) {
    for (S from : {S::Recuperee, S::Qualifiee}) {
        Identity before = IdentityWith(from);
        event::EditTraits edit{before.traits, "", ""};
        edit.traits.birthName = "DUPONTEL";
        for (Role r : {Role::Comptoir, Role::Titulaire, Role::Preparateur})
            BOOST_TEST(IdentityStateMachine::Apply(before, edit, r).refusal->code == "rule.role");
        Outcome o = IdentityStateMachine::Apply(before, edit, Role::Identitovigilance);
        BOOST_REQUIRE(o.Allowed());
        BOOST_TEST(StatusCode(o.after->status) == (from == S::Qualifiee ? "VALI" : "PROV"));
        BOOST_TEST(!o.after->HasIns());
        BOOST_TEST(o.after->traits.birthName == "DUPONTEL");
    }
}

BOOST_AUTO_TEST_CASE(EditingStrictTraitsOfAValidatedIdentityDropsTheCheck) {
    Identity before = IdentityWith(S::Validee);
    event::EditTraits edit{before.traits, "", ""};
    edit.traits.birthDate = Date{1980, 1, 2};
    Outcome o = IdentityStateMachine::Apply(before, edit, kCounter);
    BOOST_REQUIRE(o.Allowed());
    BOOST_TEST(StatusCode(o.after->status) == "PROV");
    BOOST_TEST(!o.after->documentCheck.has_value());
}

BOOST_AUTO_TEST_CASE(EditingOnlyUsedNamesKeepsTheStatusForAnyCounterRole) {
    for (S from : kAllStatuses) {
        Identity before = IdentityWith(from);
        event::EditTraits edit{before.traits, "MARTIN", "JEANNOT"};
        Outcome o = IdentityStateMachine::Apply(before, edit, kCounter);
        BOOST_REQUIRE(o.Allowed());
        BOOST_TEST(StatusCode(o.after->status) == StatusCode(from));
        BOOST_TEST(o.after->HasIns() == before.HasIns());
        BOOST_TEST(o.after->usedName == "MARTIN");
    }
    Identity before = IdentityWith(S::Provisoire);
    BOOST_TEST(IdentityStateMachine::Apply(before, event::EditTraits{before.traits, "", ""}, kCounter).refusal->code ==
               "rule.noop");
}

BOOST_AUTO_TEST_CASE(CogFormat) {
    for (const char* ok : {"63220", "2A004", "2B020", "99134", "99999", "75056"}) BOOST_TEST(IsValidCogFormat(ok), ok);
    for (const char* bad : {"", "6322", "632201", "2C004", "A2004", "2a004", "99 34"}) BOOST_TEST(!IsValidCogFormat(bad), bad);
}

// The one place that decides whether the matricule may be shown (EXI SI 08): qualifiée only.
BOOST_AUTO_TEST_CASE(TheInsIsShowableOnlyForAQualifiedIdentity) {
    Identity i;
    i.status = IdentityStatus::Qualifiee;
    BOOST_TEST(!ShowableIns(i).has_value());  // no INS at all
    i.ins = vigie::test::EcetinsiIns();
    BOOST_TEST(ShowableIns(i).value_or("") == i.ins->active.matricule + " (NIR)");
    for (auto s : {IdentityStatus::Provisoire, IdentityStatus::Recuperee, IdentityStatus::Validee}) {
        i.status = s;
        BOOST_TEST(!ShowableIns(i).has_value(), StatusCode(s));
    }
}

BOOST_AUTO_TEST_SUITE_END()
