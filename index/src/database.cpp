#include "referat/index/database.hpp"

#include <cstdlib>
#include <system_error>

#include "referat/index/columns.hpp"
#include "referat/index/schema.hpp"
#include "referat/index/shards.hpp"
#include "storage.hpp"

namespace referat::index {

namespace fs = std::filesystem;

fs::path default_database_path() {
    if (const char* env = std::getenv("REFERAT_DB"); env && *env) return fs::path(env);
    return fs::path("referat.db");
}

bool is_remote_spec(std::string_view spec) {
    auto colon = spec.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == spec.size()) return false;
    if (spec.find('/') != std::string_view::npos) return false;
    for (char c : spec.substr(colon + 1))
        if (c < '0' || c > '9') return false;
    return spec.substr(colon + 1).size() <= 5;
}

Error translate_error(const Xapian::Error& error, std::string_view context) {
    std::string message(context);
    message += ": ";
    message += error.get_msg().empty() ? error.get_type() : error.get_msg();
    if (std::string_view(error.get_type()) == "DatabaseCorruptError")
        message += " (the database is corrupt; re-create it with referat ingest)";
    return Error(message);
}

Xapian::Database open_for_reading(const std::vector<std::string>& specs) {
    if (specs.empty()) throw Error("no database given");
    Xapian::Database combined;
    for (const auto& spec : specs) {
        std::error_code ec;
        const bool local = fs::exists(spec, ec);
        if (!local && is_remote_spec(spec)) {
            const auto colon = spec.rfind(':');
            const std::string host = spec.substr(0, colon);
            const auto port = static_cast<unsigned>(std::stoul(spec.substr(colon + 1)));
            try {
                // A shard served by another referat version is refused like a local one.
                Xapian::Database remote = Xapian::Remote::open(host, port);
                detail::check_schema_version(remote, spec);
                combined.add_database(remote);
            } catch (const Xapian::Error& e) {
                throw translate_error(e, "cannot open remote database " + spec);
            }
            continue;
        }
        if (!local || !detail::looks_like_database(spec))
            throw Error("no database at " + spec + "; create one with: referat ingest --db " +
                        spec + " FILES...");
        try {
            Xapian::Database db(spec);
            detail::check_schema_version(db, spec);
            // One local database may have a facet store in its folder (columns.hpp).
            if (db.size() == 1 && fs::is_directory(spec, ec)) {
                const auto folders = shard_paths(spec);
                if (folders.size() == 1) remember_location(db, folders.front());
            }
            combined.add_database(db);
        } catch (const Xapian::Error& e) {
            throw translate_error(e, "cannot open database " + spec);
        }
    }
    return combined;
}

std::optional<Xapian::Database> open_twin(const Xapian::Database& db) {
    try {
        if (db.size() != 1) return std::nullopt;
        const std::string uuid = db.get_uuid();
        if (uuid.empty()) return std::nullopt;
        const Xapian::rev revision = db.get_revision();
        for (const auto& dir : detail::remembered_locations(uuid)) {
            Xapian::Database twin(dir.string());
            if (twin.get_uuid() == uuid && twin.get_revision() == revision) return twin;
        }
    } catch (const Xapian::Error&) {
        // Remote (no UUID or revision), or the folder is gone: no twin, not an error.
    }
    return std::nullopt;
}

namespace detail {

bool looks_like_database(const fs::path& dir, bool being_created) {
    std::error_code ec;
    if (being_created && fs::exists(dir / "flintlock", ec)) return true;
    for (const char* marker : {"iamglass", "iamchert", "iamhoney"})
        if (fs::exists(dir / marker, ec)) return true;
    // A sharded database: a folder with a stub listing its shards (see shards.hpp).
    if (fs::is_regular_file(dir / "XAPIANDB", ec)) return true;
    // A stub database file (plain file listing shards) is also a database.
    return fs::is_regular_file(dir, ec);
}

void check_schema_version(const Xapian::Database& db, const std::string& path) {
    const std::string stored = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (stored.empty()) return;  // empty database: nothing written yet
    for (int readable = schema::kOldestSchemaVersion; readable <= schema::kSchemaVersion;
         ++readable)
        if (stored == std::to_string(readable)) return;
    throw Error("database " + path + " has schema version " + stored +
                ", but this referat reads and writes versions " +
                std::to_string(schema::kOldestSchemaVersion) + " to " +
                std::to_string(schema::kSchemaVersion) +
                "; rebuild it: referat ingest --db NEW_FOLDER YOUR_MINUTES (a fresh --db), "
                "then use NEW_FOLDER");
}

}  // namespace detail

}  // namespace referat::index
