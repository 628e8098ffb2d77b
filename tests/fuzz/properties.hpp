#pragma once
// What the query and CSV fuzz targets check, shared with the test suite that replays their
// corpora (tests/fuzz/corpus/TARGET/), so a replayed input is held to the same property.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <referat/ingest/error.hpp>
#include <referat/query/csv.hpp>
#include <referat/query/search.hpp>

#include "../unit/query/schema_check.hpp"

namespace referat::fuzz {

/// Any query text either searches (with facets and snippets, at most the limit of hits) or is
/// refused as an invalid query (referat::Error, exit status 2, "invalid query: ..."); any other
/// exception escapes to the caller.
inline bool query_searches_or_is_refused(Xapian::Database& db, std::string_view text) {
    query::SearchRequest request;
    request.text = std::string(text);
    request.limit = 5;
    request.facets = {"committee", "year", "person"};
    try {
        return query::search(db, request).hits.size() <= request.limit;
    } catch (const Error& e) {
        return e.exit_code() == 2 && std::string_view(e.what()).starts_with("invalid query: ");
    }
}

namespace detail {

inline std::vector<std::string> split(std::string_view text, char at) {
    std::vector<std::string> parts(1);
    for (char c : text) {
        if (c == at)
            parts.emplace_back();
        else
            parts.back() += c;
    }
    return parts;
}

inline bool looks_like_formula(std::string_view field) {
    return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

}  // namespace detail

/// The CSV writer on rows taken from bytes: the first byte picks the separator and spreadsheet
/// mode, the rest is rows split at 0x1E and fields at 0x1F. What the writer produces must read
/// back through a strict RFC 4180 reader as exactly those rows: every field as it was, or
/// behind one apostrophe where spreadsheet mode guards a formula.
inline bool csv_reads_back(std::string_view bytes) {
    if (bytes.empty()) return true;
    query::CsvOptions options;
    options.separator = ",;\t"[static_cast<unsigned char>(bytes[0]) % 3];
    options.spreadsheet = (static_cast<unsigned char>(bytes[0]) & 4) != 0;
    const std::string_view body = bytes.substr(1);

    std::vector<std::vector<std::string>> rows;
    std::string text(query::csv_start(options));
    if (!body.empty()) {
        for (const auto& line : detail::split(body, '\x1e')) {
            rows.push_back(detail::split(line, '\x1f'));
            text += query::csv_line(rows.back(), options);
        }
    }
    if (options.spreadsheet) {
        if (!text.starts_with("\xEF\xBB\xBF")) return false;
        text.erase(0, 3);
    }
    std::vector<std::vector<std::string>> back;
    try {
        back = query::testing::read_csv(text, options.separator);
    } catch (const std::runtime_error&) {
        return false;  // not RFC 4180
    }
    if (back.size() != rows.size()) return false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (back[r].size() != rows[r].size()) return false;
        for (std::size_t f = 0; f < rows[r].size(); ++f) {
            const std::string& want = rows[r][f];
            const bool guarded = options.spreadsheet && detail::looks_like_formula(want);
            if (back[r][f] != (guarded ? "'" + want : want)) return false;
        }
    }
    return true;
}

}  // namespace referat::fuzz
