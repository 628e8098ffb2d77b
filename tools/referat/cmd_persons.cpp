// referat persons: everyone in the index with counts, most mentioned first.

#include <iostream>

#include <referat/index/database.hpp>
#include <referat/query/format.hpp>
#include <referat/query/people.hpp>
#include <referat/query/views.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{"persons",
                   "[--db DIR] [--format text|json|csv] [--organisation ORG] [--committee C] "
                   "[--limit N]",
                   "List everyone named in the minutes with counts: items mentioning them, "
                   "meetings attended and missed, appointments; most items first.\nExit status 1 "
                   "when nobody matches.",
                   {"referat persons --limit 20", "referat persons --organisation Venstre",
                    "referat persons --committee 'DAS Social' --format csv"}};

std::string first_or_dash(const std::vector<std::string>& list) {
    return list.empty() ? "-" : list.front();
}

void print_text(const std::vector<query::PersonSummary>& people) {
    std::size_t width = 4;
    for (const auto& p : people) width = std::max(width, display_width(p.name));
    std::cout << pad_right("Name", width)
              << "  Items  Attended  Absent  Appointed  First       Last        Organisation\n";
    for (const auto& p : people)
        std::cout << pad_right(p.name, width) << "  " << pad_right(std::to_string(p.items), 5)
                  << "  " << pad_right(std::to_string(p.meetings_attended), 8) << "  "
                  << pad_right(std::to_string(p.absent), 6) << "  "
                  << pad_right(std::to_string(p.appointments), 9) << "  "
                  << pad_right(p.first_date.empty() ? "-" : p.first_date, 10) << "  "
                  << pad_right(p.last_date.empty() ? "-" : p.last_date, 10) << "  "
                  << first_or_dash(p.organisations) << "\n";
}

void print_csv(const std::vector<query::PersonSummary>& people, const query::CsvOptions& csv) {
    std::cout << query::csv_start(csv)
              << query::csv_line({"name", "key", "items", "meetings_attended", "absent",
                                  "appointments", "first_date", "last_date", "organisation"},
                                 csv);
    for (const auto& p : people)
        std::cout << query::csv_line(
            {p.name, p.key, std::to_string(p.items), std::to_string(p.meetings_attended),
             std::to_string(p.absent), std::to_string(p.appointments), p.first_date, p.last_date,
             p.organisations.empty() ? "" : p.organisations[0]},
            csv);
}

}  // namespace

int cmd_persons(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    add_csv_options(options);
    options.add_options()("format,f", po::value<std::string>()->default_value("text"),
                          "output format: text, json or csv")(
        "organisation", po::value<std::string>()->value_name("ORG"),
        "only people of this organisation (part of the name, any case)")(
        "committee", po::value<std::string>()->value_name("C"), "only meetings of this committee")(
        "limit,n", po::value<std::string>()->value_name("N"), "at most N people");
    auto vm = parse_options(args, kUsage, options);
    if (!vm) return kExitOk;
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "csv")
        throw Error("persons: unknown format '" + format + "'; use text, json or csv");

    const std::optional<std::size_t> limit = count_option(*vm, "limit", kUsage);
    query::PersonsFilter filter;
    if (vm->count("organisation")) filter.organisation = (*vm)["organisation"].as<std::string>();
    if (vm->count("committee")) filter.committee = (*vm)["committee"].as<std::string>();
    auto db = index::open_for_reading(database_specs(*vm));
    auto people = query::list_persons(db, filter);
    if (limit && people.size() > *limit) people.resize(*limit);

    if (format == "json") {
        json::Value list = json::Value::array();
        for (const auto& p : people) list.push(query::person_summary_to_json(p));
        print_json(std::cout, list);
    } else if (format == "csv") {
        print_csv(people, csv_options_from(*vm, kUsage));
    } else if (!people.empty()) {
        print_text(people);
    }
    if (people.empty()) {
        std::cerr << "referat persons: nobody matches\n";
        return kExitNotFound;
    }
    return kExitOk;
}

}  // namespace referat::cli
