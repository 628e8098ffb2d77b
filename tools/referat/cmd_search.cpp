// referat search: the query language with facets, sorting and paging, for people and scripts.

#include <iostream>

#include <referat/index/database.hpp>
#include <referat/ingest/error.hpp>
#include <referat/query/format.hpp>
#include <referat/query/search.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{
    "search", "[--db DIR] [OPTIONS] QUERY...",
    "Search agenda items. QUERY uses fields (titel:, beslutning:, udvalg:, dato:, år:, ...),\n"
    "AND/OR/NOT (OG/ELLER/IKKE), \"phrases\" and trailing wildcards; see docs/QUERY.md.\n"
    "Exit status 1 when nothing matches (with a suggestion when one is close).",
    {"referat search efterretning",
     "referat search 'titel:budget OR titel:(lokalplan regnskab)'",
     "referat search -- 'skole -lukning'           (-- before a query that starts with -)",
     "referat search '\"tog orienteringen til efterretning\"' --sort -date --limit 20",
     "referat search 'dagsorden*' --from 2023-01-01 --to 2023-06-30",
     "referat search 'holder NEAR årligt' --facets committee,year --format json"}};

// Options that take a value, and the long names of the short ones.
constexpr std::string_view kValueOptions[] = {
    "--db",      "--format", "--facets",  "--facet-limit", "--sort",  "--limit",
    "--offset",  "--committee", "--from", "--to",          "--outcome", "--year",
    "--color",   "--csv-sep", "--output", "--chunk", "--fields"};
constexpr std::pair<std::string_view, std::string_view> kShort[] = {
    {"-d", "--db"}, {"-f", "--format"}, {"-o", "--output"}, {"-n", "--limit"}};

bool takes_value(std::string_view name) {
    for (auto v : kValueOptions)
        if (name == v) return true;
    return false;
}

}  // namespace

// Shared with cmd_export.cpp (declared there): the query and filter options of both commands.
namespace query_options {

/// Query words may start with '-' ("budget -regnskab") and --sort takes "-date": options are
/// put in --name=value form and every other argument after "--", so Boost reads neither as
/// an option.
Args normalise(const Args& args) {
    Args options;
    Args words;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (a == "--") {
            words.insert(words.end(), args.begin() + static_cast<long>(i) + 1, args.end());
            break;
        }
        for (const auto& [short_name, long_name] : kShort)
            if (a == short_name) a = std::string(long_name);
        bool option = a.starts_with("--") || a == "-h";
        if (!option) {
            words.push_back(a);
            continue;
        }
        if (takes_value(a) && i + 1 < args.size()) {
            options.push_back(a + "=" + args[++i]);
            continue;
        }
        options.push_back(a);
    }
    options.emplace_back("--");
    options.insert(options.end(), words.begin(), words.end());
    return options;
}

/// Add the query, filter and sort options.
void add(po::options_description& options) {
    auto add = options.add_options();
    add("query", po::value<std::vector<std::string>>(), "query words (joined by spaces)");
    add("committee", po::value<std::vector<std::string>>()->composing(),
        "only this committee (repeatable)");
    add("from", po::value<std::string>(), "only meetings on or after this date (yyyy-mm-dd)");
    add("to", po::value<std::string>(), "only meetings on or before this date");
    add("outcome", po::value<std::vector<std::string>>()->composing(),
        "only this outcome: approved, noted, discussed, postponed, decided, none (repeatable)");
    add("year", po::value<std::vector<std::string>>()->composing(),
        "only this year or range of years, e.g. 2021 or 2019..2021 (repeatable)");
    add("sort", po::value<std::string>()->default_value("relevance"),
        "relevance, date (oldest first), -date (newest first) or -indexed (newest in the "
        "index first)");
}

/// The request those options describe.
query::SearchRequest request(const po::variables_map& vm, const Usage& usage) {
    query::SearchRequest r;
    if (vm.count("query")) {
        for (const auto& w : vm["query"].as<std::vector<std::string>>())
            r.text += (r.text.empty() ? "" : " ") + w;
    }
    if (vm.count("committee"))
        r.filters.committees = vm["committee"].as<std::vector<std::string>>();
    r.filters.from = date_option(vm, "from", usage);
    r.filters.to = date_option(vm, "to", usage);
    if (vm.count("outcome")) r.filters.outcomes = vm["outcome"].as<std::vector<std::string>>();
    if (vm.count("year")) r.filters.years = vm["year"].as<std::vector<std::string>>();
    const std::string sort = vm["sort"].as<std::string>();
    auto order = query::sort_order_from(sort);
    if (!order)
        throw Error(usage.command + ": unknown --sort value '" + sort +
                    "'; use relevance, date, -date or -indexed");
    r.sort = *order;
    return r;
}

/// "no matches for ..." and the suggestion, on stderr.
void report_nothing(const std::string& text, const std::optional<std::string>& suggestion) {
    std::cerr << "referat: no matches for '" << text << "'\n";
    if (suggestion) std::cerr << "referat: did you mean: " << *suggestion << "\n";
}

}  // namespace query_options

int cmd_search(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    query_options::add(options);
    auto add = options.add_options();
    add("format,f", po::value<std::string>()->default_value("text"),
        "output: text, json, jsonl or csv");
    add("facets", po::value<std::string>(),
        "count matches by committee,year,outcome,layout,person,municipality");
    add("facet-limit", po::value<std::string>()->default_value("100")->value_name("N"),
        "values listed per facet, most frequent first (0: all); counts are exact either way");
    add("limit,n", po::value<std::string>()->default_value("10")->value_name("N"),
        "hits to show");
    add("offset", po::value<std::string>()->default_value("0")->value_name("N"), "hits to skip");
    add_csv_options(options);
    add_colour_option(options);
    po::positional_options_description positional;
    positional.add("query", -1);
    auto vm = parse_options(query_options::normalise(args), kUsage, options, positional);
    if (!vm) return kExitOk;

    query::SearchRequest request = query_options::request(*vm, kUsage);
    request.limit = *count_option(*vm, "limit", kUsage);
    request.offset = *count_option(*vm, "offset", kUsage);
    if (vm->count("facets")) request.facets = query::split_names((*vm)["facets"].as<std::string>());
    request.facet_limit = *count_option(*vm, "facet-limit", kUsage);
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "jsonl" && format != "csv")
        throw Error("search: unknown format '" + format + "'; use text, json, jsonl or csv");
    const query::CsvOptions csv = csv_options_from(*vm, kUsage);
    const bool colour = format == "text" && colour_enabled(colour_mode_from(*vm, kUsage), 1);
    if (colour) {
        request.mark_start = "\x1b[1;33m";
        request.mark_end = "\x1b[0m";
    }

    Xapian::Database db = index::open_for_reading(database_specs(*vm));
    query::SearchResult result = query::search(db, request);

    if (format == "json") {
        print_json(std::cout, query::result_to_json(result, request.offset));
    } else if (format == "jsonl") {
        for (const auto& h : result.hits) std::cout << query::jsonl_line(h.record);
    } else if (format == "csv") {
        std::cout << query::csv_header(csv);
        for (const auto& h : result.hits) std::cout << query::csv_row(h.record, csv);
    } else {
        query::TextStyle style;
        if (colour) style = {"\x1b[1m", "\x1b[0m", "\x1b[2m", "\x1b[0m"};
        query::write_text(std::cout, result, request.offset, style);
    }
    std::cout.flush();
    if (result.total == 0) {
        query_options::report_nothing(request.text, result.suggestion);
        return kExitNotFound;
    }
    return kExitOk;
}

}  // namespace referat::cli
