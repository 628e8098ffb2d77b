#include "referat/index/records.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <zstd.h>

#include "referat/index/database.hpp"
#include "referat/index/schema.hpp"

namespace referat::index {

namespace {

// Stored records are small (a few KiB) JSON texts: on its own, a compressor has little of a
// record to learn from. Zstandard primes it with a dictionary trained on the real minutes
// (tools/make-record-dictionary), digested once per process. A packed record is one Zstandard
// frame that names its dictionary's id. NEVER edit a published dictionary: records packed
// with it could no longer be read. A new one gets the next id, and record_json keeps the old.
constexpr unsigned kDictionaryId = 1;
constexpr std::size_t kDictionarySize = 65536;
constexpr std::string_view kDictionary1{
#include "record_dictionary_1.inc"
    , kDictionarySize};
/// Zstandard's level 3 (its default): on the generated benchmark corpus, 0.73 x the space
/// Xapian's zlib took for the plain JSON, at about 20 microseconds per record.
constexpr int kLevel = 3;
constexpr std::string_view kFrameMagic{"\x28\xb5\x2f\xfd", 4};

/// A Zstandard object freed by its own function when the owner goes.
template <auto Free>
struct Freed {
    template <class T>
    void operator()(T* p) const {
        Free(p);
    }
};
template <class T, auto Free>
using Owned = std::unique_ptr<T, Freed<Free>>;

/// The dictionary, digested once per process for packing and for unpacking (null when out of
/// memory).
ZSTD_CDict* pack_dictionary() {
    static const Owned<ZSTD_CDict, ZSTD_freeCDict> digested(
        ZSTD_createCDict(kDictionary1.data(), kDictionary1.size(), kLevel));
    return digested.get();
}
ZSTD_DDict* unpack_dictionary() {
    static const Owned<ZSTD_DDict, ZSTD_freeDDict> digested(
        ZSTD_createDDict(kDictionary1.data(), kDictionary1.size()));
    return digested.get();
}

/// One compression and one decompression context per thread, reused across records.
ZSTD_CCtx* pack_context() {
    thread_local const Owned<ZSTD_CCtx, ZSTD_freeCCtx> mine(ZSTD_createCCtx());
    return mine.get();
}
ZSTD_DCtx* unpack_context() {
    thread_local const Owned<ZSTD_DCtx, ZSTD_freeDCtx> mine(ZSTD_createDCtx());
    return mine.get();
}

/// A record unpacks to at most this much: records are kilobytes (a long item's text a few
/// megabytes), and a damaged frame's declared size is allocated before it is found damaged.
constexpr unsigned long long kMaxRecordBytes = 64ull * 1024 * 1024;

// The counts of one part of the packed facet values (schema::kSlotFacets), most first.
std::vector<FacetCount> facet(const Xapian::ValueCountMatchSpy& spy, schema::FacetField field) {
    std::map<std::string, std::size_t, std::less<>> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string packed = *it;
        const std::string_view value = schema::unpack_facet(packed, field);
        if (!value.empty())
            counts[std::string(value)] += static_cast<std::size_t>(it.get_termfreq());
    }
    std::vector<FacetCount> out;
    for (auto& [value, count] : counts) out.push_back(FacetCount{value, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

}  // namespace

std::string encode_record(std::string_view json) {
    ZSTD_CDict* dictionary = pack_dictionary();
    ZSTD_CCtx* context = pack_context();
    if (dictionary == nullptr || context == nullptr)
        throw Error("cannot pack a record (out of memory)");
    std::string out(ZSTD_compressBound(json.size()), '\0');
    const std::size_t n = ZSTD_compress_usingCDict(context, out.data(), out.size(), json.data(),
                                                   json.size(), dictionary);
    if (ZSTD_isError(n)) throw Error(std::string("cannot pack a record: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string record_json(std::string_view stored) {
    if (stored.empty() || stored.front() == '{') return std::string(stored);  // plain JSON
    if (!stored.starts_with(kFrameMagic))
        throw Error(
            "a stored record is in a form this referat does not know; use the referat "
            "that wrote the database, or re-ingest");
    const unsigned id = ZSTD_getDictID_fromFrame(stored.data(), stored.size());
    if (id != kDictionaryId)
        throw Error("a stored record is packed with dictionary " + std::to_string(id) +
                    ", which this referat does not have; use the referat that wrote the "
                    "database, or re-ingest");
    const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
        size > kMaxRecordBytes)
        throw Error("a stored record is damaged (no valid size); re-ingest its source");
    ZSTD_DDict* dictionary = unpack_dictionary();
    ZSTD_DCtx* context = unpack_context();
    if (dictionary == nullptr || context == nullptr)
        throw Error("cannot unpack a record (out of memory)");
    std::string json(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ZSTD_decompress_usingDDict(context, json.data(), json.size(),
                                                     stored.data(), stored.size(), dictionary);
    if (ZSTD_isError(n) || n != json.size())
        throw Error(std::string("a stored record is damaged (") +
                    (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "shorter than its size") +
                    "); re-ingest its source");
    return json;
}

std::string record_json(const Xapian::Document& doc) { return record_json(doc.get_data()); }

std::optional<json::Value> find_record(Xapian::Database& db, std::string_view id) {
    const std::string term = std::string(schema::kId) + std::string(id);
    return with_reopen(db, [&]() -> std::optional<json::Value> {
        auto it = db.postlist_begin(term);
        if (it == db.postlist_end(term)) return std::nullopt;
        const std::string data = record_json(db.get_document(*it));
        auto parsed = json::parse(data);
        if (!parsed)
            throw Error("record " + std::string(id) + " in the database is not valid JSON (" +
                        parsed.error().reason + "); re-ingest its source");
        return std::move(*parsed);
    });
}

IndexStats collect_stats(Xapian::Database& db) {
    return with_reopen(db, [&]() {
        IndexStats stats;
        const std::string item_term = schema::boolean_term(schema::kTypeTerm, schema::kTypeItem);
        stats.items = db.get_termfreq(item_term);
        stats.meetings =
            db.get_termfreq(schema::boolean_term(schema::kTypeTerm, schema::kTypeMeeting));
        const std::string source_prefix(schema::kSourceTerm);
        for (auto it = db.allterms_begin(source_prefix); it != db.allterms_end(source_prefix); ++it)
            ++stats.sources;
        if (stats.items == 0) return stats;

        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(item_term));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy packed(schema::kSlotFacets);
        enquire.add_matchspy(&packed);
        const auto all = db.get_doccount();
        (void)enquire.get_mset(0, 0, all);

        stats.committees = facet(packed, schema::FacetField::kCommittee);
        stats.layouts = facet(packed, schema::FacetField::kLayout);
        stats.outcomes = facet(packed, schema::FacetField::kOutcome);
        stats.years = facet(packed, schema::FacetField::kYear);
        std::sort(stats.years.begin(), stats.years.end(),
                  [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
        return stats;
    });
}

}  // namespace referat::index
