// referat parse: segment one file without indexing, as gold-shaped JSON or readable text.

#include <iostream>
#include <sstream>

#include <referat/ingest/parse.hpp>
#include <referat/ingest/serialize.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{"parse",
                   "FILE [--format json|text] [--explain] [--text]",
                   "Read and segment one minutes file without indexing it.\n"
                   "JSON has the gold shape: one meeting prints the meeting object itself, a file "
                   "with several\nmeetings prints an array of them. --explain adds the layout, "
                   "its confidence, the rules\nthat fired and the evidence for each header field "
                   "(on stderr with --format json, so stdout\nstays valid JSON). --text prints "
                   "the extracted, normalised text with the line numbers that\nitem spans "
                   "refer to, and nothing else.",
                   {"referat parse minutes.pdf", "referat parse minutes.pdf --explain",
                    "referat parse minutes.html --format json > meeting.json",
                    "referat parse minutes.pdf --text | less"}};

std::string join(const std::vector<std::string>& values, std::string_view separator) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : std::string(separator)) + v;
    return out;
}

void print_text(std::ostream& out, const ingest::Document& doc, const Painter& paint) {
    out << paint.bold(doc.source) << ": " << doc.meetings.size()
        << (doc.meetings.size() == 1 ? " meeting" : " meetings") << " (" << doc.type << ")\n";
    for (std::size_t m = 0; m < doc.meetings.size(); ++m) {
        const auto& meeting = doc.meetings[m];
        out << "\n"
            << paint.bold("Meeting " + std::to_string(m + 1) + ": " + meeting.title) << "\n";
        out << "  committee: " << meeting.committee << "\n";
        out << "  date:      " << meeting.date.value_or("-");
        if (meeting.start || meeting.end)
            out << " (" << meeting.start.value_or("?") << " - " << meeting.end.value_or("?") << ")";
        out << "\n  location:  " << meeting.location.value_or("-") << "\n";
        out << "  people:    " << meeting.participants.size() << " present, "
            << meeting.absent.size() << " absent\n";
        for (const auto& item : meeting.items) {
            out << "  " << paint.bold(std::to_string(item.number) + ". " + item.title) << " ["
                << ingest::outcome_name(item.outcome) << "]\n";
            std::vector<std::string> headings;
            for (const auto& s : item.sections) headings.push_back(s.heading);
            if (!headings.empty()) out << "     " << paint.dim(join(headings, " | ")) << "\n";
            if (item.decision) out << "     beslutning: " << *item.decision << "\n";
            if (!item.attachments.empty())
                out << "     bilag: " << join(item.attachments, "; ") << "\n";
        }
    }
}

void print_explain(std::ostream& out, const ingest::Document& doc) {
    for (std::size_t m = 0; m < doc.meetings.size(); ++m) {
        const auto& meeting = doc.meetings[m];
        std::ostringstream confidence;
        confidence.precision(2);
        confidence << std::fixed << meeting.layout_confidence;
        out << "meeting " << m + 1 << ": layout " << meeting.layout << " (confidence "
            << confidence.str() << "), " << meeting.items.size() << " items\n";
        out << "  rules fired: " << (meeting.rules.empty() ? "-" : join(meeting.rules, ", "))
            << "\n";
        for (const auto& e : meeting.evidence) out << "  evidence: " << e << "\n";
        for (const auto& w : meeting.warnings) out << "  warning: " << w << "\n";
    }
    for (const auto& w : doc.warnings) out << "file warning: " << w << "\n";
}

}  // namespace

int cmd_parse(const Args& args) {
    auto options = make_options(kUsage);
    add_format_option(options, "json");
    add_colour_option(options);
    options.add_options()("explain", "print layout, confidence, rules fired and warnings")(
        "text", "print the extracted text with line numbers instead of the segmentation")(
        "file", po::value<std::string>(), "the minutes file");
    po::positional_options_description positional;
    positional.add("file", 1);
    auto vm = parse_options(args, kUsage, options, positional);
    if (!vm) return kExitOk;
    if (!vm->count("file")) throw Error("parse: give one file (see 'referat parse --help')");
    const Format format = format_from(*vm, kUsage);
    const Painter paint(colour_enabled(colour_mode_from(*vm, kUsage), 1));

    auto doc = ingest::parse_file((*vm)["file"].as<std::string>());
    if (!doc) throw Error(doc.error().message());
    const bool explain = vm->count("explain") > 0;
    if (vm->count("text")) {
        std::istringstream lines(doc->text);
        std::string line;
        for (int n = 1; std::getline(lines, line); ++n) std::cout << n << "\t" << line << "\n";
        return kExitOk;
    }
    if (format == Format::kJson) {
        if (doc->meetings.size() == 1) {
            print_json(std::cout, ingest::meeting_to_json(doc->meetings.front(), doc->source));
        } else {
            json::Value all = json::Value::array();
            for (const auto& m : doc->meetings) all.push(ingest::meeting_to_json(m, doc->source));
            print_json(std::cout, all);
        }
        if (explain) print_explain(std::cerr, *doc);
    } else {
        print_text(std::cout, *doc, paint);
        if (explain) {
            std::cout << "\n";
            print_explain(std::cout, *doc);
        }
    }
    return kExitOk;
}

}  // namespace referat::cli
