// referat watch: saved searches report only what entered the index since their last run, keep
// their state in the database, and write Atom feeds that an XML parser accepts.

#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xapian.h>

#include "cli_fixture.hpp"

namespace {

using namespace referat::testing;
namespace fs = std::filesystem;

class Watch : public CliTest {
  protected:
    void SetUp() override {
        RunResult r;
        ingest({minutes().string()}, &r);
        ASSERT_EQ(r.status, 0) << r.err;
        // A second batch, ingested later: the Ballerup minutes and their eDoc export.
        fs::create_directories(later());
        for (const auto& e : fs::directory_iterator(REFERAT_TEST_DATA "/real/ballerup"))
            fs::copy_file(e.path(), later() / e.path().filename());
    }

    fs::path later() const { return scratch() / "later"; }

    RunResult watch(std::vector<std::string> args) {
        args.insert(args.begin(), {"watch", "--db", db()});
        return referat(args);
    }

    /// Ids that `search` finds for text whose source lies under folder.
    std::set<std::string> ids_under(const std::string& text, const fs::path& folder) {
        auto r = referat({"search", "--db", db(), "--format", "jsonl", "--limit", "1000", text});
        std::set<std::string> out;
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);) {
            auto v = parse_json(line);
            if (!v["source"].as_string().starts_with(folder.string())) continue;
            for (auto& id : with_sources(v)) out.insert(std::move(id));
        }
        return out;
    }

    /// Hits (items, each counted once however many files publish it) `search` finds for text
    /// whose source lies under folder.
    std::size_t hits_under(const std::string& text, const fs::path& folder) {
        auto r = referat({"search", "--db", db(), "--format", "jsonl", "--limit", "1000", text});
        std::size_t n = 0;
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);)
            n += parse_json(line)["source"].as_string().starts_with(folder.string()) ? 1 : 0;
        return n;
    }

    /// A hit's id and the ids of its other sources: one item published in several files is one
    /// hit, and which file stands for it depends on the order of the search.
    static std::vector<std::string> with_sources(const referat::json::Value& hit) {
        std::vector<std::string> ids{hit["id"].as_string()};
        for (const auto& other : hit["also_in"].as_array()) ids.push_back(other["id"].as_string());
        return ids;
    }

    static std::set<std::string> ids_of_jsonl(const std::string& text) {
        std::set<std::string> out;
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            for (auto& id : with_sources(parse_json(line))) out.insert(std::move(id));
        return out;
    }
};

TEST_F(Watch, ReportsOnlyItemsIndexedSinceTheLastRun) {
    auto add = watch({"add", "budget", "budget"});
    ASSERT_EQ(add.status, 0) << add.err;
    // What was there when the watch was added is not new.
    auto first = watch({"run", "budget", "--format", "jsonl"});
    EXPECT_EQ(first.status, 1) << first.err;
    EXPECT_EQ(first.out, "");

    RunResult r;
    ingest({later().string()}, &r);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto expected = ids_under("budget", later());
    ASSERT_FALSE(expected.empty()) << "the Ballerup files mention budget";

    auto second = watch({"run", "budget", "--format", "jsonl"});
    EXPECT_EQ(second.status, 0) << second.err;
    EXPECT_EQ(ids_of_jsonl(second.out), expected);

    // Reported once: the next run has nothing, and an unchanged re-ingest adds nothing.
    ingest({later().string(), minutes().string()}, &r);
    auto third = watch({"run", "budget", "--format", "jsonl"});
    EXPECT_EQ(third.status, 1) << third.out;
    EXPECT_EQ(third.out, "");
}

TEST_F(Watch, DryRunDoesNotRememberTheRun) {
    ASSERT_EQ(watch({"add", "b", "budget"}).status, 0);
    RunResult r;
    ingest({later().string()}, &r);
    auto dry = watch({"run", "b", "--dry-run", "--format", "jsonl"});
    ASSERT_EQ(dry.status, 0) << dry.err;
    auto real = watch({"run", "b", "--format", "jsonl"});
    ASSERT_EQ(real.status, 0) << real.err;
    EXPECT_EQ(ids_of_jsonl(dry.out), ids_of_jsonl(real.out));
}

TEST_F(Watch, RunWithoutNameRunsEveryWatchAndListShowsThem) {
    ASSERT_EQ(watch({"add", "one", "budget"}).status, 0);
    ASSERT_EQ(watch({"add", "two", "--", "udvalg -budget"}).status, 0);
    auto list = watch({"list", "--format", "json"});
    ASSERT_EQ(list.status, 0) << list.err;
    auto v = parse_json(list.out);
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v.as_array()[0]["name"].as_string(), "one");
    EXPECT_EQ(v.as_array()[1]["query"].as_string(), "udvalg -budget");

    RunResult r;
    ingest({later().string()}, &r);
    auto run = watch({"run", "--format", "json"});
    ASSERT_EQ(run.status, 0) << run.err;
    auto runs = parse_json(run.out);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs.as_array()[0]["result"]["total"].as_int(),
              static_cast<std::int64_t>(hits_under("budget", later())));
    EXPECT_EQ(runs.as_array()[1]["result"]["total"].as_int(),
              static_cast<std::int64_t>(hits_under("udvalg -budget", later())));
}

TEST_F(Watch, AtomFeedIsWellFormedWithOneEntryPerNewItem) {
    ASSERT_EQ(watch({"add", "feed", "budget"}).status, 0);
    RunResult r;
    ingest({later().string()}, &r);
    auto run = watch({"run", "feed", "--format", "atom"});
    ASSERT_EQ(run.status, 0) << run.err;
    xmlDocPtr doc = xmlReadMemory(run.out.data(), static_cast<int>(run.out.size()), "feed.xml",
                                  nullptr, XML_PARSE_NONET);
    ASSERT_NE(doc, nullptr) << run.out;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    ASSERT_NE(root, nullptr);
    EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "feed");
    ASSERT_NE(root->ns, nullptr);
    EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href), "http://www.w3.org/2005/Atom");
    std::size_t entries = 0;
    std::set<std::string> required;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string name = reinterpret_cast<const char*>(n->name);
        if (name == "entry") ++entries;
        if (name == "id" || name == "title" || name == "updated") required.insert(name);
    }
    xmlFreeDoc(doc);
    EXPECT_EQ(required.size(), 3u) << "feed id, title and updated (RFC 4287)";
    EXPECT_EQ(entries, hits_under("budget", later()));
}

TEST_F(Watch, MistakesAreUsageErrors) {
    ASSERT_EQ(watch({"add", "b", "budget"}).status, 0);
    auto again = watch({"add", "b", "budget"});
    EXPECT_EQ(again.status, 2);
    EXPECT_THAT(again.err, ::testing::HasSubstr("already a watch called 'b'")) << again.err;
    auto bad_name = watch({"add", "a/b", "budget"});
    EXPECT_EQ(bad_name.status, 2);
    EXPECT_THAT(bad_name.err, ::testing::HasSubstr("a watch name has only")) << bad_name.err;
    auto bad_query = watch({"add", "c", "titel:(budget"});
    EXPECT_EQ(bad_query.status, 2);
    EXPECT_THAT(bad_query.err, ::testing::HasSubstr("invalid query")) << bad_query.err;
    auto missing = watch({"run", "nope"});
    EXPECT_EQ(missing.status, 2);
    EXPECT_THAT(missing.err, ::testing::HasSubstr("no watch called 'nope'")) << missing.err;
    auto removed = watch({"remove", "b"});
    EXPECT_EQ(removed.status, 0) << removed.err;
    EXPECT_EQ(watch({"run", "b"}).status, 2);
}

TEST_F(Watch, RunDuringAnIngestShowsNothingAndForgetsNothing) {
    ASSERT_EQ(watch({"add", "b", "budget"}).status, 0);
    RunResult r;
    ingest({later().string()}, &r);
    {
        // An ingest holds the write lock: the run cannot be remembered, so it shows nothing.
        Xapian::WritableDatabase writer(db(), Xapian::DB_OPEN);
        auto blocked = watch({"run", "b", "--format", "jsonl"});
        EXPECT_EQ(blocked.status, 2);
        EXPECT_EQ(blocked.out, "");
        EXPECT_THAT(blocked.err, ::testing::HasSubstr("an ingest is writing to it")) << blocked.err;
    }
    auto after = watch({"run", "b", "--format", "jsonl"});
    EXPECT_EQ(after.status, 0) << after.err;
    EXPECT_EQ(ids_of_jsonl(after.out), ids_under("budget", later()));
}

}  // namespace
