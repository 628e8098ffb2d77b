// referat watch: saved searches that report what is new in the index since their last run.

#include <iostream>

#include <referat/index/database.hpp>
#include <referat/index/shards.hpp>
#include <referat/query/atom.hpp>
#include <referat/query/format.hpp>
#include <referat/query/watch.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{
    "watch",
    "add NAME QUERY... | list | run [NAME] | remove NAME   [--db DIR] [--format F]",
    "Saved searches. 'add' saves a query; 'run' prints the items matching it that entered the\n"
    "index (new or changed) since that watch last ran, newest first, and remembers the run;\n"
    "without NAME every watch runs. Watches are kept in the database, so everyone reading it\n"
    "sees the same ones. 'run' needs the database not to be in the middle of an ingest.\n"
    "Exit status 1 when a run finds nothing new.",
    {"referat watch add lokalplaner 'lokalplan udvalg:teknik'",
     "referat watch list",
     "referat watch run lokalplaner",
     "referat watch run lokalplaner --format atom > lokalplaner.atom",
     "referat watch run --dry-run          (what is new, without remembering the run)",
     "referat watch add ohne-lokalplan -- 'budget -lokalplan'   (words starting with '-')",
     "referat watch remove lokalplaner"}};

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// Store a watch (an empty value removes it).
void store(const std::string& db, const std::string& name, const std::string& value) {
    index::set_metadata(db, query::watch_key(name), value);
}

void print_run(std::ostream& out, const query::Watch& watch, const query::WatchRun& run,
               const std::string& format) {
    if (format == "jsonl") {
        for (const auto& h : run.result.hits) {
            json::Value line = h.record;
            line.set("watch", watch.name);
            out << query::jsonl_line(line);
        }
    } else {
        query::AtomOptions o;
        o.title = "Referat: " + watch.name + " (" + watch.query + ")";
        o.id = "urn:referat:watch:" + watch.name;
        out << query::atom_feed(run.result, o);
    }
}

}  // namespace

int cmd_watch(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    auto add = options.add_options();
    add("format,f", po::value<std::string>()->default_value("text"),
        "output of run and list: text, json, jsonl (run) or atom (run of one watch)");
    add("dry-run", "run without remembering the run");
    add("words", po::value<std::vector<std::string>>(), "ACTION and its arguments");
    po::positional_options_description positional;
    positional.add("words", -1);
    auto vm = parse_options(args, kUsage, options, positional);
    if (!vm) return kExitOk;
    std::vector<std::string> words;
    if (vm->count("words")) words = (*vm)["words"].as<std::vector<std::string>>();
    if (words.empty()) throw Error("watch: say add, list, run or remove (see referat watch --help)");
    const std::string action = words.front();
    words.erase(words.begin());
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "jsonl" && format != "atom")
        throw Error("watch: unknown format '" + format + "'; use text, json, jsonl or atom");
    const std::string path = single_database(*vm, kUsage);
    if (index::is_remote_spec(path) && !std::filesystem::exists(path))
        throw Error("watch: watches are kept in a local database, not in " + path);
    Xapian::Database db = index::open_for_reading({path});

    if (action == "add") {
        if (words.size() < 2) throw Error("watch add: give a NAME and a QUERY");
        const std::string name = words.front();
        if (query::find_watch(db, name))
            throw Error("watch add: there is already a watch called '" + name +
                        "' (referat watch remove " + name + " first)");
        const query::Watch w = query::new_watch(db, name, joined({words.begin() + 1, words.end()}));
        store(path, w.name, query::watch_to_json(w));
        std::cout << "watch '" << w.name << "' saved: " << w.query
                  << "\n'referat watch run " << w.name
                  << "' shows what is indexed from now on.\n";
        return kExitOk;
    }
    if (action == "remove" || action == "rm") {
        if (words.size() != 1) throw Error("watch remove: give one NAME");
        if (!query::find_watch(db, words.front()))
            throw Error("watch remove: no watch called '" + words.front() + "'");
        store(path, words.front(), "");
        std::cout << "watch '" << words.front() << "' removed\n";
        return kExitOk;
    }
    if (action == "list" || action == "ls") {
        if (!words.empty()) throw Error("watch list: takes no arguments");
        const auto watches = query::list_watches(db);
        if (format == "json" || format == "jsonl") {
            json::Value all = json::Value::array();
            for (const auto& w : watches) {
                json::Value v = json::Value::object();
                v.set("name", w.name);
                v.set("query", w.query);
                v.set("created", w.created);
                v.set("last_run", query::watch_time(w.last_run));
                if (format == "jsonl")
                    std::cout << query::jsonl_line(v);
                else
                    all.push(std::move(v));
            }
            if (format == "json") print_json(std::cout, all);
        } else {
            for (const auto& w : watches)
                std::cout << w.name << "\t" << w.query << "\tlast run "
                          << query::watch_time(w.last_run) << "\n";
            if (watches.empty())
                std::cerr << "referat: no watches; add one with: referat watch add NAME QUERY\n";
        }
        return watches.empty() ? kExitNotFound : kExitOk;
    }
    if (action != "run") throw Error("watch: unknown action '" + action + "'; use add, list, run or remove");
    if (words.size() > 1) throw Error("watch run: give at most one NAME");
    std::vector<query::Watch> watches;
    if (words.empty()) {
        watches = query::list_watches(db);
        if (watches.empty())
            throw Error("watch run: no watches; add one with: referat watch add NAME QUERY");
    } else {
        auto w = query::find_watch(db, words.front());
        if (!w) throw Error("watch run: no watch called '" + words.front() + "'");
        watches.push_back(*w);
    }
    if (format == "atom" && watches.size() != 1)
        throw Error("watch run: --format atom needs one NAME (one feed per watch)");
    // Every run is stored before anything is printed: a run that cannot be remembered shows
    // nothing, so the next run reports it in full.
    std::vector<query::WatchRun> runs;
    for (const auto& w : watches) runs.push_back(query::run_watch(db, w));
    if (!vm->count("dry-run"))
        for (const auto& run : runs) store(path, run.updated.name, query::watch_to_json(run.updated));
    std::size_t found = 0;
    json::Value all = json::Value::array();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto& w = watches[i];
        const auto& run = runs[i];
        found += run.result.hits.size();
        if (format == "json") {
            json::Value v = json::Value::object();
            v.set("name", w.name);
            v.set("query", w.query);
            v.set("since", query::watch_time(w.last_run));
            v.set("result", query::result_to_json(run.result, 0));
            all.push(std::move(v));
        } else if (format == "text") {
            std::cout << (i ? "\n" : "") << "== " << w.name << " (" << w.query << "): "
                      << run.result.hits.size() << " new since "
                      << query::watch_time(w.last_run) << "\n";
            if (!run.result.hits.empty()) query::write_text(std::cout, run.result, 0, {});
        } else {
            print_run(std::cout, w, run, format);
        }
    }
    if (format == "json") print_json(std::cout, all);
    std::cout.flush();
    return found ? kExitOk : kExitNotFound;
}

}  // namespace referat::cli
