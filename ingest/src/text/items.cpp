#include "text/items.hpp"

#include <algorithm>
#include <map>

#include <re2/re2.h>

#include "referat/ingest/utf8.hpp"
#include "text/pattern_set.hpp"
#include "text/profiles.hpp"
#include "text/toc.hpp"

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

/// An item the table of contents lists and the body leaves out.
ItemHeader toc_only_header(const TocEntry& e) {
    ItemHeader h;
    h.line = e.line;
    h.body_begin = e.line + 1;
    h.number = e.number;
    h.title = e.title;
    h.toc_only = true;
    h.closed = e.closed;
    return h;
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
        // "Punkt 1.1 Title", "Pkt. 3.2": a sub-item stays inside its item.
        static const RE2 kSubItem(R"(^(?i:punkt|pkt|sag|sak|§)\.?\s*\d{1,4}\.\d)");
        if (RE2::PartialMatch(line.trimmed, kSubItem)) return false;
        // "1. | Val av justerare": a table's column bar between number and title.
        if (title.starts_with("|")) {
            title.remove_prefix(1);
            while (!title.empty() && (title[0] == ' ' || title[0] == '\t')) title.remove_prefix(1);
        }
        if (name == "item:numbered" || name == "item:glued" || name == "item:number-space" ||
            name == "item:paren") {
            if (title.find('\t') != std::string_view::npos) return false;
            if (starts_with_month(title) || utf8::starts_lower(title)) return false;
            if (!utf8::starts_upper(title) && !(title.size() > 0 && title[0] == '(')) return false;
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
    const std::vector<Toc> tocs = find_tocs(lines, begin, end);
    std::vector<bool> in_toc(lines.size(), false);
    std::map<int, const TocEntry*> toc_by_number;  // the first table's entries win
    for (const Toc& toc : tocs) {
        for (std::size_t k = toc.first; k <= toc.last; ++k) in_toc[k] = true;
        if (toc_line == static_cast<std::size_t>(-1)) toc_line = toc.first;
        for (const TocEntry& e : toc.entries)
            if (!e.implicit) toc_by_number.emplace(e.number, &e);
    }
    // Lines with dot leaders and a page number are table lines wherever they stand.
    for (std::size_t i = begin; i < end; ++i)
        if (!lines[i].blank && is_toc_entry(lines[i].trimmed)) in_toc[i] = true;
    std::vector<std::vector<Candidate>> per_style(item_styles().size());
    for (std::size_t i = begin; i < end; ++i) {
        Candidate c;
        if (!in_toc[i] && match_candidate(lines[i], i, c)) per_style[c.style].push_back(c);
    }
    // How many of a run's numbers the table of contents lists: the numbering that agrees with
    // the table is the items' numbering.
    auto agreement = [&](const std::vector<Candidate>& run) {
        std::size_t n = 0;
        for (const Candidate& c : run) n += toc_by_number.count(c.number);
        return n;
    };
    std::vector<Candidate> best;
    std::size_t best_style = 0;
    // The profile's own item forms first; every form when those find nothing. A bare number on
    // its own line is the weakest form (a column of years or counts looks the same), so it is
    // tried only when no explicit form ("Punkt 1.", "1. Title", ...) yields items.
    auto is_weak = [](std::string_view name) {
        return name == "item:bare-number" || name == "item:number-space" ||
               name == "item:number-dot" || name == "item:number-year";
    };
    for (int pass = 0; pass < 4 && best.empty(); ++pass) {
        const bool own_only = pass < 2;
        const bool allow_weak = pass % 2 == 1;
        for (std::size_t s = 0; s < per_style.size(); ++s) {
            const std::string_view name = item_styles()[s].name;
            const bool own =
                allowed.empty() || std::find(allowed.begin(), allowed.end(), name) != allowed.end();
            const bool weak = is_weak(name);
            if (per_style[s].empty() || (own_only && !own) || (weak && !allow_weak)) continue;
            std::vector<Candidate> run = chain(per_style[s]);
            const std::size_t run_agree = agreement(run);
            const std::size_t best_agree = agreement(best);
            if (run_agree > best_agree ||
                (run_agree == best_agree &&
                 (run.size() > best.size() || (run.size() == best.size() && !run.empty() &&
                                               run.front().line < best.front().line)))) {
                best = std::move(run);
                best_style = s;
            }
        }
    }
    // A numbered heading without a dot ("1<TAB>Velkommen", "12 Valg") is weak evidence, but when
    // it numbers many more headings than the explicit forms found, it is the document's form.
    const bool explicit_few =
        !best.empty() && best.size() <= 3 && !is_weak(item_styles()[best_style].name);
    for (std::size_t s = 0; s < per_style.size() && explicit_few; ++s) {
        const std::string_view name = item_styles()[s].name;
        if ((name != "item:number-space" && name != "item:number-dot" &&
             name != "item:number-year") ||
            per_style[s].empty())
            continue;
        std::vector<Candidate> run = chain(per_style[s]);
        if (run.size() >= 4 && run.size() >= 2 * best.size() + 1 &&
            agreement(run) >= agreement(best)) {
            best = std::move(run);
            best_style = s;
            rules.emplace_back("items:weak-form-numbers-more");
        }
    }
    // An agenda list: the chosen run sits on consecutive lines ("1. Valg af dirigent" ...
    // "10. Eventuelt" in a row) and the body numbers its headings again after it. The body's
    // headings are the items; the list is evidence like a table of contents.
    std::vector<TocEntry> list_entries;
    // Dense: at most four lines per entry on average (a list, not headings with bodies).
    auto compact = [](const std::vector<Candidate>& run) {
        return run.size() >= 2 && run.back().line - run.front().line < 4 * run.size();
    };
    // The chain may run from the list into the body ("10. Eventuelt" listed, "11. Eventuelt"
    // written): the list is its longest dense beginning.
    std::vector<Candidate> listed = best;
    while (listed.size() > 2 && !compact(listed)) listed.pop_back();
    if (compact(listed) && listed.size() * 5 >= best.size() * 3) {
        std::vector<Candidate> body;
        std::size_t body_style = 0;
        for (std::size_t s = 0; s < per_style.size(); ++s) {
            std::vector<Candidate> after;
            for (const Candidate& c : per_style[s])
                if (c.line > listed.back().line) after.push_back(c);
            if (after.empty()) continue;
            std::vector<Candidate> run = chain(after);
            std::size_t shared = 0;
            for (const Candidate& c : run)
                for (const Candidate& l : listed) shared += c.number == l.number;
            const bool agrees =
                listed.size() >= 3 ? shared * 5 >= listed.size() * 3 : shared == listed.size();
            // The body's headings stand at least twice as far apart as the list's entries.
            auto spread = [](const std::vector<Candidate>& r) {
                return static_cast<double>(r.back().line - r.front().line) /
                       static_cast<double>(r.size());
            };
            const bool sparser =
                run.size() >= 2 && spread(run) >= std::max(2.0, 2 * spread(listed));
            if (sparser && agrees && run.size() > body.size()) {
                body = std::move(run);
                body_style = s;
            }
        }
        if (!body.empty()) {
            list_entries.reserve(listed.size());
            for (const Candidate& c : listed) {
                TocEntry e;
                e.line = c.line;
                e.number = c.number;
                e.title = collapse_spaces(c.title);
                list_entries.push_back(std::move(e));
                in_toc[c.line] = true;
            }
            for (const TocEntry& e : list_entries) toc_by_number.emplace(e.number, &e);
            if (toc_line == static_cast<std::size_t>(-1) || list_entries.front().line < toc_line)
                toc_line = list_entries.front().line;
            best = std::move(body);
            best_style = body_style;
            rules.emplace_back("items:agenda-list-then-body");
        }
    }
    // Any form, weak or another profile's, that agrees clearly better with the table of
    // contents is the items' form.
    if (!toc_by_number.empty()) {
        for (std::size_t s = 0; s < per_style.size(); ++s) {
            if (per_style[s].empty() || s == best_style) continue;
            std::vector<Candidate> run = chain(per_style[s]);
            if (run.size() >= 2 && agreement(run) > agreement(best) + 1) {
                best = std::move(run);
                best_style = s;
                rules.emplace_back("items:toc-agrees");
            }
        }
    }
    // Among candidates with the same number between two chosen items, the one whose title the
    // table of contents writes is the header; the others are list lines in a body.
    if (!toc_by_number.empty()) {
        for (std::size_t k = 0; k < best.size(); ++k) {
            auto it = toc_by_number.find(best[k].number);
            if (it == toc_by_number.end()) continue;
            auto same_title = [&](std::string_view title) {
                const std::string a = utf8::lower(collapse_spaces(title));
                const std::string b = utf8::lower(it->second->title);
                const std::size_t n = std::min<std::size_t>({a.size(), b.size(), 20});
                return n >= 4 && a.compare(0, n, b, 0, n) == 0;
            };
            if (same_title(best[k].title)) continue;
            const std::size_t lo = k > 0 ? best[k - 1].line : begin;
            const std::size_t hi = k + 1 < best.size() ? best[k + 1].line : end;
            for (const Candidate& c : per_style[best_style]) {
                if (c.number == best[k].number && c.line > lo && c.line < hi &&
                    same_title(c.title)) {
                    best[k] = c;
                    rules.emplace_back("items:toc-title-chosen");
                    break;
                }
            }
        }
    }
    // Titles as the table of contents writes them, to rejoin titles wrapped in the body.
    std::vector<std::string> toc_titles;
    for (const Toc& toc : tocs)
        for (const TocEntry& e : toc.entries) toc_titles.push_back(e.title);
    auto continues_toc_title = [&](const std::string& title, const std::string& joined) {
        // The entry may be cut short by the page number column ("... med ti<TAB>17").
        for (const auto& t : toc_titles) {
            const std::size_t n = std::min(t.size(), joined.size());
            if (n > title.size() + 3 && t.compare(0, n, joined, 0, n) == 0) return true;
        }
        return false;
    };
    std::vector<ItemHeader> out;
    if (!tocs.empty()) rules.emplace_back("toc:skipped");
    // A body numbering that the table of contents contradicts is a list, not the items.
    if (!toc_by_number.empty() && !best.empty() && agreement(best) * 2 < best.size() &&
        toc_by_number.size() >= best.size()) {
        rules.emplace_back("items:toc-over-body");
        best.clear();
    }
    if (best.empty()) {
        // An overview page: the table of contents is the only list of items.
        for (const auto& [number, e] : toc_by_number) {
            out.push_back(toc_only_header(*e));
        }
        // A table that writes no numbers numbers its entries by position.
        if (out.empty() && !tocs.empty()) {
            for (const TocEntry& e : tocs.front().entries) {
                out.push_back(toc_only_header(e));
            }
        }
        if (!out.empty()) rules.emplace_back("items:from-toc");
        return out;
    }
    rules.emplace_back(item_styles()[best_style].name);
    for (std::size_t k = 0; k < best.size(); ++k) {
        const Candidate& c = best[k];
        const std::size_t limit = k + 1 < best.size() ? best[k + 1].line : end;
        ItemHeader h;
        h.line = c.line;
        h.number = c.number;
        h.body_begin = c.line + 1;
        std::string title(c.title);
        // "§ 45 Dnr KS 2024/12" / "Sag nr. 3 Sagsnr. 00.01.00-A00-1-24": the header line holds
        // the case number and the title follows on the next line.
        static const RE2 kCaseOnly(
            R"(^(?i:dnr|diarienr|diarienummer|sagsnr|saksnr|sags\s*nr|j\.\s*nr|journalnr|arkivsak)(?:\.\s*|\s*:\s*|\s+)(\S.*)$)");
        re2::StringPiece case_text;
        if (RE2::FullMatch(title, kCaseOnly, &case_text)) {
            h.case_line = std::string(trim(case_text));
            title.clear();
        }
        if (title.empty()) {
            // "Punkt 1." with the title on the next non-blank line.
            for (std::size_t j = c.line + 1; j < limit; ++j) {
                if (lines[j].blank) continue;
                HeadingMatch hm;
                static const RE2 kNumberOnly(R"(^\d{1,4}\.?$)");
                if (!match_heading(lines[j].trimmed, hm) &&
                    !RE2::FullMatch(lines[j].trimmed, kNumberOnly)) {
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
            if (!open && !hyphen && !utf8::starts_lower(lines[next].trimmed) &&
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
        // "Punkt 3." with the title only in the table of contents; a header that PDF
        // extraction ran into the text after it is cut where the table's title ends.
        if (auto it = toc_by_number.find(h.number); it != toc_by_number.end()) {
            const std::string& toc_title = it->second->title;
            if (h.title.empty()) h.title = toc_title;
            const std::string collapsed = collapse_spaces(h.title);
            if (toc_title.size() >= 12 && collapsed.size() > toc_title.size() + 3 &&
                utf8::lower(collapsed).starts_with(utf8::lower(toc_title)) &&
                collapsed[toc_title.size()] == ' ' && collapsed[toc_title.size() + 1] != '(' &&
                words(std::string_view(collapsed).substr(toc_title.size())).size() >= 3) {
                h.title = toc_title;
                rules.emplace_back("title:cut-at-toc");
            }
            h.closed = it->second->closed;
        }
        out.push_back(std::move(h));
    }
    // Items the table of contents lists but the body leaves out (closed items, items
    // published elsewhere) are items too, with the table's title and no body.
    if (!toc_by_number.empty() && agreement(best) * 2 >= best.size()) {
        std::vector<ItemHeader> merged;
        std::size_t k = 0;
        bool added = false;
        for (const auto& [number, e] : toc_by_number) {
            while (k < out.size() && out[k].number < number) merged.push_back(out[k++]);
            if (k < out.size() && out[k].number == number) continue;
            if (number < out.front().number && out.front().number - number > 50) continue;
            // The body may number an item differently ("10. Eventuelt" listed, "11. Eventuelt"
            // written): an entry whose title a body item has is that item.
            const std::string entry_title = utf8::lower(e->title);
            if (std::any_of(out.begin(), out.end(), [&](const ItemHeader& h) {
                    return utf8::lower(collapse_spaces(h.title)) == entry_title;
                }))
                continue;
            merged.push_back(toc_only_header(*e));
            added = true;
        }
        while (k < out.size()) merged.push_back(out[k++]);
        // Only when the result still reads upwards (the body's order is the items' order).
        bool ascending = true;
        for (std::size_t i = 1; i < merged.size(); ++i)
            if (merged[i].number <= merged[i - 1].number) ascending = false;
        if (added && ascending) {
            out = std::move(merged);
            rules.emplace_back("items:toc-only");
        }
    }
    return out;
}

}  // namespace referat::ingest::text
