#pragma once
// The facet store: a compact per-document copy of the facet values and the same-item groups of
// one local database, kept in a file beside it. Each value is a number into a table of the
// distinct values, so counting the facets of a hundred thousand matches reads arrays instead of
// value strings, and one count per item needs no same-item key unless the item has a twin.
//
// Ingest writes the store when it finishes (Writer::finish), and compact for its output. The
// file's name is kept in the database's metadata, and every change to the documents clears that
// name in the same transaction, so a store always describes the documents the database holds.
// Without a usable store (an interrupted ingest, a remote or multi-shard database, a damaged
// file) search reads the value slots, with the same answers.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>

#include <xapian.h>

namespace referat::index {

/// The facets the store keeps, in file order.
enum class Column : unsigned {
    kCommittee = 0,
    kYear,
    kOutcome,
    kLayout,
    kKind,
    kPersons,
    kMunicipalities,
};
inline constexpr unsigned kColumnCount = 7;

/// A loaded store (read-only, shared between threads).
class Columns {
  public:
    ~Columns();
    Columns(const Columns&) = delete;
    Columns& operator=(const Columns&) = delete;

    /// Load the store in file, written for `token` (the name the metadata gives); nullptr when
    /// the file is missing, damaged, or written for other documents.
    [[nodiscard]] static std::shared_ptr<const Columns> load(const std::filesystem::path& file,
                                                             std::string_view token);

    /// The highest document id the store covers (the database's last docid when written).
    [[nodiscard]] Xapian::docid last_docid() const;
    /// The values of document did in column c as codes 1..values(c), as many as it has (a
    /// person facet lists several). Empty for documents without one and beyond last_docid().
    [[nodiscard]] std::span<const std::uint32_t> codes(Column c, Xapian::docid did) const;
    /// Number of distinct values of c.
    [[nodiscard]] std::uint32_t values(Column c) const;
    /// The value code stands for in c ("" for a code out of range).
    [[nodiscard]] std::string_view value(Column c, std::uint32_t code) const;
    /// The same-item group of did: 0 when no other document has its same-item key (or it has
    /// none), else a number 1..groups() shared by exactly the documents with that key.
    [[nodiscard]] std::uint32_t group(Xapian::docid did) const;
    /// Number of groups (items published in more than one file).
    [[nodiscard]] std::uint32_t groups() const;

  private:
    struct Impl;
    explicit Columns(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// Build the store of db's committed documents, write it into dir (db's folder) and name it in
/// db's metadata (committed), then remove the folder's older stores. Throws referat::Error when
/// the file cannot be written (the database is left without a store, which is still valid).
void write_columns(Xapian::WritableDatabase& db, const std::filesystem::path& dir);

/// Whether db's metadata names a store and its file is in dir (whether it loads is for
/// columns_for to find out).
[[nodiscard]] bool columns_present(const Xapian::Database& db, const std::filesystem::path& dir);

/// Mark db's store as out of date; a writer calls it inside the transaction that changes the
/// documents.
void invalidate_columns(Xapian::WritableDatabase& db);

/// The usable store of an open database, or nullptr: it must be one local database opened by
/// open_for_reading whose metadata names a store that loads. Loaded once per process and kept
/// while the metadata names it.
[[nodiscard]] std::shared_ptr<const Columns> columns_for(const Xapian::Database& db);

/// Remember that the local database db lives in dir (open_for_reading does this), so
/// columns_for can find its store.
void remember_location(const Xapian::Database& db, const std::filesystem::path& dir);

}  // namespace referat::index
