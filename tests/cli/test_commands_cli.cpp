// referat parse, show, stats and the dispatcher: output shapes, --help, exit codes.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/index/writer.hpp>

#include "cli_fixture.hpp"

namespace {

using namespace referat::testing;
namespace fs = std::filesystem;

class Commands : public CliTest {};

TEST_F(Commands, EverySubcommandHasHelp) {
    for (const char* command : {"ingest", "parse", "show", "stats"}) {
        auto r = referat({command, "--help"});
        EXPECT_EQ(r.status, 0) << command << ": " << r.err;
        EXPECT_TRUE(r.out.starts_with(std::string("Usage: referat ") + command)) << r.out;
    }
    // Positional arguments are in the synopsis, not listed again as options.
    EXPECT_THAT(referat({"ingest", "--help"}).out, ::testing::Not(::testing::HasSubstr("--path")));
    EXPECT_THAT(referat({"show", "--help"}).out, ::testing::Not(::testing::HasSubstr("--id")));
    auto r = referat({"--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_THAT(r.out, ::testing::HasSubstr("ingest"));
}

// The commands `referat --help` lists, read from its "Commands:" section.
std::vector<std::string> listed_commands(const std::string& help) {
    std::vector<std::string> out;
    bool inside = false;
    for (const auto& line : lines_of(help)) {
        if (line == "Commands:") {
            inside = true;
        } else if (inside && line.starts_with("  ")) {
            out.push_back(line.substr(2, line.find(' ', 2) - 2));
        } else if (inside) {
            break;
        }
    }
    return out;
}

TEST_F(Commands, EveryHelpHasExamplesAndHelpCommandShowsIt) {
    const auto commands = listed_commands(referat({"--help"}).out);
    ASSERT_GE(commands.size(), 10u);
    for (const auto& command : commands) {
        auto help = referat({command, "--help"});
        EXPECT_EQ(help.status, 0) << command;
        const std::string head = "\nExamples:\n  referat " + command;
        const auto at = help.out.find(head);
        ASSERT_NE(at, std::string::npos) << help.out;
        const char next = help.out[at + head.size()];
        EXPECT_TRUE(next == ' ' || next == '\n') << command << ": " << help.out.substr(at);
        auto via_help = referat({"help", command});
        EXPECT_EQ(via_help.status, 0) << command;
        EXPECT_EQ(via_help.out, help.out) << command;
    }
    EXPECT_EQ(referat({"help", "frobnicate"}).status, 2);
}

TEST_F(Commands, UnknownCommandIsAnError) {
    auto r = referat({"frobnicate"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "referat: unknown command 'frobnicate' (see 'referat --help')\n");
}

TEST_F(Commands, ParsePrintsTheGoldShape) {
    const fs::path file = minutes() / "000_92d3c2ccd0431f34.txt";
    auto r = referat({"parse", file.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    auto v = parse_json(r.out);
    ASSERT_TRUE(v.is_object());  // one meeting: the object itself
    for (const char* key : {"source", "layout", "meeting", "participants", "absent", "items"})
        EXPECT_NE(v.find(key), nullptr) << key;
    EXPECT_EQ(v["source"].as_string(), file.string());
    EXPECT_NE(v["meeting"].find("committee"), nullptr);
}

TEST_F(Commands, ParseExplainsAndHasATextFormat) {
    const fs::path file = minutes() / "001_974898943bafb24e.txt";
    auto r = referat({"parse", "--format", "text", "--explain", file.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with(file.string() + ": ")) << r.out;
    EXPECT_THAT(r.out, ::testing::HasSubstr("layout "));
    EXPECT_THAT(r.out, ::testing::HasSubstr("confidence "));
    EXPECT_THAT(r.out, ::testing::HasSubstr("rules fired: "));
    // With JSON the explanation goes to stderr, so stdout stays one JSON value.
    r = referat({"parse", "--explain", file.string()});
    ASSERT_EQ(r.status, 0);
    EXPECT_NO_THROW((void)parse_json(r.out));
    EXPECT_THAT(r.err, ::testing::HasSubstr("rules fired: "));
}

TEST_F(Commands, ParseOfABadFileNamesItAndTheReason) {
    { std::ofstream(scratch() / "empty.txt"); }
    const std::string path = (scratch() / "empty.txt").string();
    auto r = referat({"parse", path});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(r.err.starts_with("referat: " + path + ": ")) << r.err;
    r = referat({"parse", "--format", "xml", path});
    EXPECT_EQ(r.status, 2);
    EXPECT_THAT(r.err, ::testing::HasSubstr("unknown format 'xml'")) << r.err;
}

TEST_F(Commands, ReadingAMissingDatabaseSaysHowToCreateOne) {
    for (const char* command : {"stats", "show"}) {
        std::vector<std::string> args{command, "--db", db()};
        if (std::string(command) == "show") args.push_back("abc-m1-i1");
        auto r = referat(args);
        EXPECT_EQ(r.status, 2);
        EXPECT_EQ(r.err, "referat: no database at " + db() +
                             "; create one with: referat ingest --db " + db() + " FILES...\n");
    }
}

TEST_F(Commands, ShowPrintsAMeetingAndItsItems) {
    const fs::path file = minutes() / "000_92d3c2ccd0431f34.txt";
    ASSERT_EQ(ingest({file.string()})["ingested"].as_int(), 1);
    const std::string source = fs::weakly_canonical(file).string();
    const auto meeting_id = referat::index::meeting_id(source, 0);
    auto r = referat({"show", "--db", db(), "--format", "json", meeting_id});
    ASSERT_EQ(r.status, 0) << r.err;
    auto v = parse_json(r.out);
    EXPECT_EQ(v["id"].as_string(), meeting_id);
    EXPECT_EQ(v["type"].as_string(), "meeting");
    EXPECT_EQ(v["source"].as_string(), source);
    EXPECT_EQ(v["sha256"].as_string().size(), 64u);
    const auto parsed = parse_meetings(file);
    EXPECT_EQ(v["items"].size(), parsed[0]["items"].size());
    EXPECT_EQ(v["meeting"]["title"], parsed[0]["meeting"]["title"]);

    r = referat({"show", "--db", db(), meeting_id});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("meeting " + meeting_id)) << r.out;
    EXPECT_NE(r.out.find("source: " + source), std::string::npos) << r.out;

    for (const auto& item : parsed[0]["items"].as_array()) {
        const auto id =
            referat::index::item_id(source, 0, static_cast<int>(item["number"].as_int()));
        auto shown = referat({"show", "--db", db(), "--format", "json", id});
        ASSERT_EQ(shown.status, 0) << id << ": " << shown.err;
        auto record = parse_json(shown.out);
        EXPECT_EQ(record["title"], item["title"]);
        EXPECT_EQ(record["decision"], item["decision"]);
        EXPECT_EQ(record["meeting_id"].as_string(), meeting_id);
    }
}

TEST_F(Commands, StatsCountWhatWasIngested) {
    ingest({minutes().string()});
    auto r = referat({"stats", "--db", db(), "--format", "json"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto v = parse_json(r.out);
    const auto expected = parsed_counts(sample_files());
    EXPECT_EQ(v["items"].as_int(), expected.items);
    std::int64_t by_outcome = 0;
    for (const auto& [name, count] : v["by_outcome"].as_object()) by_outcome += count.as_int();
    EXPECT_EQ(by_outcome, expected.items);
    std::int64_t by_layout = 0;
    for (const auto& [name, count] : v["by_layout"].as_object()) by_layout += count.as_int();
    EXPECT_EQ(by_layout, expected.items);

    r = referat({"stats", "--db", db()});
    ASSERT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("items     " + std::to_string(expected.items)), std::string::npos)
        << r.out;
    EXPECT_THAT(r.out, ::testing::HasSubstr("Items by committee"));
}

TEST_F(Commands, DatabaseDefaultsToTheEnvironment) {
    ::setenv("REFERAT_DB", db().c_str(), 1);
    auto r = referat({"ingest", (minutes() / "000_92d3c2ccd0431f34.txt").string()});
    ::unsetenv("REFERAT_DB");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::exists(db()));
}

}  // namespace
