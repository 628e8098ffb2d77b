#include "text/toc.hpp"

#include <re2/re2.h>

#include "referat/ingest/utf8.hpp"
#include "text/profiles.hpp"

namespace referat::ingest::text {

namespace {

/// Lines inside a table that group entries: "Åbent referat", "Lukkede punkter", "I. Åbne sager",
/// a column header row ("Punkt\tTitel\tSide").
bool is_group_line(std::string_view t, bool& closed) {
    static const RE2 kGroup(
        R"(^(?:[IVX]{1,4}\.?\s+)?(?i:(åben|åbent|åbne|lukket|lukkede|offentlig|offentlige|unntatt offentlighet|ikke offentlig)(?:\s+(?:referat|punkter|punkt|sager|dagsorden|møde|del|saker|ärenden))?|(?:åbne|lukkede)\s+punkter|beslutningssager|orienteringssager|meddelelser og orientering|politiske saker|referatsaker|delegerte saker)\s*:?$)");
    static const RE2 kColumns(
        R"(^(?i:pkt|punkt|nr|sag|sak|saksnr|sagsnr|§|side)\.?(?:\s+(?i:nr)\.?)?[\t ]+(?i:tekst|titel|tittel|emne|innhold|indhold|sak|ärende|overskrift|side|sagens titel)\b.*$)");
    static const RE2 kRoman(R"(^[IVX]{1,4}\.?\s+\p{Lu}.{0,80}$)");
    static const RE2 kPageColumn(R"(^(?i:side|sida|page|s\.|sidenr\.?|pkt\.?|punkt|nr\.?)$)");
    if (RE2::FullMatch(t, kPageColumn)) return true;
    re2::StringPiece kind;
    if (RE2::FullMatch(t, kGroup, &kind)) {
        const std::string k = utf8::lower(kind);
        closed = k.starts_with("lukket") || k.starts_with("lukkede") || k.starts_with("unntatt") ||
                 k.starts_with("ikke");
        return true;
    }
    return RE2::FullMatch(t, kColumns) || RE2::FullMatch(t, kRoman);
}

/// A wrapped entry's second line: starts in lower case, or ends in leaders and a page.
bool continues_entry(std::string_view t) {
    static const RE2 kLeaderPage(R"((?:\.{3,}|…{2,}|\t)\s*\d{1,4}$)");
    if (t.size() > 160) return false;
    HeadingMatch hm;
    if (match_heading(t, hm)) return false;
    return utf8::starts_lower(t) || RE2::PartialMatch(t, kLeaderPage);
}

}  // namespace

bool parse_toc_entry(std::string_view trimmed, TocEntry& out) {
    static const RE2 kEntry(
        R"(^(?:(?i:punkt|pkt\.?|sag\s+nr\.?|sagsnr\.?|sak|ps|rs|ds|os|nr\.?|§|paragraf)\s*)?(\d{1,4})(?:/\d{2,4})?(?:\s*[.:)]\s*|\s*[-–]\s+|\s+)(?:\((?i:(åben|åbent|åbent punkt|åben punkt|lukket|lukket punkt))\)\s*)?(\S.*)$)");
    static const RE2 kTail(R"(^(.*?)\s*(?:(?:\.{2,}|…+)\s*|\t+\s*)(\d{1,4})$)");
    static const RE2 kEmptyBrackets(R"(\s*\(\s*\)\s*)");
    if (trimmed.size() > 300) return false;
    re2::StringPiece number, mark, rest;
    if (!RE2::FullMatch(trimmed, kEntry, &number, &mark, &rest)) return false;
    std::string title(rest);
    int page = -1;
    re2::StringPiece head, page_text;
    if (RE2::FullMatch(title, kTail, &head, &page_text)) {
        page = std::stoi(std::string(page_text));
        title = std::string(head);
    }
    // Cells of a table row: the title is the first cell with letters.
    if (title.find('\t') != std::string::npos) title = title.substr(0, title.find('\t'));
    RE2::GlobalReplace(&title, kEmptyBrackets, " ");
    title = collapse_spaces(title);
    while (!title.empty() && (title.back() == '.' || title.back() == ' ')) title.pop_back();
    if (title.empty() || !(utf8::starts_upper(title) || title[0] == '"' || title[0] == '(' ||
                           (title[0] >= '0' && title[0] <= '9')))
        return false;
    out.number = std::stoi(std::string(number));
    out.title = std::move(title);
    out.page = page;
    out.closed = !mark.empty() && utf8::lower(mark).starts_with("lukket");
    return true;
}

std::vector<Toc> find_tocs(std::span<const Line> lines, std::size_t begin, std::size_t end) {
    std::vector<Toc> out;
    auto collect = [&](std::size_t from, Toc& toc) {
        int last = -1;
        bool closed = false;
        std::size_t j = from;
        for (; j < end; ++j) {
            if (lines[j].blank) continue;
            const std::string_view t = lines[j].trimmed;
            bool group_closed = false;
            if (is_group_line(t, group_closed)) {
                // A second "Åbent"/"Lukket" group after entries starts the body in some layouts
                // ("Lukket referat" then item 1 again): the numbering check below decides.
                closed = group_closed;
                continue;
            }
            // Sub-points under an entry: "- uppföljning av fakturor", "a) ...", "• ...".
            static const RE2 kSubPoint(R"(^(?:[-–•·▪*]\s*|[a-zæøå][.)]\s+)\S)");
            if (!toc.entries.empty() && RE2::PartialMatch(t, kSubPoint)) {
                toc.last = j;
                continue;
            }
            TocEntry e;
            if (parse_toc_entry(t, e)) {
                if (e.number <= last) {
                    // A nested list ("4. Søknader" / "1. ..." "2. ..." / "5. Eventuelt") when the
                    // outer numbering goes on after it; else the body starts here.
                    std::size_t k = j;
                    bool resumes = false;
                    for (int steps = 0; k < end && steps < 40; ++k, ++steps) {
                        if (lines[k].blank) continue;
                        TocEntry next;
                        if (!parse_toc_entry(lines[k].trimmed, next)) break;
                        if (next.number == last + 1) {
                            resumes = true;
                            break;
                        }
                    }
                    if (!resumes) break;
                    toc.last = k - 1;
                    j = k - 1;
                    continue;
                }
                if (last >= 0 && e.number > last + 30) break;
                e.line = j;
                e.closed = e.closed || closed;
                toc.entries.push_back(std::move(e));
                toc.last = j;
                last = toc.entries.back().number;
                continue;
            }
            // "Godkendelse af dagsorden ..... 3": an entry without a number.
            static const RE2 kUnnumbered(R"(^(\p{Lu}.*?)\s*(?:\.{3,}|…{2,}|\t)\s*(\d{1,4})$)");
            re2::StringPiece title, page;
            if (RE2::FullMatch(t, kUnnumbered, &title, &page) && t.size() <= 300) {
                TocEntry u;
                u.line = j;
                u.number = last + 1 <= 0 ? 1 : last + 1;
                u.title = collapse_spaces(title);
                u.page = std::stoi(std::string(page));
                u.closed = closed;
                u.implicit = true;
                toc.entries.push_back(std::move(u));
                toc.last = j;
                last = toc.entries.back().number;
                continue;
            }
            if (!toc.entries.empty() && toc.entries.back().page < 0 && continues_entry(t)) {
                TocEntry joined;
                std::string text = toc.entries.back().title + " " + std::string(t);
                static const RE2 kTail(R"(^(.*?)\s*(?:(?:\.{2,}|…+)\s*|\t+\s*)(\d{1,4})$)");
                re2::StringPiece head, page_text;
                if (RE2::FullMatch(text, kTail, &head, &page_text)) {
                    toc.entries.back().page = std::stoi(std::string(page_text));
                    text = std::string(head);
                }
                toc.entries.back().title = collapse_spaces(text);
                toc.last = j;
                continue;
            }
            break;
        }
    };
    // "3 (Åben) Title 7": when every entry of a table ends in a number that never decreases,
    // those numbers are pages.
    auto strip_bare_pages = [](Toc& toc) {
        static const RE2 kTrailingNumber(R"(^(.*\S)\s+(\d{1,3})$)");
        if (toc.entries.size() < 3) return;
        int previous = 0;
        std::vector<std::pair<std::string, int>> split;
        for (const TocEntry& e : toc.entries) {
            re2::StringPiece head, page;
            if (e.page >= 0 || !RE2::FullMatch(e.title, kTrailingNumber, &head, &page)) return;
            const int p = std::stoi(std::string(page));
            if (p < previous) return;
            previous = p;
            split.emplace_back(std::string(head), p);
        }
        for (std::size_t k = 0; k < split.size(); ++k) {
            toc.entries[k].title = split[k].first;
            toc.entries[k].page = split[k].second;
        }
    };
    for (std::size_t i = begin; i < end; ++i) {
        if (lines[i].blank) continue;
        const std::string_view t = lines[i].trimmed;
        Toc toc;
        if (is_toc_heading(t)) {
            toc.heading = i;
            toc.first = i;
            toc.last = i;
            collect(i + 1, toc);
            if (toc.entries.size() >= 2) {
                i = toc.last;
                strip_bare_pages(toc);
                out.push_back(std::move(toc));
            }
            continue;
        }
        TocEntry e;
        if (!parse_toc_entry(t, e) || e.page < 0) continue;
        toc.first = i;
        toc.last = i;
        collect(i, toc);
        std::size_t paged = 0;
        for (const auto& entry : toc.entries)
            if (entry.page >= 0) ++paged;
        if (toc.entries.size() >= 3 && paged * 3 >= toc.entries.size() * 2) {
            i = toc.last;
            out.push_back(std::move(toc));
        }
    }
    return out;
}

}  // namespace referat::ingest::text
