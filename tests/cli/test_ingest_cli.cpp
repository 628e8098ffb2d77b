// `referat ingest` on real samples: idempotent reruns, changed files, bad input in a batch.

#include <algorithm>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <referat/index/writer.hpp>
#include <referat/ingest/utf8.hpp>

#include "cli_fixture.hpp"

namespace {

using namespace referat::testing;
namespace fs = std::filesystem;

std::string source_of(const fs::path& file) {
    return fs::weakly_canonical(fs::absolute(file)).string();
}

// Keep lines [1, last) of a file: everything before line `last`.
void keep_lines_before(const fs::path& file, std::int64_t last) {
    auto lines = lines_of(slurp(file));
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    for (std::int64_t i = 0; i + 1 < last && i < static_cast<std::int64_t>(lines.size()); ++i)
        out << lines[static_cast<std::size_t>(i)] << "\n";
}

class Ingest : public CliTest {};

TEST_F(Ingest, TwiceGivesTheSameCounts) {
    const auto expected = parsed_counts(sample_files());
    RunResult first;
    auto report = ingest({minutes().string()}, &first);
    ASSERT_EQ(first.status, 0) << first.err;
    EXPECT_EQ(report["files"].as_int(), expected.sources);
    EXPECT_EQ(report["ingested"].as_int(), expected.sources);
    EXPECT_EQ(report["failed"].size(), 0u);
    EXPECT_EQ(report["items"].as_int(), expected.items);
    EXPECT_NE(first.out.find("ingested " + std::to_string(expected.sources) + " of"),
              std::string::npos)
        << first.out;
    EXPECT_EQ(stats(), expected);

    RunResult second;
    report = ingest({minutes().string()}, &second);
    ASSERT_EQ(second.status, 0) << second.err;
    EXPECT_EQ(report["unchanged"].as_int(), expected.sources);
    EXPECT_EQ(report["ingested"].as_int(), 0);
    EXPECT_EQ(stats(), expected);

    // --force re-writes everything and still does not duplicate anything.
    report = ingest({minutes().string()}, nullptr, {"--force"});
    EXPECT_EQ(report["ingested"].as_int(), expected.sources);
    EXPECT_EQ(report["deleted"].as_int(), 0);
    EXPECT_EQ(stats(), expected);
}

TEST_F(Ingest, RealMinutesAndPublishersXmlExportsAllIngest) {
    RunResult run;
    auto report = ingest({std::string(REFERAT_TEST_DATA) + "/real"}, &run);
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(report["failed"].size(), 0u) << report.dump();
    // A word that only the SBSYS export holds is found in the item that holds it.
    auto found = referat({"search", "--db", db(), "Sagsoverblik"});
    EXPECT_EQ(found.status, 0) << found.err;
    EXPECT_THAT(found.out, ::testing::HasSubstr("SAPA")) << found.out;
}

TEST_F(Ingest, ItemRemovedFromAChangedFileIsGone) {
    const fs::path file = minutes() / "002_539ca0b311f4efd1.txt";
    const auto before = parse_meetings(file);
    ASSERT_EQ(before.size(), 1u);
    const auto& items = before[0]["items"].as_array();
    ASSERT_GE(items.size(), 2u) << "the segmenter finds no items in " << file;
    ASSERT_EQ(ingest({file.string()})["ingested"].as_int(), 1);
    const auto counts_before = stats();

    // Cut the file just before its last item.
    const auto& last = items.back();
    const auto last_id =
        referat::index::item_id(source_of(file), 0, static_cast<int>(last["number"].as_int()));
    ASSERT_EQ(referat({"show", "--db", db(), last_id}).status, 0);
    keep_lines_before(file, last["lines"]["begin"].as_int());
    const auto after = parse_meetings(file);
    ASSERT_EQ(after[0]["items"].size() + 1, items.size()) << "the cut should remove one item";

    auto report = ingest({file.string()});
    EXPECT_EQ(report["ingested"].as_int(), 1);
    EXPECT_EQ(report["deleted"].as_int(), 1);
    auto show = referat({"show", "--db", db(), last_id});
    EXPECT_EQ(show.status, 1);
    EXPECT_NE(show.err.find("no item or meeting with id " + last_id), std::string::npos)
        << show.err;
    auto counts_after = stats();
    EXPECT_EQ(counts_after.items, counts_before.items - 1);
    EXPECT_EQ(counts_after.meetings, counts_before.meetings);
}

TEST_F(Ingest, BadInputInABatchIsReportedFileByFile) {
    const fs::path bad = scratch() / "batch";
    fs::create_directories(bad);
    fs::copy_file(minutes() / "000_92d3c2ccd0431f34.txt", bad / "good-1.txt");
    fs::copy_file(minutes() / "001_974898943bafb24e.txt", bad / "good-2.txt");
    { std::ofstream(bad / "empty.txt"); }
    {
        std::ofstream out(bad / "binary.txt", std::ios::binary);
        const char bytes[] =
            "\x7f"
            "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00";
        for (int i = 0; i < 64; ++i) out.write(bytes, sizeof bytes);
    }
    fs::create_directory_symlink(".", bad / "loop");
    fs::create_directory_symlink("..", bad / "up");
    { std::ofstream(bad / ".hidden.txt") << "skipped"; }
    std::vector<std::string> expected_bad{
        (bad / "empty.txt").string(), (bad / "binary.txt").string(), (bad / "loop").string(),
        (bad / "up").string(), (scratch() / "missing.txt").string()};
    if (::geteuid() != 0) {  // root reads everything
        fs::copy_file(minutes() / "002_539ca0b311f4efd1.txt", bad / "unreadable.txt");
        fs::permissions(bad / "unreadable.txt", fs::perms::none);
        expected_bad.push_back((bad / "unreadable.txt").string());
    }

    RunResult r;
    auto report = ingest({bad.string(), (scratch() / "missing.txt").string()}, &r);
    EXPECT_EQ(r.status, 2);
    const auto err_lines = lines_of(r.err);
    for (const auto& path : expected_bad) {
        auto n = std::count_if(err_lines.begin(), err_lines.end(),
                               [&](const std::string& l) { return l.starts_with(path + ": "); });
        EXPECT_EQ(n, 1) << "one line for " << path << " in:\n" << r.err;
    }
    EXPECT_THAT(r.err, ::testing::Not(::testing::HasSubstr(".hidden")));
    EXPECT_EQ(report["ok"].as_int(), 2);
    EXPECT_EQ(report["failed"].size(), expected_bad.size());
    for (const auto& f : report["failed"].as_array()) {
        EXPECT_FALSE(f["reason"].as_string().empty());
        EXPECT_NE(std::find(expected_bad.begin(), expected_bad.end(), f["file"].as_string()),
                  expected_bad.end())
            << f["file"].as_string();
    }
    EXPECT_NE(r.out.find(std::to_string(expected_bad.size()) + " failed"), std::string::npos)
        << r.out;
    EXPECT_EQ(stats().sources, 2);

    // A rerun skips the good files and retries the failed ones (which fail again).
    RunResult again;
    report = ingest({bad.string(), (scratch() / "missing.txt").string()}, &again);
    EXPECT_EQ(again.status, 2);
    EXPECT_EQ(report["unchanged"].as_int(), 2);
    EXPECT_EQ(report["failed"].size(), expected_bad.size());
}

// A file name is bytes and need not be UTF-8 (Latin-1 "møde.txt" is m, 0xF8, de.txt). Every
// output shows each ill-formed byte as U+FFFD (README, "File names"), so it stays UTF-8: JSON
// that any parser accepts, text and CSV a terminal or a spreadsheet can read.
TEST_F(Ingest, FileNamesThatAreNotUtf8AreShownWithReplacementCharacters) {
    const fs::path dir = scratch() / "latin1";
    fs::create_directories(dir);
    const fs::path meeting = dir / std::string(
                                       "m\xF8"
                                       "de.txt");
    const fs::path empty = dir / std::string("tom-\xE6.txt");
    fs::copy_file(minutes() / "000_92d3c2ccd0431f34.txt", meeting);
    { std::ofstream(empty).flush(); }
    const std::string kShown = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
    const std::string shown_meeting = (dir / ("m" + kShown + "de.txt")).string();
    const std::string shown_empty = (dir / ("tom-" + kShown + ".txt")).string();
    const std::string shown_source =
        (fs::path(source_of(dir)) / ("m" + kShown + "de.txt")).string();

    RunResult r;
    const auto report = ingest({dir.string()}, &r);  // parse_json refuses invalid UTF-8
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(referat::utf8::is_valid(r.out)) << r.out;
    EXPECT_TRUE(referat::utf8::is_valid(r.err)) << r.err;
    EXPECT_NE(r.err.find(shown_empty + ": empty file"), std::string::npos) << r.err;
    EXPECT_EQ(report["ok"].as_int(), 1);
    ASSERT_EQ(report["failed"].size(), 1u);
    EXPECT_EQ(report["failed"].as_array()[0]["file"].as_string(), shown_empty);

    const auto json = referat({"search", "--db", db(), "--format", "json", "Socialdirektørforum"});
    ASSERT_EQ(json.status, 0) << json.err;
    const auto hits = parse_json(json.out)["hits"];
    ASSERT_GT(hits.size(), 0u);
    EXPECT_EQ(hits.as_array()[0]["source"].as_string(), shown_source);

    for (const std::string format : {"text", "csv"}) {
        const auto out =
            referat({"search", "--db", db(), "--format", format, "Socialdirektørforum"});
        ASSERT_EQ(out.status, 0) << out.err;
        EXPECT_TRUE(referat::utf8::is_valid(out.out)) << format;
        EXPECT_NE(out.out.find(shown_source), std::string::npos) << format << ":\n" << out.out;
    }

    const auto parsed = referat({"parse", "--format", "json", meeting.string()});
    ASSERT_EQ(parsed.status, 0) << parsed.err;
    EXPECT_EQ(parse_json(parsed.out)["source"].as_string(), shown_meeting);
    const auto failed = referat({"parse", empty.string()});
    EXPECT_EQ(failed.status, 2);
    EXPECT_TRUE(referat::utf8::is_valid(failed.err)) << failed.err;
    EXPECT_NE(failed.err.find(shown_empty), std::string::npos) << failed.err;
}

// One calendar check on both sides: ingest finds no date in "31. februar 2021" (and says so),
// and a query or option naming 2021-02-31 is an error rather than a search for nothing.
TEST_F(Ingest, AnImpossibleDateIsNoDateInIngestAndInQueries) {
    const fs::path file = scratch() / "februar.txt";
    std::ofstream(file) << "Økonomiudvalget - Referat fra mødet den 31. februar 2021\n\n"
                           "Mødedato: 31. februar 2021 kl. 09:00\nMødested: Rådhuset\n\n"
                           "Punkt 1: Godkendelse af dagsorden\n\nBeslutning: Godkendt\n";
    RunResult r;
    const auto report = ingest({file.string()}, &r);
    EXPECT_EQ(report["ok"].as_int(), 1);
    EXPECT_NE(r.err.find(file.string() + ": warning: no date found"), std::string::npos) << r.err;

    const auto listed = referat({"meetings", "--db", db(), "--format", "json"});
    ASSERT_EQ(listed.status, 0) << listed.err;
    const auto meetings = parse_json(listed.out);
    ASSERT_EQ(meetings.size(), 1u);
    EXPECT_EQ(meetings.as_array()[0]["date"].as_string(), "");

    for (const std::string query : {"dato:2021-02-31", "dato:31.02.2021"}) {
        const auto searched = referat({"search", "--db", db(), query});
        EXPECT_EQ(searched.status, 2) << query;
        EXPECT_NE(searched.err.find("no such day"), std::string::npos) << searched.err;
    }
    const auto option = referat({"meetings", "--db", db(), "--from", "2021-02-31"});
    EXPECT_EQ(option.status, 2);
    EXPECT_NE(option.err.find("no such day"), std::string::npos) << option.err;
    EXPECT_EQ(referat({"meetings", "--db", db(), "--from", "2021-02-28"}).status, 1)
        << "a day that exists is a valid bound (no meeting has a date)";
}

TEST_F(Ingest, FileWithoutDateCommitteeOrItemsIsIndexedWithAWarning) {
    const fs::path dir = scratch() / "vague";
    fs::create_directories(dir);
    fs::copy_file(minutes() / "000_92d3c2ccd0431f34.txt", dir / "complete.txt");
    {
        std::ofstream(dir / "notes.txt")
            << "Notater\n\nVi talte om cykelstier og om vejret i almindelighed.\n";
    }
    RunResult r;
    auto report = ingest({dir.string()}, &r);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(report["ingested"].as_int(), 2);
    const std::string notes = (dir / "notes.txt").string();
    for (const std::string w : {"no date found", "no committee found", "no agenda items found"}) {
        EXPECT_NE(r.err.find(notes + ": warning: " + w), std::string::npos) << r.err;
        const auto& warned = report["warnings"].as_array();
        EXPECT_TRUE(std::any_of(warned.begin(), warned.end(), [&](const referat::json::Value& v) {
            return v["file"].as_string() == notes && v["warning"].as_string() == w;
        })) << w;
    }
    EXPECT_EQ(r.err.find((dir / "complete.txt").string()), std::string::npos) << r.err;
}

TEST_F(Ingest, PruneRemovesFilesDeletedFromTheIngestedFolders) {
    const fs::path dir = scratch() / "pruned";
    fs::create_directories(dir / "sub");
    fs::copy_file(minutes() / "000_92d3c2ccd0431f34.txt", dir / "kept.txt");
    fs::copy_file(minutes() / "001_974898943bafb24e.txt", dir / "gone.txt");
    fs::copy_file(minutes() / "002_539ca0b311f4efd1.txt", dir / "sub" / "gone-too.txt");
    const fs::path elsewhere = scratch() / "elsewhere";
    fs::create_directories(elsewhere);
    fs::copy_file(minutes() / "003_bb815edab3661743.txt", elsewhere / "outside.txt");
    RunResult first;
    ingest({dir.string(), (elsewhere / "outside.txt").string()}, &first);
    ASSERT_EQ(first.status, 0) << first.err;
    // Not a terminal: no progress line.
    EXPECT_EQ(first.err.find('\r'), std::string::npos) << first.err;
    const auto before = stats();

    fs::remove(dir / "gone.txt");
    fs::remove(dir / "sub" / "gone-too.txt");
    fs::remove(elsewhere / "outside.txt");  // not under a folder given: stays indexed

    RunResult plain;
    auto report = ingest({dir.string()}, &plain);
    EXPECT_EQ(stats(), before) << "without --prune nothing is removed";

    RunResult pruned;
    report = ingest({dir.string()}, &pruned, {"--prune"});
    ASSERT_EQ(pruned.status, 0) << pruned.err;
    std::vector<std::string> removed;
    for (const auto& p : report["pruned"].as_array()) removed.push_back(p.as_string());
    std::sort(removed.begin(), removed.end());
    EXPECT_EQ(removed, (std::vector<std::string>{source_of(dir / "gone.txt"),
                                                 source_of(dir / "sub" / "gone-too.txt")}));
    EXPECT_NE(pruned.err.find(source_of(dir / "gone.txt") + ": removed from the index"),
              std::string::npos)
        << pruned.err;
    const auto after = stats();
    EXPECT_EQ(after.sources, before.sources - 2);
    EXPECT_LT(after.items, before.items);

    // A second run has nothing left to prune.
    report = ingest({dir.string()}, nullptr, {"--prune"});
    EXPECT_EQ(report["pruned"].size(), 0u);
    EXPECT_EQ(stats(), after);
}

// A name that is not UTF-8 is shown with U+FFFD, but --prune must check the real bytes on disk:
// the file still there stays indexed, the one deleted is removed.
TEST_F(Ingest, PruneChecksFileNamesThatAreNotUtf8ByTheirBytes) {
    const fs::path dir = scratch() / "latin1-pruned";
    fs::create_directories(dir);
    const fs::path kept = dir / std::string(
                                    "m\xF8"
                                    "de-kept.txt");
    const fs::path gone = dir / std::string(
                                    "m\xF8"
                                    "de-gone.txt");
    fs::copy_file(minutes() / "000_92d3c2ccd0431f34.txt", kept);
    fs::copy_file(minutes() / "001_974898943bafb24e.txt", gone);
    RunResult first;
    ingest({dir.string()}, &first);
    ASSERT_EQ(first.status, 0) << first.err;
    const auto before = stats();

    fs::remove(gone);
    RunResult pruned;
    auto report = ingest({dir.string()}, &pruned, {"--prune"});
    ASSERT_EQ(pruned.status, 0) << pruned.err;
    const std::string kShown = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
    ASSERT_EQ(report["pruned"].size(), 1u) << pruned.err;
    EXPECT_EQ(report["pruned"].as_array()[0].as_string(),
              (fs::path(source_of(dir)) / ("m" + kShown + "de-gone.txt")).string());
    EXPECT_EQ(report["unchanged"].as_int(), 1) << "the file still on disk is not reindexed";
    const auto after = stats();
    EXPECT_EQ(after.sources, before.sources - 1);
    EXPECT_LT(after.items, before.items);

    // The file still on disk is still found, the deleted one is not.
    const auto hits = referat({"search", "--db", db(), "--format", "json", "Socialdirektørforum"});
    ASSERT_EQ(hits.status, 0) << hits.err;
    const auto found = parse_json(hits.out)["hits"];
    ASSERT_GT(found.size(), 0u);
    for (const auto& hit : found.as_array())
        EXPECT_EQ(hit["source"].as_string(),
                  (fs::path(source_of(dir)) / ("m" + kShown + "de-kept.txt")).string());

    report = ingest({dir.string()}, nullptr, {"--prune"});
    EXPECT_EQ(report["pruned"].size(), 0u);
    EXPECT_EQ(stats(), after);
}

// Ingest leaves one facet store in a one-shard database; a --jobs database of several shards
// gets none (search reads its value slots) until compact merges it.
TEST_F(Ingest, OneShardGetsAFacetStoreAndShardsGetNone) {
    const auto stores = [](const fs::path& dir) {
        std::size_t n = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.path().filename().string().starts_with("referat-columns-")) ++n;
        return n;
    };
    RunResult one;
    ingest({minutes().string()}, &one);
    ASSERT_EQ(one.status, 0) << one.err;
    EXPECT_EQ(stores(db()), 1u);

    const std::string sharded = (scratch() / "sharded.db").string();
    const auto two = referat({"ingest", "--db", sharded, "--jobs", "2", minutes().string()});
    ASSERT_EQ(two.status, 0) << two.err;
    ASSERT_TRUE(fs::exists(fs::path(sharded) / "shard-1"));
    EXPECT_EQ(stores(sharded), 0u);
    const auto compacted = referat({"compact", "--db", sharded});
    ASSERT_EQ(compacted.status, 0) << compacted.err;
    EXPECT_EQ(stores(sharded), 1u);
}

TEST_F(Ingest, FoldersSkipOtherFileTypes) {
    fs::copy_file(REFERAT_TEST_DATA "/samples/000_92d3c2ccd0431f34.json", minutes() / "gold.json");
    auto report = ingest({minutes().string()});
    EXPECT_EQ(report["files"].as_int(), static_cast<std::int64_t>(sample_files().size()));
    EXPECT_EQ(report["ignored"].as_int(), 1);
}

TEST_F(Ingest, ADatabaseInsideTheIngestedFolderIsNotIngested) {
    const std::string inner = (minutes() / "referat.db").string();
    for (int run = 0; run < 2; ++run) {
        auto r = referat({"ingest", "--db", inner, minutes().string()});
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_NE(r.out.find(" of " + std::to_string(sample_files().size()) + " files"),
                  std::string::npos)
            << r.out;
        EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr("ignored"))) << r.out;
    }
}

TEST_F(Ingest, MissingArgumentsAndBadOptionsAreErrors) {
    auto r = referat({"ingest", "--db", db()});
    EXPECT_EQ(r.status, 2);
    EXPECT_THAT(r.err, ::testing::HasSubstr("referat: ingest: give at least one file or folder"))
        << r.err;
    r = referat({"ingest", "--no-such-option", minutes().string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(r.err.starts_with("referat: ingest: ")) << r.err;
    r = referat({"ingest", "--db", (minutes()).string(), minutes().string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_THAT(r.err, ::testing::HasSubstr("not a referat database")) << r.err;
}

}  // namespace
