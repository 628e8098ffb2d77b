// referat person: one person's timeline across meetings, spellings merged.

#include <algorithm>
#include <iostream>

#include <referat/index/database.hpp>
#include <referat/query/format.hpp>
#include <referat/query/people.hpp>
#include <referat/query/views.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{"person",
                   "[--db DIR] [--format text|json|csv] NAME",
                   "Show one person's timeline: spellings, organisations and roles, then every "
                   "meeting attended or missed, item mentioning them and appointment, by date.\n"
                   "Spellings merge by first name and surname, initials and dropped middle "
                   "names.\nA name that fits nobody exactly (a surname alone, 'Surname, First', a "
                   "typo) lists the people it may mean.\nExit status 1 when nobody of that name "
                   "is in the index.",
                   {"referat person 'Jesper Kjeldsen'", "referat person Kjeldsen",
                    "referat person --format json 'J. Kjeldsen'"}};

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "-" : out;
}

void print_text(const query::PersonTimeline& t, const Painter& paint) {
    std::cout << paint.bold(t.name) << "\n"
              << "Spellings:     " << joined(t.spellings) << "\n"
              << "Organisations: " << joined(t.organisations) << "\n"
              << "Roles:         " << joined(t.roles) << "\n"
              << "Party:         " << joined(t.parties) << "\n\n";
    for (const auto& e : t.events) {
        std::cout << pad_right(e.date.empty() ? "-" : e.date, 10) << "  " << pad_right(e.kind, 10)
                  << "  " << e.committee;
        if (e.item_number > 0)
            std::cout << "  " << e.item_number << ". " << e.title;
        else
            std::cout << "  " << paint.dim("meeting") << " " << e.title;
        if (!e.detail.empty()) std::cout << "  [" << e.detail << "]";
        if (e.name != t.name) std::cout << "  (as " << e.name << ")";
        std::cout << "  " << paint.dim(e.item_id.empty() ? e.meeting_id : e.item_id) << "\n";
    }
}

void print_csv(const query::PersonTimeline& t, const query::CsvOptions& csv) {
    std::cout << query::csv_start(csv)
              << query::csv_line({"date", "kind", "name", "committee", "meeting_id", "item_number",
                                  "title", "item_id", "detail"},
                                 csv);
    for (const auto& e : t.events)
        std::cout << query::csv_line({e.date, e.kind, e.name, e.committee, e.meeting_id,
                                      std::to_string(e.item_number), e.title, e.item_id, e.detail},
                                     csv);
}

}  // namespace

int cmd_person(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    add_csv_options(options);
    options.add_options()("format,f", po::value<std::string>()->default_value("text"),
                          "output format: text, json or csv");
    add_colour_option(options);
    options.add_options()("name", po::value<std::vector<std::string>>(), "person name");
    po::positional_options_description positional;
    positional.add("name", -1);
    auto vm = parse_options(args, kUsage, options, positional);
    if (!vm) return kExitOk;
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "csv")
        throw Error("person: unknown format '" + format + "'; use text, json or csv");
    std::string name;
    if (vm->count("name"))
        for (const auto& w : (*vm)["name"].as<std::vector<std::string>>())
            if (w.find_first_not_of(" \t") != std::string::npos)
                name += (name.empty() ? "" : " ") + w;
    if (name.empty()) throw Error("person: give a name (see 'referat person --help')");
    const Painter paint(colour_enabled(colour_mode_from(*vm, kUsage), 1));

    auto db = index::open_for_reading(database_specs(*vm));
    auto timeline = query::person_timeline(db, name);
    if (!timeline) {
        const auto candidates = query::person_candidates(db, name);
        // One person holding every typed word ("Kjeldsen, Jesper"): that is who was meant.
        const bool one = std::count_if(candidates.begin(), candidates.end(),
                                       [](const auto& c) { return c.exact; }) == 1 &&
                         candidates.front().exact;
        if (one) timeline = query::person_timeline(db, candidates.front().key);
        if (!timeline) {
            std::cerr << "referat person: no person matching '" << name << "' in the index";
            if (candidates.empty()) {
                std::cerr << "\n";
                return kExitNotFound;
            }
            std::cerr << "; did you mean:\n";
            for (const auto& c : candidates) std::cerr << "  " << c.name << "\n";
            return kExitNotFound;
        }
    }
    if (format == "json") {
        print_json(std::cout, query::timeline_to_json(*timeline));
    } else if (format == "csv") {
        print_csv(*timeline, csv_options_from(*vm, kUsage));
    } else {
        print_text(*timeline, paint);
    }
    return kExitOk;
}

}  // namespace referat::cli
