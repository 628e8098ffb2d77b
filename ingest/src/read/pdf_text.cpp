// Cleaning the physical-layout text Poppler gives per page: column gaps to tabs, running headers
// and footers and page numbers out, lines wrapped at the right margin joined back into one line
// (the text sources hold one paragraph per line), hyphenation undone, dot leaders normalised.

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>

#include <re2/re2.h>

#include "read/formats.hpp"

namespace referat::ingest::read {

namespace {

/// A line as laid out: its tidied text and where it sat on the character grid.
struct LaidLine {
    std::string text;  ///< trimmed; gaps of 4+ columns became a tab
    int indent = 0;    ///< leading columns
    int end = 0;       ///< column one past the last character
};

constexpr int kGapColumns = 4;       // a wider run of spaces is a column gap (tab)
constexpr int kZoneLines = 6;        // header/footer zone: lines at the top or bottom of a page
constexpr int kWrapSlackPercent = 6; // grid rounding (proportional fonts) when deciding a line
                                     // reached the margin, in percent of the margin
constexpr int kMaxHangingIndent = 8; // continuation lines may sit this much further right
constexpr std::array<std::string_view, 6> kKeepHyphenBefore = {"og", "eller", "samt",
                                                               "til", "&", "el."};
constexpr std::string_view kTocLeader = " ..... ";

int columns(std::string_view s) {
    int n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

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

/// Key under which a line counts as repeated: digits folded, ASCII lower case.
std::string running_key(std::string_view text) {
    std::string key;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            if (key.empty() || key.back() != '#') key += '#';
        } else if (c == '\t') {
            key += ' ';
        } else {
            key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return key;
}

bool is_page_number(const std::string& text) {
    static const RE2 kPatterns(
        R"((?i)^(?:(?:side|page|s\.)\s*\d+(?:\s*(?:af|of|/|ud af)\s*\d+)?|\d+\s*(?:af|of|/)\s*\d+|[-–]?\s*\d{1,4}\s*[-–]?)$)");
    return RE2::FullMatch(text, kPatterns);
}

bool starts_lowercase(std::string_view s) {
    if (s.empty()) return false;
    const auto c = static_cast<unsigned char>(s[0]);
    if (c >= 'a' && c <= 'z') return true;
    // Latin-1 supplement lower case (æ ø å é ü ...) is C3 A0..C3 BF in UTF-8.
    return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0xA0;
}

bool ends_letter_hyphen(std::string_view s) {
    if (s.size() < 3 || s.back() != '-') return false;
    const auto c = static_cast<unsigned char>(s[s.size() - 2]);
    const auto p = static_cast<unsigned char>(s[s.size() - 3]);
    const bool letter = (c >= 'a' && c <= 'z') || c >= 0x80;
    const bool prev_letter = (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || p >= 0x80;
    return letter && prev_letter;
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

/// Remove running headers and footers and page numbers from the edges of each page.
void strip_running_lines(std::vector<std::vector<LaidLine>>& pages) {
    const std::size_t n = pages.size();
    std::map<std::string, int> top_count;
    std::map<std::string, int> bottom_count;
    for (const auto& page : pages) {
        std::set<std::string> top;
        std::set<std::string> bottom;
        int seen = 0;
        for (auto it = page.begin(); it != page.end() && seen < kZoneLines; ++it)
            if (!it->text.empty() && ++seen) top.insert(running_key(it->text));
        seen = 0;
        for (auto it = page.rbegin(); it != page.rend() && seen < kZoneLines; ++it)
            if (!it->text.empty() && ++seen) bottom.insert(running_key(it->text));
        for (const auto& k : top) ++top_count[k];
        for (const auto& k : bottom) ++bottom_count[k];
    }
    const int threshold = std::max(2, static_cast<int>((n + 1) / 2));
    auto running = [&](const std::map<std::string, int>& counts, const std::string& key) {
        const auto it = counts.find(key);
        return n >= 2 && it != counts.end() && it->second >= threshold;
    };
    for (auto& page : pages) {
        for (const bool from_top : {true, false}) {
            std::set<std::string> removed;
            int seen = 0;
            while (!page.empty() && seen < kZoneLines) {
                LaidLine& line = from_top ? page.front() : page.back();
                if (!line.text.empty()) {
                    const std::string key = running_key(line.text);
                    const bool repeated =
                        running(from_top ? top_count : bottom_count, key) && !removed.count(key);
                    if (!repeated && !is_page_number(line.text)) break;
                    removed.insert(key);
                    ++seen;
                }
                if (from_top) page.erase(page.begin());
                else page.pop_back();
            }
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
        const bool hyphen_word = ends_letter_hyphen(prev.text) && starts_lowercase(word) &&
                                 std::find(kKeepHyphenBefore.begin(), kKeepHyphenBefore.end(),
                                           word) == kKeepHyphenBefore.end();
        const bool aligned = line.indent >= prev.indent - 1 &&
                             line.indent <= prev.indent + kMaxHangingIndent;
        const bool full = margin > 0 && prev.text.find('\t') == std::string::npos &&
                          prev.end * 10 >= margin * 7 &&
                          (prev.end + 1 + columns(word)) * 100 > margin * (100 - kWrapSlackPercent);
        const char last = prev.text.back();
        const bool sentence_end = last == '.' || last == ':' || last == '?' || last == '!';
        const bool starts_upper_or_digit = !starts_lowercase(word);
        const bool separate = starts_list_entry(line.text) || word == first_word(prev.text) ||
                              is_toc_line(prev.text) || is_toc_line(line.text);
        if (full && aligned && !separate && !(sentence_end && starts_upper_or_digit && heading_like(line.text))) {
            if (hyphen_word) prev.text.pop_back();
            else if (last != '-' || std::find(kKeepHyphenBefore.begin(), kKeepHyphenBefore.end(),
                                              word) != kKeepHyphenBefore.end())
                prev.text += ' ';
            prev.text += line.text;
            prev.end = line.end;
            continue;
        }
        if (hyphen_word && aligned) {
            // Not at the margin (e.g. a narrow column): move only the word's second half up.
            prev.text.pop_back();
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
    if (RE2::FullMatch(text, kLeader, &title, &page))
        text = title + std::string(kTocLeader) + page;
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
    strip_running_lines(pages);
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
