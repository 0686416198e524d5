#include <boost/test/unit_test.hpp>

#include "core/util/Json.h"
#include "core/util/Sha256.h"

using namespace vigie::util;

BOOST_AUTO_TEST_SUITE(UtilSuite)

BOOST_AUTO_TEST_CASE(Sha256KnownVectors) {
    BOOST_TEST(Sha256::HexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    BOOST_TEST(Sha256::HexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_TEST(Sha256::HexDigest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    BOOST_TEST(Sha256::HexDigest(std::string(1000000, 'a')) ==
               "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // 55/56/64-byte boundaries of the padding
    BOOST_TEST(Sha256::HexDigest(std::string(55, 'x')) != Sha256::HexDigest(std::string(56, 'x')));
}

BOOST_AUTO_TEST_CASE(JsonWriterEscapesAndNests) {
    JsonWriter w;
    w.BeginObject().Field("a", "x\"y\\z\n\x01").Key("b").BeginArray().Int(1).Bool(false).Null().EndArray()
        .Field("c", "é").Key("d").BeginObject().EndObject().EndObject();
    BOOST_TEST(w.Str() == R"({"a":"x\"y\\z\n\u0001","b":[1,false,null],"c":"é","d":{}})");
}

BOOST_AUTO_TEST_SUITE_END()
