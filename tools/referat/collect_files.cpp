#include "collect_files.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include <sys/stat.h>

#include <referat/ingest/utf8.hpp>

namespace referat::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMinutesExtensions[] = {".txt", ".text",  ".pdf",  ".html",
                                                   ".htm", ".xhtml", ".docx", ".xml"};

using FileKey = std::pair<dev_t, ino_t>;

class Collector {
  public:
    explicit Collector(FileList& out) : m_out(out) {}

    void add_argument(const std::string& arg) {
        const fs::path path(arg);
        std::error_code ec;
        auto link = fs::symlink_status(path, ec);
        if (ec || !fs::exists(link)) return fail(arg, "no such file or directory");
        add_entry(path, /*explicit_file=*/true);
    }

  private:
    void fail(const std::string& path, std::string reason) {
        m_out.errors.push_back(FileError{path, std::move(reason)});
    }

    void add_entry(const fs::path& path, bool explicit_file) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            std::error_code ec;
            if (fs::is_symlink(fs::symlink_status(path, ec)))
                return fail(path.string(), "broken symbolic link");
            return fail(
                path.string(),
                "cannot read: " + std::error_code(errno, std::generic_category()).message());
        }
        if (S_ISDIR(st.st_mode)) {
            if (!explicit_file && leads_above_itself(path))
                return fail(path.string(), "symbolic link loop (leads back to a folder above it)");
            return walk(path, FileKey{st.st_dev, st.st_ino});
        }
        if (!S_ISREG(st.st_mode)) return fail(path.string(), "not a regular file");
        if (!explicit_file && !has_minutes_extension(path)) {
            ++m_out.ignored;
            return;
        }
        if (m_seen_files.insert(FileKey{st.st_dev, st.st_ino}).second) m_out.files.push_back(path);
    }

    static bool is_database_folder(const fs::path& dir) {
        std::error_code ec;
        for (const char* marker : {"iamglass", "iamchert", "iamhoney", "flintlock"})
            if (fs::exists(dir / marker, ec)) return true;
        return false;
    }

    // A link to a folder that contains the link itself would be walked forever.
    static bool leads_above_itself(const fs::path& path) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(path, ec))) return false;
        const auto target = fs::canonical(path, ec);
        if (ec) return false;
        const auto here = fs::canonical(path.parent_path().empty() ? "." : path.parent_path(), ec);
        if (ec) return false;
        auto [t, h] = std::mismatch(target.begin(), target.end(), here.begin(), here.end());
        return t == target.end();
    }

    void walk(const fs::path& dir, FileKey key) {
        if (std::find(m_ancestors.begin(), m_ancestors.end(), key) != m_ancestors.end())
            return fail(dir.string(), "symbolic link loop (leads back to a folder above it)");
        if (!m_seen_dirs.insert(key).second) return;  // reached before by another link
        if (is_database_folder(dir)) return;          // e.g. ./referat.db inside the archive
        std::error_code ec;
        std::vector<fs::path> entries;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            entries.push_back(it->path());
        if (ec) return fail(dir.string(), "cannot read folder: " + ec.message());
        std::sort(entries.begin(), entries.end());
        m_ancestors.push_back(key);
        for (const auto& entry : entries) {
            if (entry.filename().string().starts_with('.')) continue;  // hidden
            add_entry(entry, /*explicit_file=*/false);
        }
        m_ancestors.pop_back();
    }

    FileList& m_out;
    std::vector<FileKey> m_ancestors;
    std::set<FileKey> m_seen_dirs;
    std::set<FileKey> m_seen_files;
};

}  // namespace

bool has_minutes_extension(const fs::path& file) {
    const std::string ext = utf8::ascii_lower(file.extension().string());
    return std::find(std::begin(kMinutesExtensions), std::end(kMinutesExtensions), ext) !=
           std::end(kMinutesExtensions);
}

FileList collect_files(const std::vector<std::string>& paths) {
    FileList out;
    Collector collector(out);
    for (const auto& path : paths) collector.add_argument(path);
    return out;
}

}  // namespace referat::cli
