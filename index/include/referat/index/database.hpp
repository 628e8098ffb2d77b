#pragma once
// Opening databases for reading, and the one helper that retries on DatabaseModifiedError.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

namespace referat::index {

/// The database path used when none is given: $REFERAT_DB, else ./referat.db.
[[nodiscard]] std::filesystem::path default_database_path();

/// Open one or more databases (local paths, or remote "host:port" shards) as one.
/// Throws referat::Error with a hint ("run 'referat ingest' first") when a path is missing.
[[nodiscard]] Xapian::Database open_for_reading(const std::vector<std::string>& specs);

/// Run fn; on DatabaseModifiedError reopen db and run it again (a few times).
template <class Fn>
auto with_reopen(Xapian::Database& db, Fn&& fn) -> decltype(fn()) {
    for (int attempt = 0;; ++attempt) {
        try {
            return fn();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 5) throw;
            db.reopen();
        }
    }
}

}  // namespace referat::index
