#include "text/body.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <re2/re2.h>

#include <referat/ingest/outcome.hpp>

#include "referat/ingest/utf8.hpp"
#include "text/dates.hpp"
#include "text/treatments.hpp"

namespace referat::ingest::text {

namespace {

/// Longest line, in characters and words, that can be a subheading.
constexpr std::size_t kMaxSubheadingChars = 120;
constexpr std::size_t kMaxSubheadingWords = 16;

enum class Kind { kBlank, kTitleRepeat, kHeading, kText };

/// Section kind of body text written under no heading.
constexpr std::string_view kUnheadedKind = "tekst";

struct Classified {
    Kind kind = Kind::kBlank;
    HeadingMatch heading;
    int section = -1;  ///< index into item.sections, -1 outside any section
    int block = 0;     ///< text between two headings / title repeats
    bool first_in_block = false;
    bool decision = false;  ///< part of a decision block
};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// A heading ends in a noun, not in a conjunction or preposition waiting for more.
bool ends_open(std::string_view s) {
    static constexpr std::array<std::string_view, 17> kOpen = {
        "at", "og",  "eller", "i",  "til", "af",  "for", "med", "om",
        "på", "som", "der",   "de", "den", "det", "en",  "et"};
    auto w = words(s);
    if (w.empty()) return false;
    std::string last = utf8::lower(w.back());
    return std::find(kOpen.begin(), kOpen.end(), last) != kOpen.end();
}

bool numeric_line(std::string_view s) {
    static const RE2 kRe(R"(^[\d\s.,%*+\-–/]+$)");
    return RE2::FullMatch(s, kRe);
}

/// A line written entirely in capitals that no heading table knows ("BESLUTNINGSFORSLAG FRA
/// DF"): a stray heading of the next part, never decision text.
bool capitals_line(std::string_view s) {
    static const RE2 kRe(R"(^[\p{Lu}\d][\p{Lu}\d\s.,:;/&()\-–]*\p{Lu}[\p{Lu}\d\s.,:;/&()\-–]*$)");
    return utf8::length(s) >= 8 && words(s).size() >= 2 && RE2::FullMatch(s, kRe);
}

/// "a. Status på aftalen": a lettered sub-item of an agenda item.
bool sub_item_line(std::string_view s) {
    static const RE2 kRe(R"(^[a-zæøå][.)]\s+\p{Lu})");
    return RE2::PartialMatch(s, kRe);
}

/// An attachment name without the list bullet in front of it.
std::string strip_bullet(std::string_view s) {
    static const RE2 kRe(R"(^[-•*–·▪]\s+)");
    std::string out(s);
    RE2::Replace(&out, kRe, "");
    return out;
}

/// "Udvalg: X" with "Dato: <date>" on the next line: the record of one treatment of the case.
bool treatment_block(std::span<const Line> lines, std::size_t i, std::size_t end) {
    static const RE2 kBody(R"(^(?i:Udvalg)\s*:\s*\S.*$)");
    static const RE2 kDate(R"(^(?i:Dato|Mødedato)\s*:\s*\d.*$)");
    if (!RE2::FullMatch(lines[i].trimmed, kBody)) return false;
    std::size_t n = i + 1;
    while (n < end && lines[n].blank) ++n;
    return n < end && RE2::FullMatch(lines[n].trimmed, kDate);
}

/// A line without a letter or digit (".", "-").
bool punctuation_only(std::string_view s) {
    static const RE2 kRe(R"(^[^\pL\pN]*$)");
    return RE2::FullMatch(s, kRe);
}

/// The lines of a section's text.
std::vector<std::string_view> split_text_lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t from = 0;
    while (from <= text.size()) {
        std::size_t nl = text.find('\n', from);
        if (nl == std::string_view::npos) nl = text.size();
        out.push_back(text.substr(from, nl - from));
        from = nl + 1;
    }
    return out;
}

/// "Ingen" (none) in place of an attachment list.
bool no_attachment(std::string_view s) {
    static const RE2 kRe(R"((?i)^(?:ingen(?: bilag)?|-)\.?$)");
    return RE2::FullMatch(strip_bullet(trim(s)), kRe);
}

/// Layouts that print the case's lead paragraph (or a lone "." for none) between the decision
/// and the "Resume" heading (FirstAgenda: "Beslutninger", decision, lead, "Resume").
constexpr std::string_view kLeadBeforeResume[] = {"firstagenda"};

/// The last line of a decision right before "Resume" is the case's lead, not decision text: it
/// moves to the start of the Resume section.
void move_lead_to_resume(Item& item, const std::vector<int>& decision_section,
                         std::vector<std::string>& rules) {
    for (std::size_t k = 0; k < decision_section.size() && k < item.decisions.size(); ++k) {
        const auto s = static_cast<std::size_t>(decision_section[k]);
        if (s + 1 >= item.sections.size() || item.sections[s + 1].kind != "resume") continue;
        std::string& text = item.sections[s].text;
        const std::size_t nl = text.rfind('\n');
        if (nl == std::string::npos) continue;  // the decision alone
        const std::string lead = text.substr(nl + 1);
        text.erase(nl);
        std::string& resume = item.sections[s + 1].text;
        resume = resume.empty() ? lead : lead + "\n" + resume;
        std::string& decided = item.decisions[k].text;
        const std::string tail = collapse_spaces(lead);
        if (!punctuation_only(tail) && decided.size() > tail.size() && decided.ends_with(tail)) {
            decided.erase(decided.size() - tail.size());
            while (!decided.empty() && decided.back() == ' ') decided.pop_back();
        }
        rules.emplace_back("decision:lead-before-resume");
    }
}

/// A closed item publishes only its decision, often under no heading ("Lukket: Køb af
/// landbrugsejendom", a case number, "Tilbagesendes ... har vedtaget Magistratens indstilling"):
/// a short body under no heading that reads as a decision is the decision.
void closed_decision(Item& item, std::vector<std::string>& rules) {
    constexpr std::size_t kMaxLines = 6;
    static const RE2 kCaseLine(
        R"(^(?:[A-Z]{2,5}-\d{4}-\d{3,}|(?i:sagsnr|sags nr|dok\.?\s*nr)\.?\s*:.*)$)");
    if (item.sections.size() != 1 || item.sections[0].kind != kUnheadedKind) return;
    Section& section = item.sections[0];
    std::string text;
    std::size_t count = 0;
    for (std::string_view line : split_text_lines(section.text)) {
        line = trim(line);
        if (line.empty() || RE2::FullMatch(line, kCaseLine)) continue;
        if (++count > kMaxLines) return;
        if (!text.empty()) text += ' ';
        text += collapse_spaces(line);
    }
    const Outcome o = classify_outcome(text);
    if (text.empty() || o == Outcome::kNone || o == Outcome::kDecided) return;
    section.kind = "beslutning";
    item.decisions.push_back(Decision{text, std::nullopt, std::nullopt});
    rules.emplace_back("decision:closed-item-unheaded");
}

}  // namespace

bool reads_as_sentence(std::string_view s) {
    static constexpr std::array<std::string_view, 16> kFinite = {
        "er",  "var",   "blev", "bliver", "har", "havde", "skal",  "skulle",
        "kan", "kunne", "vil",  "ville",  "må",  "bør",   "gives", "tages"};
    for (std::string_view w : words(s)) {
        std::string l = utf8::lower(w);
        while (!l.empty() && (l.back() == ',' || l.back() == '.' || l.back() == ':')) l.pop_back();
        if (std::find(kFinite.begin(), kFinite.end(), l) != kFinite.end()) return true;
        if (utf8::length(l) >= 5 && ends_with(l, "es")) return true;   // passive: godkendes
        if (utf8::length(l) >= 6 && ends_with(l, "ede")) return true;  // past: orienterede
    }
    Outcome o = classify_outcome(s);
    return o != Outcome::kDecided && o != Outcome::kNone;
}

void read_item_body(std::span<const Line> lines, std::size_t begin, std::size_t end,
                    const Profile& profile, Item& item, std::vector<std::string>& rules) {
    const std::string title = collapse_spaces(item.title);
    std::vector<Classified> cls(end > begin ? end - begin : 0);
    auto at = [&](std::size_t i) -> Classified& { return cls[i - begin]; };

    for (std::size_t i = begin; i < end; ++i) {
        Classified& c = at(i);
        if (lines[i].blank) continue;
        if (!title.empty() && collapse_spaces(lines[i].trimmed) == title) {
            c.kind = Kind::kTitleRepeat;
        } else if (match_heading(lines[i].trimmed, c.heading)) {
            c.kind = Kind::kHeading;
        } else {
            c.kind = Kind::kText;
        }
    }

    // A Bilag list may name a file like a heading ("Indstilling", the main document in
    // FirstAgenda lists): inside the list, a heading followed by more list entries or by the
    // end of the item is an entry.
    {
        bool in_list = false;
        for (std::size_t i = begin; i < end; ++i) {
            Classified& c = at(i);
            if (c.kind != Kind::kHeading) continue;
            if (c.heading.kind == "bilag" && c.heading.inline_text.empty()) {
                in_list = true;
                continue;
            }
            if (in_list && !c.heading.decision) {
                std::size_t n = i + 1;
                while (n < end && at(n).kind == Kind::kBlank) ++n;
                if (n == end ||
                    (at(n).kind == Kind::kText && is_inline_attachment(lines[n].trimmed))) {
                    c.kind = Kind::kText;
                    rules.emplace_back("attachments:heading-named-file");
                    continue;
                }
            }
            in_list = false;
        }
    }

    // A portal "Beslutning" tab right after the header: its block (up to the title repeat or the
    // next heading) holds the decision in the decision-first variant, or nothing at all.
    std::size_t first = begin;
    while (first < end && at(first).kind == Kind::kBlank) ++first;
    std::optional<std::size_t> tab;
    if (profile.decision_tab_label && first < end && at(first).kind == Kind::kHeading &&
        at(first).heading.decision && at(first).heading.inline_text.empty() &&
        at(first).heading.body.empty())
        tab = first;

    // An item split into lettered sub-items ("a. Title", "b. Title") has a Bilag list under
    // each: the next letter ends a list, and its text is the item's again.
    bool lettered = false;
    for (std::size_t i = begin; i < end; ++i) {
        const Classified& c = at(i);
        if (c.kind == Kind::kHeading && c.heading.kind == "bilag") break;
        if (c.kind == Kind::kText && sub_item_line(lines[i].trimmed)) lettered = true;
    }

    int section = -1;
    int block = 0;
    bool in_decision = false;
    std::string pending_label;          // a decision line ending in ':', kept until text follows it
    std::vector<int> decision_section;  // section of each heading decision, in order
    bool block_has_text = false;
    std::string tab_text;
    for (std::size_t i = begin; i < end; ++i) {
        Classified& c = at(i);
        if (c.kind == Kind::kBlank) {
            c.section = section;
            c.block = block;
            c.decision = in_decision;
            continue;
        }
        if (c.kind == Kind::kTitleRepeat) {
            pending_label.clear();
            section = -1;
            in_decision = false;
            ++block;
            block_has_text = false;
            continue;
        }
        if (c.kind == Kind::kHeading) {
            pending_label.clear();
            ++block;
            block_has_text = false;
            if (tab && i == *tab) {
                in_decision = true;
                section = -1;
                rules.emplace_back("decision:tab-label");
                continue;
            }
            in_decision = c.heading.decision;
            std::string heading = std::string(c.heading.heading);
            item.sections.push_back(Section{heading, std::string(c.heading.kind), {}, false});
            item.sections.back().earlier = is_history_kind(c.heading.kind);
            section = static_cast<int>(item.sections.size()) - 1;
            if (c.heading.decision) {
                Decision d;
                if (!c.heading.body.empty()) d.body = collapse_spaces(c.heading.body);
                if (auto fd = find_date(c.heading.heading)) d.date = fd->date;
                d.text = collapse_spaces(c.heading.inline_text);
                item.decisions.push_back(std::move(d));
                decision_section.push_back(section);
                if (!c.heading.inline_text.empty()) {
                    item.sections.back().text = std::string(c.heading.inline_text);
                    block_has_text = true;
                }
            }
            continue;
        }
        if (in_decision && block_has_text && capitals_line(lines[i].trimmed)) {
            pending_label.clear();
            // The heading of the next part ("BESLUTNINGSFORSLAG FRA M"): its text is the
            // item's too, under that heading, and no longer decision text.
            in_decision = false;
            item.sections.push_back(Section{std::string(lines[i].trimmed), "forslag", {}, false});
            section = static_cast<int>(item.sections.size()) - 1;
            ++block;
            block_has_text = false;
            c.kind = Kind::kHeading;
            c.section = section;
            c.block = block;
            rules.emplace_back("decision:ends-at-capitals");
            continue;
        }
        if (lettered && section >= 0 &&
            item.sections[static_cast<std::size_t>(section)].kind == "bilag" &&
            sub_item_line(lines[i].trimmed))
            section = -1;
        if ((section < 0 ||
             !is_history_kind(item.sections[static_cast<std::size_t>(section)].kind)) &&
            treatment_block(lines, i, end)) {
            // "Udvalg: Magistraten" / "Dato: 19-08-2025" under no Sagsforløb heading: another
            // treatment of the case begins (settle_meeting keeps one of this meeting's date).
            pending_label.clear();
            in_decision = false;
            item.sections.push_back(Section{{}, "sagsforløb", {}, true});
            section = static_cast<int>(item.sections.size()) - 1;
            ++block;
            block_has_text = false;
            rules.emplace_back("decision:treatment-block");
        }
        if (section < 0 && !in_decision) {
            // Text under no heading (a case number, a lead paragraph): a section without a
            // heading holds it, so that every word of the item lands in some section.
            item.sections.push_back(Section{{}, std::string(kUnheadedKind), {}, false});
            section = static_cast<int>(item.sections.size()) - 1;
        }
        c.section = section;
        c.block = block;
        c.decision = in_decision;
        c.first_in_block = !block_has_text;
        block_has_text = true;
        if (section >= 0) {
            std::string& t = item.sections[static_cast<std::size_t>(section)].text;
            if (!t.empty()) t += '\n';
            t += lines[i].trimmed;
            if (item.sections[static_cast<std::size_t>(section)].kind == "beslutning" &&
                !item.decisions.empty()) {
                // A label line ("Følgende deltog ikke i behandlingen af punktet:") is decision
                // text only when something follows it.
                Decision& d = item.decisions.back();
                std::string line = collapse_spaces(lines[i].trimmed);
                if (!pending_label.empty()) {
                    if (!d.text.empty()) d.text += ' ';
                    d.text += pending_label;
                    pending_label.clear();
                }
                if (line.ends_with(':')) {
                    pending_label = std::move(line);
                } else if (punctuation_only(line)) {
                    // "." where FirstAgenda prints an empty lead paragraph: no decision text.
                } else {
                    if (!d.text.empty()) d.text += ' ';
                    d.text += line;
                }
            }
        } else if (in_decision) {
            if (!tab_text.empty()) tab_text += ' ';
            tab_text += collapse_spaces(lines[i].trimmed);
        }
    }
    if (std::find(std::begin(kLeadBeforeResume), std::end(kLeadBeforeResume), profile.name) !=
        std::end(kLeadBeforeResume))
        move_lead_to_resume(item, decision_section, rules);
    if (!tab_text.empty()) {
        item.decisions.insert(item.decisions.begin(),
                              Decision{tab_text, std::nullopt, std::nullopt});
        rules.emplace_back("decision:first");
    }
    std::erase_if(item.decisions, [](const Decision& d) { return d.text.empty(); });
    if (item.closed && item.decisions.empty()) closed_decision(item, rules);
    settle_decision(item, std::nullopt);

    // Attachments: the last Bilag section is the list (names without their bullets), "Bilag:
    // ..." lines elsewhere are inline.
    // An item split into lettered sub-items ("a. Title", "b. Title") has a Bilag list under
    // each: then the attachments are all of them in order, and the next letter ends a list.
    auto in_bilag = [&](const Classified& c) {
        return c.section >= 0 && item.sections[static_cast<std::size_t>(c.section)].kind == "bilag";
    };
    int last_bilag = -1;
    for (std::size_t i = begin; i < end; ++i) {
        const Classified& c = at(i);
        if (c.kind == Kind::kText && in_bilag(c)) last_bilag = c.section;
    }
    std::vector<bool> list_ended(item.sections.size(), false);
    int previous_list = -1;  // section of the last attachment added
    auto add_attachment = [&](std::string_view line, int list) {
        static const RE2 kDocumentNumbered(R"(^\d{4}\s*[-–]\s*\d{3,}\s+-\s)");
        std::string name = collapse_spaces(strip_bullet(line));
        if (no_attachment(name)) return;  // "Ingen": none
        // In a list of "2012-204248 - Title" entries a line without its number is the wrapped
        // end of the entry before.
        if (list == previous_list && !item.attachments.empty() &&
            RE2::PartialMatch(item.attachments.back(), kDocumentNumbered) &&
            !RE2::PartialMatch(name, kDocumentNumbered)) {
            item.attachments.back() += " " + name;
            return;
        }
        item.attachments.push_back(std::move(name));
        previous_list = list;
    };
    for (std::size_t i = begin; i < end; ++i) {
        const Classified& c = at(i);
        if (c.kind != Kind::kText) continue;
        const auto s = static_cast<std::size_t>(c.section);
        if (lettered && in_bilag(c)) {
            if (sub_item_line(lines[i].trimmed)) list_ended[s] = true;
            if (!list_ended[s]) add_attachment(lines[i].trimmed, c.section);
        } else if (c.section >= 0 && c.section == last_bilag) {
            add_attachment(lines[i].trimmed, c.section);
        } else if (is_inline_attachment(lines[i].trimmed)) {
            item.inline_attachments.emplace_back(lines[i].trimmed);
        }
    }
    if (lettered && last_bilag >= 0) rules.emplace_back("attachments:sub-items");

    // Subheadings: short heading-like lines with body text after them.
    for (std::size_t i = begin; i < end; ++i) {
        const Classified& c = at(i);
        if (c.kind != Kind::kText) continue;
        if (c.section >= 0 && item.sections[static_cast<std::size_t>(c.section)].kind == "bilag")
            continue;
        const Line& line = lines[i];
        std::string_view t = line.trimmed;
        if (line.raw[0] == ' ' || line.raw[0] == '\t' || !utf8::starts_upper(t)) continue;
        if (utf8::length(t) > kMaxSubheadingChars || words(t).size() > kMaxSubheadingWords)
            continue;
        char last = t.back();
        if (last == '.' || last == ',' || last == ';' || last == '?' || last == '!') continue;
        if (t.find('\t') != std::string_view::npos || t.find("http") != std::string_view::npos ||
            t.find("www.") != std::string_view::npos)
            continue;
        if (ends_open(t) || is_inline_attachment(t) || is_list_item(line.raw)) continue;
        // Preceded by a blank line or the start of its block.
        if (i > begin && !c.first_in_block && !lines[i - 1].blank) continue;
        if (c.first_in_block && i > begin && at(i - 1).kind == Kind::kText) continue;
        // Followed by body text.
        std::size_t n = i + 1;
        while (n < end && at(n).kind == Kind::kBlank) ++n;
        if (n >= end || at(n).kind != Kind::kText) continue;
        const Line& next = lines[n];
        if (numeric_line(next.trimmed) || utf8::starts_lower(next.trimmed) ||
            is_list_item(next.raw))
            continue;
        if (n == i + 1 && is_inline_attachment(next.trimmed)) continue;
        // The first paragraph of a block is a heading only when it reads as a noun phrase.
        if (c.first_in_block && reads_as_sentence(t)) continue;
        item.subheadings.emplace_back(t);
    }
    if (!item.subheadings.empty()) rules.emplace_back("subheadings");
}

}  // namespace referat::ingest::text
