#pragma once
// A database split into shards for parallel ingest, and merging shards into one database.
//
// Layout: a sharded database is a folder DB holding the shards DB/shard-0 .. DB/shard-N-1 (each
// an ordinary Referat database) and a Xapian stub file DB/XAPIANDB listing them, so Xapian (and
// every reading command) opens DB as all its shards. A plain database is a layout of one shard.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include <referat/index/writer.hpp>

namespace referat::index {

/// Name of the stub file inside a sharded database folder.
inline constexpr std::string_view kStubFileName = "XAPIANDB";
/// Folder name of shard i is kShardPrefix + i.
inline constexpr std::string_view kShardPrefix = "shard-";

/// Folders of the shards of db: DB/shard-i for a sharded database, db itself for a plain one,
/// empty when db does not exist yet. Throws referat::Error when db is something else.
[[nodiscard]] std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& db);

/// Set one metadata entry of the local database db (an empty value removes it); for a sharded
/// database it goes to the first shard, whose metadata readers see. Holds the write lock only
/// for the commit. Throws referat::Error when db is missing, remote or locked by an ingest.
void set_metadata(const std::filesystem::path& db, std::string_view key, std::string_view value);

/// The shard (0 .. count-1) a source path belongs to: taken from sha256(source), so the same
/// file always goes to the same shard of a database.
[[nodiscard]] std::size_t shard_of(std::string_view source, std::size_t count);

/// Writers for every shard of a database, each holding its shard's write lock.
class ShardedWriter {
  public:
    /// Open db for writing. A new database gets new_count shards (1: a plain database); an
    /// existing one keeps its layout whatever new_count is, so a file never moves between
    /// shards. Throws referat::Error like Writer (locked, not a database, ...).
    ShardedWriter(const std::filesystem::path& db, std::size_t new_count);
    ~ShardedWriter();
    ShardedWriter(const ShardedWriter&) = delete;
    ShardedWriter& operator=(const ShardedWriter&) = delete;

    /// Number of shards.
    [[nodiscard]] std::size_t size() const { return m_writers.size(); }
    /// The writer of shard i.
    [[nodiscard]] Writer& shard(std::size_t i) { return *m_writers.at(i); }
    /// The shard that source goes to (shard_of).
    [[nodiscard]] std::size_t shard_index(std::string_view source) const {
        return shard_of(source, m_writers.size());
    }

  private:
    std::vector<std::unique_ptr<Writer>> m_writers;
};

/// Merge every shard of db into one compacted database written at output (output may be db
/// itself). The result is built in a temporary folder next to output and then swapped in with
/// one rename, so a reader sees the old or the new database, never a mix; the shards' write
/// locks are held meanwhile. With read_only the result has no termlist table (about a fifth
/// smaller; search, facets, show and stats work, but ingest refuses it, since Xapian needs the
/// termlist to replace a document). Throws referat::Error on failure (the old database is
/// untouched).
void compact_database(const std::filesystem::path& db, const std::filesystem::path& output,
                      bool read_only = false);

}  // namespace referat::index
