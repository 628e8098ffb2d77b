#pragma once
// Writing parsed documents into a Xapian database: one document per item and per meeting,
// stable ids, replace on re-ingest, delete items that vanished from a changed file.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <referat/ingest/error.hpp>
#include <referat/ingest/model.hpp>

namespace referat::index {

/// The database itself failed while writing (disk full, an I/O error, a failed commit). The
/// changes since the last commit are gone, earlier files' included, so the run must stop; a
/// rerun redoes them (their hashes were not recorded either). Distinct from the plain
/// referat::Error of a file that cannot be indexed, which leaves everything else pending.
class WriteAborted : public Error {
  public:
    using Error::Error;
};

/// What one add_document call changed.
struct WriteStats {
    std::size_t meetings = 0;
    std::size_t items = 0;
    std::size_t deleted = 0;  ///< documents of this source that no longer exist
};

/// Uncommitted text volume after which the writer commits by itself (commits follow the volume
/// of text, not a document count, so a folder of long PDFs and one of short notes behave alike;
/// pending changes take ten to fifteen times the text in memory).
inline constexpr std::size_t kCommitTextBytes = 8u * 1024 * 1024;

/// Stable id of an item: derived from the source path, meeting ordinal and item number:
/// "<12 hex of sha256(source)>-m<meeting, 1-based>-i<number>", e.g. "3fa2c1d9e0b4-m1-i5".
[[nodiscard]] std::string item_id(std::string_view source, std::size_t meeting_index, int number);
/// Stable id of a meeting: "<12 hex of sha256(source)>-m<meeting, 1-based>".
[[nodiscard]] std::string meeting_id(std::string_view source, std::size_t meeting_index);

/// A writable index. Throws referat::Error when the database is locked by another writer
/// ("database is locked by another ingest") or cannot be opened.
class Writer {
  public:
    explicit Writer(const std::filesystem::path& db);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    /// Replace everything indexed from doc.source with doc's meetings and items, and delete
    /// its documents that no longer exist. All or nothing for one file. doc.source should be
    /// an absolute path so the same file gets the same ids from any working directory.
    /// Throws referat::Error when doc cannot be indexed (nothing of it is written; earlier
    /// files stay pending) and WriteAborted when the database fails.
    WriteStats add_document(const ingest::Document& doc);
    /// sha256 of the source bytes last indexed for this path, if any (to skip unchanged files).
    [[nodiscard]] std::optional<std::string> indexed_hash(std::string_view source) const;
    /// Every source path indexed in this database, byte for byte as given to add_document (a
    /// path that is not UTF-8 included), so it can be checked on disk and passed to
    /// remove_source.
    [[nodiscard]] std::vector<std::string> sources() const;
    /// Delete every document of source and forget its hash; returns how many were deleted.
    /// Throws WriteAborted when the database fails.
    std::size_t remove_source(std::string_view source);
    /// Make everything added so far durable. Throws WriteAborted when that fails.
    void commit();
    /// Commit, then write the facet store of the documents (columns.hpp) unless nothing changed.
    /// Throws WriteAborted when the commit fails; returns why the store could not be written
    /// ("" when it was), which leaves a valid database that search reads without a store.
    [[nodiscard]] std::string finish();

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace referat::index
