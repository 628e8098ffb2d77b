// referat ingest: parse files and folders and write them into the index, robust to bad files
// and to being killed (only Xapian commits and an atomically renamed report touch the disk).

#include <chrono>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

#include <referat/index/writer.hpp>
#include <referat/ingest/parse.hpp>
#include <referat/ingest/reader.hpp>

#include "cli_util.hpp"
#include "collect_files.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

namespace fs = std::filesystem;

constexpr int kDefaultCommitEvery = 200;

const Usage kUsage{"ingest", "[--db DIR] [--commit-every N] [--report FILE] [--force] PATH...",
                   "Parse minutes files and folders (recursively; hidden entries skipped) and "
                   "index them.\nUnchanged files are skipped, changed files replaced, failed "
                   "files retried by the next run.\nEach file that fails gives one line "
                   "'FILE: reason' on stderr; the others are still indexed."};

struct Tally {
    std::size_t files = 0;
    std::size_t ingested = 0;
    std::size_t unchanged = 0;
    std::size_t meetings = 0;
    std::size_t items = 0;
    std::size_t deleted = 0;
    std::vector<FileError> failed;
};

// The identity of a source in the index: absolute and without symlinks or "..", so the same
// file gets the same ids whatever the working directory or the path it was named by.
std::string source_identity(const fs::path& file) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(fs::absolute(file, ec), ec);
    return ec ? fs::absolute(file).lexically_normal().string() : canonical.string();
}

// sha256 of the file's bytes, or empty when it cannot be read (parse_file will say why).
std::string file_hash(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return {};
    return ingest::sha256_hex(bytes);
}

void record_failure(Tally& tally, FileError error) {
    std::cerr << error.message() << "\n";
    tally.failed.push_back(std::move(error));
}

json::Value report_json(const Tally& t, const std::string& db, std::size_t ignored,
                        double seconds) {
    json::Value failed = json::Value::array();
    for (const auto& f : t.failed) {
        json::Value entry = json::Value::object();
        entry.set("file", f.file).set("reason", f.reason);
        failed.push(std::move(entry));
    }
    json::Value r = json::Value::object();
    r.set("database", db);
    r.set("files", t.files);
    r.set("ok", t.ingested + t.unchanged);
    r.set("ingested", t.ingested);
    r.set("unchanged", t.unchanged);
    r.set("failed", std::move(failed));
    r.set("meetings", t.meetings);
    r.set("items", t.items);
    r.set("deleted", t.deleted);
    r.set("ignored", ignored);
    r.set("seconds", seconds);
    return r;
}

}  // namespace

int cmd_ingest(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    options.add_options()(
        "commit-every", po::value<int>()->default_value(kDefaultCommitEvery)->value_name("N"),
        "commit after this many written files (and at the end; large text volumes commit "
        "earlier)")("report", po::value<std::string>()->value_name("FILE"),
                    "write a JSON report to FILE")("force", "re-ingest files even when unchanged")(
        "quiet,q", "print only errors")("path", po::value<std::vector<std::string>>(),
                                        "files or folders");
    po::positional_options_description positional;
    positional.add("path", -1);
    auto vm = parse_options(args, kUsage, options, positional);
    if (!vm) return kExitOk;
    if (!vm->count("path"))
        throw Error("ingest: give at least one file or folder (see 'referat ingest --help')");
    const int commit_every = (*vm)["commit-every"].as<int>();
    if (commit_every < 1) throw Error("ingest: --commit-every must be at least 1");
    const bool force = vm->count("force") > 0;
    const std::string db = single_database(*vm, kUsage);

    const auto started = std::chrono::steady_clock::now();
    index::Writer writer(db);  // throws when another ingest holds the lock
    const FileList list = collect_files((*vm)["path"].as<std::vector<std::string>>());
    Tally tally;
    for (const auto& error : list.errors) {
        ++tally.files;
        record_failure(tally, error);
    }
    int since_commit = 0;
    for (const auto& file : list.files) {
        ++tally.files;
        const std::string source = source_identity(file);
        if (!force) {
            if (auto indexed = writer.indexed_hash(source);
                indexed && *indexed == file_hash(file)) {
                ++tally.unchanged;
                continue;
            }
        }
        std::expected<ingest::Document, FileError> doc = std::unexpected(FileError{});
        try {
            doc = ingest::parse_file(file);
        } catch (const std::exception& e) {
            // Untrusted input must never end the batch: report the file and go on.
            doc =
                std::unexpected(FileError{file.string(), std::string("cannot parse: ") + e.what()});
        }
        if (!doc) {
            record_failure(tally, doc.error());
            continue;
        }
        doc->source = source;
        index::WriteStats written;
        try {
            written = writer.add_document(*doc);
        } catch (const Error& e) {
            // The file's transaction was cancelled; the index holds none of it.
            record_failure(tally,
                           FileError{file.string(), std::string("cannot index: ") + e.what()});
            continue;
        }
        ++tally.ingested;
        tally.meetings += written.meetings;
        tally.items += written.items;
        tally.deleted += written.deleted;
        if (++since_commit >= commit_every) {
            writer.commit();
            since_commit = 0;
        }
    }
    writer.commit();
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    if (!vm->count("quiet") || !tally.failed.empty()) {
        std::cout << "ingested " << tally.ingested << " of " << tally.files << " files into " << db
                  << ": " << tally.meetings << " meetings, " << tally.items << " items, "
                  << tally.unchanged << " unchanged, " << tally.deleted << " deleted, "
                  << tally.failed.size() << " failed";
        if (list.ignored) std::cout << " (" << list.ignored << " files of other types ignored)";
        std::cout << "\n";
    }
    if (vm->count("report"))
        write_file_atomically((*vm)["report"].as<std::string>(),
                              report_json(tally, db, list.ignored, elapsed).dump(2) + "\n");
    if (!tally.failed.empty()) {
        std::cerr << "referat: " << tally.failed.size() << " of " << tally.files
                  << " files failed (listed above); a rerun retries them\n";
        return kExitError;
    }
    return kExitOk;
}

}  // namespace referat::cli
