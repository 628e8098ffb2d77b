// referat stats: how much is indexed, and items by committee, year, layout and outcome.

#include <iostream>

#include <referat/index/database.hpp>
#include <referat/index/records.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{"stats",
                   "[--db DIR] [--format text|json]",
                   "Count sources, meetings and items, and items by committee, year, layout and "
                   "outcome.",
                   {"referat stats", "referat stats --db referat.db --format json"}};

json::Value facet_json(const std::vector<index::FacetCount>& counts) {
    json::Value out = json::Value::object();
    for (const auto& c : counts) out.set(c.value, c.count);
    return out;
}

void print_facet(std::ostream& out, std::string_view title,
                 const std::vector<index::FacetCount>& counts, const Painter& paint) {
    out << "\n" << paint.bold(title) << "\n";
    if (counts.empty()) out << "  -\n";
    std::size_t width = 0;
    for (const auto& c : counts) width = std::max(width, display_width(c.value));
    for (const auto& c : counts)
        out << "  " << pad_right(c.value, width) << "  " << c.count << "\n";
}

}  // namespace

int cmd_stats(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    add_format_option(options, "text");
    add_colour_option(options);
    auto vm = parse_options(args, kUsage, options);
    if (!vm) return kExitOk;
    const Format format = format_from(*vm, kUsage);
    const Painter paint(colour_enabled(colour_mode_from(*vm, kUsage), 1));

    auto db = index::open_for_reading(database_specs(*vm));
    const auto stats = index::collect_stats(db);
    if (format == Format::kJson) {
        json::Value out = json::Value::object();
        out.set("sources", stats.sources);
        out.set("meetings", stats.meetings);
        out.set("items", stats.items);
        out.set("by_committee", facet_json(stats.committees));
        out.set("by_year", facet_json(stats.years));
        out.set("by_layout", facet_json(stats.layouts));
        out.set("by_outcome", facet_json(stats.outcomes));
        print_json(std::cout, out);
    } else {
        std::cout << "sources   " << stats.sources << "\nmeetings  " << stats.meetings
                  << "\nitems     " << stats.items << "\n";
        print_facet(std::cout, "Items by committee", stats.committees, paint);
        print_facet(std::cout, "Items by year", stats.years, paint);
        print_facet(std::cout, "Items by layout", stats.layouts, paint);
        print_facet(std::cout, "Items by outcome", stats.outcomes, paint);
    }
    return kExitOk;
}

}  // namespace referat::cli
