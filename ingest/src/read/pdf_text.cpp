// Cleaning the physical-layout text Poppler gives per page: column gaps to tabs, running headers
// and footers and page numbers out, lines wrapped at the right margin joined back into one line
// (the text sources hold one paragraph per line), hyphenation undone, dot leaders normalised.

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include <re2/re2.h>

#include "read/formats.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest::read {

namespace {

/// A line as laid out: its tidied text and where it sat on the character grid.
struct LaidLine {
    std::string text;  ///< trimmed; gaps of 4+ columns became a tab
    int indent = 0;    ///< leading columns
    int end = 0;       ///< column one past the last character
};

constexpr int kGapColumns = 4;  // a wider run of spaces is a column gap (tab)
constexpr int kZoneLines = 6;
constexpr int kMinRunningPages = 3;   // fewer repetitions are not a running header        //
                                      // header/footer zone: lines at the top or bottom of a page
constexpr int kWrapSlackPercent = 6;  // grid rounding (proportional fonts) when deciding a line
                                      // reached the margin, in percent of the margin
constexpr int kMaxHangingIndent = 8;  // continuation lines may sit this much further right
constexpr std::array<std::string_view, 6> kKeepHyphenBefore = {"og",  "eller", "samt",
                                                               "til", "&",     "el."};
constexpr std::string_view kTocLeader = " ..... ";
// Words that cannot end a sentence or a heading: a line ending in one continues below.
constexpr std::array<std::string_view, 24> kDanglingWords = {
    "af",     "at", "de", "den",  "det", "en",   "eller", "et",  "for",   "fra", "i",     "med",
    "mellem", "og", "om", "over", "på",  "samt", "som",   "til", "under", "ved", "efter", "hos"};

int columns(std::string_view s) { return static_cast<int>(utf8::length(s)); }

LaidLine lay_out(std::string_view raw) {
    LaidLine line;
    std::size_t i = 0;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
    line.indent = columns(raw.substr(0, i));
    int spaces = 0;
    for (; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == ' ' || c == '\t') {
            ++spaces;
            continue;
        }
        if (c == '\r' || c == '\f') continue;
        if (spaces > 0) line.text += spaces >= kGapColumns ? '\t' : ' ';
        spaces = 0;
        line.text += c;
    }
    // The end column is the raw line's width without trailing blanks: the grid keeps x positions.
    if (!line.text.empty()) line.end = columns(raw.substr(0, raw.find_last_not_of(" \t\r\f") + 1));
    return line;
}

bool is_page_number(const std::string& text, std::size_t page_index);

/// Key under which a line counts as repeated: digits folded, ASCII lower case, and cells that
/// are page numbers ("...\tSide 3") left out.
std::string running_key(std::string_view text) {
    std::string key;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        auto end = text.find('\t', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string cell(text.substr(begin, end - begin));
        begin = end + 1;
        static const RE2 kLabelledNumber(R"((?i)\s*(?:side|page)\s*\d+(?:\s*(?:af|of)\s*\d+)?$)");
        RE2::Replace(&cell, kLabelledNumber, "");
        if (cell.empty()) continue;
        if (!key.empty()) key += ' ';
        for (const char c : cell) {
            if (c >= '0' && c <= '9') {
                if (key.empty() || key.back() != '#') key += '#';
            } else {
                key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            }
        }
    }
    return key;
}

/// "Side 3 af 17", "Page 3", "3 of 17", "3/17": always a page number at a page edge. A bare
/// "3" or "- 3 -" only when it is close to the page's position (tables of numbers also reach
/// page edges).
bool is_page_number(const std::string& text, std::size_t page_index) {
    static const RE2 kLabelled(
        R"((?i)(?:side|page|s\.)\s*\d+(?:\s*(?:af|of|/|ud af)\s*\d+)?|\d+\s*(?:af|of|/)\s*\d+)");
    static const RE2 kBare(R"([-–]?\s*(\d{1,4})\s*[-–]?)");
    if (RE2::FullMatch(text, kLabelled)) return true;
    int number = 0;
    if (!RE2::FullMatch(text, kBare, &number)) return false;
    const int position = static_cast<int>(page_index) + 1;
    return number >= position - 3 && number <= position + 3;
}

/// The line ends in a word fragment and a hyphen ("be-"): letters only, the last one lower case.
/// "EU-", "2030-", "list-style-" and URLs keep their hyphen.
bool ends_letter_hyphen(std::string_view s) {
    if (s.size() < 3 || s.back() != '-') return false;
    const auto space = s.find_last_of(" \t", s.size() - 2);
    const auto fragment = s.substr(space == std::string_view::npos ? 0 : space + 1);
    const auto letters = fragment.substr(0, fragment.size() - 1);
    char32_t last = 0;
    for (std::size_t i = 0; i < letters.size();) {
        last = utf8::next(letters, i);
        if (!utf8::is_letter(last)) return false;
    }
    return utf8::is_lower(last) && fragment.size() >= 3;
}

/// The first word of a continuation that completes a hyphenated word: lower-case letters,
/// perhaps closing punctuation; not itself a hyphenated fragment ("kontor- møde- og ...").
bool completes_word(std::string_view word) {
    if (word.empty() || word.back() == '-') return false;
    for (std::size_t i = 0; i < word.size();) {
        const char32_t c = utf8::next(word, i);
        if (!utf8::is_letter(c) && c != '.' && c != ',' && c != ';' && c != ':' && c != ')')
            return false;
    }
    return true;
}

/// "1.", "2)", "a.", "-", "•": a line that starts a list entry, never a continuation.
bool starts_list_entry(std::string_view s) {
    static const RE2 kEntry(R"((?:\d{1,3}[.)]|[a-zæøå][.)]|[-•–*▪·])(?:\s.*)?)");
    return RE2::FullMatch(s, kEntry);
}

std::string_view first_word(std::string_view s) {
    const auto end = s.find_first_of(" \t");
    return s.substr(0, end);
}

/// Indexes of the first (or last) kZoneLines non-empty lines of a page, edge first.
std::vector<std::size_t> zone(const std::vector<LaidLine>& page, bool from_top) {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < page.size() && out.size() < kZoneLines; ++k) {
        const std::size_t i = from_top ? k : page.size() - 1 - k;
        if (!page[i].text.empty()) out.push_back(i);
    }
    return out;
}

/// Remove running headers and footers and page numbers from the edges of each page. A line is
/// running when the same text (digits folded, page-number cells dropped) sits at the same place
/// in the top or bottom zone of enough pages.
void strip_running_lines(std::vector<std::vector<LaidLine>>& pages, std::size_t first_page) {
    const std::size_t n = pages.size();
    // Repeated on at least three pages and on at least half of them: a heading that happens to
    // open two pages of a short document is not a running header.
    const int threshold = std::max(kMinRunningPages, static_cast<int>((n + 1) / 2));
    for (const bool from_top : {true, false}) {
        std::map<std::pair<std::size_t, std::string>, int> counts;
        for (std::size_t p = 0; p < n; ++p) {
            const auto lines = zone(pages[p], from_top);
            for (std::size_t pos = 0; pos < lines.size(); ++pos)
                ++counts[{pos, running_key(pages[p][lines[pos]].text)}];
        }
        for (std::size_t p = 0; p < n; ++p) {
            auto& page = pages[p];
            const auto lines = zone(page, from_top);
            bool at_edge = true;
            std::vector<std::size_t> doomed;
            for (std::size_t pos = 0; pos < lines.size(); ++pos) {
                const auto& text = page[lines[pos]].text;
                const auto it = counts.find({pos, running_key(text)});
                const bool running = it != counts.end() && it->second >= threshold;
                const bool number = at_edge && is_page_number(text, first_page + p);
                if (running || number)
                    doomed.push_back(lines[pos]);
                else
                    at_edge = false;
            }
            std::sort(doomed.rbegin(), doomed.rend());
            for (const auto i : doomed) page.erase(page.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }
}

/// The right margin of the body text: the 95th percentile of line ends without column gaps.
int right_margin(const std::vector<std::vector<LaidLine>>& pages) {
    std::vector<int> ends;
    for (const auto& page : pages)
        for (const auto& line : page)
            if (!line.text.empty() && line.text.find('\t') == std::string::npos)
                ends.push_back(line.end);
    if (ends.empty()) return 0;
    std::sort(ends.begin(), ends.end());
    return ends[ends.size() * 95 / 100];
}

/// A short line without closing punctuation, or one ending in a colon: a heading, not the rest
/// of a wrapped sentence.
bool heading_like(std::string_view s) {
    if (s.empty()) return false;
    if (s.back() == ':') return true;
    const auto words = std::count(s.begin(), s.end(), ' ') + 1;
    const char last = s.back();
    return words <= 4 && last != '.' && last != ',' && last != ';' && last != ')';
}

/// A table of contents line: title, dot leader, page number.
bool is_toc_line(std::string_view s) {
    static const RE2 kToc(R"(.*(?:\.|…)[ \t]?(?:\.|…)[ \t]?(?:\.|…)[ \t]?(?:\.|…)[ \t]*\d{0,4})");
    return RE2::FullMatch(s, kToc);
}

/// Join lines that wrapped at the right margin, and words hyphenated across lines.
void join_wrapped(std::vector<LaidLine>& page, int margin) {
    std::vector<LaidLine> out;
    for (auto& line : page) {
        if (out.empty() || out.back().text.empty() || line.text.empty()) {
            out.push_back(std::move(line));
            continue;
        }
        LaidLine& prev = out.back();
        const auto word = first_word(line.text);
        const bool hyphen_word =
            ends_letter_hyphen(prev.text) && utf8::starts_lower(word) && completes_word(word) &&
            std::find(kKeepHyphenBefore.begin(), kKeepHyphenBefore.end(), word) ==
                kKeepHyphenBefore.end();
        const bool aligned =
            line.indent >= prev.indent - 1 && line.indent <= prev.indent + kMaxHangingIndent;
        const auto space = prev.text.find_last_of(' ');
        const auto last_word =
            std::string_view(prev.text).substr(space == std::string::npos ? 0 : space + 1);
        const bool dangling = std::find(kDanglingWords.begin(), kDanglingWords.end(), last_word) !=
                              kDanglingWords.end();
        const bool wide =
            margin > 0 && prev.text.find('\t') == std::string::npos && prev.end * 10 >= margin * 7;
        const bool full =
            wide && (prev.end + 1 + columns(word)) * 100 > margin * (100 - kWrapSlackPercent);
        const char last = prev.text.back();
        const bool starts_upper_or_digit = !utf8::starts_lower(word);
        const bool separate = starts_list_entry(line.text) || word == first_word(prev.text) ||
                              is_toc_line(prev.text) || is_toc_line(line.text);
        const bool continues = full && !(starts_upper_or_digit && heading_like(line.text));
        if (aligned && !separate && (continues || (wide && dangling))) {
            if (hyphen_word) {
                prev.text.pop_back();
            } else if ((last != '-' && last != '/') ||
                       std::find(kKeepHyphenBefore.begin(), kKeepHyphenBefore.end(), word) !=
                           kKeepHyphenBefore.end() ||
                       (last == '-' && word.ends_with('-'))) {
                prev.text += ' ';
            }
            prev.text += line.text;
            prev.end = line.end;
            continue;
        }
        const bool number_range =
            prev.text.size() >= 2 && last == '-' &&
            std::isdigit(static_cast<unsigned char>(prev.text[prev.text.size() - 2])) &&
            std::isdigit(static_cast<unsigned char>(word.front()));
        if ((hyphen_word || number_range) && aligned) {
            // Not at the margin (e.g. a narrow column): move only the word's second half up;
            // "2023-" + "2024" keeps its dash.
            if (hyphen_word) prev.text.pop_back();
            prev.text += word;
            line.text.erase(0, word.size());
            const auto rest = line.text.find_first_not_of(" \t");
            line.text.erase(0, rest == std::string::npos ? line.text.size() : rest);
            if (line.text.empty()) continue;
        }
        out.push_back(std::move(line));
    }
    page = std::move(out);
}

/// "Punkt 1: Titel ........ 3" -> "Punkt 1: Titel ..... 3": one fixed leader the segmenter can
/// recognise as a table-of-contents line.
void normalise_leader(std::string& text) {
    static const RE2 kLeader(R"(^(.*?\S)[ \t]*(?:(?:\.|…)[ \t]?){4,}[ \t]*(\d{1,4})$)");
    std::string title;
    std::string page;
    if (RE2::FullMatch(text, kLeader, &title, &page)) text = title + std::string(kTocLeader) + page;
}

}  // namespace

std::string clean_pdf_pages(std::vector<std::string> raw_pages,
                            std::vector<std::size_t>& page_starts) {
    std::vector<std::vector<LaidLine>> pages;
    pages.reserve(raw_pages.size());
    for (const auto& raw : raw_pages) {
        std::vector<LaidLine> lines;
        std::size_t begin = 0;
        while (begin < raw.size()) {
            auto end = raw.find('\n', begin);
            if (end == std::string::npos) end = raw.size();
            lines.push_back(lay_out(std::string_view(raw).substr(begin, end - begin)));
            begin = end + 1;
        }
        pages.push_back(std::move(lines));
    }
    strip_running_lines(pages, 0);
    const int margin = right_margin(pages);
    std::string text;
    page_starts.clear();
    for (auto& page : pages) {
        join_wrapped(page, margin);
        page_starts.push_back(text.size());
        bool blank = false;
        bool any = false;
        for (auto& line : page) {
            if (line.text.empty()) {
                blank = any;
                continue;
            }
            normalise_leader(line.text);
            if (blank) text += '\n';
            blank = false;
            any = true;
            text += line.text;
            text += '\n';
        }
    }
    return text;
}

}  // namespace referat::ingest::read
