#pragma once
// Search results as an Atom 1.0 feed (RFC 4287), for feed readers following a search or a
// saved search. Written through libxml2's xmlTextWriter, so the XML is well formed and escaped.

#include <string>

#include <referat/query/search.hpp>

namespace referat::query {

/// What a feed says about itself. Only title and id are required.
struct AtomOptions {
    std::string title;          ///< feed title, e.g. "Referat: lokalplan"
    std::string id;             ///< permanent IRI of the feed, e.g. its URL or "urn:referat:watch:NAME"
    std::string self_url;       ///< URL the feed is fetched from ("" when there is none)
    std::string alternate_url;  ///< the HTML page of the same search ("" when there is none)
    /// An entry's link is this followed by the item id (e.g. "http://host:8080/item/"); "" for
    /// no links (the entry id still names the item).
    std::string item_url_base;
};

/// The hits of result as an Atom feed, in the order of the hits: per hit one entry with id
/// "urn:referat:item:ID", title "Committee YYYY-MM-DD, N. Title", updated when the item
/// entered the index, the decision (or else the snippet) as summary, and the outcome as
/// category. The feed's updated is the newest entry's (the current time when there is none).
/// Characters XML 1.0 forbids are dropped; invalid UTF-8 was already replaced in the records.
/// Throws referat::Error when libxml2 cannot write.
[[nodiscard]] std::string atom_feed(const SearchResult& result, const AtomOptions& options);

}  // namespace referat::query
