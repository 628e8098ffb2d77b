// The search page, its exports and the feed stub.

#include <algorithm>
#include <map>

#include <referat/query/atom.hpp>
#include <referat/query/format.hpp>
#include <referat/query/search.hpp>

#include "layout.hpp"
#include "pages.hpp"
#include "search_state.hpp"

namespace referat::web {

namespace {

std::string text_of(const json::Value& v) { return v.is_string() ? v.as_string() : ""; }

std::string href(std::string_view path, const Params& params) {
    return escape(std::string(path) + query_string(params));
}

std::string facet_label(const std::string& facet) {
    static const std::map<std::string, std::string> kLabels{
        {"committee", "Committee"}, {"year", "Year"},     {"outcome", "Outcome"},
        {"kind", "Kind"},           {"person", "Person"}, {"municipality", "Municipality"}};
    auto it = kLabels.find(facet);
    return it == kLabels.end() ? facet : it->second;
}

std::string search_form(const SearchState& state) {
    std::string out = "<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">\n";
    out += "<input type=\"search\" name=\"q\" value=\"" + escape(state.q) + "\" maxlength=\"" +
           std::to_string(kMaxQueryBytes) +
           "\" placeholder=\"e.g. udvalg:Socialdirektørforum beslutning:godkendt\" "
           "aria-label=\"Query\" autofocus>\n";
    for (const auto& [facet, value] : state.filters)
        out += "<input type=\"hidden\" name=\"" + escape(facet) + "\" value=\"" + escape(value) +
               "\">\n";
    out += "<select name=\"sort\" aria-label=\"Sort\">";
    for (const auto& [value, label] :
         {std::pair{"relevance", "Relevance"}, {"-date", "Newest first"}, {"date", "Oldest first"}})
        out += std::string("<option value=\"") + value + "\"" +
               (state.sort == value ? " selected" : "") + ">" + label + "</option>";
    out +=
        "</select>\n<button type=\"submit\">Search</button>\n"
        "<a href=\"/help\">Query help</a>\n</form>\n";
    return out;
}

std::string active_filters(const SearchState& state) {
    if (state.filters.empty()) return "";
    std::string out = "<div class=\"filters\">Filters: ";
    for (const auto& [facet, value] : state.filters)
        out += "<a href=\"" + href("/search", state.toggled(facet, value).to_params()) +
               "\" title=\"Drop this filter\">" + escape(facet_label(facet)) + ": " +
               escape(value) + " ✕</a>";
    return out + "</div>\n";
}

std::string facet_item(const SearchState& state, const std::string& facet, const std::string& value,
                       std::size_t count) {
    const bool on = state.has_filter(facet, value);
    std::string out = "<li><span><a" + std::string(on ? " class=\"on\"" : "") + " href=\"" +
                      href("/search", state.toggled(facet, value).to_params()) + "\">" +
                      escape(value) + "</a>";
    if (facet == "person")
        out += " <a href=\"/person/" + escape(url_encode(value)) + "\" title=\"Person page\">→</a>";
    return out + "</span><span class=\"count\">" + std::to_string(count) + "</span></li>\n";
}

std::string sidebar(const SearchState& state, const query::SearchResult& result) {
    std::string out = "<aside class=\"facets\" aria-label=\"Facets\">\n";
    constexpr std::size_t kShown = 8;
    for (const auto& facet : result.facets) {
        out += "<section class=\"facet\" data-facet=\"" + escape(facet.name) + "\"><h3>" +
               escape(facet_label(facet.name)) + "</h3>\n<ul>\n";
        std::vector<query::FacetValue> values = facet.values;
        if (facet.name == "year")
            std::sort(values.begin(), values.end(),
                      [](const auto& a, const auto& b) { return a.value > b.value; });
        // Active filters first, so dropping one never needs "more".
        std::stable_partition(values.begin(), values.end(),
                              [&](const auto& v) { return state.has_filter(facet.name, v.value); });
        for (std::size_t i = 0; i < values.size() && i < kShown; ++i)
            out += facet_item(state, facet.name, values[i].value, values[i].count);
        out += "</ul>\n";
        if (values.size() > kShown) {
            out += "<details><summary>" + std::to_string(values.size() - kShown) +
                   " more</summary><ul>\n";
            for (std::size_t i = kShown; i < values.size(); ++i)
                out += facet_item(state, facet.name, values[i].value, values[i].count);
            out += "</ul></details>\n";
        }
        if (facet.omitted > 0)
            out += "<p class=\"muted\">and " + std::to_string(facet.omitted) + " more values</p>\n";
        out += "</section>\n";
    }
    return out + "</aside>\n";
}

// Matches per year as bars, each a link that filters to its year.
std::string histogram(const SearchState& state, const query::SearchResult& result) {
    const query::Facet* years = nullptr;
    for (const auto& f : result.facets)
        if (f.name == "year") years = &f;
    if (!years || years->values.empty()) return "";
    std::map<int, std::size_t> counts;
    for (const auto& v : years->values)
        if (!v.value.empty() && v.value.find_first_not_of("0123456789") == std::string::npos &&
            v.value.size() <= 4)
            counts[std::stoi(v.value)] = v.count;
    if (counts.empty()) return "";
    const int first = counts.begin()->first;
    const int last = counts.rbegin()->first;
    std::size_t max = 1;
    for (const auto& [year, n] : counts) max = std::max(max, n);
    const int span = last - first + 1;
    const int bar = std::clamp(560 / span, 6, 40);
    const int width = bar * span;
    const int height = 80;
    std::string out =
        "<svg class=\"histogram\" role=\"img\" aria-label=\"Matches by year\" "
        "width=\"" +
        std::to_string(width) + "\" height=\"" + std::to_string(height + 16) + "\" viewBox=\"0 0 " +
        std::to_string(width) + " " + std::to_string(height + 16) + "\">\n";
    for (int year = first; year <= last; ++year) {
        const std::size_t n = counts.contains(year) ? counts[year] : 0;
        const int h = n == 0 ? 0 : std::max(1, static_cast<int>(n * height / max));
        const int x = (year - first) * bar;
        const std::string y = std::to_string(year);
        out += "<a href=\"" + href("/search", state.toggled("year", y).to_params()) + "\">";
        out += "<rect x=\"" + std::to_string(x + 1) + "\" y=\"" + std::to_string(height - h) +
               "\" width=\"" + std::to_string(bar - 2) + "\" height=\"" + std::to_string(h) +
               "\"><title>" + y + ": " + std::to_string(n) + " items</title></rect></a>\n";
        if (span <= 12 || (year - first) % ((span + 11) / 12) == 0)
            out += "<text x=\"" + std::to_string(x + bar / 2) + "\" y=\"" +
                   std::to_string(height + 12) + "\" text-anchor=\"middle\">" + y + "</text>\n";
    }
    return out + "</svg>\n";
}

std::string hit_html(const query::Hit& hit) {
    const json::Value& r = hit.record;
    const std::string id = text_of(r["id"]);
    const std::string committee = text_of(r["committee"]);
    const std::string outcome = text_of(r["outcome"]);
    std::string out = "<li class=\"hit\">\n<div class=\"meta\">";
    out += escape(text_of(r["date"]).empty() ? "no date" : text_of(r["date"]));
    if (!committee.empty())
        out += " · <a href=\"/committee/" + escape(url_encode(committee)) + "\">" +
               escape(committee) + "</a>";
    out +=
        " · <a href=\"/meeting/" + escape(url_encode(text_of(r["meeting_id"]))) + "\">meeting</a>";
    if (r["number"].is_number()) out += " · item " + std::to_string(r["number"].as_int());
    if (!outcome.empty())
        out += " · <span class=\"outcome outcome-" + escape(outcome) + "\">" + escape(outcome) +
               "</span>";
    out += "</div>\n<h3><a href=\"/item/" + escape(url_encode(id)) + "\">" +
           escape(text_of(r["title"]).empty() ? "(no title)" : text_of(r["title"])) + "</a></h3>\n";
    const std::string snippet = text_of(r["snippet"]);
    if (!snippet.empty())
        out += "<p class=\"snippet\">" + marked_snippet(snippet, kMarkStart, kMarkEnd) + "</p>\n";
    const std::string decision = text_of(r["decision"]);
    if (!decision.empty())
        out +=
            "<p class=\"decision\"><b>Beslutning:</b> " + escape(shorten(decision, 400)) + "</p>\n";
    return out + "</li>\n";
}

std::string paging(const SearchState& state, std::size_t total) {
    if (total <= state.limit && state.offset == 0) return "";
    std::string out = "<nav class=\"paging\" aria-label=\"Pages\">";
    if (state.offset > 0) {
        SearchState prev = state;
        prev.offset = state.offset > state.limit ? state.offset - state.limit : 0;
        out += "<a rel=\"prev\" href=\"" + href("/search", prev.to_params()) + "\">← Previous</a>";
    }
    const std::size_t next_offset = state.offset + state.limit;
    if (next_offset < total && next_offset <= kMaxOffset) {
        SearchState next = state;
        next.offset = next_offset;
        out += "<a rel=\"next\" href=\"" + href("/search", next.to_params()) + "\">Next →</a>";
    }
    return out + "</nav>\n";
}

std::string results(const SearchState& state, const query::SearchResult& result) {
    std::string out = "<div class=\"results\">\n";
    out += active_filters(state);
    if (result.total == 0) {
        out += "<p class=\"summary\">No items match.</p>\n";
        if (result.suggestion) {
            SearchState s = state;
            s.q = *result.suggestion;
            s.offset = 0;
            out += "<p>Did you mean <a href=\"" + href("/search", s.to_params()) + "\">" +
                   escape(*result.suggestion) + "</a>?</p>\n";
        }
        return out + "</div>\n";
    }
    const std::size_t first = state.offset + 1;
    const std::size_t last = state.offset + result.hits.size();
    out += "<p class=\"summary\">" + std::string(result.total_exact ? "" : "about ") +
           std::to_string(result.total) + " item" +
           (result.total == 1 ? "" : "s") + " match";
    if (result.hits.empty())
        out += "; none on this page";
    else
        out += "; showing " + std::to_string(first) + "–" + std::to_string(last);
    out += "</p>\n";
    out += histogram(state, result);
    const Params all = state.to_params(false);
    out += "<p class=\"exports\">Export all matches: <a href=\"" + href("/export.csv", all) +
           "\">CSV</a><a href=\"" + href("/export.jsonl", all) + "\">JSON Lines</a><a href=\"" +
           href("/api/search", state.to_params()) + "\">JSON</a><a href=\"" +
           href("/feed.atom", all) + "\">Atom feed</a></p>\n";
    out += "<ol class=\"hits\" start=\"" + std::to_string(first) + "\">\n";
    for (const auto& hit : result.hits) out += hit_html(hit);
    out += "</ol>\n";
    out += paging(state, result.total);
    return out + "</div>\n";
}

query::SearchRequest page_request(const SearchState& state) {
    query::SearchRequest request = state.request();
    request.facets = sidebar_facets();
    request.facet_limit = 50;
    request.mark_start = kMarkStart;
    request.mark_end = kMarkEnd;
    return request;
}

}  // namespace

Reply search_page(DatabasePool& pool, const Params& params) {
    const SearchState state = SearchState::from(params);
    Head head{state.q.empty() ? "Search" : state.q + " – search", ""};
    head.extra_html =
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"This "
        "search as a feed\" href=\"" +
        href("/feed.atom", state.to_params(false)) + "\">\n";
    Reply reply;
    std::string body = search_form(state);
    try {
        auto lease = pool.acquire();
        const query::SearchResult result = query::search(lease.db(), page_request(state));
        body += "<div class=\"layout\">\n" + sidebar(state, result) + results(state, result) +
                "</div>\n";
    } catch (const HttpError&) {
        throw;
    } catch (const Error& e) {
        const HttpError error = http_error_from(e);
        if (error.status() != 400) throw error;
        // A malformed query keeps the form, so it can be corrected in place.
        reply.status = 400;
        body += "<p class=\"error\">" + escape(error.what()) +
                " — see <a href=\"/help\">the query help</a>.</p>\n";
    }
    reply.body = page(head, body);
    return reply;
}

Reply export_page(DatabasePool& pool, const Params& params, bool csv) {
    SearchState state = SearchState::from(params);
    query::SearchRequest request = state.request();
    // As `referat export`: date order unless a sort is asked for (stable, easy to diff).
    if (param(params, "sort").empty()) request.sort = query::SortOrder::kDateAscending;
    // Fail on a malformed query before the 200 status line is sent.
    auto lease = std::make_shared<DatabasePool::Lease>(pool.acquire());
    try {
        request.limit = 0;
        (void)query::search(lease->db(), request);
    } catch (const Error& e) {
        throw http_error_from(e);
    }
    Reply reply;
    query::CsvOptions options;
    options.separator = ';';
    options.spreadsheet = true;
    reply.content_type = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    reply.headers.emplace_back(
        "Content-Disposition",
        std::string("attachment; filename=\"referat.") + (csv ? "csv" : "jsonl") + "\"");
    reply.stream = [lease, request, options, csv](const Writer& write) {
        if (csv && !write(query::csv_header(options))) return;
        // A client that went away ends the export: thrown past Xapian, caught right here.
        struct Gone {};
        try {
            (void)query::export_matches(lease->db(), request, [&](const query::Hit& hit) {
                if (!write(csv ? query::csv_row(hit.record, options)
                               : query::jsonl_line(hit.record)))
                    throw Gone{};
            });
        } catch (const Gone&) {
        }
    };
    return reply;
}

Reply feed_page(DatabasePool& pool, const Params& params, std::string_view base_url) {
    const SearchState state = SearchState::from(params);
    query::SearchRequest request = state.request();
    // Newest first: by when items entered the index (what a feed reader wants to be told),
    // or by meeting date with sort=-date.
    request.sort = state.sort == "-date" ? query::SortOrder::kDateDescending
                                         : query::SortOrder::kIndexedDescending;
    request.offset = 0;
    query::SearchResult result;
    try {
        auto lease = pool.acquire();
        result = query::search(lease.db(), request);
    } catch (const Error& e) {
        throw http_error_from(e);
    }
    const std::string base(base_url);
    query::AtomOptions options;
    options.title = "Referat: " + (state.q.empty() ? std::string("all items") : state.q);
    options.self_url = base + "/feed.atom" + query_string(state.to_params(false));
    options.id = options.self_url;
    options.alternate_url = base + "/search" + query_string(state.to_params(false));
    options.item_url_base = base + "/item/";
    Reply reply;
    reply.content_type = "application/atom+xml; charset=utf-8";
    reply.body = query::atom_feed(result, options);
    return reply;
}

}  // namespace referat::web
