// referat ingest: parse files and folders and write them into the index, robust to bad files
// and to being killed (only Xapian commits and an atomically renamed report touch the disk).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include <unistd.h>

#include <referat/index/shards.hpp>
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
constexpr std::size_t kMaxJobs = 64;

const Usage kUsage{
    "ingest",
    "[--db DIR] [--jobs N] [--commit-every N] [--report FILE] [--force] [--prune] PATH...",
    "Parse minutes files and folders (recursively; hidden entries skipped) and "
    "index them.\nUnchanged files are skipped, changed files replaced, failed "
    "files retried by the next run.\nEach file that fails gives one line "
    "'FILE: reason' on stderr; the others are still indexed. On a terminal a "
    "progress line\nshows files done, MB/s and the time left (not with -q). "
    "--prune removes the files that\nno longer exist under the folders given.",
    {"referat ingest --db referat.db data/samples",
     "referat ingest --db referat.db --jobs 4 --report report.json minutes/",
     "referat ingest --db referat.db --force minutes/2023/",
     "referat ingest --db referat.db --prune minutes/"}};

struct Tally {
    std::size_t files = 0;
    std::size_t ingested = 0;
    std::size_t unchanged = 0;
    std::size_t meetings = 0;
    std::size_t items = 0;
    std::size_t deleted = 0;
    std::vector<FileError> failed;
    std::vector<FileError> warnings;  ///< indexed, but missing a date, committee or items
    std::vector<std::string> pruned;  ///< sources removed because their file is gone
};

std::string source_identity(const fs::path& file);

// Remove the documents of sources under the given folders whose file no longer exists.
void prune(index::ShardedWriter& writer, const std::vector<std::string>& paths, Tally& tally) {
    std::vector<std::string> roots;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::string root = source_identity(p);
            if (!root.ends_with('/')) root += '/';
            roots.push_back(std::move(root));
        }
    }
    if (roots.empty()) return;
    for (std::size_t i = 0; i < writer.size(); ++i) {
        auto& shard = writer.shard(i);
        for (const auto& source : shard.sources()) {
            const bool under = std::any_of(roots.begin(), roots.end(), [&](const std::string& r) {
                return source.starts_with(r);
            });
            std::error_code ec;
            if (!under || fs::exists(source, ec) || ec) continue;
            tally.deleted += shard.remove_source(source);
            tally.pruned.push_back(source);
            std::cerr << source << ": removed from the index (the file no longer exists)\n";
        }
        shard.commit();
    }
}

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
    json::Value warned = json::Value::array();
    for (const auto& w : t.warnings) {
        json::Value entry = json::Value::object();
        entry.set("file", w.file).set("warning", w.reason);
        warned.push(std::move(entry));
    }
    r.set("warnings", std::move(warned));
    r.set("meetings", t.meetings);
    r.set("items", t.items);
    r.set("deleted", t.deleted);
    json::Value pruned = json::Value::array();
    for (const auto& p : t.pruned) pruned.push(p);
    r.set("pruned", std::move(pruned));
    r.set("ignored", ignored);
    r.set("seconds", seconds);
    return r;
}

// The files of one run, parsed by `jobs` threads. Each shard's writer is used under its own
// lock (Xapian objects are not thread-safe); the parsers share no mutable state.
// With at least as many shards as threads (a new database gets one shard per job), each thread
// owns its shards: it parses and writes exactly the files that belong to them, so no thread
// ever waits for another's writer. With fewer shards (an existing database ingested with more
// jobs), threads take the next file as they come free; a parsed file waits in its shard's
// queue, and whichever thread holds the shard's writer writes the queue out.
class Batch {
  public:
    Batch(index::ShardedWriter& writer, bool force, int commit_every, bool progress)
        : m_writer(writer), m_force(force), m_commit_every(commit_every), m_progress(progress) {}

    /// Erase the progress line once the run is over.
    void end_progress() {
        const std::lock_guard guard(m_tally_lock);
        clear_progress();
    }

    void run(const std::vector<fs::path>& files, std::size_t jobs, Tally& tally) {
        m_locks = std::vector<std::mutex>(m_writer.size());
        m_queue_locks = std::vector<std::mutex>(m_writer.size());
        m_queues = std::vector<std::deque<Parsed>>(m_writer.size());
        m_since_commit.assign(m_writer.size(), 0);
        m_tally = &tally;
        m_sources.clear();
        for (const auto& file : files) m_sources.push_back(source_identity(file));
        m_sizes.clear();
        m_total_bytes = 0;
        for (const auto& file : files) {
            std::error_code ec;
            const auto size = fs::file_size(file, ec);
            m_sizes.push_back(ec ? 0 : static_cast<std::size_t>(size));
            m_total_bytes += m_sizes.back();
        }
        m_total_files = files.size();
        m_started = std::chrono::steady_clock::now();
        const std::size_t threads = std::max<std::size_t>(1, std::min(jobs, files.size()));
        auto shared_next = [this] { return m_next++; };
        if (threads == 1) {
            work(files, shared_next);
        } else if (m_writer.size() >= threads) {
            std::vector<std::vector<std::size_t>> owned(threads);
            for (std::size_t at = 0; at < files.size(); ++at)
                owned[m_writer.shard_index(m_sources[at]) % threads].push_back(at);
            std::vector<std::jthread> pool;
            for (std::size_t t = 0; t < threads; ++t)
                pool.emplace_back([&, t] {
                    std::size_t i = 0;
                    work(files, [&] { return i < owned[t].size() ? owned[t][i++] : files.size(); });
                });
        } else {
            std::vector<std::jthread> pool;
            for (std::size_t t = 0; t < threads; ++t)
                pool.emplace_back([&] { work(files, shared_next); });
        }
        // An environment failure (a commit that fails, say) ends the run like with one job.
        if (m_failure) std::rethrow_exception(m_failure);
        for (std::size_t i = 0; i < m_writer.size(); ++i) {
            write_queue(i, true);
            m_writer.shard(i).commit();
        }
        if (m_failure) std::rethrow_exception(m_failure);
        // The order of failures follows the files, whatever thread met them.
        std::stable_sort(m_failed.begin(), m_failed.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [at, error] : m_failed) tally.failed.push_back(std::move(error));
    }

  private:
    /// A file parsed and waiting for its shard's writer.
    struct Parsed {
        std::size_t at = 0;
        fs::path file;
        ingest::Document doc;
    };
    /// Parsed files a shard may hold before the parser that adds one waits for the writer
    /// (bounds memory when writing is the slower side).
    static constexpr std::size_t kMaxQueued = 4;

    /// Ingests files[next()] until next() runs past the end or the run stops.
    template <class Next>
    void work(const std::vector<fs::path>& files, Next next) {
        try {
            for (std::size_t at = next(); at < files.size() && !m_stop; at = next())
                ingest_one(at, files[at]);
        } catch (...) {
            stop_with(std::current_exception());
        }
    }

    void stop_with(std::exception_ptr failure) {
        const std::lock_guard guard(m_tally_lock);
        if (!m_failure) m_failure = std::move(failure);
        m_stop = true;
    }

    void ingest_one(std::size_t at, const fs::path& file) {
        const std::string& source = m_sources[at];
        const std::size_t shard = m_writer.shard_index(source);
        if (!m_force) {
            std::optional<std::string> indexed;
            {
                const std::lock_guard guard(m_locks[shard]);
                indexed = m_writer.shard(shard).indexed_hash(source);
            }
            if (indexed && *indexed == file_hash(file)) {
                const std::lock_guard guard(m_tally_lock);
                ++m_tally->files;
                ++m_tally->unchanged;
                show_progress(at);
                return;
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
        if (!doc) return fail(at, doc.error());
        doc->source = source;
        std::size_t queued = 0;
        {
            const std::lock_guard guard(m_queue_locks[shard]);
            m_queues[shard].push_back(Parsed{at, file, std::move(*doc)});
            queued = m_queues[shard].size();
        }
        write_queue(shard, queued > kMaxQueued);
    }

    /// Writes the shard's queue if its writer is free (or, with wait, once it is). A file queued
    /// while another thread writes is written by that thread: it looks at the queue again after
    /// letting the writer go.
    void write_queue(std::size_t shard, bool wait) {
        for (;;) {
            std::unique_lock writer(m_locks[shard], std::defer_lock);
            if (wait) {
                writer.lock();
            } else if (!writer.try_lock()) {
                return;
            }
            for (;;) {
                Parsed next;
                {
                    const std::lock_guard guard(m_queue_locks[shard]);
                    if (m_queues[shard].empty()) break;
                    next = std::move(m_queues[shard].front());
                    m_queues[shard].pop_front();
                }
                write(shard, next);
            }
            writer.unlock();
            const std::lock_guard guard(m_queue_locks[shard]);
            if (m_queues[shard].empty()) return;
            wait = false;
        }
    }

    // Called with the shard's writer lock held.
    void write(std::size_t shard, const Parsed& parsed) {
        index::WriteStats written;
        try {
            written = m_writer.shard(shard).add_document(parsed.doc);
            if (++m_since_commit[shard] >= m_commit_every) {
                m_writer.shard(shard).commit();
                m_since_commit[shard] = 0;
            }
        } catch (const index::WriteAborted&) {
            throw;  // the database failed: pending changes are gone, the run ends
        } catch (const Error& e) {
            // The file could not be indexed; the index holds none of it, the rest stays pending.
            return fail(parsed.at,
                        FileError{parsed.file.string(), std::string("cannot index: ") + e.what()});
        }
        const std::lock_guard guard(m_tally_lock);
        ++m_tally->files;
        ++m_tally->ingested;
        m_tally->meetings += written.meetings;
        m_tally->items += written.items;
        m_tally->deleted += written.deleted;
        clear_progress();
        // A file indexed without a date, a committee or items is said so, never silently.
        for (const auto& meeting : parsed.doc.meetings) {
            for (const auto& w : meeting.warnings) {
                if (!w.starts_with("no ")) continue;
                std::cerr << parsed.file.string() << ": warning: " << w << "\n";
                m_tally->warnings.push_back(FileError{parsed.file.string(), w});
            }
        }
        show_progress(parsed.at);
    }

    // One line on a terminal, rewritten in place: files done of all, MB/s, time left. Called
    // with the tally lock held; at most five times a second.
    void show_progress(std::size_t at) {
        m_bytes_done += at < m_sizes.size() ? m_sizes[at] : 0;
        if (!m_progress) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last_shown < std::chrono::milliseconds(200) && m_tally->files < m_total_files)
            return;
        m_last_shown = now;
        const double seconds = std::chrono::duration<double>(now - m_started).count();
        const double rate = seconds > 0 ? static_cast<double>(m_bytes_done) / seconds : 0;
        char line[160];
        const double left = rate > 0 ? static_cast<double>(m_total_bytes - m_bytes_done) / rate : 0;
        std::snprintf(line, sizeof line, "\r\033[K%zu/%zu files, %.1f MB/s, %d:%02d left",
                      m_tally->files, m_total_files, rate / 1e6, static_cast<int>(left) / 60,
                      static_cast<int>(left) % 60);
        std::cerr << line << std::flush;
        m_shown = true;
    }

    // Erase the progress line before other output on stderr.
    void clear_progress() {
        if (!m_shown) return;
        std::cerr << "\r\033[K" << std::flush;
        m_shown = false;
    }

    void fail(std::size_t at, FileError error) {
        const std::lock_guard guard(m_tally_lock);
        clear_progress();
        std::cerr << error.message() << "\n";
        ++m_tally->files;
        show_progress(at);
        m_failed.emplace_back(at, std::move(error));
    }

    index::ShardedWriter& m_writer;
    bool m_force;
    int m_commit_every;
    std::vector<std::mutex> m_locks;           // one per shard writer
    std::vector<std::mutex> m_queue_locks;     // one per shard queue
    std::vector<std::deque<Parsed>> m_queues;  // parsed files waiting for their writer
    std::vector<int> m_since_commit;
    std::vector<std::string> m_sources;  // source_identity of each file, computed once
    std::mutex m_tally_lock;
    bool m_progress = false;           // a progress line on stderr
    bool m_shown = false;              // it is on the screen now
    std::vector<std::size_t> m_sizes;  // bytes of each file
    std::size_t m_total_bytes = 0;
    std::size_t m_bytes_done = 0;
    std::size_t m_total_files = 0;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_last_shown;
    Tally* m_tally = nullptr;
    std::vector<std::pair<std::size_t, FileError>> m_failed;
    std::atomic<std::size_t> m_next{0};
    std::atomic<bool> m_stop{false};
    std::exception_ptr m_failure;
};

}  // namespace

int cmd_ingest(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    auto add = options.add_options();
    add("commit-every",
        po::value<std::string>()
            ->default_value(std::to_string(kDefaultCommitEvery))
            ->value_name("N"),
        "commit after this many written files (and at the end; large text volumes commit "
        "earlier)");
    add("report", po::value<std::string>()->value_name("FILE"), "write a JSON report to FILE");
    add("force", "re-ingest files even when unchanged");
    add("quiet,q", "print only errors (and no progress line)");
    add("prune", "remove from the index the files that no longer exist under the folders given");
    add("jobs,j", po::value<std::string>()->default_value("1")->value_name("N"),
        "parse with N threads (a new database gets N shards)");
    add("path", po::value<std::vector<std::string>>(), "files or folders");
    po::positional_options_description positional;
    positional.add("path", -1);
    auto vm = parse_options(args, kUsage, options, positional);
    if (!vm) return kExitOk;
    if (!vm->count("path"))
        throw Error("ingest: give at least one file or folder (see 'referat ingest --help')");
    const std::size_t commit_every = *count_option(*vm, "commit-every", kUsage);
    if (commit_every < 1) throw Error("ingest: --commit-every must be at least 1");
    const bool force = vm->count("force") > 0;
    const std::size_t jobs = *count_option(*vm, "jobs", kUsage);
    if (jobs < 1 || jobs > kMaxJobs) throw Error("ingest: --jobs must be 1 to 64");
    const std::string db = single_database(*vm, kUsage);

    const auto started = std::chrono::steady_clock::now();
    // Throws when another ingest holds a lock. A new database gets one shard per job.
    index::ShardedWriter writer(db, jobs);
    const FileList list = collect_files((*vm)["path"].as<std::vector<std::string>>());
    Tally tally;
    for (const auto& error : list.errors) {
        ++tally.files;
        record_failure(tally, error);
    }
    const bool progress = !vm->count("quiet") && ::isatty(STDERR_FILENO) == 1;
    Batch batch(writer, force, static_cast<int>(commit_every), progress);
    batch.run(list.files, jobs, tally);
    batch.end_progress();
    if (vm->count("prune")) prune(writer, (*vm)["path"].as<std::vector<std::string>>(), tally);
    // The facet store makes searches count facets fast; a database without one stays valid.
    // Search reads it for a database of one shard only; a sharded one gets it from compact.
    if (writer.size() == 1)
        if (const std::string why = writer.shard(0).finish(); !why.empty())
            std::cerr << "referat: warning: " << why
                      << " (searches read the facets from the index instead)\n";
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    if (!vm->count("quiet") || !tally.failed.empty()) {
        std::cout << "ingested " << tally.ingested << " of " << tally.files << " files into " << db
                  << ": " << tally.meetings << " meetings, " << tally.items << " items, "
                  << tally.unchanged << " unchanged, " << tally.deleted << " deleted, "
                  << (vm->count("prune") ? std::to_string(tally.pruned.size()) + " pruned, " : "")
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
