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

// Every length from 0 to 299 bytes (all block boundaries, both code paths: CTest runs this suite
// again with VIGIE_SHA256_PORTABLE=1). Expected value from Python's hashlib.
BOOST_AUTO_TEST_CASE(Sha256AllLengthsMatchAReferenceImplementation) {
    std::string concatenated;
    for (int i = 0; i < 300; ++i) {
        std::string message;
        for (int j = 0; j < i; ++j) message += static_cast<char>((j * 7 + i) % 256);
        concatenated += Sha256::HexDigest(message);
    }
    BOOST_TEST(Sha256::HexDigest(concatenated) == "def85da8f53f8ad58eda585dce61c0d7bfbb3da6924badae49d32d11288c576f");
    BOOST_TEST(Sha256::HexDigest("The quick brown fox jumps over the lazy dog") ==
               "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
    // Incremental updates of odd sizes give the same digest as one call.
    Sha256 pieces;
    for (std::size_t at = 0; at < concatenated.size(); at += 37) pieces.Update(std::string_view(concatenated).substr(at, 37));
    BOOST_TEST(Sha256::ToHex(pieces.Final()) == Sha256::HexDigest(concatenated));
    BOOST_TEST_MESSAGE("SHA-256 code path: " << (Sha256::HardwareAccelerated() ? "SHA-NI" : "portable"));
}

BOOST_AUTO_TEST_CASE(JsonWriterEscapesAndNests) {
    JsonWriter w;
    w.BeginObject().Field("a", "x\"y\\z\n\x01").Key("b").BeginArray().Int(1).Bool(false).Null().EndArray()
        .Field("c", "é").Key("d").BeginObject().EndObject().EndObject();
    BOOST_TEST(w.Str() == R"({"a":"x\"y\\z\n\u0001","b":[1,false,null],"c":"é","d":{}})");
}

BOOST_AUTO_TEST_SUITE_END()
