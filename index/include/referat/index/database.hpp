#pragma once
// Opening databases for reading, and the one helper that retries on DatabaseModifiedError.
// Xapian::Error never leaves index/ or query/: translate_error turns it into referat::Error.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <referat/ingest/error.hpp>

namespace referat::index {

/// The database path used when none is given: $REFERAT_DB, else ./referat.db.
[[nodiscard]] std::filesystem::path default_database_path();

/// Open one or more databases (local paths, or remote "host:port" shards) as one.
/// Throws referat::Error "no database at PATH; create one with: referat ingest --db PATH
/// FILES..." when a local path is missing, and for a database of another schema version.
[[nodiscard]] Xapian::Database open_for_reading(const std::vector<std::string>& specs);

/// A second handle on db for another thread (a Xapian::Database is not shared between
/// threads): the same single local database, at the same revision. std::nullopt when db is
/// several or remote databases, was not opened by open_for_reading, or has changed since.
[[nodiscard]] std::optional<Xapian::Database> open_twin(const Xapian::Database& db);

/// Whether spec names a remote shard ("host:port") rather than a local folder.
[[nodiscard]] bool is_remote_spec(std::string_view spec);

/// The project error for a Xapian error: "CONTEXT: message" (locks and corruption named).
[[nodiscard]] Error translate_error(const Xapian::Error& error, std::string_view context);

/// Run fn; on DatabaseModifiedError reopen db and run it again (a few times). Other Xapian
/// errors, and a database that keeps changing, become referat::Error.
template <class Fn>
auto with_reopen(Xapian::Database& db, Fn&& fn) -> decltype(fn()) {
    for (int attempt = 0;; ++attempt) {
        try {
            return fn();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= 5) throw translate_error(e, "database keeps changing while reading");
            try {
                db.reopen();
            } catch (const Xapian::Error& again) {
                throw translate_error(again, "cannot reopen database");
            }
        } catch (const Xapian::Error& e) {
            throw translate_error(e, "database error");
        }
    }
}

}  // namespace referat::index
