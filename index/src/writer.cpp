#include "referat/index/writer.hpp"

#include <chrono>
#include <set>
#include <string>
#include <system_error>
#include <unordered_set>
#include <vector>

#include <unistd.h>
#include <xapian.h>

#include <referat/ingest/error.hpp>
#include <referat/ingest/json.hpp>
#include <referat/ingest/reader.hpp>

#include "document_builder.hpp"
#include "referat/index/columns.hpp"
#include "referat/index/database.hpp"
#include "referat/index/people_terms.hpp"
#include "referat/index/records.hpp"
#include "referat/index/schema.hpp"
#include "storage.hpp"

namespace referat::index {

namespace fs = std::filesystem;

namespace {

std::string path_key(std::string_view source) { return ingest::sha256_hex(source); }

// Microseconds since 1970 (UTC), the unit of schema::kSlotIndexed.
double now_microseconds() {
    using namespace std::chrono;
    return static_cast<double>(
        duration_cast<microseconds>(system_clock::now().time_since_epoch()).count());
}

// Whether two documents hold the same terms with the same frequencies: the same words in the
// same fields, whatever moved around them (positions, offsets, the file's hash).
bool same_terms(const Xapian::Document& a, const Xapian::Document& b) {
    auto i = a.termlist_begin();
    auto j = b.termlist_begin();
    for (; i != a.termlist_end() && j != b.termlist_end(); ++i, ++j)
        if (*i != *j || i.get_wdf() != j.get_wdf()) return false;
    return i == a.termlist_end() && j == b.termlist_end();
}

// Stamp document with the time it enters the index; a replacement with the same words as the
// document it replaces keeps that document's time (an edit elsewhere in the file is not news).
void stamp_indexed(Xapian::WritableDatabase& db, Xapian::Document& document, const std::string& id,
                   bool fresh, const std::string& now) {
    if (!fresh) {
        const std::string id_term = std::string(schema::kId) + id;
        if (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term)) {
            const Xapian::Document old = db.get_document(*it);
            if (std::string kept = old.get_value(schema::kSlotIndexed);
                !kept.empty() && same_terms(old, document)) {
                document.add_value(schema::kSlotIndexed, kept);
                return;
            }
        }
    }
    document.add_value(schema::kSlotIndexed, now);
}

}  // namespace

std::string meeting_id(std::string_view source, std::size_t meeting_index) {
    // Twelve hex digits of the path hash keep ids short and, for any realistic archive, unique.
    return path_key(source).substr(0, 12) + "-m" + std::to_string(meeting_index + 1);
}

std::string item_id(std::string_view source, std::size_t meeting_index, int number) {
    return meeting_id(source, meeting_index) + "-i" + std::to_string(number);
}

struct Writer::Impl {
    std::string path;
    Xapian::WritableDatabase db;
    detail::DocumentBuilder builder;
    std::size_t uncommitted_bytes = 0;
    /// The facet store's name is cleared in the first transaction that changes documents; set
    /// again by finish().
    bool columns_cleared = false;
    /// Whether this writer changed any document (finish() then writes a new facet store).
    bool changed = false;

    /// Inside a transaction that changes documents: the facet store no longer describes them.
    void clear_columns() {
        if (!columns_cleared) invalidate_columns(db);
    }
    /// After that transaction committed.
    void cleared() {
        columns_cleared = true;
        changed = true;
    }
};

namespace {

// A new database is built in a hidden sibling folder and renamed into place, so a kill during
// creation never leaves a half-written database (an unreadable revision file) at the path.
void create_atomically(const fs::path& db) {
    fs::path target = db.lexically_normal();
    if (!target.has_filename()) target = target.parent_path();
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string hidden = target.filename().string();
    hidden.insert(hidden.begin(), '.');
    hidden += ".creating-";
    hidden += std::to_string(::getpid());
    const fs::path tmp = parent / hidden;
    std::error_code ec;
    fs::remove_all(tmp, ec);
    {
        Xapian::WritableDatabase fresh(tmp.string(), Xapian::DB_CREATE);
        fresh.set_metadata(std::string(schema::kMetaSchemaVersion),
                           std::to_string(schema::kSchemaVersion));
        fresh.commit();
    }
    fs::rename(tmp, target, ec);      // replaces an empty folder too
    if (ec) fs::remove_all(tmp, ec);  // another ingest created it first: use that one
}

}  // namespace

Writer::Writer(const fs::path& db) : m_impl(std::make_unique<Impl>()) {
    m_impl->path = db.string();
    std::error_code ec;
    if (fs::exists(db, ec)) {
        if (!fs::is_directory(db, ec))
            throw Error(m_impl->path + " exists and is not a database folder");
        if (!fs::is_empty(db, ec) && !detail::looks_like_database(db, /*being_created=*/true))
            throw Error(m_impl->path +
                        " is a folder but not a referat database; give another --db");
        // A read-only compacted database (referat compact --read-only) has documents but no
        // termlist, without which Xapian cannot replace or delete them. (A new database has
        // neither table yet: Xapian creates them with the first document.)
        if (fs::exists(db / "docdata.glass", ec) && !fs::exists(db / "termlist.glass", ec))
            throw Error(m_impl->path +
                        " is a read-only compacted database; ingest into a new database and "
                        "compact again");
    } else if (db.has_parent_path()) {
        fs::create_directories(db.parent_path(), ec);
        if (ec) throw Error("cannot create " + db.parent_path().string() + ": " + ec.message());
    }
    try {
        if (!fs::exists(db, ec) || (fs::is_directory(db, ec) && fs::is_empty(db, ec)))
            create_atomically(db);
        m_impl->db = Xapian::WritableDatabase(m_impl->path, Xapian::DB_CREATE_OR_OPEN);
        detail::check_schema_version(m_impl->db, m_impl->path);
        // An older version it reads is upgraded: what this ingest writes needs this version
        // to be read (an older referat then refuses the database instead of misreading it).
        const std::string key(schema::kMetaSchemaVersion);
        if (m_impl->db.get_metadata(key) != std::to_string(schema::kSchemaVersion))
            m_impl->db.set_metadata(key, std::to_string(schema::kSchemaVersion));
    } catch (const Xapian::DatabaseLockError&) {
        throw Error("database is locked by another ingest (" + m_impl->path + ")");
    } catch (const Xapian::Error& e) {
        throw translate_error(e, "cannot open database " + m_impl->path + " for writing");
    }
}

// The destructor of WritableDatabase commits what is pending; every add_document is a
// complete unit (see the transaction below), so that commit never holds half a file.
Writer::~Writer() = default;

WriteStats Writer::add_document(const ingest::Document& doc) {
    WriteStats stats;
    auto& db = m_impl->db;
    const std::string key = path_key(doc.source);
    detail::Provenance from;
    from.document = &doc;
    from.source_term = std::string(schema::kSourceTerm) + key;
    // Every document is built before the database is touched. Building runs on untrusted text;
    // whatever it throws then leaves the database as it was, including the pending changes of
    // earlier files (cancelling a Xapian transaction would discard those as well).
    std::vector<std::pair<std::string, Xapian::Document>> documents;
    try {
        for (std::size_t m = 0; m < doc.meetings.size(); ++m) {
            const auto& meeting = doc.meetings[m];
            from.meeting_index = m;
            from.meeting_id = meeting_id(doc.source, m);
            from.people = meeting_person_index(meeting);
            std::vector<std::string> ids;
            std::set<std::string> used;
            for (const auto& item : meeting.items) {
                // A number repeated inside one meeting gets a suffix to stay unique.
                std::string id = item_id(doc.source, m, item.number);
                for (int n = 2; !used.insert(id).second; ++n)
                    id = item_id(doc.source, m, item.number) + "-" + std::to_string(n);
                documents.emplace_back(id, m_impl->builder.item_document(from, meeting, item, id));
                ids.push_back(std::move(id));
                ++stats.items;
            }
            documents.emplace_back(from.meeting_id,
                                   m_impl->builder.meeting_document(from, meeting, ids));
            ++stats.meetings;
        }
    } catch (const Xapian::Error& e) {
        (void)m_impl->builder.take_text_bytes();
        throw translate_error(e, "cannot index " + doc.source);
    } catch (const std::exception& e) {
        (void)m_impl->builder.take_text_bytes();
        throw Error("cannot index " + doc.source + ": " + e.what());
    }
    try {
        std::vector<Xapian::docid> previous;
        for (auto it = db.postlist_begin(from.source_term); it != db.postlist_end(from.source_term);
             ++it)
            previous.push_back(*it);

        // Ids derive from the source path, so a source without documents has none of its ids in
        // the index: its documents are added, without the id lookup a replacement costs.
        const bool fresh = previous.empty();
        // One file is all or nothing: cancelled on any error, never committed half-way.
        db.begin_transaction(false);
        try {
            std::unordered_set<Xapian::docid> kept;
            const std::string now = Xapian::sortable_serialise(now_microseconds());
            for (auto& [id, document] : documents) {
                stamp_indexed(db, document, id, fresh, now);
                kept.insert(fresh ? db.add_document(document)
                                  : db.replace_document(std::string(schema::kId) + id, document));
            }
            for (auto docid : previous) {
                if (kept.count(docid)) continue;
                db.delete_document(docid);
                ++stats.deleted;
            }
            db.set_metadata(std::string(schema::kMetaSourcePrefix) + key,
                            doc.sha256 + '\n' + doc.source);
            m_impl->clear_columns();
            db.commit_transaction();
            m_impl->cleared();
        } catch (...) {
            db.cancel_transaction();
            throw;
        }
    } catch (const Xapian::Error& e) {
        m_impl->uncommitted_bytes = 0;
        const Error error =
            translate_error(e, "cannot index " + doc.source + " into " + m_impl->path);
        throw WriteAborted(std::string(error.what()) +
                           "; the changes since the last commit were discarded, rerun the ingest");
    }
    m_impl->uncommitted_bytes += m_impl->builder.take_text_bytes();
    if (m_impl->uncommitted_bytes >= kCommitTextBytes) commit();
    return stats;
}

std::vector<std::string> Writer::sources() const {
    std::vector<std::string> out;
    try {
        auto& db = m_impl->db;
        const std::string prefix(schema::kMetaSourcePrefix);
        for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix);
             ++key) {
            const std::string value = db.get_metadata(*key);
            if (value.empty()) continue;  // removed
            // The path as the bytes given to add_document, after the file's hash.
            if (const auto newline = value.find('\n'); newline != std::string::npos) {
                out.push_back(value.substr(newline + 1));
                continue;
            }
            // A database written before paths were kept in the metadata: the record's path,
            // which equals the bytes given whenever they were UTF-8.
            const std::string term =
                std::string(schema::kSourceTerm) + (*key).substr(prefix.size());
            auto it = db.postlist_begin(term);
            if (it == db.postlist_end(term)) continue;
            const auto record = json::parse(record_json(db.get_document(*it)));
            if (record && (*record)["source"].is_string())
                out.push_back((*record)["source"].as_string());
        }
    } catch (const Xapian::Error& e) {
        throw translate_error(e, "cannot read database " + m_impl->path);
    }
    return out;
}

std::size_t Writer::remove_source(std::string_view source) {
    auto& db = m_impl->db;
    const std::string key = path_key(source);
    const std::string term = std::string(schema::kSourceTerm) + key;
    std::size_t deleted = 0;
    try {
        db.begin_transaction(false);
        try {
            std::vector<Xapian::docid> ids;
            for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
                ids.push_back(*it);
            for (auto id : ids) db.delete_document(id);
            deleted = ids.size();
            db.set_metadata(std::string(schema::kMetaSourcePrefix) + key, "");
            m_impl->clear_columns();
            db.commit_transaction();
            m_impl->cleared();
        } catch (...) {
            db.cancel_transaction();
            throw;
        }
    } catch (const Xapian::Error& e) {
        const Error error = translate_error(e, "cannot remove " + std::string(source));
        throw WriteAborted(std::string(error.what()) + "; rerun the ingest");
    }
    return deleted;
}

std::optional<std::string> Writer::indexed_hash(std::string_view source) const {
    try {
        std::string hash =
            m_impl->db.get_metadata(std::string(schema::kMetaSourcePrefix) + path_key(source));
        if (hash.empty()) return std::nullopt;
        if (const auto newline = hash.find('\n'); newline != std::string::npos)
            hash.resize(newline);
        return hash;
    } catch (const Xapian::Error& e) {
        throw translate_error(e, "cannot read database " + m_impl->path);
    }
}

void Writer::commit() {
    try {
        m_impl->db.commit();
        m_impl->uncommitted_bytes = 0;
    } catch (const Xapian::Error& e) {
        throw WriteAborted(translate_error(e, "cannot commit to database " + m_impl->path).what());
    }
}

std::string Writer::finish() {
    commit();
    try {
        // Nothing changed and the store is there: it still describes every document.
        if (!m_impl->changed && columns_present(m_impl->db, m_impl->path)) return {};
        write_columns(m_impl->db, m_impl->path);
        m_impl->columns_cleared = false;
        m_impl->changed = false;
        return {};
    } catch (const Error& e) {
        return e.what();
    } catch (const Xapian::Error& e) {
        return translate_error(e, "cannot write the facet store of " + m_impl->path).what();
    }
}

}  // namespace referat::index
