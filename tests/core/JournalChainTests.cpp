#include <boost/test/unit_test.hpp>

#include "core/usecases/JournalChain.h"

using vigie::ports::JournalEntry;
using vigie::usecases::JournalChain;

BOOST_AUTO_TEST_SUITE(JournalChainSuite)

BOOST_AUTO_TEST_CASE(EveryFieldIsCoveredByTheHash) {
    JournalEntry e;
    e.seq = 7;
    e.at = "2026-11-22T10:00:00.000Z";
    e.operatorName = "alice";
    e.role = "comptoir";
    e.action = "identity.created";
    e.identityId = 12;
    e.before = "";
    e.after = R"({"id":12})";
    e.prevHash = std::string(64, 'a');
    const std::string h = JournalChain::ComputeHash(e);
    BOOST_TEST(h.size() == 64u);
    BOOST_TEST(JournalChain::ComputeHash(e) == h);  // deterministic
    auto changed = [&](auto mutate) {
        JournalEntry copy = e;
        mutate(copy);
        return JournalChain::ComputeHash(copy) != h;
    };
    BOOST_TEST(changed([](JournalEntry& x) { x.seq = 8; }));
    BOOST_TEST(changed([](JournalEntry& x) { x.at += "1"; }));
    BOOST_TEST(changed([](JournalEntry& x) { x.operatorName = "bob"; }));
    BOOST_TEST(changed([](JournalEntry& x) { x.role = "titulaire"; }));
    BOOST_TEST(changed([](JournalEntry& x) { x.action = "identity.imported"; }));
    BOOST_TEST(changed([](JournalEntry& x) { x.identityId.reset(); }));
    BOOST_TEST(changed([](JournalEntry& x) { x.after = R"({"id":13})"; }));
    BOOST_TEST(changed([](JournalEntry& x) { x.prevHash[0] = 'b'; }));
    // Moving bytes between two fields changes the hash: the encoding is unambiguous.
    BOOST_TEST(changed([](JournalEntry& x) {
        x.before = "{";
        x.after = R"("id":12})";
    }));
    BOOST_TEST(changed([](JournalEntry& x) { x.hash = "ignored"; }) == false);  // the hash is not an input
}

BOOST_AUTO_TEST_SUITE_END()
