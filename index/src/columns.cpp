#include "referat/index/columns.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <referat/ingest/error.hpp>
#include <referat/ingest/reader.hpp>

#include "referat/index/database.hpp"
#include "referat/index/schema.hpp"
#include "storage.hpp"

namespace referat::index {

namespace fs = std::filesystem;

namespace {

// File layout, in native 32-bit words (the store is rebuilt, never moved between machines):
//   "RFCOLS01", token length, token (padded to 4 bytes), last docid, number of groups,
//   per column: number of values, blob bytes, number of codes;
//   per column: value ends [values], code starts [last + 2], codes [codes], blob (padded);
//   groups [last + 1].
constexpr char kMagic[8] = {'R', 'F', 'C', 'O', 'L', 'S', '0', '1'};
constexpr std::string_view kFilePrefix = "referat-columns-";
constexpr std::string_view kFileSuffix = ".bin";

std::string file_name(std::string_view token) {
    return std::string(kFilePrefix) + std::string(token) + std::string(kFileSuffix);
}

// Tokens are written by write_columns as hex; anything else in the metadata is not ours.
bool valid_token(std::string_view token) {
    if (token.empty() || token.size() > 32) return false;
    for (const char c : token)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::size_t padded(std::size_t bytes) { return (bytes + 3) / 4 * 4; }

}  // namespace

// --- Reading ---

namespace {

struct ColumnView {
    std::uint32_t values = 0;
    std::uint32_t blob_bytes = 0;
    std::uint32_t code_count = 0;
    const std::uint32_t* value_ends = nullptr;
    const std::uint32_t* starts = nullptr;
    const std::uint32_t* codes = nullptr;
    const char* blob = nullptr;
};

}  // namespace

struct Columns::Impl {
    void* map = MAP_FAILED;
    std::size_t size = 0;
    Xapian::docid last = 0;
    std::uint32_t groups = 0;
    std::array<ColumnView, kColumnCount> columns;
    const std::uint32_t* group = nullptr;

    ~Impl() {
        if (map != MAP_FAILED) ::munmap(map, size);
    }
};

Columns::Columns(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Columns::~Columns() = default;

namespace {

// Reads the file's words in order, refusing to run past its end.
class Cursor {
  public:
    Cursor(const char* data, std::size_t size) : m_data(data), m_size(size) {}
    bool word(std::uint32_t& out) {
        if (m_size - m_at < 4) return false;
        std::memcpy(&out, m_data + m_at, 4);
        m_at += 4;
        return true;
    }
    // n words (or bytes, padded) in place; nullptr when the file is shorter.
    const std::uint32_t* words(std::uint64_t n) {
        if (n > (m_size - m_at) / 4) return nullptr;
        const auto* out = reinterpret_cast<const std::uint32_t*>(m_data + m_at);
        m_at += static_cast<std::size_t>(n) * 4;
        return out;
    }
    const char* bytes(std::uint64_t n) {
        const std::uint64_t whole = padded(static_cast<std::size_t>(n));
        if (n > m_size || whole > m_size - m_at) return nullptr;
        const char* out = m_data + m_at;
        m_at += static_cast<std::size_t>(whole);
        return out;
    }
    [[nodiscard]] bool at_end() const { return m_at == m_size; }

  private:
    const char* m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

}  // namespace

std::shared_ptr<const Columns> Columns::load(const fs::path& file, std::string_view token) {
    auto impl = std::make_unique<Impl>();
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size < 16 || (st.st_size % 4) != 0) {
        ::close(fd);
        return nullptr;
    }
    impl->size = static_cast<std::size_t>(st.st_size);
    impl->map = ::mmap(nullptr, impl->size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (impl->map == MAP_FAILED) return nullptr;

    const char* data = static_cast<const char*>(impl->map);
    if (std::memcmp(data, kMagic, sizeof kMagic) != 0) return nullptr;
    Cursor in(data + sizeof kMagic, impl->size - sizeof kMagic);
    std::uint32_t token_length = 0;
    if (!in.word(token_length) || token_length != token.size()) return nullptr;
    const char* stored_token = in.bytes(token_length);
    if (!stored_token || std::string_view(stored_token, token_length) != token) return nullptr;
    std::uint32_t last = 0;
    if (!in.word(last) || !in.word(impl->groups) || last == 0xffffffffu) return nullptr;
    impl->last = last;
    for (auto& c : impl->columns)
        if (!in.word(c.values) || !in.word(c.blob_bytes) || !in.word(c.code_count)) return nullptr;
    for (auto& c : impl->columns) {
        c.value_ends = in.words(c.values);
        c.starts = in.words(std::uint64_t{last} + 2);
        c.codes = in.words(c.code_count);
        c.blob = in.bytes(c.blob_bytes);
        if (!c.value_ends || !c.starts || !c.codes || !c.blob) return nullptr;
    }
    impl->group = in.words(std::uint64_t{last} + 1);
    if (!impl->group || !in.at_end()) return nullptr;
    return std::shared_ptr<const Columns>(new Columns(std::move(impl)));
}

Xapian::docid Columns::last_docid() const { return m_impl->last; }

std::span<const std::uint32_t> Columns::codes(Column c, Xapian::docid did) const {
    if (did == 0 || did > m_impl->last) return {};
    const ColumnView& v = m_impl->columns[static_cast<unsigned>(c)];
    const std::uint32_t begin = v.starts[did];
    const std::uint32_t end = v.starts[did + 1];
    // A damaged file gives no values rather than reads outside it.
    if (begin > end || end > v.code_count) return {};
    return {v.codes + begin, end - begin};
}

std::uint32_t Columns::values(Column c) const {
    return m_impl->columns[static_cast<unsigned>(c)].values;
}

std::string_view Columns::value(Column c, std::uint32_t code) const {
    const ColumnView& v = m_impl->columns[static_cast<unsigned>(c)];
    if (code == 0 || code > v.values) return {};
    const std::uint32_t begin = code == 1 ? 0 : v.value_ends[code - 2];
    const std::uint32_t end = v.value_ends[code - 1];
    if (begin > end || end > v.blob_bytes) return {};
    return {v.blob + begin, end - begin};
}

std::uint32_t Columns::group(Xapian::docid did) const {
    if (did == 0 || did > m_impl->last) return 0;
    const std::uint32_t g = m_impl->group[did];
    return g <= m_impl->groups ? g : 0;
}

std::uint32_t Columns::groups() const { return m_impl->groups; }

// --- Building ---

namespace {

class Sink;

/// One column while it is built: the distinct values and every document's codes.
class ColumnBuilder {
  public:
    explicit ColumnBuilder(Xapian::docid last) : m_starts(std::size_t{last} + 2, 0) {}

    /// Start document did's codes (documents come in ascending order).
    void begin(Xapian::docid did) { fill(did); }
    void add(std::string_view value) {
        if (value.empty()) return;
        auto [it, fresh] = m_codes_of.try_emplace(std::string(value),
                                                  static_cast<std::uint32_t>(m_values.size() + 1));
        if (fresh) m_values.push_back(&it->first);
        m_codes.push_back(it->second);
    }
    /// Close the last document.
    void finish() { fill(static_cast<Xapian::docid>(m_starts.size() - 1)); }

    void write_header(Sink& out) const;
    void write_body(Sink& out) const;

  private:
    // Every document up to did starts where the codes end now.
    void fill(Xapian::docid did) {
        while (m_filled < did) m_starts[++m_filled] = static_cast<std::uint32_t>(m_codes.size());
    }

    std::unordered_map<std::string, std::uint32_t> m_codes_of;
    std::vector<const std::string*> m_values;
    std::vector<std::uint32_t> m_starts;
    std::vector<std::uint32_t> m_codes;
    Xapian::docid m_filled = 0;
};

/// The store file while it is written: buffered writes to a file descriptor, made durable by
/// finish() before the metadata names the file. Written as it is built, so writing the store of
/// a million documents never holds a second copy of it in memory.
class Sink {
  public:
    explicit Sink(const fs::path& path)
        : m_path(path), m_fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) {
        if (m_fd < 0) fail();
        m_buffer.reserve(kBuffer);
    }
    Sink(const Sink&) = delete;
    Sink& operator=(const Sink&) = delete;
    ~Sink() {
        if (m_fd >= 0) ::close(m_fd);
    }

    void put(std::uint32_t word) { bytes({reinterpret_cast<const char*>(&word), 4}); }
    void words(const std::vector<std::uint32_t>& words) {
        bytes({reinterpret_cast<const char*>(words.data()), words.size() * 4});
    }
    /// bytes, then zeros up to the next 4-byte boundary.
    void padded_bytes(std::string_view data) {
        bytes(data);
        static constexpr char kZeros[4] = {};
        bytes({kZeros, padded(data.size()) - data.size()});
    }
    void bytes(std::string_view data) {
        if (m_buffer.size() + data.size() > kBuffer) flush();
        if (data.size() >= kBuffer) return write(data);
        m_buffer.append(data);
    }
    /// Write what is buffered and fsync; throws referat::Error naming the file.
    void finish() {
        flush();
        const int fd = std::exchange(m_fd, -1);
        if (::fsync(fd) != 0) {
            ::close(fd);
            fail();
        }
        if (::close(fd) != 0) fail();
    }

  private:
    static constexpr std::size_t kBuffer = 1u << 20;

    void flush() {
        write(m_buffer);
        m_buffer.clear();
    }
    void write(std::string_view data) {
        while (!data.empty()) {
            const ssize_t n = ::write(m_fd, data.data(), data.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                fail();
            }
            data.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    [[noreturn]] void fail() const {
        throw Error("cannot write " + m_path.string() + ": " + std::strerror(errno));
    }

    fs::path m_path;
    int m_fd = -1;
    std::string m_buffer;
};

std::uint32_t blob_size(const std::vector<const std::string*>& values) {
    std::size_t bytes = 0;
    for (const auto* v : values) bytes += v->size();
    if (bytes > 0xffffffffu) throw Error("facet store: too many facet values");
    return static_cast<std::uint32_t>(bytes);
}

void ColumnBuilder::write_header(Sink& out) const {
    out.put(static_cast<std::uint32_t>(m_values.size()));
    out.put(blob_size(m_values));
    out.put(static_cast<std::uint32_t>(m_codes.size()));
}

void ColumnBuilder::write_body(Sink& out) const {
    std::vector<std::uint32_t> ends;
    std::string blob;
    ends.reserve(m_values.size());
    for (const auto* v : m_values) {
        blob += *v;
        ends.push_back(static_cast<std::uint32_t>(blob.size()));
    }
    out.words(ends);
    out.words(m_starts);
    out.words(m_codes);
    out.padded_bytes(blob);
}

/// A same-item key as 128 bits: keys are 32 hex digits (schema::same_item_key), read as they
/// are; any other value is hashed with SHA-256 first, so no two keys share a number.
std::pair<std::uint64_t, std::uint64_t> key_bits(std::string_view key) {
    std::string hex;
    const bool plain = key.size() == 32 && std::all_of(key.begin(), key.end(), [](char c) {
                           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                       });
    if (!plain) hex = ingest::sha256_hex(key).substr(0, 32);
    const std::string_view digits = plain ? key : std::string_view(hex);
    auto half = [&](std::size_t from) {
        std::uint64_t bits = 0;
        for (std::size_t i = from; i < from + 16; ++i)
            bits = (bits << 4) | static_cast<std::uint64_t>(
                                     digits[i] <= '9' ? digits[i] - '0' : digits[i] - 'a' + 10);
        return bits;
    };
    return {half(0), half(16)};
}

/// Same-item groups: a number 1..groups for each key more than one document carries, numbered
/// in the order of each group's first document; 0 for every other document. Keys are held as
/// 128-bit numbers in one sorted array (24 bytes a document), not as strings in a hash map.
std::pair<std::vector<std::uint32_t>, std::uint32_t> same_item_groups(const Xapian::Database& db,
                                                                      Xapian::docid last) {
    struct Keyed {
        std::uint64_t high;
        std::uint64_t low;
        Xapian::docid did;
        auto operator<=>(const Keyed&) const = default;
    };
    std::vector<Keyed> keyed;
    for (auto v = db.valuestream_begin(schema::kSlotSameItem);
         v != db.valuestream_end(schema::kSlotSameItem); ++v) {
        const std::string key = *v;
        if (key.empty()) continue;
        const auto [high, low] = key_bits(key);
        keyed.push_back({high, low, v.get_docid()});
    }
    std::sort(keyed.begin(), keyed.end());
    // Runs of one key, as (first document, start, end) in keyed.
    std::vector<std::array<std::size_t, 3>> runs;
    for (std::size_t i = 0; i < keyed.size();) {
        std::size_t j = i + 1;
        while (j < keyed.size() && keyed[j].high == keyed[i].high && keyed[j].low == keyed[i].low)
            ++j;
        if (j - i > 1) runs.push_back({keyed[i].did, i, j});
        i = j;
    }
    std::sort(runs.begin(), runs.end());
    std::vector<std::uint32_t> group(std::size_t{last} + 1, 0);
    std::uint32_t groups = 0;
    for (const auto& [first, from, to] : runs) {
        ++groups;
        for (std::size_t i = from; i < to; ++i) group[keyed[i].did] = groups;
    }
    return {std::move(group), groups};
}

void build(const Xapian::Database& db, std::string_view token, Sink& out) {
    const Xapian::docid last = db.get_lastdocid();
    std::vector<ColumnBuilder> columns;
    columns.reserve(kColumnCount);
    for (unsigned c = 0; c < kColumnCount; ++c) columns.emplace_back(last);

    using schema::FacetField;
    constexpr FacetField kPacked[] = {FacetField::kCommittee, FacetField::kYear,
                                      FacetField::kOutcome, FacetField::kLayout, FacetField::kKind};
    for (auto v = db.valuestream_begin(schema::kSlotFacets);
         v != db.valuestream_end(schema::kSlotFacets); ++v) {
        const std::string packed = *v;
        for (unsigned c = 0; c < std::size(kPacked); ++c) {
            columns[c].begin(v.get_docid());
            columns[c].add(schema::unpack_facet(packed, kPacked[c]));
        }
    }
    const std::pair<Column, unsigned> kJoined[] = {
        {Column::kPersons, schema::kSlotPersons},
        {Column::kMunicipalities, schema::kSlotMunicipalities}};
    for (const auto& [column, slot] : kJoined) {
        auto& builder = columns[static_cast<unsigned>(column)];
        for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
            builder.begin(v.get_docid());
            schema::for_each_joined(*v, [&](std::string_view value) { builder.add(value); });
        }
    }
    for (auto& c : columns) c.finish();

    const auto [group, groups] = same_item_groups(db, last);

    out.bytes({kMagic, sizeof kMagic});
    out.put(static_cast<std::uint32_t>(token.size()));
    out.padded_bytes(token);
    out.put(last);
    out.put(groups);
    for (const auto& c : columns) c.write_header(out);
    for (const auto& c : columns) c.write_body(out);
    out.words(group);
}

std::string new_token() {
    std::random_device random;
    std::uint64_t bits = (static_cast<std::uint64_t>(random()) << 32) ^ random();
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token(16, '0');
    for (auto& c : token) {
        c = kHex[bits & 15];
        bits >>= 4;
    }
    return token;
}

}  // namespace

void write_columns(Xapian::WritableDatabase& db, const fs::path& dir) {
    const std::string token = new_token();
    const fs::path file = dir / file_name(token);
    const fs::path tmp = dir / (file_name(token) + ".tmp");
    try {
        {
            Sink out(tmp);
            build(db, token, out);
            out.finish();
        }
        std::error_code ec;
        fs::rename(tmp, file, ec);
        if (ec) throw Error("cannot write " + file.string() + ": " + ec.message());
        db.set_metadata(std::string(schema::kMetaColumns), token);
        db.commit();
    } catch (const Xapian::Error& e) {
        std::error_code ec;
        fs::remove(tmp, ec);
        fs::remove(file, ec);
        throw translate_error(e, "cannot write the facet store of " + dir.string());
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        fs::remove(file, ec);
        throw;
    }
    // Readers still on an older revision fall back to the value slots once its file is gone.
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name != file.filename().string() && name.starts_with(kFilePrefix))
            fs::remove(entry.path(), ec);
    }
}

bool columns_present(const Xapian::Database& db, const fs::path& dir) {
    const std::string token = db.get_metadata(std::string(schema::kMetaColumns));
    std::error_code ec;
    return valid_token(token) && fs::is_regular_file(dir / file_name(token), ec);
}

void invalidate_columns(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(schema::kMetaColumns), "");
}

// --- Finding a database's store ---

namespace {

struct Registry {
    std::mutex lock;
    std::unordered_map<std::string, std::vector<fs::path>> dirs;  // uuid -> folders
    struct Loaded {
        std::string token;
        std::shared_ptr<const Columns> columns;
    };
    std::map<fs::path, Loaded> loaded;  // folder -> its store in use
};

Registry& registry() {
    static Registry r;
    return r;
}

}  // namespace

void remember_location(const Xapian::Database& db, const fs::path& dir) {
    std::string uuid;
    try {
        if (db.size() != 1) return;
        uuid = db.get_uuid();
    } catch (const Xapian::Error&) {
        return;
    }
    if (uuid.empty()) return;
    auto& r = registry();
    const std::scoped_lock hold(r.lock);
    auto& dirs = r.dirs[uuid];
    if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
}

namespace detail {

std::vector<fs::path> remembered_locations(const std::string& uuid) {
    auto& r = registry();
    const std::scoped_lock hold(r.lock);
    const auto dirs = r.dirs.find(uuid);
    return dirs == r.dirs.end() ? std::vector<fs::path>{} : dirs->second;
}

}  // namespace detail

std::shared_ptr<const Columns> columns_for(const Xapian::Database& db) {
    if (db.size() != 1) return nullptr;
    std::string uuid;
    try {
        uuid = db.get_uuid();
    } catch (const Xapian::UnimplementedError&) {
        return nullptr;
    }
    const std::string token = db.get_metadata(std::string(schema::kMetaColumns));
    if (!valid_token(token)) return nullptr;
    const Xapian::docid last = db.get_lastdocid();
    auto& r = registry();
    const std::scoped_lock hold(r.lock);
    const auto dirs = r.dirs.find(uuid);
    if (dirs == r.dirs.end()) return nullptr;
    for (const auto& dir : dirs->second) {
        auto& slot = r.loaded[dir];
        if (slot.token != token || !slot.columns) {
            slot = {token, Columns::load(dir / file_name(token), token)};
        }
        if (slot.columns && slot.columns->last_docid() == last) return slot.columns;
    }
    return nullptr;
}

}  // namespace referat::index
