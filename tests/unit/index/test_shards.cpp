// Sharded databases: the layout, the shard a file goes to, reading all shards as one, and
// compaction into one database.

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include <referat/index/database.hpp>
#include <referat/index/records.hpp>
#include <referat/index/shards.hpp>
#include <referat/ingest/error.hpp>

#include "fixtures.hpp"
#include "temp_dir.hpp"

namespace {

using referat::testing::sample_document;
using referat::testing::TempDir;
namespace index = referat::index;
namespace fs = std::filesystem;

std::string source(int n) { return "/archive/udvalg/referat-" + std::to_string(n) + ".txt"; }

// Write documents 0..count-1 (two items each) through a ShardedWriter.
void write_documents(index::ShardedWriter& writer, int count) {
    for (int n = 0; n < count; ++n) {
        const std::string path = source(n);
        (void)writer.shard(writer.shard_index(path)).add_document(sample_document(path, 2));
    }
    for (std::size_t i = 0; i < writer.size(); ++i) writer.shard(i).commit();
}

TEST(ShardOf, StableInRangeAndSpread) {
    std::set<std::size_t> used;
    for (int n = 0; n < 40; ++n) {
        const auto shard = index::shard_of(source(n), 3);
        EXPECT_LT(shard, 3u);
        EXPECT_EQ(shard, index::shard_of(source(n), 3));
        used.insert(shard);
    }
    EXPECT_EQ(used.size(), 3u);
    EXPECT_EQ(index::shard_of(source(1), 1), 0u);
}

TEST(ShardedWriter, NewDatabaseGetsShardsAndAStubThatXapianOpens) {
    TempDir dir;
    const fs::path db = dir / "db";
    {
        index::ShardedWriter writer(db, 3);
        ASSERT_EQ(writer.size(), 3u);
        write_documents(writer, 12);
    }
    EXPECT_TRUE(fs::is_regular_file(db / index::kStubFileName));
    const auto shards = index::shard_paths(db);
    ASSERT_EQ(shards.size(), 3u);
    Xapian::doccount sum = 0;
    for (const auto& shard : shards) {
        const auto count = Xapian::Database(shard.string()).get_doccount();
        EXPECT_GT(count, 0u) << shard;
        sum += count;
    }
    // 12 files of one meeting with two items: 36 documents, each in exactly one shard.
    EXPECT_EQ(sum, 36u);
    EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 36u);
    auto all = index::open_for_reading({db.string()});
    const auto stats = index::collect_stats(all);
    EXPECT_EQ(stats.sources, 12u);
    EXPECT_EQ(stats.items, 24u);
}

TEST(ShardedWriter, ExistingLayoutIsKeptWhateverTheJobCount) {
    TempDir dir;
    const fs::path sharded = dir / "sharded";
    const fs::path plain = dir / "plain";
    {
        index::ShardedWriter writer(sharded, 2);
        write_documents(writer, 6);
        index::ShardedWriter single(plain, 1);
        write_documents(single, 6);
    }
    {
        // Rewriting the same files with another job count replaces, never duplicates.
        index::ShardedWriter writer(sharded, 4);
        EXPECT_EQ(writer.size(), 2u);
        write_documents(writer, 6);
        index::ShardedWriter single(plain, 3);
        EXPECT_EQ(single.size(), 1u);
        write_documents(single, 6);
    }
    EXPECT_EQ(index::shard_paths(plain), std::vector<fs::path>{plain});
    EXPECT_EQ(Xapian::Database(sharded.string()).get_doccount(), 18u);
    EXPECT_EQ(Xapian::Database(plain.string()).get_doccount(), 18u);
}

TEST(ShardedWriter, ShardsWithoutStubAreFoundAgain) {
    TempDir dir;
    const fs::path db = dir / "db";
    {
        index::ShardedWriter writer(db, 2);
        write_documents(writer, 4);
    }
    // As after a kill between creating the shards and writing the stub.
    fs::remove(db / index::kStubFileName);
    index::ShardedWriter writer(db, 5);
    EXPECT_EQ(writer.size(), 2u);
    EXPECT_TRUE(fs::is_regular_file(db / index::kStubFileName));
}

TEST(ShardedWriter, SecondWriterIsRefusedWhileTheFirstHoldsTheLocks) {
    TempDir dir;
    const fs::path db = dir / "db";
    index::ShardedWriter first(db, 2);
    EXPECT_THROW(index::ShardedWriter(db, 2), referat::Error);
}

TEST(Compact, MergesShardsIntoOnePlainDatabaseInPlace) {
    TempDir dir;
    const fs::path db = dir / "db";
    {
        index::ShardedWriter writer(db, 3);
        write_documents(writer, 9);
    }
    auto before = index::open_for_reading({db.string()});
    const auto expected = index::collect_stats(before);
    index::compact_database(db, db);
    EXPECT_FALSE(fs::exists(db / index::kStubFileName));
    EXPECT_EQ(index::shard_paths(db), std::vector<fs::path>{db});
    auto after = index::open_for_reading({db.string()});
    const auto stats = index::collect_stats(after);
    EXPECT_EQ(stats.sources, expected.sources);
    EXPECT_EQ(stats.meetings, expected.meetings);
    EXPECT_EQ(stats.items, expected.items);
    EXPECT_TRUE(index::find_record(after, index::meeting_id(source(4), 0)).has_value());
    // Nothing of the temporary folder is left next to the database.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
    EXPECT_EQ(entries, 1u);
}

TEST(Compact, RefusesToReplaceAFolderThatIsNotADatabase) {
    TempDir dir;
    const fs::path db = dir / "db";
    {
        index::ShardedWriter writer(db, 2);
        write_documents(writer, 2);
    }
    const fs::path other = dir / "notes";
    fs::create_directories(other);
    std::ofstream(other / "keep.txt") << "mine";
    EXPECT_THROW(index::compact_database(db, other), referat::Error);
    EXPECT_TRUE(fs::exists(other / "keep.txt"));
    EXPECT_THROW(index::compact_database(dir / "missing", dir / "out"), referat::Error);
}

}  // namespace
