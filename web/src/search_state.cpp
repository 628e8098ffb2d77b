#include "search_state.hpp"

#include <algorithm>

#include "reply.hpp"

namespace referat::web {

namespace {

std::size_t number(const Params& params, const std::string& name, std::size_t fallback,
                   std::size_t min, std::size_t max) {
    const std::string text = param(params, name);
    if (text.empty()) return fallback;
    if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
        throw HttpError(400,
                        "'" + name + "' must be a whole number, not '" + text.substr(0, 20) + "'");
    const std::size_t value = std::stoul(text);
    if (value < min || value > max)
        throw HttpError(400, "'" + name + "' must be between " + std::to_string(min) + " and " +
                                 std::to_string(max) + ", not " + text);
    return value;
}

// A facet value as a query-language phrase; quotes cannot be escaped there, so they go.
std::string phrase(const std::string& value) {
    std::string out;
    for (char c : value) out += c == '"' ? ' ' : c;
    return "\"" + out + "\"";
}

// A person key as every one of its words under person: ("mogens hansen" also finds "Mogens B.
// Hansen", merged into that key by the writer; a phrase would not). Brackets and quotes are
// query syntax, so they go.
std::string words_group(const std::string& value) {
    std::string out;
    for (char c : value) out += (c == '"' || c == '(' || c == ')') ? ' ' : c;
    return "(" + out + ")";
}

}  // namespace

const std::vector<std::string>& sidebar_facets() {
    static const std::vector<std::string> kFacets{"committee", "year",   "outcome",
                                                  "kind",      "person", "municipality"};
    return kFacets;
}

SearchState SearchState::from(const Params& params) {
    SearchState s;
    s.q = param(params, "q");
    if (s.q.size() > kMaxQueryBytes)
        throw HttpError(400, "the query is " + std::to_string(s.q.size()) +
                                 " bytes long; at most " + std::to_string(kMaxQueryBytes) +
                                 " are accepted");
    const std::string sort = param(params, "sort");
    if (!sort.empty()) {
        if (!query::sort_order_from(sort))
            throw HttpError(400, "unknown sort order '" + sort.substr(0, 40) +
                                     "'; use relevance, date or -date");
        s.sort = sort;
    }
    s.offset = number(params, "offset", 0, 0, kMaxOffset);
    s.limit = number(params, "limit", kDefaultLimit, 1, kMaxLimit);
    for (const auto& facet : sidebar_facets())
        for (auto& value : params_named(params, facet)) {
            if (value.empty()) continue;
            if (value.size() > 200)
                throw HttpError(400, "the " + facet + " filter is longer than 200 bytes");
            if (s.has_filter(facet, value)) continue;
            s.filters.emplace_back(facet, std::move(value));
        }
    if (s.filters.size() > kMaxFilters)
        throw HttpError(400, "at most " + std::to_string(kMaxFilters) + " filters are accepted");
    if (const std::string year = param(params, "year");
        !year.empty() && year.find_first_not_of("0123456789.") != std::string::npos)
        throw HttpError(400, "'year' must be a year or a range like 2019..2021");
    return s;
}

Params SearchState::to_params(bool with_paging) const {
    Params p;
    if (!q.empty()) p.emplace_back("q", q);
    for (const auto& f : filters) p.push_back(f);
    if (sort != "relevance") p.emplace_back("sort", sort);
    if (with_paging && offset != 0) p.emplace_back("offset", std::to_string(offset));
    if (with_paging && limit != kDefaultLimit) p.emplace_back("limit", std::to_string(limit));
    return p;
}

bool SearchState::has_filter(const std::string& facet, const std::string& value) const {
    return std::find(filters.begin(), filters.end(), std::pair{facet, value}) != filters.end();
}

SearchState SearchState::toggled(const std::string& facet, const std::string& value) const {
    SearchState s = *this;
    s.offset = 0;
    auto it = std::find(s.filters.begin(), s.filters.end(), std::pair{facet, value});
    if (it != s.filters.end())
        s.filters.erase(it);
    else
        s.filters.emplace_back(facet, value);
    return s;
}

query::SearchRequest SearchState::request() const {
    query::SearchRequest r;
    std::string clauses;
    for (const auto& [facet, value] : filters) {
        if (facet == "committee")
            r.filters.committees.push_back(value);
        else if (facet == "year")
            r.filters.years.push_back(value);
        else if (facet == "outcome")
            r.filters.outcomes.push_back(value);
        else if (facet == "kind")
            clauses += " art:" + phrase(value);
        else if (facet == "person")
            clauses += " person:" + words_group(value);
        else if (facet == "municipality")
            clauses += " kommune:" + phrase(value);
    }
    r.text = q;
    if (!clauses.empty()) r.text = q.empty() ? clauses.substr(1) : "(" + q + ")" + clauses;
    r.sort = *query::sort_order_from(sort);
    r.offset = offset;
    r.limit = limit;
    return r;
}

}  // namespace referat::web
