#pragma once
// Running searches on the sample index from query tests: the result, the matching items as
// "date#number" keys, and the message of a rejected query.

#include <set>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include <referat/ingest/error.hpp>
#include <referat/query/search.hpp>

#include "sample_index.hpp"

namespace referat::query::testing {

/// Items as "date#number" keys.
using Keys = std::set<std::string>;

/// One search on the sample index (every hit up to limit).
inline SearchResult run(std::string_view text, Filters filters = {},
                        SortOrder sort = SortOrder::kRelevance, std::size_t offset = 0,
                        std::size_t limit = 1000) {
    Xapian::Database db = SampleIndex::get().open();
    SearchRequest r;
    r.text = std::string(text);
    r.filters = std::move(filters);
    r.sort = sort;
    r.offset = offset;
    r.limit = limit;
    return search(db, r);
}

/// The items a query finds.
inline Keys keys(std::string_view text, Filters filters = {}) {
    Keys out;
    for (const auto& h : run(text, std::move(filters)).hits) out.insert(key_of(h.record));
    return out;
}

/// The message of the error a malformed query gives (a test failure if it is accepted).
inline std::string invalid(std::string_view text, Filters filters = {}) {
    try {
        (void)run(text, std::move(filters));
    } catch (const Error& e) {
        EXPECT_EQ(e.exit_code(), 2);
        return e.what();
    }
    ADD_FAILURE() << "accepted: " << text;
    return {};
}

}  // namespace referat::query::testing
