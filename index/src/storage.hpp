#pragma once
// Private helpers shared by the writer and the readers of index/.

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace referat::index::detail {

/// Whether dir holds a Xapian database (or is a stub database file). With being_created, a
/// folder another writer is creating right now (its lock file exists, nothing else yet) counts.
[[nodiscard]] bool looks_like_database(const std::filesystem::path& dir,
                                       bool being_created = false);

/// The folders a database with this UUID was opened from (columns.hpp remember_location).
[[nodiscard]] std::vector<std::filesystem::path> remembered_locations(const std::string& uuid);

/// Throw referat::Error when db was written with another schema version.
void check_schema_version(const Xapian::Database& db, const std::string& path);

}  // namespace referat::index::detail
