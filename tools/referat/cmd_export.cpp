// referat export: every match of a query as JSON Lines or CSV, streamed in constant memory.

#include <algorithm>
#include <fstream>
#include <iostream>

#include <referat/index/database.hpp>
#include <referat/ingest/error.hpp>
#include <referat/query/format.hpp>
#include <referat/query/search.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

// Defined in cmd_search.cpp: the options both commands share.
namespace query_options {
Args normalise(const Args& args);
void add(po::options_description& options);
query::SearchRequest request(const po::variables_map& vm, const Usage& usage);
void report_nothing(const std::string& text, const std::optional<std::string>& suggestion);
}  // namespace query_options

namespace {

const Usage kUsage{
    "export",
    "[--db DIR] [--format jsonl|csv] [--output FILE] [OPTIONS] QUERY...",
    "Write every item matching QUERY (all items when QUERY is empty), one record per line,\n"
    "oldest first unless --sort says otherwise. Records and columns: docs/SCHEMA.md.\n"
    "Exit status 1 when nothing matches.",
    {"referat export > everything.jsonl",
     "referat export --format csv --spreadsheet --output budget.csv budget",
     "referat export --fields date,committee,title,outcome --limit 100 'udfald:godkendt'",
     "referat export --sort -date --from 2023-01-01 -- 'skole -lukning'"}};

}  // namespace

int cmd_export(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    query_options::add(options);
    auto add = options.add_options();
    add("format,f", po::value<std::string>()->default_value("jsonl"), "output: jsonl or csv");
    add("output,o", po::value<std::string>(), "write to FILE instead of standard output");
    add("chunk", po::value<std::string>()->default_value("500")->value_name("N"),
        "matches fetched per step");
    add("limit,n", po::value<std::string>()->value_name("N"), "write at most N matches");
    add("fields", po::value<std::string>()->value_name("A,B,..."),
        "only these fields, in this order (names of the CSV columns, docs/SCHEMA.md)");
    add_csv_options(options);
    po::positional_options_description positional;
    positional.add("query", -1);
    Args normalised = query_options::normalise(args);
    // Exports default to date order: stable across runs and easy to diff.
    bool sort_given = false;
    for (const auto& a : normalised) {
        if (a == "--") break;
        if (a.starts_with("--sort")) sort_given = true;
    }
    auto vm = parse_options(normalised, kUsage, options, positional);
    if (!vm) return kExitOk;

    query::SearchRequest request = query_options::request(*vm, kUsage);
    if (!sort_given) request.sort = query::SortOrder::kDateAscending;
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "jsonl" && format != "csv")
        throw Error("export: unknown format '" + format + "'; use jsonl or csv");
    query::CsvOptions csv = csv_options_from(*vm, kUsage);
    std::vector<std::string> fields;
    if (vm->count("fields")) {
        fields = query::split_names((*vm)["fields"].as<std::string>());
        if (fields.empty()) throw Error("export: --fields needs at least one field name");
        if (auto bad = query::unknown_column(fields)) {
            std::string known;
            for (auto c : query::csv_columns())
                known += (known.empty() ? "" : ",") + std::string(c);
            throw Error("export: unknown field '" + *bad + "' (fields: " + known + ")");
        }
        csv.columns = fields;
    }
    const std::optional<std::size_t> limit = count_option(*vm, "limit", kUsage);
    const std::size_t chunk = *count_option(*vm, "chunk", kUsage);

    std::ofstream file;
    std::ostream* out = &std::cout;
    std::string path;
    if (vm->count("output")) {
        path = (*vm)["output"].as<std::string>();
        file.open(path, std::ios::binary | std::ios::trunc);
        if (!file) throw Error("export: cannot write " + path);
        out = &file;
    }
    Xapian::Database db = index::open_for_reading(database_specs(*vm));
    if (format == "csv") *out << query::csv_header(csv);
    std::size_t count = 0;
    bool matched = false;
    // Stopping early: the export throws this past Xapian and it is caught right here.
    struct Enough {};
    try {
        query::export_matches(
            db, request,
            [&](const query::Hit& hit) {
                matched = true;
                if (limit && count >= *limit) throw Enough{};
                ++count;
                if (format == "csv")
                    *out << query::csv_row(hit.record, csv);
                else if (!fields.empty())
                    *out << query::jsonl_line(query::select_fields(hit.record, fields));
                else
                    *out << query::jsonl_line(hit.record);
                if (!*out)
                    throw Error("export: write failed" + (path.empty() ? "" : " for " + path));
            },
            limit ? std::min(chunk, *limit + 1) : chunk);
    } catch (const Enough&) {
    }
    out->flush();
    if (!*out) throw Error("export: write failed" + (path.empty() ? "" : " for " + path));
    if (!matched) {
        query_options::report_nothing(request.text, std::nullopt);
        return kExitNotFound;
    }
    if (!path.empty()) std::cerr << "referat: exported " << count << " items to " << path << "\n";
    return kExitOk;
}

}  // namespace referat::cli
