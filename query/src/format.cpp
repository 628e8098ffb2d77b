#include "referat/query/format.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <referat/ingest/utf8.hpp>

namespace referat::query {

namespace {

std::string text_of(const json::Value& v) {
    if (v.is_string()) return v.as_string();
    if (v.is_int()) return std::to_string(v.as_int());
    if (v.is_number()) {
        std::ostringstream s;
        s.precision(15);
        s << v.as_double();
        return s.str();
    }
    if (v.is_bool()) return v.as_bool() ? "true" : "false";
    return {};
}

// List fields join with " | ": the bar is rare in titles and attachment names.
std::string joined(const json::Value& v) {
    std::string out;
    if (!v.is_array()) return out;
    for (const auto& s : v.as_array()) {
        if (!out.empty()) out += " | ";
        out += text_of(s);
    }
    return out;
}

const json::Value& column_json(const json::Value& r, std::string_view column) {
    if (column == "span_begin") return r["span"]["begin"];
    if (column == "span_end") return r["span"]["end"];
    if (column == "line_begin") return r["lines"]["begin"];
    if (column == "line_end") return r["lines"]["end"];
    return r[column];
}

std::string column_value(const json::Value& r, std::string_view column) {
    const json::Value& v = column_json(r, column);
    if (v.is_array()) return joined(v);
    return text_of(v);
}

std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Long decisions are cut at a word boundary for reading; `show` and the JSON formats keep it all.
std::string shortened(std::string text) {
    constexpr std::size_t kMaxBytes = 320;
    if (text.size() <= kMaxBytes) return text;
    std::size_t cut = text.rfind(' ', kMaxBytes);
    if (cut == std::string::npos || cut < kMaxBytes / 2) {
        cut = utf8::prefix_bytes(text, kMaxBytes);
    }
    text.resize(cut);
    return text + " …";
}

}  // namespace

const std::vector<std::string_view>& csv_columns() {
    static const std::vector<std::string_view> kColumns{
        "rank",           "relevance",  "id",          "meeting_id", "date",        "committee",
        "number",         "title",      "outcome",     "decision",   "attachments", "persons",
        "municipalities", "max_amount", "case_number", "source",     "sha256",      "span_begin",
        "span_end",       "line_begin", "line_end",    "page",       "snippet"};
    return kColumns;
}

std::vector<std::string> split_names(std::string_view text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t comma = text.find(',', at);
        if (comma == std::string_view::npos) comma = text.size();
        std::string_view part = text.substr(at, comma - at);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (!part.empty()) out.emplace_back(part);
        at = comma + 1;
    }
    return out;
}

std::optional<std::string> unknown_column(const std::vector<std::string>& fields) {
    const auto& known = csv_columns();
    for (const auto& f : fields)
        if (std::find(known.begin(), known.end(), f) == known.end()) return f;
    return std::nullopt;
}

json::Value select_fields(const json::Value& record, const std::vector<std::string>& fields) {
    json::Value out = json::Value::object();
    for (const auto& f : fields) out.set(f, column_json(record, f));
    return out;
}

namespace {

std::vector<std::string> columns_of(const CsvOptions& options) {
    if (!options.columns.empty()) return options.columns;
    return {csv_columns().begin(), csv_columns().end()};
}

}  // namespace

std::string csv_header(const CsvOptions& options) {
    std::string out(csv_start(options));
    return out + csv_line(columns_of(options), options);
}

std::string csv_row(const json::Value& record, const CsvOptions& options) {
    std::vector<std::string> fields;
    for (const auto& column : columns_of(options)) fields.push_back(column_value(record, column));
    return csv_line(fields, options);
}

std::string jsonl_line(const json::Value& record) { return record.dump() + "\n"; }

json::Value result_to_json(const SearchResult& result, std::size_t offset) {
    json::Value doc = json::Value::object();
    doc.set("schema", kRecordSchemaVersion);
    doc.set("query", result.text);
    doc.set("total", result.total);
    // false: more matches than are counted exactly; total and facet counts are estimates.
    doc.set("total_exact", result.total_exact);
    doc.set("offset", offset);
    json::Value hits = json::Value::array();
    for (const auto& h : result.hits) hits.push(h.record);
    doc.set("hits", std::move(hits));
    // One object per facet, value -> count, most frequent first (members keep their order).
    // Values past the facet limit are counted in facets_omitted (facet -> number of values).
    json::Value facets = json::Value::object();
    json::Value omitted = json::Value::object();
    for (const auto& f : result.facets) {
        json::Value counts = json::Value::object();
        for (const auto& v : f.values) counts.append(v.value, v.count);
        facets.set(f.name, std::move(counts));
        if (f.omitted > 0) omitted.set(f.name, f.omitted);
    }
    doc.set("facets", std::move(facets));
    if (omitted.size() > 0) doc.set("facets_omitted", std::move(omitted));
    doc.set("suggestion", json::opt(result.suggestion));
    return doc;
}

void write_text(std::ostream& out, const SearchResult& result, std::size_t offset,
                const TextStyle& style) {
    std::size_t last = offset + result.hits.size();
    if (result.total > 0) {
        if (!result.total_exact) out << "about ";
        out << result.total << (result.total == 1 ? " match" : " matches");
        if (!result.hits.empty())
            out << ", showing " << offset + 1 << "-" << last;
        else if (offset > 0)
            out << ", none after " << offset;
        out << "\n";
    }
    for (const auto& hit : result.hits) {
        const json::Value& r = hit.record;
        out << "\n" << hit.rank << ". " << style.bold_start;
        std::string date = text_of(r["date"]);
        out << (date.empty() ? "(no date)" : date) << "  " << text_of(r["committee"]) << "  #"
            << text_of(r["number"]) << " " << one_line(text_of(r["title"])) << style.bold_end
            << "\n";
        std::string decision = text_of(r["decision"]);
        std::string outcome = text_of(r["outcome"]);
        if (!decision.empty())
            out << "   Beslutning (" << outcome << "): " << shortened(one_line(decision)) << "\n";
        else if (outcome != "none")
            out << "   Udfald: " << outcome << "\n";
        std::string snippet = one_line(text_of(r["snippet"]));
        if (!snippet.empty() && snippet != one_line(decision)) out << "   " << snippet << "\n";
        out << "   " << style.dim_start << text_of(r["source"]);
        if (r["lines"]["begin"].is_int() && r["lines"]["begin"].as_int() > 0)
            out << ":" << text_of(r["lines"]["begin"]) << "-" << text_of(r["lines"]["end"]);
        if (r["page"].is_int() && r["page"].as_int() > 0) out << " page " << text_of(r["page"]);
        out << "  id " << text_of(r["id"]) << style.dim_end << "\n";
        if (r["also_in"].is_array() && r["also_in"].size() > 0) {
            out << "   " << style.dim_start << "also in:";
            for (const auto& other : r["also_in"].as_array()) out << " " << text_of(other["source"]);
            out << style.dim_end << "\n";
        }
    }
    for (const auto& facet : result.facets) {
        out << "\n" << style.bold_start << facet.name << style.bold_end
            << (result.total_exact ? "" : " (estimated counts)") << "\n";
        if (facet.values.empty()) out << "  (none)\n";
        if (facet.name == "year") {
            // Chronological bars are easier to read than a ranking for years.
            std::vector<FacetValue> years = facet.values;
            std::sort(years.begin(), years.end(),
                      [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; });
            std::size_t most = 0;
            for (const auto& v : years) most = std::max(most, v.count);
            for (const auto& v : years) {
                std::size_t bar = most == 0 ? 0 : (v.count * 40 + most - 1) / most;
                out << "  " << v.value << " " << std::string(bar, '#') << " " << v.count << "\n";
            }
            continue;
        }
        std::size_t width = 1;
        for (const auto& v : facet.values) width = std::max(width, std::to_string(v.count).size());
        for (const auto& v : facet.values) {
            std::string count = std::to_string(v.count);
            out << "  " << std::string(width - count.size(), ' ') << count << "  " << v.value
                << "\n";
        }
        if (facet.omitted > 0)
            out << "  " << style.dim_start << "... and " << facet.omitted
                << " more (--facet-limit 0 lists all)" << style.dim_end << "\n";
    }
}

}  // namespace referat::query
