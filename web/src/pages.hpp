#pragma once
// The routes' handlers: each takes what the URL gave and returns a Reply. server.cpp maps URLs
// to them and turns HttpError into error pages; nothing here knows the HTTP library.

#include <string_view>

#include "html.hpp"
#include "pool.hpp"
#include "reply.hpp"

namespace referat::web {

/// Sentinels put around matched words in snippets, replaced by <mark> after escaping.
inline constexpr std::string_view kMarkStart = "\xee\x80\x80";  // U+E000, private use
inline constexpr std::string_view kMarkEnd = "\xee\x80\x81";    // U+E001, private use

/// / and /search: query box, facets, histogram, hits, paging, export and feed links.
[[nodiscard]] Reply search_page(DatabasePool& pool, const Params& params);
/// /export.csv (Danish spreadsheet settings: ';' and a BOM) and /export.jsonl: every match.
[[nodiscard]] Reply export_page(DatabasePool& pool, const Params& params, bool csv);
/// /feed.atom: the search as an Atom feed, newest in the index first (or by meeting date with
/// sort=-date); links are absolute, made from base_url ("http://host:port").
[[nodiscard]] Reply feed_page(DatabasePool& pool, const Params& params, std::string_view base_url);

/// /item/ID: the whole item with provenance.
[[nodiscard]] Reply item_page(DatabasePool& pool, std::string_view id);
/// /meeting/ID: header, participants, absentees, items.
[[nodiscard]] Reply meeting_page(DatabasePool& pool, std::string_view id);
/// /source/ID: the indexed source file of an item or meeting, found by the document id only.
[[nodiscard]] Reply source_file(DatabasePool& pool, std::string_view id);

/// /person/KEY: the person's timeline with counts and attendance per year.
[[nodiscard]] Reply person_page(DatabasePool& pool, std::string_view key);
/// /persons: everyone with counts.
[[nodiscard]] Reply persons_page(DatabasePool& pool, const Params& params);
/// /appointments: the register, with filters.
[[nodiscard]] Reply appointments_page(DatabasePool& pool, const Params& params);
/// /committees: every committee with its number of items.
[[nodiscard]] Reply committees_page(DatabasePool& pool);
/// /committee/NAME: the committee's meetings by year.
[[nodiscard]] Reply committee_page(DatabasePool& pool, std::string_view name);

/// /api/search: result_to_json, as `referat search --format json`.
[[nodiscard]] Reply api_search(DatabasePool& pool, const Params& params);
/// /api/item/ID and /api/meeting/ID: the stored record, as `referat show --format json`.
[[nodiscard]] Reply api_record(DatabasePool& pool, std::string_view id, std::string_view type);
/// /api/person/KEY: the timeline, as `referat person --format json`.
[[nodiscard]] Reply api_person(DatabasePool& pool, std::string_view key);

}  // namespace referat::web
