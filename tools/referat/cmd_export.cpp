// referat export: every match of a query as JSON Lines or CSV, streamed in constant memory.

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
query::CsvOptions csv(const po::variables_map& vm, const Usage& usage);
void add_csv(po::options_description& options);
void report_nothing(const std::string& text, const std::optional<std::string>& suggestion);
}  // namespace query_options

namespace {

const Usage kUsage{
    "export", "[--db DIR] [--format jsonl|csv] [--output FILE] [OPTIONS] QUERY...",
    "Write every item matching QUERY (all items when QUERY is empty), one record per line,\n"
    "oldest first unless --sort says otherwise. Records and columns: docs/SCHEMA.md.\n"
    "Exit status 1 when nothing matches."};

}  // namespace

int cmd_export(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    query_options::add(options);
    auto add = options.add_options();
    add("format,f", po::value<std::string>()->default_value("jsonl"), "output: jsonl or csv");
    add("output,o", po::value<std::string>(), "write to FILE instead of standard output");
    add("chunk", po::value<std::size_t>()->default_value(500), "matches fetched per step");
    query_options::add_csv(options);
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
    const query::CsvOptions csv = query_options::csv(*vm, kUsage);

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
    std::size_t count = query::export_matches(
        db, request,
        [&](const query::Hit& hit) {
            if (format == "csv")
                *out << query::csv_row(hit.record, csv);
            else
                *out << query::jsonl_line(hit.record);
            if (!*out) throw Error("export: write failed" + (path.empty() ? "" : " for " + path));
        },
        (*vm)["chunk"].as<std::size_t>());
    out->flush();
    if (!*out) throw Error("export: write failed" + (path.empty() ? "" : " for " + path));
    if (count == 0) {
        query_options::report_nothing(request.text, std::nullopt);
        return kExitNotFound;
    }
    if (!path.empty()) std::cerr << "referat: exported " << count << " items to " << path << "\n";
    return kExitOk;
}

}  // namespace referat::cli
