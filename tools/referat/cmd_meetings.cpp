// referat meetings: the meetings in the index, by date, filtered by committee, date and kind.

#include <iostream>

#include <referat/index/database.hpp>
#include <referat/query/format.hpp>
#include <referat/query/meetings.hpp>
#include <referat/query/views.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{"meetings",
                   "[--db DIR] [--format text|json|csv] [--committee C]... [--from DATE] "
                   "[--to DATE] [--kind minutes|agenda] [--newest-first]",
                   "List meetings by date: date, committee, kind, number of items, participants "
                   "and absentees, id.\nDates are yyyy, yyyy-mm or yyyy-mm-dd; --committee is "
                   "the name as written, any case.\nExit status 1 when none match.",
                   {"referat meetings --committee Socialdirektørforum",
                    "referat meetings --from 2023 --to 2023-06 --kind minutes",
                    "referat meetings --newest-first --format csv"}};

void print_text(const std::vector<query::MeetingSummary>& meetings) {
    for (const auto& m : meetings)
        std::cout << pad_right(m.date.empty() ? "-" : m.date, 10) << "  " << m.committee << "  ["
                  << (m.kind.empty() ? "-" : m.kind) << "]  " << m.items << " items, "
                  << m.participants << " present, " << m.absent << " absent  " << m.id << "\n";
}

void print_csv(const std::vector<query::MeetingSummary>& meetings,
               const query::CsvOptions& csv) {
    std::cout << query::csv_start(csv)
              << query::csv_line({"date", "committee", "title", "kind", "location", "items",
                                  "participants", "absent", "id", "source"},
                                 csv);
    for (const auto& m : meetings)
        std::cout << query::csv_line({m.date, m.committee, m.title, m.kind, m.location,
                                      std::to_string(m.items), std::to_string(m.participants),
                                      std::to_string(m.absent), m.id, m.source},
                                     csv);
}

}  // namespace

int cmd_meetings(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    add_csv_options(options);
    options.add_options()("format,f", po::value<std::string>()->default_value("text"),
                          "output format: text, json or csv")(
        "committee", po::value<std::vector<std::string>>()->composing()->value_name("C"),
        "only this committee (repeatable)")("from", po::value<std::string>()->value_name("DATE"),
                                            "meetings on or after DATE")(
        "to", po::value<std::string>()->value_name("DATE"), "meetings on or before DATE")(
        "kind", po::value<std::string>()->value_name("KIND"),
        "minutes (referat) or agenda (dagsorden)")("newest-first", "newest meetings first");
    auto vm = parse_options(args, kUsage, options);
    if (!vm) return kExitOk;
    const std::string format = (*vm)["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "csv")
        throw Error("meetings: unknown format '" + format + "'; use text, json or csv");

    query::MeetingFilter filter;
    if (vm->count("committee"))
        filter.committees = (*vm)["committee"].as<std::vector<std::string>>();
    filter.from = date_option(*vm, "from", kUsage);
    filter.to = date_option(*vm, "to", kUsage);
    if (vm->count("kind")) filter.kind = (*vm)["kind"].as<std::string>();
    filter.newest_first = vm->count("newest-first") > 0;

    auto db = index::open_for_reading(database_specs(*vm));
    const auto meetings = query::list_meetings(db, filter);
    if (format == "json") {
        json::Value list = json::Value::array();
        for (const auto& m : meetings) list.push(query::meeting_summary_to_json(m));
        print_json(std::cout, list);
    } else if (format == "csv") {
        print_csv(meetings, csv_options_from(*vm, kUsage));
    } else {
        print_text(meetings);
    }
    if (meetings.empty()) {
        std::cerr << "referat meetings: no meetings match\n";
        return kExitNotFound;
    }
    return kExitOk;
}

}  // namespace referat::cli
