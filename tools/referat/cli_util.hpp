#pragma once
// Helpers shared by every subcommand: option parsing with --help, output format, database
// option, colour and terminal detection, exit codes. Subcommands stay small by using these.

#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include <referat/ingest/json.hpp>
#include <referat/query/csv.hpp>

#include "commands.hpp"

namespace referat::cli {

namespace po = boost::program_options;

/// Exit status like grep: ok/found.
inline constexpr int kExitOk = 0;
/// Exit status like grep: nothing found.
inline constexpr int kExitNotFound = 1;
/// Exit status like grep: an error.
inline constexpr int kExitError = 2;

/// How a subcommand is called, for --help and error hints.
struct Usage {
    std::string command;                ///< "ingest"
    std::string synopsis;               ///< "[--db DIR] PATH..."
    std::string summary;                ///< one sentence on what the command does
    std::vector<std::string> examples;  ///< command lines shown under "Examples:" in --help
};

/// An options description with the standard --help flag already added.
[[nodiscard]] po::options_description make_options(const Usage& usage);

/// Parse args. Returns std::nullopt after printing help to stdout when --help was given.
/// A bad or missing option throws referat::Error naming the command and pointing to --help.
[[nodiscard]] std::optional<po::variables_map> parse_options(
    const Args& args, const Usage& usage, const po::options_description& options,
    const po::positional_options_description& positional = {});

/// The value of a count option (--limit, --offset, ...): digits only, 0 or more; std::nullopt
/// when not given. Anything else ("-1", "ten") throws referat::Error naming the option. Every
/// command reads its numbers through this one function.
[[nodiscard]] std::optional<std::size_t> count_option(const po::variables_map& vm,
                                                      const std::string& name, const Usage& usage);

/// The value of a date option (--from, --to, --until): one day, month or year as the query
/// language's dato: takes it (2023-06-30, 2023-06, 2023, 30.6.2023); std::nullopt when not
/// given. An impossible or malformed date throws referat::Error naming the option. Every
/// command reads its dates through this one function.
[[nodiscard]] std::optional<std::string> date_option(const po::variables_map& vm,
                                                     const std::string& name, const Usage& usage);

/// Output formats chosen with --format.
enum class Format { kText, kJson };

/// Add "--format" with the given default ("text" or "json") to options.
void add_format_option(po::options_description& options, std::string_view default_format);
/// The --format value checked against the allowed formats; throws referat::Error otherwise.
[[nodiscard]] Format format_from(const po::variables_map& vm, const Usage& usage,
                                 std::initializer_list<Format> allowed = {Format::kText,
                                                                          Format::kJson});
/// Name of a format as written on the command line.
[[nodiscard]] std::string_view format_name(Format format);

/// Add the CSV options every command with CSV output has: --csv-sep, --bom, --spreadsheet.
void add_csv_options(po::options_description& options);
/// The CSV options given: --bom or --spreadsheet turn on spreadsheet mode (byte order mark and
/// formula guard); --spreadsheet also makes ';' the separator unless --csv-sep says otherwise.
/// An unknown separator throws referat::Error.
[[nodiscard]] query::CsvOptions csv_options_from(const po::variables_map& vm, const Usage& usage);

/// Add "--db" (repeatable: several databases or "host:port" shards are searched as one).
void add_db_option(po::options_description& options);
/// The --db values, or the default database path ($REFERAT_DB, else ./referat.db).
[[nodiscard]] std::vector<std::string> database_specs(const po::variables_map& vm);
/// The single --db value for commands that write; more than one throws referat::Error.
[[nodiscard]] std::string single_database(const po::variables_map& vm, const Usage& usage);

/// When to colour output.
enum class ColourMode { kAuto, kAlways, kNever };

/// Add "--color auto|always|never".
void add_colour_option(po::options_description& options);
/// The --color value; throws referat::Error for an unknown value.
[[nodiscard]] ColourMode colour_mode_from(const po::variables_map& vm, const Usage& usage);
/// Whether the file descriptor is a terminal.
[[nodiscard]] bool is_terminal(int fd);
/// Whether to colour output to fd: mode, then NO_COLOR, TERM=dumb and is_terminal for kAuto.
[[nodiscard]] bool colour_enabled(ColourMode mode, int fd);

/// ANSI styling that becomes plain text when disabled.
class Painter {
  public:
    /// Colour on or off.
    explicit Painter(bool enabled) : m_enabled(enabled) {}
    /// Whether styling is emitted.
    [[nodiscard]] bool enabled() const { return m_enabled; }
    /// Bold text (headings, ids).
    [[nodiscard]] std::string bold(std::string_view text) const;
    /// Dim text (provenance, secondary fields).
    [[nodiscard]] std::string dim(std::string_view text) const;
    /// Highlighted match (bold yellow).
    [[nodiscard]] std::string highlight(std::string_view text) const;
    /// Success (green).
    [[nodiscard]] std::string good(std::string_view text) const;
    /// Error or warning (red).
    [[nodiscard]] std::string bad(std::string_view text) const;

  private:
    [[nodiscard]] std::string wrap(std::string_view code, std::string_view text) const;
    bool m_enabled;
};

/// Width of UTF-8 text in terminal columns (one per code point; enough for Danish text).
[[nodiscard]] std::size_t display_width(std::string_view text);
/// text padded with spaces to width columns (never cut).
[[nodiscard]] std::string pad_right(std::string_view text, std::size_t width);

/// Print a JSON value pretty (indent 2) followed by a newline.
void print_json(std::ostream& out, const json::Value& value);

/// Write text to path atomically (temporary file in the same folder, then rename), so an
/// interrupted run never leaves a half-written file. Throws referat::Error on failure.
void write_file_atomically(const std::string& path, std::string_view text);

}  // namespace referat::cli
