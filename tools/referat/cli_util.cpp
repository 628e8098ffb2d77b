#include "cli_util.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include <unistd.h>

#include <referat/index/database.hpp>
#include <referat/ingest/error.hpp>
#include <referat/ingest/utf8.hpp>
#include <referat/query/ranges.hpp>

namespace referat::cli {

namespace {

std::string help_hint(const Usage& usage) {
    return " (see 'referat " + usage.command + " --help')";
}

std::string options_caption(const Usage& usage) {
    return "Options for 'referat " + usage.command + "'";
}

// The options as shown by --help: positional arguments are in the synopsis already.
po::options_description without_positional(const Usage& usage,
                                           const po::options_description& options,
                                           const po::positional_options_description& positional) {
    po::options_description shown(options_caption(usage));
    const unsigned count = positional.max_total_count();
    for (const auto& option : options.options()) {
        bool is_positional = false;
        // A trailing "-1" positional repeats its name for every position: a few suffice.
        for (unsigned i = 0; i < count && i < 16 && !is_positional; ++i)
            is_positional = positional.name_for_position(i) == option->long_name();
        if (!is_positional) shown.add(option);
    }
    return shown;
}

}  // namespace

po::options_description make_options(const Usage& usage) {
    po::options_description options(options_caption(usage));
    options.add_options()("help,h", "show this help and exit");
    return options;
}

std::optional<po::variables_map> parse_options(
    const Args& args, const Usage& usage, const po::options_description& options,
    const po::positional_options_description& positional) {
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << "Usage: referat " << usage.command << " " << usage.synopsis << "\n\n"
                      << usage.summary << "\n\n"
                      << without_positional(usage, options, positional);
            if (!usage.examples.empty()) {
                std::cout << "\nExamples:\n";
                for (const auto& example : usage.examples) std::cout << "  " << example << "\n";
            }
            std::cout << "\nExit status: 0 ok/found, 1 nothing found, 2 error.\n";
            return std::nullopt;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw Error(usage.command + ": " + e.what() + help_hint(usage));
    }
    return vm;
}

std::optional<std::size_t> count_option(const po::variables_map& vm, const std::string& name,
                                        const Usage& usage) {
    if (!vm.count(name)) return std::nullopt;
    const std::string value = vm[name].as<std::string>();
    constexpr std::size_t kMaxDigits = 9;  // a count beyond a billion is a typo
    const bool digits = !value.empty() && value.size() <= kMaxDigits &&
                        value.find_first_not_of("0123456789") == std::string::npos;
    if (!digits)
        throw Error(usage.command + ": --" + name + " must be a whole number, 0 or more, not '" +
                    value + "'" + help_hint(usage));
    return static_cast<std::size_t>(std::stoul(value));
}

std::optional<std::string> date_option(const po::variables_map& vm, const std::string& name,
                                       const Usage& usage) {
    if (!vm.count(name)) return std::nullopt;
    const std::string value = vm[name].as<std::string>();
    auto range = value.find("..") == std::string::npos
                     ? query::parse_date_range(value)
                     : std::unexpected(query::QueryError{"give one date, not a range"});
    if (!range)
        throw Error(usage.command + ": --" + name + " '" + value + "': " + range.error().reason +
                    " (dates are yyyy-mm-dd, yyyy-mm or yyyy)");
    return value;
}

void add_format_option(po::options_description& options, std::string_view default_format) {
    options.add_options()(
        "format,f",
        po::value<std::string>()->default_value(std::string(default_format))->value_name("FORMAT"),
        "output format: text or json");
}

std::string_view format_name(Format format) { return format == Format::kJson ? "json" : "text"; }

Format format_from(const po::variables_map& vm, const Usage& usage,
                   std::initializer_list<Format> allowed) {
    const std::string value = vm.count("format") ? vm["format"].as<std::string>() : "text";
    for (Format f : allowed)
        if (value == format_name(f)) return f;
    std::string names;
    for (Format f : allowed) names += (names.empty() ? "" : ", ") + std::string(format_name(f));
    throw Error(usage.command + ": unknown format '" + value + "'; use one of: " + names +
                help_hint(usage));
}

void add_csv_options(po::options_description& options) {
    auto add = options.add_options();
    add("csv-sep", po::value<std::string>()->value_name("SEP"),
        "CSV field separator: ',' (default), ';' or tab");
    add("bom",
        "CSV for spreadsheets: start with a UTF-8 byte order mark and prefix cells starting "
        "with = + - @ with ' so they show as text, not formulas");
    add("spreadsheet", "CSV for Excel or Calc in Danish settings: --bom and --csv-sep ';'");
}

query::CsvOptions csv_options_from(const po::variables_map& vm, const Usage& usage) {
    query::CsvOptions o;
    o.spreadsheet = vm.count("bom") > 0 || vm.count("spreadsheet") > 0;
    if (vm.count("spreadsheet")) o.separator = ';';
    if (!vm.count("csv-sep")) return o;
    const std::string sep = vm["csv-sep"].as<std::string>();
    if (sep == "," || sep == ";")
        o.separator = sep[0];
    else if (sep == "tab" || sep == "\t")
        o.separator = '\t';
    else
        throw Error(usage.command + ": --csv-sep must be ',', ';' or tab, not '" + sep + "'");
    return o;
}

void add_db_option(po::options_description& options) {
    options.add_options()("db,d",
                          po::value<std::vector<std::string>>()->composing()->value_name("DIR"),
                          "database folder or remote shard host:port (default: $REFERAT_DB, "
                          "else ./referat.db)");
}

std::vector<std::string> database_specs(const po::variables_map& vm) {
    if (vm.count("db")) return vm["db"].as<std::vector<std::string>>();
    return {index::default_database_path().string()};
}

std::string single_database(const po::variables_map& vm, const Usage& usage) {
    auto specs = database_specs(vm);
    if (specs.size() != 1)
        throw Error(usage.command + ": give one --db, not " + std::to_string(specs.size()) +
                    help_hint(usage));
    return specs.front();
}

void add_colour_option(po::options_description& options) {
    options.add_options()("color",
                          po::value<std::string>()->default_value("auto")->value_name("WHEN"),
                          "colour output: auto, always or never");
}

ColourMode colour_mode_from(const po::variables_map& vm, const Usage& usage) {
    const std::string value = vm.count("color") ? vm["color"].as<std::string>() : "auto";
    if (value == "auto") return ColourMode::kAuto;
    if (value == "always") return ColourMode::kAlways;
    if (value == "never") return ColourMode::kNever;
    throw Error(usage.command + ": unknown --color value '" + value +
                "'; use auto, always or never" + help_hint(usage));
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

bool colour_enabled(ColourMode mode, int fd) {
    if (mode != ColourMode::kAuto) return mode == ColourMode::kAlways;
    if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
    if (const char* term = std::getenv("TERM"); !term || std::string_view(term) == "dumb")
        return false;
    return is_terminal(fd);
}

std::string Painter::wrap(std::string_view code, std::string_view text) const {
    if (!m_enabled) return std::string(text);
    std::string out = "\x1b[";
    out += code;
    out += 'm';
    out += text;
    out += "\x1b[0m";
    return out;
}

std::string Painter::bold(std::string_view text) const { return wrap("1", text); }
std::string Painter::dim(std::string_view text) const { return wrap("2", text); }
std::string Painter::highlight(std::string_view text) const { return wrap("1;33", text); }
std::string Painter::good(std::string_view text) const { return wrap("32", text); }
std::string Painter::bad(std::string_view text) const { return wrap("31", text); }

std::size_t display_width(std::string_view text) { return utf8::length(text); }

std::string pad_right(std::string_view text, std::size_t width) {
    std::string out(text);
    for (std::size_t w = display_width(text); w < width; ++w) out += ' ';
    return out;
}

void print_json(std::ostream& out, const json::Value& value) { out << value.dump(2) << '\n'; }

void write_file_atomically(const std::string& path, std::string_view text) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    fs::path temp = target;
    temp += ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error("cannot write " + path + ": cannot create " + temp.string());
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            fs::remove(temp, ignored);
            throw Error("cannot write " + path + ": write failed");
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw Error("cannot write " + path + ": " + ec.message());
    }
}

}  // namespace referat::cli
