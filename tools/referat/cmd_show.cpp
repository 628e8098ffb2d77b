// referat show: one item or meeting in full, with its provenance.

#include <iostream>

#include <referat/index/database.hpp>
#include <referat/index/records.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{"show",
                   "[--db DIR] [--format text|json] ID",
                   "Show the item or meeting with this id in full (ids come from search "
                   "results).\nExit status 1 when there is no such id.",
                   {"referat show ID                  (ID from 'referat search' output)",
                    "referat show --format json ID"}};

std::string text_of(const json::Value& v) {
    if (v.is_string()) return v.as_string();
    if (v.is_null()) return "-";
    return v.dump();
}

void print_list(std::ostream& out, std::string_view label, const json::Value& list) {
    if (!list.is_array() || list.size() == 0) return;
    out << label << ":\n";
    for (const auto& v : list.as_array()) out << "  - " << text_of(v) << "\n";
}

std::string person_line(const json::Value& p) {
    std::string line = text_of(p["name"]);
    std::string extra;
    for (const char* key : {"role", "organisation", "party"})
        if (p[key].is_string()) extra += (extra.empty() ? "" : ", ") + p[key].as_string();
    return extra.empty() ? line : line + " (" + extra + ")";
}

void print_header(std::ostream& out, const json::Value& h, const Painter& paint) {
    out << paint.bold(text_of(h["title"])) << "\n";
    out << "Udvalg: " << text_of(h["committee"]) << "   Dato: " << text_of(h["date"]);
    if (h["start"].is_string())
        out << "   " << h["start"].as_string() << " - " << text_of(h["end"]);
    out << "\n";
    if (h["location"].is_string()) out << "Sted: " << h["location"].as_string() << "\n";
}

void print_provenance(std::ostream& out, const json::Value& r, const Painter& paint) {
    std::string where = text_of(r["source"]);
    if (r["lines"].is_object() && r["lines"]["begin"].is_number() &&
        r["lines"]["begin"].as_int() > 0)
        where += ", lines " + r["lines"]["begin"].dump() + "-" + r["lines"]["end"].dump();
    if (r["page"].is_number() && r["page"].as_int() > 0) where += ", page " + r["page"].dump();
    out << paint.dim("source: " + where) << "\n"
        << paint.dim("sha256: " + text_of(r["sha256"]) + "   layout: " + text_of(r["layout"]))
        << "\n";
}

void print_item(std::ostream& out, const json::Value& r, const Painter& paint) {
    out << paint.bold("item " + text_of(r["id"])) << "   meeting " << text_of(r["meeting_id"])
        << "\n";
    print_header(out, r["meeting"], paint);
    out << "\n" << paint.bold(r["number"].dump() + ". " + text_of(r["title"])) << "\n";
    out << "Outcome: " << text_of(r["decision_outcome"]);
    if (r["case_number"].is_string()) out << "   Sagsnr.: " << r["case_number"].as_string();
    if (r["closed"].is_bool() && r["closed"].as_bool()) out << "   (lukket punkt)";
    out << "\n";
    bool decision_shown = false;
    if (r["body"].is_array())
        for (const auto& s : r["body"].as_array()) {
            out << "\n" << paint.bold(text_of(s["heading"])) << "\n" << text_of(s["text"]) << "\n";
            decision_shown = decision_shown || s["kind"] == json::Value("beslutning");
        }
    // A decision read from somewhere other than a Beslutning section is shown on its own.
    if (r["decision"].is_string() && !decision_shown)
        out << "\n" << paint.bold("Beslutning") << "\n" << r["decision"].as_string() << "\n";
    out << "\n";
    print_list(out, "Attachments", r["attachments"]);
    print_list(out, "Persons mentioned", r["persons_mentioned"]);
    print_list(out, "Municipalities", r["municipalities"]);
    print_provenance(out, r, paint);
}

void print_meeting(std::ostream& out, const json::Value& r, const Painter& paint) {
    out << paint.bold("meeting " + text_of(r["id"])) << "\n";
    print_header(out, r["meeting"], paint);
    if (r["meeting"]["published"].is_string())
        out << "Udgivet: " << r["meeting"]["published"].as_string() << "\n";
    for (const auto& [key, label] : {std::pair{"participants", "Deltagere"}, {"absent", "Afbud"}}) {
        if (!r[key].is_array() || r[key].size() == 0) continue;
        out << label << ":\n";
        for (const auto& p : r[key].as_array()) out << "  - " << person_line(p) << "\n";
    }
    out << "\nItems:\n";
    if (r["items"].is_array())
        for (const auto& item : r["items"].as_array())
            out << "  " << pad_right(item["number"].dump() + ".", 4) << text_of(item["title"])
                << " [" << text_of(item["decision_outcome"]) << "]  "
                << paint.dim(text_of(item["id"])) << "\n";
    out << "\n";
    print_provenance(out, r, paint);
}

}  // namespace

int cmd_show(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    add_format_option(options, "text");
    add_colour_option(options);
    options.add_options()("id", po::value<std::string>(), "item or meeting id");
    po::positional_options_description positional;
    positional.add("id", 1);
    auto vm = parse_options(args, kUsage, options, positional);
    if (!vm) return kExitOk;
    if (!vm->count("id")) throw Error("show: give one id (see 'referat show --help')");
    const Format format = format_from(*vm, kUsage);
    const Painter paint(colour_enabled(colour_mode_from(*vm, kUsage), 1));
    const std::string id = (*vm)["id"].as<std::string>();

    auto db = index::open_for_reading(database_specs(*vm));
    auto record = index::find_record(db, id);
    if (!record) {
        std::cerr << "referat: no item or meeting with id " << id << "\n";
        return kExitNotFound;
    }
    if (format == Format::kJson) {
        print_json(std::cout, *record);
    } else if ((*record)["type"].is_string() && (*record)["type"].as_string() == "meeting") {
        print_meeting(std::cout, *record, paint);
    } else {
        print_item(std::cout, *record, paint);
    }
    return kExitOk;
}

}  // namespace referat::cli
