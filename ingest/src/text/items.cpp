#include "text/items.hpp"

#include <algorithm>
#include <map>

#include <re2/re2.h>

#include "text/pattern_set.hpp"
#include "text/profiles.hpp"

namespace referat::ingest::text {

namespace {

/// Items are at most this many numbers apart (closed items may be left out of a publication).
constexpr int kMaxGap = 3;
/// A wrapped title joins at most this many further lines.
constexpr int kMaxTitleLines = 3;

const PatternSet& style_patterns() {
    static const PatternSet kCompiled = [] {
        std::vector<std::string> patterns;
        for (const auto& s : item_styles()) patterns.emplace_back(s.regex);
        return PatternSet(patterns, RE2::ANCHOR_BOTH);
    }();
    return kCompiled;
}

bool starts_with_month(std::string_view title) {
    static const RE2 kMonth(
        R"(^(?i:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec)\b)");
    return RE2::PartialMatch(title, kMonth);
}

int paren_balance(std::string_view s) {
    int b = 0;
    for (char c : s) {
        if (c == '(') ++b;
        if (c == ')') --b;
    }
    return b;
}

/// Lines of a table of contents: a TOC heading followed by entries numbered upwards.
std::vector<bool> toc_lines(std::span<const Line> lines, std::size_t begin, std::size_t end,
                            std::size_t& toc_line) {
    std::vector<bool> in_toc(lines.size(), false);
    // Candidate numbers and their positions, computed once so each TOC check is a lookup.
    std::vector<int> number(lines.size(), -1);
    std::map<int, std::vector<std::size_t>> positions;
    for (std::size_t i = begin; i < end; ++i) {
        Candidate c;
        if (!lines[i].blank && match_candidate(lines[i], i, c)) {
            number[i] = c.number;
            positions[c.number].push_back(i);
        }
    }
    auto appears_after = [&](int n, std::size_t after) {
        auto it = positions.find(n);
        return it != positions.end() &&
               std::upper_bound(it->second.begin(), it->second.end(), after) != it->second.end();
    };
    for (std::size_t i = begin; i < end; ++i) {
        if (lines[i].blank) continue;
        if (is_toc_entry(lines[i].trimmed)) in_toc[i] = true;
        if (!is_toc_heading(lines[i].trimmed)) continue;
        int last = -1;
        int first = -1;
        int entries = 0;
        std::size_t j = i + 1;
        for (; j < end; ++j) {
            if (lines[j].blank) continue;
            if (number[j] >= 0 && number[j] > last) {
                if (first < 0) first = number[j];
                last = number[j];
                ++entries;
                continue;
            }
            if (is_toc_entry(lines[j].trimmed)) continue;
            break;
        }
        // A real table of contents is followed by the items themselves, numbered again.
        if (entries >= 2 && j > 0 && appears_after(first, j - 1)) {
            for (std::size_t k = i; k < j; ++k) in_toc[k] = true;
            if (toc_line == static_cast<std::size_t>(-1)) toc_line = i;
            i = j - 1;
        }
    }
    return in_toc;
}

/// The longest run of candidates numbered upwards one (at most kMaxGap) at a time.
std::vector<Candidate> chain(const std::vector<Candidate>& cands) {
    std::map<int, std::vector<std::size_t>> positions;  // number -> candidate indices
    for (std::size_t i = 0; i < cands.size(); ++i) positions[cands[i].number].push_back(i);
    auto exists_after = [&](int number, std::size_t after) {
        auto it = positions.find(number);
        if (it == positions.end()) return false;
        return std::upper_bound(it->second.begin(), it->second.end(), after) != it->second.end();
    };
    std::vector<Candidate> best;
    std::size_t tries = 0;
    for (std::size_t s = 0; s < cands.size() && tries < 64; ++s) {
        if (s > 0 && !exists_after(cands[s].number + 1, s) && !best.empty()) continue;
        ++tries;
        std::vector<Candidate> run{cands[s]};
        int last = cands[s].number;
        for (std::size_t i = s + 1; i < cands.size(); ++i) {
            int n = cands[i].number;
            if (n == last + 1 ||
                (n > last + 1 && n <= last + kMaxGap && !exists_after(last + 1, i))) {
                run.push_back(cands[i]);
                last = n;
            }
        }
        if (run.size() > best.size()) best = std::move(run);
        if (best.size() * 2 > cands.size()) break;
    }
    return best;
}

}  // namespace

bool match_candidate(const Line& line, std::size_t index, Candidate& out) {
    if (line.blank || line.raw.empty()) return false;
    char c0 = line.raw[0];
    if (c0 == ' ' || c0 == '\t') return false;
    if (line.trimmed.size() > 400) return false;
    // The first style that matches decides, as if each were tried in order.
    const PatternSet& styles = style_patterns();
    const int first = styles.first_match(line.trimmed);
    if (first >= 0) {
        if (is_toc_entry(line.trimmed)) return false;
        const auto s = static_cast<std::size_t>(first);
        re2::StringPiece num, title;
        if (!RE2::FullMatch(line.trimmed, styles.regex(s), &num, &title)) return false;
        int n = 0;
        for (char c : num) n = n * 10 + (c - '0');
        std::string_view name = item_styles()[s].name;
        if (name == "item:numbered" || name == "item:glued") {
            if (title.find('\t') != std::string_view::npos) return false;
            if (starts_with_month(title) || starts_lower(title)) return false;
            if (!starts_upper(title) && !(title.size() > 0 && title[0] == '(')) return false;
        }
        out = Candidate{index, n, s, trim(title)};
        return true;
    }
    return false;
}

std::vector<ItemHeader> find_items(std::span<const Line> lines, std::size_t begin, std::size_t end,
                                   std::span<const std::string_view> allowed,
                                   std::vector<std::string>& rules, std::size_t& toc_line) {
    toc_line = static_cast<std::size_t>(-1);
    std::vector<bool> in_toc = toc_lines(lines, begin, end, toc_line);
    std::vector<std::vector<Candidate>> per_style(item_styles().size());
    for (std::size_t i = begin; i < end; ++i) {
        Candidate c;
        if (!in_toc[i] && match_candidate(lines[i], i, c)) per_style[c.style].push_back(c);
    }
    std::vector<Candidate> best;
    std::size_t best_style = 0;
    // The profile's own item forms first; every form when those find nothing. A bare number on
    // its own line is the weakest form (a column of years or counts looks the same), so it is
    // tried only when no explicit form ("Punkt 1.", "1. Title", ...) yields items.
    for (int pass = 0; pass < 4 && best.empty(); ++pass) {
        const bool own_only = pass < 2;
        const bool allow_weak = pass % 2 == 1;
        for (std::size_t s = 0; s < per_style.size(); ++s) {
            const std::string_view name = item_styles()[s].name;
            const bool own =
                allowed.empty() || std::find(allowed.begin(), allowed.end(), name) != allowed.end();
            const bool weak = name == "item:bare-number";
            if (per_style[s].empty() || (own_only && !own) || (weak && !allow_weak)) continue;
            std::vector<Candidate> run = chain(per_style[s]);
            if (run.size() > best.size() || (run.size() == best.size() && !run.empty() &&
                                             run.front().line < best.front().line)) {
                best = std::move(run);
                best_style = s;
            }
        }
    }
    // Titles as the table of contents writes them, to rejoin titles wrapped in the body.
    std::vector<std::string> toc_titles;
    static const RE2 kTocTitle(
        R"(^(?:(?i:punkt)\s+\d+\s*[:.]\s*|\d+\.\s*)?(.*?)\s*(?:\.{3,}|…+)?\s*\d*\s*$)");
    for (std::size_t i = begin; i < end; ++i) {
        re2::StringPiece t;
        if (in_toc[i] && !lines[i].blank && RE2::FullMatch(lines[i].trimmed, kTocTitle, &t) &&
            !t.empty())
            toc_titles.push_back(collapse_spaces(t));
    }
    auto continues_toc_title = [&](const std::string& title, const std::string& joined) {
        // The entry may be cut short by the page number column ("... med ti<TAB>17").
        for (const auto& t : toc_titles) {
            const std::size_t n = std::min(t.size(), joined.size());
            if (n > title.size() + 3 && t.compare(0, n, joined, 0, n) == 0) return true;
        }
        return false;
    };
    std::vector<ItemHeader> out;
    if (best.empty()) return out;
    rules.emplace_back(item_styles()[best_style].name);
    if (toc_line != static_cast<std::size_t>(-1)) rules.emplace_back("toc:skipped");
    for (std::size_t k = 0; k < best.size(); ++k) {
        const Candidate& c = best[k];
        const std::size_t limit = k + 1 < best.size() ? best[k + 1].line : end;
        ItemHeader h;
        h.line = c.line;
        h.number = c.number;
        h.body_begin = c.line + 1;
        std::string title(c.title);
        if (title.empty()) {
            // "Punkt 1." with the title on the next non-blank line.
            for (std::size_t j = c.line + 1; j < limit; ++j) {
                if (lines[j].blank) continue;
                HeadingMatch hm;
                if (!match_heading(lines[j].trimmed, hm)) {
                    title = std::string(lines[j].trimmed);
                    h.body_begin = j + 1;
                }
                break;
            }
        }
        // Wrapped titles: an open parenthesis, or a next line that continues in lower case.
        int joined = 0;
        std::size_t j = h.body_begin;
        while (joined < kMaxTitleLines && j < limit) {
            bool open = paren_balance(title) > 0;
            std::size_t next = j;
            if (open) {
                while (next < limit && lines[next].blank) ++next;
            }
            if (next >= limit || lines[next].blank) break;
            HeadingMatch hm;
            if (match_heading(lines[next].trimmed, hm) || is_list_item(lines[next].raw)) break;
            // A line broken after a hyphen ("2030-" / "fremskrivning") joins without a space
            // when the table of contents writes it that way.
            const std::string glued = collapse_spaces(title + std::string(lines[next].trimmed));
            const bool hyphen = !title.empty() && title.back() == '-' &&
                                continues_toc_title(collapse_spaces(title), glued);
            if (!open && !hyphen && !starts_lower(lines[next].trimmed) &&
                !continues_toc_title(
                    collapse_spaces(title),
                    collapse_spaces(title + " " + std::string(lines[next].trimmed))))
                break;
            if (!hyphen) title += ' ';
            title += lines[next].trimmed;
            h.body_begin = next + 1;
            j = next + 1;
            ++joined;
        }
        if (joined > 0) rules.emplace_back("title:wrapped");
        h.title = std::move(title);
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace referat::ingest::text
