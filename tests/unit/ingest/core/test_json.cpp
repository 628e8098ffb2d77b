#include <gtest/gtest.h>

#include <referat/ingest/json.hpp>
#include <referat/ingest/reader.hpp>

using referat::json::Value;

TEST(Json, RoundTripsDanishTextAndEscapes) {
    Value v = Value::object();
    v.set("title", "Fællesmøde \"Børne\"\n\tåbent").set("n", 42).set("x", 1.5).set("z", nullptr);
    auto parsed = referat::json::parse(v.dump());
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, v);
    EXPECT_EQ((*parsed)["title"].as_string(), "Fællesmøde \"Børne\"\n\tåbent");
    EXPECT_EQ((*parsed)["n"].as_int(), 42);
}

TEST(Json, DecodesUnicodeEscapesAndSurrogates) {
    auto parsed = referat::json::parse(R"(["punkt\u00a0p\u00e5", "\ud83d\ude00"])");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->as_array()[0].as_string(), "punkt\xC2\xA0p\xC3\xA5");
    EXPECT_EQ(parsed->as_array()[1].as_string(), "\xF0\x9F\x98\x80");
}

TEST(Json, RejectsMalformedInput) {
    for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "\"\\ud800\"", "01x", "[1] 2"}) {
        EXPECT_FALSE(referat::json::parse(bad).has_value()) << bad;
    }
}

TEST(Sha256, MatchesKnownVectors) {
    EXPECT_EQ(referat::ingest::sha256_hex(""),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(referat::ingest::sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(referat::ingest::sha256_hex(std::string(1000, 'a')),
              "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}
