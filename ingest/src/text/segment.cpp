#include "referat/ingest/segment.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include <re2/re2.h>

#include "text/body.hpp"
#include "text/dates.hpp"
#include "text/evidence.hpp"
#include "text/header.hpp"
#include "text/items.hpp"
#include "text/lines.hpp"
#include "text/profiles.hpp"
#include "text/treatments.hpp"

namespace referat::ingest {

namespace {

using text::Line;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// Meeting anchors of every profile, compiled once.
struct Anchor {
    std::unique_ptr<RE2> re;
    bool title_before = false;
};

const std::vector<Anchor>& anchors() {
    static const std::vector<Anchor> kAnchors = [] {
        std::vector<Anchor> out;
        for (const auto& p : text::profiles())
            out.push_back({std::make_unique<RE2>(std::string(p.anchor)), p.title_before_anchor});
        return out;
    }();
    return kAnchors;
}

/// Line indices where meetings start. A header anchor starts a new meeting when items came
/// before it and the item numbering starts again after it.
std::vector<std::size_t> meeting_starts(const std::vector<Line>& lines) {
    std::vector<int> number(lines.size(), -1);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        text::Candidate c;
        if (text::match_candidate(lines[i], i, c)) number[i] = c.number;
    }
    // Number of the first candidate after each line, computed once (keeps this linear).
    std::vector<int> next_number(lines.size() + 1, -1);
    for (std::size_t i = lines.size(); i-- > 0;)
        next_number[i] =
            i + 1 < lines.size() && number[i + 1] >= 0 ? number[i + 1] : next_number[i + 1];
    std::vector<std::size_t> starts{0};
    int last_number = -1;  // last item candidate number in the current meeting
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank || last_number < 0) {
            if (number[i] >= 0) last_number = number[i];
            continue;
        }
        for (const Anchor& a : anchors()) {
            if (!RE2::FullMatch(lines[i].trimmed, *a.re)) continue;
            std::size_t start = i;
            if (a.title_before) {
                std::size_t p = i;
                while (p > starts.back() + 1 && lines[p - 1].blank) --p;
                if (p > starts.back() + 1 && number[p - 1] < 0) start = p - 1;
            }
            if (start <= starts.back()) break;
            // A new meeting states its date near its first line; a "Referat" heading inside an
            // item (a quoted earlier meeting, an attachment's title) does not start one.
            bool dated = false;
            for (std::size_t j = i, seen = 0; j < lines.size() && seen < 12; ++j) {
                if (lines[j].blank) continue;
                ++seen;
                if (text::find_date(lines[j].trimmed)) {
                    dated = true;
                    break;
                }
            }
            if (!dated) break;
            const int next = next_number[i];
            if (next >= 0 && next <= last_number) {
                starts.push_back(start);
                last_number = -1;
            }
            break;
        }
        if (number[i] >= 0) last_number = number[i];
    }
    return starts;
}

/// Strip open/closed marks and case numbers from a title into the item's fields.
void clean_title(Item& item) {
    static const RE2 kClosedPrefix(R"(^(?i:lukket(?: punkt)?)\s*[:\-–]\s*)");
    static const RE2 kClosedMark(R"(\s*\((?i:lukket(?: punkt)?)\)\s*)");
    static const RE2 kOpenMark(R"(\s*\((?i:åben|åbent|åbent punkt|åben punkt)\)\s*)");
    static const RE2 kCaseLabel(
        R"(\s*[-–,]?\s*\(?(?:Sagsnr|Sags nr|Dok\.?\s*nr|Sag)\.?\s*:?\s*([A-ZÆØÅ]*-?\d[\w\p{L}./-]*\d)\)?\s*)");
    static const RE2 kCaseCode(R"(\s*[-–,]?\s*\(?\b([A-Z]{2,5}-\d{4}-\d{3,})\b\)?\s*)");
    // "(2024-0123456)", "(00.01.00-A00-1-24)": a journal number in brackets ends the title.
    static const RE2 kCaseBrackets(R"(\s*\((\d[\dA-ZÆØÅ.\-/]{5,}\d)\)\s*$)");
    std::string t = item.title;
    if (RE2::Replace(&t, kClosedPrefix, "")) item.closed = true;
    if (RE2::Replace(&t, kClosedMark, " ")) item.closed = true;
    RE2::Replace(&t, kOpenMark, " ");
    // "Title ( )": the case-number brackets some publishers leave empty.
    static const RE2 kEmptyBrackets(R"(\s*\(\s*\)\s*)");
    RE2::GlobalReplace(&t, kEmptyBrackets, " ");
    std::string cn;
    if (RE2::PartialMatch(t, kCaseBrackets, &cn)) {
        item.case_number = cn;
        RE2::Replace(&t, kCaseBrackets, "");
    } else if (RE2::PartialMatch(t, kCaseLabel, &cn) || RE2::PartialMatch(t, kCaseCode, &cn)) {
        item.case_number = cn;
        if (!RE2::Replace(&t, kCaseLabel, " ")) RE2::Replace(&t, kCaseCode, " ");
    }
    // "Pkt. 3 - Title", "Punkt 4: Title": the separator after the number is not the title's.
    static const RE2 kLeadingSeparator(R"(^[\s\-–—:.]+)");
    RE2::Replace(&t, kLeadingSeparator, "");
    item.title = text::collapse_spaces(t);
    // "6. Valg af revisor :": a colon closing the title introduces the text under it.
    while (!item.title.empty() && (item.title.back() == ':' || item.title.back() == ' '))
        item.title.pop_back();
}

/// Case number written on its own line near the top of the body ("Sagsnr.: 330-2018-3619").
void case_number_from_body(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                           Item& item) {
    static const RE2 kCase(
        R"(^(?:(?:(?:Sagsnr|Sags nr|Sag nr|Dok\.?\s*nr|Journalnr)\.?\s*:?|Sag\s*:)\s*([\w\p{L}./-]*\d[\w\p{L}./-]*)|([A-Z]{2,5}-\d{4}-\d{3,})$))");
    if (item.case_number) return;
    for (std::size_t i = begin; i < end && i < begin + 8; ++i) {
        std::string label_form, code_form;
        if (!lines[i].blank &&
            RE2::PartialMatch(lines[i].trimmed, kCase, &label_form, &code_form)) {
            item.case_number = label_form.empty() ? code_form : label_form;
            return;
        }
    }
}

int page_of(const PageStarts& pages, std::size_t offset) {
    if (pages.empty()) return 0;
    auto it = std::upper_bound(pages.begin(), pages.end(), offset);
    return static_cast<int>(it - pages.begin());
}

Meeting read_meeting(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                     const PageStarts& pages) {
    Meeting m;
    std::span<const Line> all(lines);
    text::LayoutGuess guess = text::detect_layout(all.subspan(begin, end - begin));
    m.layout = std::string(guess.profile->name);
    m.layout_confidence = guess.confidence;
    m.rules.push_back("layout:" + m.layout);
    std::size_t toc_line = kNone;
    std::vector<text::ItemHeader> headers =
        text::find_items(all, begin, end, guess.profile->item_styles, m.rules, toc_line);
    std::size_t header_end = end;
    for (const auto& h : headers)
        if (!h.toc_only) header_end = std::min(header_end, h.line);
    if (toc_line != kNone && toc_line < header_end) header_end = toc_line;
    text::read_header(all, begin, header_end, *guess.profile, m);
    text::decide_header_fields(all, begin, header_end, end, m);
    for (std::size_t k = 0; k < headers.size(); ++k) {
        const text::ItemHeader& h = headers[k];
        // An item runs to the next item written in the body; one the table of contents alone
        // lists has no body.
        std::size_t item_end = h.toc_only ? h.body_begin : end;
        for (std::size_t n = k + 1; n < headers.size() && !h.toc_only; ++n) {
            if (!headers[n].toc_only && headers[n].line > h.line) {
                item_end = headers[n].line;
                break;
            }
        }
        Item item;
        item.number = h.number;
        item.title = h.title;
        item.closed = h.closed;
        item.listed_only = h.toc_only;
        clean_title(item);
        if (!item.case_number && !h.case_line.empty()) item.case_number = h.case_line;
        if (!h.toc_only) {
            text::read_item_body(all, h.body_begin, item_end, *guess.profile, item, m.rules);
            case_number_from_body(lines, h.body_begin, item_end, item);
        }
        std::size_t last = h.line;
        for (std::size_t i = h.line; i < item_end && !h.toc_only; ++i)
            if (!lines[i].blank) last = i;
        item.span_begin = lines[h.line].begin;
        item.span_end = lines[last].end;
        item.line_begin = lines[h.line].number;
        item.line_end = lines[last].number;
        item.page = page_of(pages, item.span_begin);
        m.items.push_back(std::move(item));
    }
    text::settle_meeting(all.subspan(begin, header_end - begin), m, m.rules);
    if (!m.date) m.warnings.emplace_back("no date found");
    if (m.committee.empty()) m.warnings.emplace_back("no committee found");
    if (m.items.empty()) m.warnings.emplace_back("no agenda items found");
    if (m.title.empty()) m.warnings.emplace_back("no title found");
    std::sort(m.rules.begin(), m.rules.end());
    m.rules.erase(std::unique(m.rules.begin(), m.rules.end()), m.rules.end());
    m.span_begin = lines[begin].begin;
    m.span_end = lines[end - 1].end;
    return m;
}

}  // namespace

std::vector<Meeting> segment(std::string_view normalised_text, const PageStarts& pages) {
    std::vector<Line> lines = text::split_lines(normalised_text);
    std::vector<std::size_t> starts = meeting_starts(lines);
    std::vector<Meeting> out;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        std::size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
        out.push_back(read_meeting(lines, starts[k], end, pages));
    }
    return out;
}

}  // namespace referat::ingest
