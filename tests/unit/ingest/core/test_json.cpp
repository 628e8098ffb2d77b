#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gmock/gmock.h>
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

TEST(Json, RejectsLeadingZeros) {
    for (const char* bad : {"01", "[00]", "[-01]", "{\"n\": 007}", "[0.5, 01.5]"}) {
        const auto parsed = referat::json::parse(bad);
        ASSERT_FALSE(parsed.has_value()) << bad;
        EXPECT_FALSE(parsed.error().reason.empty()) << bad;
    }
    EXPECT_EQ(referat::json::parse("[0, -0, 0.5, 10]")->size(), 4u);
}

TEST(Json, RejectsInvalidUtf8WithTheOffset) {
    // Latin-1 ø, an overlong '/', a UTF-8-encoded surrogate, a code point past U+10FFFF.
    for (const std::string bad :
         {"\"m\xF8"
          "de\"",
          "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "{\"n\xF8gle\": 1}"}) {
        const auto parsed = referat::json::parse(bad);
        ASSERT_FALSE(parsed.has_value()) << bad;
        EXPECT_THAT(parsed.error().reason, ::testing::HasSubstr("UTF-8")) << parsed.error().reason;
        EXPECT_GE(parsed.error().offset, 1u) << bad;
        EXPECT_LT(parsed.error().offset, bad.size()) << bad;
    }
}

TEST(Json, RejectsLoneSurrogateEscapes) {
    for (const char* bad :
         {R"("\ud800")", R"("\udc00")", R"("\ud800x")", R"("\ud800\u0041")", R"("\udc00\ud800")"}) {
        EXPECT_FALSE(referat::json::parse(bad).has_value()) << bad;
    }
}

TEST(Json, DumpShowsInvalidUtf8AsReplacementCharacters) {
    // A file name as the file system has it: ø in Latin-1.
    Value v = Value::object();
    v.set("file",
          "m\xF8"
          "de.txt")
        .set("d\xE5to", "ok");
    const std::string compact = v.dump();
    EXPECT_EQ(compact, "{\"file\":\"m\uFFFDde.txt\",\"d\uFFFDto\":\"ok\"}");
    const auto reparsed = referat::json::parse(v.dump(2));
    ASSERT_TRUE(reparsed.has_value()) << reparsed.error().reason;
    EXPECT_EQ((*reparsed)["file"].as_string(), "m\uFFFDde.txt");
    std::string quoted;
    referat::json::append_quoted(quoted, "\xFF\x01\"");
    EXPECT_EQ(quoted, "\"\uFFFD\\u0001\\\"\"");
}

TEST(Json, PrettyAndCompactLayoutsAreStable) {
    Value v = Value::object();
    v.set("a", Value::array().push(1).push("x")).set("b", Value::object()).set("c", Value::array());
    EXPECT_EQ(v.dump(), R"({"a":[1,"x"],"b":{},"c":[]})");
    EXPECT_EQ(v.dump(2), "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {},\n  \"c\": []\n}");
}

TEST(Json, LargeObjectKeepsOrderAndUniqueKeys) {
    constexpr int kKeys = 40000;
    Value v = Value::object();
    for (int i = 0; i < kKeys; ++i) v.set("key" + std::to_string(i), i);
    for (int i = 0; i < kKeys; i += 7) v.set("key" + std::to_string(i), -i);  // replaces
    v.append("appended", true);
    v.set("appended", false);
    ASSERT_EQ(v.size(), static_cast<std::size_t>(kKeys) + 1);
    EXPECT_EQ(v.as_object()[0].first, "key0");
    EXPECT_EQ(v.as_object()[kKeys - 1].first, "key" + std::to_string(kKeys - 1));
    EXPECT_EQ(v["key14"].as_int(), -14);
    EXPECT_EQ(v["key15"].as_int(), 15);
    EXPECT_FALSE(v["appended"].as_bool());
    EXPECT_EQ(v.find("key40000"), nullptr);

    const auto parsed = referat::json::parse(v.dump());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().reason;
    EXPECT_EQ(*parsed, v);
    EXPECT_EQ((*parsed)["key39999"].as_int(), 39999);
    const Value copy = *parsed;
    Value changed = *parsed;
    changed.set("key1", "changed");
    EXPECT_EQ(copy["key1"].as_int(), 1);  // copies do not share edits
    EXPECT_EQ(changed["key1"].as_string(), "changed");
}

TEST(Json, DuplicateKeysInInputKeepTheFirstPlaceAndTheLastValue) {
    const auto parsed = referat::json::parse(R"({"a":1,"b":2,"a":3})");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->dump(), R"({"a":3,"b":2})");
}

TEST(Json, DeepNestingIsRefusedNotACrash) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto parsed = referat::json::parse(deep);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_THAT(parsed.error().reason, ::testing::HasSubstr("nesting"));
    const std::string ok = std::string(100, '[') + std::string(100, ']');
    EXPECT_TRUE(referat::json::parse(ok).has_value());
}

TEST(Json, NumbersKeepTheirKind) {
    const auto parsed = referat::json::parse(
        "[9223372036854775807, -9223372036854775808, 9223372036854775808, 2.5]");
    ASSERT_TRUE(parsed.has_value());
    const auto& a = parsed->as_array();
    EXPECT_TRUE(a[0].is_int());
    EXPECT_EQ(a[0].as_int(), 9223372036854775807LL);
    EXPECT_EQ(a[1].as_int(), -9223372036854775807LL - 1);
    EXPECT_FALSE(a[2].is_int());
    EXPECT_DOUBLE_EQ(a[2].as_double(), 9223372036854775808.0);
    EXPECT_DOUBLE_EQ(a[3].as_double(), 2.5);
}

// The fuzz target's seeds and finds (tests/fuzz/regressions/json) and its merged corpus
// (tests/fuzz/corpus/json), replayed with its property: what parses dumps to JSON that parses
// to the same value, compact and pretty.
TEST(Json, FuzzCorpusRoundTrips) {
    const auto fuzz = std::filesystem::path(REFERAT_FUZZ_REGRESSIONS).parent_path();
    std::vector<std::filesystem::directory_entry> entries;
    for (const auto& dir : {fuzz / "regressions" / "json", fuzz / "corpus" / "json"})
        for (const auto& entry : std::filesystem::directory_iterator(dir)) entries.push_back(entry);
    std::size_t files = 0;
    std::size_t valid = 0;
    for (const auto& entry : entries) {
        SCOPED_TRACE(entry.path().string());
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        ++files;
        const auto parsed = referat::json::parse(bytes);
        if (!parsed) {
            EXPECT_FALSE(parsed.error().reason.empty());
            continue;
        }
        ++valid;
        for (const int indent : {-1, 2}) {
            const std::string out = parsed->dump(indent);
            const auto again = referat::json::parse(out);
            ASSERT_TRUE(again.has_value()) << out;
            EXPECT_EQ(*again, *parsed) << out;
            EXPECT_EQ(again->dump(indent), out);
        }
    }
    EXPECT_GE(files, 10u);
    EXPECT_GE(valid, 3u);
    EXPECT_LT(valid, files);
}

TEST(Sha256, MatchesKnownVectors) {
    EXPECT_EQ(referat::ingest::sha256_hex(""),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(referat::ingest::sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(referat::ingest::sha256_hex(std::string(1000, 'a')),
              "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}
