#include "referat/index/shards.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <xapian.h>

#include <referat/ingest/error.hpp>
#include <referat/ingest/reader.hpp>

#include "referat/index/columns.hpp"
#include "referat/index/database.hpp"
#include "storage.hpp"

namespace referat::index {

namespace fs = std::filesystem;

namespace {

fs::path shard_folder(const fs::path& db, std::size_t i) {
    return db / (std::string(kShardPrefix) + std::to_string(i));
}

// The shards named by DB/XAPIANDB. Only the lines this code writes ("auto shard-i") are
// accepted: a hand-written stub with remote or absolute entries is for reading only.
std::vector<fs::path> read_stub(const fs::path& db) {
    const fs::path stub = db / kStubFileName;
    std::ifstream in(stub);
    if (!in) throw Error("cannot read " + stub.string());
    std::vector<fs::path> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') continue;
        std::istringstream words(line);
        std::string kind;
        std::string name;
        words >> kind >> name;
        if (kind != "auto" || !name.starts_with(kShardPrefix) ||
            name.find('/') != std::string::npos)
            throw Error(stub.string() + ": '" + line +
                        "' is not a local shard of this database; write into the shards "
                        "themselves");
        out.push_back(db / name);
    }
    if (out.empty()) throw Error(stub.string() + " lists no shards");
    return out;
}

// Write the stub to a temporary name and rename it, so it is complete or absent.
void write_stub(const fs::path& db, std::size_t count) {
    const fs::path stub = db / kStubFileName;
    const fs::path temporary = db / (std::string(kStubFileName) + ".tmp");
    {
        std::ofstream out(temporary, std::ios::trunc);
        for (std::size_t i = 0; i < count; ++i) out << "auto " << kShardPrefix << i << "\n";
        out.flush();
        if (!out) throw Error("cannot write " + temporary.string());
    }
    std::error_code ec;
    fs::rename(temporary, stub, ec);
    if (ec) throw Error("cannot write " + stub.string() + ": " + ec.message());
}

// Swap the folders a and b in one step (renameat2 RENAME_EXCHANGE); where the file system
// cannot, move b aside into a's parent first (a short window without a database at b).
void exchange_folders(const fs::path& a, const fs::path& b) {
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return;
    const int error = errno;
    if (error != EINVAL && error != ENOSYS)
        throw Error("cannot replace " + b.string() + ": " + std::strerror(error));
    const fs::path aside = a.parent_path() / "old";
    std::error_code ec;
    fs::rename(b, aside, ec);
    if (!ec) fs::rename(a, b, ec);
    if (ec) throw Error("cannot replace " + b.string() + ": " + ec.message());
    fs::rename(aside, a, ec);
}

}  // namespace

std::vector<fs::path> shard_paths(const fs::path& db) {
    std::error_code ec;
    if (!fs::exists(db, ec)) return {};
    if (!fs::is_directory(db, ec))
        throw Error(db.string() + " exists and is not a database folder");
    if (fs::exists(db / kStubFileName, ec)) return read_stub(db);
    // Shards without a stub: a run killed between creating the shards and writing the stub.
    std::vector<fs::path> shards;
    while (fs::is_directory(shard_folder(db, shards.size()), ec))
        shards.push_back(shard_folder(db, shards.size()));
    if (!shards.empty()) return shards;
    if (fs::is_empty(db, ec)) return {};
    return {db};
}

void set_metadata(const fs::path& db, std::string_view key, std::string_view value) {
    const std::vector<fs::path> shards = shard_paths(db);
    if (shards.empty())
        throw Error("no database at " + db.string() + "; create one with: referat ingest --db " +
                    db.string() + " FILES...");
    try {
        Xapian::WritableDatabase first(shards.front().string(), Xapian::DB_OPEN);
        first.set_metadata(std::string(key), std::string(value));
        first.commit();
    } catch (const Xapian::DatabaseLockError&) {
        throw Error("cannot write to database " + db.string() +
                    ": an ingest is writing to it; try again when it has finished");
    } catch (const Xapian::Error& e) {
        throw translate_error(e, "cannot write to database " + db.string());
    }
}

std::size_t shard_of(std::string_view source, std::size_t count) {
    if (count <= 1) return 0;
    // The first 8 hex digits of sha256(path): uniform, and stable across runs and machines.
    const std::string hash = ingest::sha256_hex(source);
    return static_cast<std::size_t>(std::stoul(hash.substr(0, 8), nullptr, 16) % count);
}

ShardedWriter::ShardedWriter(const fs::path& db, std::size_t new_count) {
    std::vector<fs::path> paths = shard_paths(db);
    const bool created = paths.empty();
    if (created && new_count > 1) {
        for (std::size_t i = 0; i < new_count; ++i) paths.push_back(shard_folder(db, i));
    } else if (created) {
        paths.push_back(db);
    }
    for (const auto& path : paths) m_writers.push_back(std::make_unique<Writer>(path));
    // The shards exist (and are locked) now; the stub makes DB open as all of them.
    std::error_code ec;
    if (paths.size() > 1 && !fs::exists(db / kStubFileName, ec)) write_stub(db, paths.size());
}

ShardedWriter::~ShardedWriter() = default;

void compact_database(const fs::path& db, const fs::path& output, bool read_only) {
    const std::vector<fs::path> paths = shard_paths(db);
    if (paths.empty())
        throw Error("no database at " + db.string() + "; create one with: referat ingest --db " +
                    db.string() + " FILES...");
    // Holding every shard's write lock keeps an ingest from committing into what is merged.
    std::optional<ShardedWriter> locks(std::in_place, db, 1);
    Xapian::Database all;
    try {
        for (const auto& path : paths) all.add_database(Xapian::Database(path.string()));
    } catch (const Xapian::Error& e) {
        throw translate_error(e, "cannot open database " + db.string());
    }

    const fs::path target = fs::absolute(output).lexically_normal();
    std::error_code ec;
    // Never swap away a folder that is not a database (an --output typo must not delete it).
    if (fs::exists(target, ec) && !fs::equivalent(target, db, ec) &&
        !detail::looks_like_database(target))
        throw Error(target.string() + " exists and is not a database; give another --output");
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    // A hidden name next to the target: same file system, so the final rename is atomic.
    std::string name(1, '.');
    name += target.filename().string();
    name += ".compact-XXXXXX";
    std::string pattern = (target.parent_path() / name).string();
    if (!::mkdtemp(pattern.data()))
        throw Error("cannot create a temporary folder next to " + target.string() + ": " +
                    std::strerror(errno));
    const fs::path work = pattern;
    const fs::path merged = work / "db";
    try {
        all.compact(merged.string(), Xapian::DBCOMPACT_MULTIPASS);
    } catch (const Xapian::Error& e) {
        fs::remove_all(work, ec);
        throw translate_error(e, "cannot compact " + db.string() + " into " + target.string());
    }
    // The merged documents get their own facet store (columns.hpp). Without one, search reads
    // the value slots, so a failure here is not the compaction's.
    try {
        Xapian::WritableDatabase out(merged.string(), Xapian::DB_OPEN);
        write_columns(out, merged);
    } catch (const Xapian::Error&) {
    } catch (const Error&) {
    }
    // Xapian reads a database without its termlist table (DB_NO_TERMLIST), for search only.
    if (read_only) fs::remove(merged / "termlist.glass", ec);
    try {
        if (fs::exists(target, ec)) {
            exchange_folders(merged, target);  // the old database ends up in work/db
        } else {
            fs::rename(merged, target, ec);
            if (ec) throw Error("cannot rename into " + target.string() + ": " + ec.message());
        }
    } catch (...) {
        fs::remove_all(work, ec);
        throw;
    }
    locks.reset();
    fs::remove_all(work, ec);
}

}  // namespace referat::index
