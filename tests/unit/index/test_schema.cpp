#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include <referat/index/schema.hpp>

TEST(Schema, StopwordsMatchTheBundledDanishList) {
    std::ifstream in(REFERAT_TEST_DATA "/refdata/danish-stopwords.txt");
    ASSERT_TRUE(in);
    std::set<std::string> from_file;
    for (std::string w; in >> w;) from_file.insert(w);
    std::set<std::string> compiled;
    for (auto w : referat::index::schema::danish_stopwords()) compiled.insert(std::string(w));
    EXPECT_EQ(compiled, from_file);
}

TEST(Schema, TextPrefixesAreDistinct) {
    std::set<std::string_view> seen;
    for (auto p : referat::index::schema::kFieldPrefixes) {
        EXPECT_FALSE(p.empty());
        EXPECT_TRUE(seen.insert(p).second) << p;
    }
}
