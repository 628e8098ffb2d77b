#pragma once
// Saved searches ("watches"): a named query whose runs report only the items that entered the
// index (new or changed) since its last run. A watch lives in the database's metadata, so every
// reader of the database sees the same list and the same last run. Reading and running are here;
// storing goes through index::set_metadata (the database must be local and not being written).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <referat/ingest/json.hpp>
#include <referat/query/search.hpp>

namespace referat::query {

/// A saved search.
struct Watch {
    std::string name;
    std::string query;         ///< query text as typed (the query language of search)
    std::string created;       ///< RFC 3339 UTC
    double last_run = 0;       ///< microseconds since 1970: items indexed since then are new
    /// Ids reported (or already there) within the grace period before last_run: an ingest that
    /// was committing while the watch ran may add items stamped a little before last_run, and
    /// those must be reported once, not never and not twice.
    std::vector<std::string> seen;
};

/// How long before the last run items are looked at again (see Watch::seen), microseconds.
inline constexpr double kWatchGraceMicroseconds = 3600.0 * 1e6;

/// A time of a watch (microseconds since 1970) as RFC 3339 UTC: "2026-12-07T06:50:12Z".
[[nodiscard]] std::string watch_time(double microseconds);

/// The metadata key of a watch.
[[nodiscard]] std::string watch_key(std::string_view name);

/// Why name cannot name a watch (1 to 64 letters, digits, '.', '-', '_'); nullopt when it can.
[[nodiscard]] std::optional<std::string> watch_name_error(std::string_view name);

/// A watch as stored (JSON), and back; std::nullopt for a value that is not a watch.
[[nodiscard]] std::string watch_to_json(const Watch& watch);
[[nodiscard]] std::optional<Watch> watch_from_json(std::string_view name, std::string_view stored);

/// Every watch in db, by name. Throws referat::Error on a database error.
[[nodiscard]] std::vector<Watch> list_watches(Xapian::Database& db);

/// The watch called name; std::nullopt when there is none.
[[nodiscard]] std::optional<Watch> find_watch(Xapian::Database& db, std::string_view name);

/// A new watch of query_text, last run now: its first run reports what is indexed after this.
/// Throws referat::Error "invalid query: ..." when the query does not parse against db.
[[nodiscard]] Watch new_watch(Xapian::Database& db, std::string_view name,
                              std::string_view query_text);

/// What one run of a watch found.
struct WatchRun {
    Watch updated;        ///< the watch to store: last run now, seen renewed
    SearchResult result;  ///< the new items, newest in the index first; total = their number
};

/// Run watch against db: the items matching its query that entered the index since its last
/// run and were not reported before. Nothing is stored: store run.updated (watch_to_json) with
/// index::set_metadata before showing the result, so a failed store shows nothing twice.
/// Throws referat::Error like search().
[[nodiscard]] WatchRun run_watch(Xapian::Database& db, const Watch& watch);

}  // namespace referat::query
