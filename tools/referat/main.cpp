// The referat binary: dispatch to a subcommand; the one place referat::Error is caught.

#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

#include <referat/ingest/error.hpp>

#include "commands.hpp"
#include "utf8_output.hpp"

namespace {

struct Subcommand {
    std::string_view name;
    int (*run)(const referat::cli::Args&);
    std::string_view summary;
};

constexpr Subcommand kSubcommands[] = {
    {"ingest", referat::cli::cmd_ingest, "index minutes files and folders"},
    {"search", referat::cli::cmd_search, "search the index"},
    {"export", referat::cli::cmd_export, "export search results for scripts"},
    {"show", referat::cli::cmd_show, "show one item or meeting in full"},
    {"stats", referat::cli::cmd_stats, "count items by committee, year, layout and outcome"},
    {"parse", referat::cli::cmd_parse, "segment one file without indexing"},
    {"compact", referat::cli::cmd_compact, "merge shards into one compacted database"},
    {"person", referat::cli::cmd_person, "one person's timeline of meetings and items"},
    {"persons", referat::cli::cmd_persons, "everyone named, with counts"},
    {"appointments", referat::cli::cmd_appointments, "the register of appointments"},
    {"watch", referat::cli::cmd_watch, "saved searches: what is new since the last run"},
    {"meetings", referat::cli::cmd_meetings, "list meetings by committee, date and kind"},
    {"serve", referat::cli::cmd_serve, "serve the index as a local web site and JSON API"},
};

void usage(std::ostream& out) {
    out << "Usage: referat COMMAND [OPTIONS] [ARGS]\n\nCommands:\n";
    for (const auto& c : kSubcommands)
        out << "  " << c.name << std::string(c.name.size() < 13 ? 14 - c.name.size() : 1, ' ')
            << c.summary << "\n";
    out << "\nEvery command has --help with examples ('referat help COMMAND' shows it too).\n"
           "Database: --db DIR, else $REFERAT_DB, else ./referat.db.\n"
           "Exit status: 0 ok/found, 1 nothing found, 2 error.\n";
}

// The subcommand called name with its arguments; unknown names are an error (exit 2).
int run(std::string_view name, const referat::cli::Args& args) {
    for (const auto& c : kSubcommands) {
        if (c.name != name) continue;
        try {
            return c.run(args);
        } catch (const referat::Error& e) {
            std::cerr << "referat: " << e.what() << "\n";
            return e.exit_code();
        } catch (const std::exception& e) {
            std::cerr << "referat: internal error: " << e.what() << "\n";
            return 2;
        }
    }
    std::cerr << "referat: unknown command '" << name << "' (see 'referat --help')\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    const referat::cli::ValidUtf8Output valid_output;
    if (argc < 2) {
        usage(std::cerr);
        return 2;
    }
    const std::string_view name = argv[1];
    // "referat help search" is "referat search --help".
    if (name == "help" && argc > 2) return run(argv[2], {"--help"});
    if (name == "--help" || name == "-h" || name == "help") {
        usage(std::cout);
        return 0;
    }
    if (name == "--version") {
        std::cout << "referat " << REFERAT_VERSION << "\n";
        return 0;
    }
    return run(name, referat::cli::Args(argv + 2, argv + argc));
}
