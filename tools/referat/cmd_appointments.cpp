// referat appointments: the register of appointments made or reported in the minutes.

#include <iostream>

#include <referat/index/database.hpp>
#include <referat/query/format.hpp>
#include <referat/query/people.hpp>
#include <referat/query/views.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{
    "appointments",
    "[--db DIR] [--format text|json|csv] [--person NAME] [--to BODY] [--from DATE] "
    "[--until DATE] [--made|--reported] [QUERY...]",
    "List appointments: who was appointed to which body, at which meeting, made there or only "
    "reported (with who made it).\n--to matches words of the body in any case; dates are "
    "yyyy, yyyy-mm or yyyy-mm-dd; QUERY restricts to items matching a search.\nExit status 1 "
    "when none match.",
    {"referat appointments --from 2023-01 --until 2023-06-30",
     "referat appointments --person 'Jesper Kjeldsen' --format json",
     "referat appointments --to bestyrelse --made", "referat appointments budget"}};

void print_text(const std::vector<query::AppointmentEntry>& entries) {
    for (const auto& e : entries) {
        std::cout << pad_right(e.date.empty() ? "-" : e.date, 10) << "  " << e.committee << "  "
                  << e.item_number << ".  " << (e.person.empty() ? "-" : e.person);
        if (!e.organisation.empty()) std::cout << ", " << e.organisation;
        std::cout << "  -> " << e.to << "  [" << (e.made ? "made" : "reported");
        if (!e.by.empty()) std::cout << " by " << e.by;
        std::cout << "]  " << e.item_id << "\n";
    }
}

void print_csv(const std::vector<query::AppointmentEntry>& entries,
               const query::CsvOptions& csv) {
    std::cout << query::csv_start(csv)
              << query::csv_line({"date", "committee", "item_number", "person", "organisation",
                                  "to", "kind", "by", "item_id"},
                                 csv);
    for (const auto& e : entries)
        std::cout << query::csv_line({e.date, e.committee, std::to_string(e.item_number), e.person,
                                      e.organisation, e.to, e.made ? "made" : "reported", e.by,
                                      e.item_id},
                                     csv);
}

}  // namespace

int cmd_appointments(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    add_csv_options(options);
    options.add_options()("format,f", po::value<std::string>()->default_value("text"),
                          "output format: text, json or csv")(
        "person", po::value<std::string>()->value_name("NAME"), "only this appointee")(
        "to", po::value<std::string>()->value_name("BODY"), "only appointments to this body")(
        "from", po::value<std::string>()->value_name("DATE"), "meetings on or after DATE")(
        "until", po::value<std::string>()->value_name("DATE"), "meetings on or before DATE")(
        "made", "only appointments made by the meeting itself")(
        "reported", "only appointments made elsewhere and reported");
    options.add_options()("query", po::value<std::vector<std::string>>(), "search query");
    po::positional_options_description positional;
    positional.add("query", -1);
    auto vm = parse_options(args, kUsage, options, positional);
    if (!vm) return kExitOk;
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "csv")
        throw Error("appointments: unknown format '" + format + "'; use text, json or csv");
    if (vm->count("made") && vm->count("reported"))
        throw Error("appointments: give --made or --reported, not both");

    query::AppointmentFilter filter;
    if (vm->count("query"))
        for (const auto& w : (*vm)["query"].as<std::vector<std::string>>())
            filter.query += (filter.query.empty() ? "" : " ") + w;
    for (auto [key, field] : {std::pair{"person", &filter.person}, {"to", &filter.to}})
        if (vm->count(key)) *field = (*vm)[key].as<std::string>();
    filter.from = date_option(*vm, "from", kUsage);
    filter.until = date_option(*vm, "until", kUsage);
    if (vm->count("made")) filter.made = true;
    if (vm->count("reported")) filter.made = false;

    auto db = index::open_for_reading(database_specs(*vm));
    const auto entries = query::list_appointments(db, filter);
    if (format == "json") {
        json::Value list = json::Value::array();
        for (const auto& e : entries) list.push(query::appointment_to_json(e));
        print_json(std::cout, list);
    } else if (format == "csv") {
        print_csv(entries, csv_options_from(*vm, kUsage));
    } else {
        print_text(entries);
    }
    if (entries.empty()) {
        std::cerr << "referat appointments: no appointments match\n";
        return kExitNotFound;
    }
    return kExitOk;
}

}  // namespace referat::cli
