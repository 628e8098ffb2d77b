#include "text/treatments.hpp"

#include <algorithm>
#include <iterator>

#include <re2/re2.h>

#include <referat/ingest/outcome.hpp>

#include "text/dates.hpp"
#include "text/profiles.hpp"

namespace referat::ingest::text {

namespace {

/// An item treated at several dated meetings ends as its latest treatment decided
/// ("Udsat" in May, "Godkendt" in June is approved). kNone unless two or more decisions are dated.
Outcome latest_outcome(const std::vector<Decision>& decisions) {
    std::size_t dated = 0;
    for (const Decision& d : decisions)
        if (d.date) ++dated;
    if (dated < 2) return Outcome::kNone;
    const Decision* latest = nullptr;
    Outcome outcome = Outcome::kNone;
    for (const Decision& d : decisions) {
        if (!d.date) continue;
        Outcome o = classify_outcome(d.text);
        if (o == Outcome::kNone) continue;
        // ISO dates compare as strings; the later of two equal dates is the later heading.
        if (!latest || *d.date >= *latest->date) {
            latest = &d;
            outcome = o;
        }
    }
    return outcome;
}

/// Entries of a "Sagsforløb" section as dated decisions. Two forms: label lines
/// ("Udvalg: Magistraten", "Dato: 02-09-2025", "Punktnummer: 12", then the decision text) and
/// one line per treatment ("Økonomiudvalget, 06.11.2012, pkt. 161: Udsat.").
void read_case_history(std::string_view text, std::vector<Decision>& out) {
    static const RE2 kBody(R"(^(?i:Udvalg|Behandlet i|Forum)\s*:\s*(\S.*)$)");
    static const RE2 kDate(R"(^(?i:Dato|Mødedato)\s*:\s*(\S.*)$)");
    static const RE2 kNumber(R"(^(?i:Punktnummer|Punkt|Pkt\.?)\s*:?\s*\d+\s*$)");
    static const RE2 kOneLine(
        R"(^(\p{Lu}[^,:]+),\s*([^,]+),\s*(?i:pkt|punkt)\.?\s*\d+\s*[:.]?\s*(.*)$)");
    bool open = false;  // an entry is being read
    std::size_t from = 0;
    while (from <= text.size()) {
        std::size_t nl = text.find('\n', from);
        std::string_view line =
            trim(text.substr(from, nl == std::string_view::npos ? text.npos : nl - from));
        from = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        if (line.empty()) continue;
        re2::StringPiece a, b, c;
        if (RE2::FullMatch(line, kBody, &a)) {
            out.push_back(Decision{{}, collapse_spaces(a), std::nullopt});
            open = true;
        } else if (RE2::FullMatch(line, kOneLine, &a, &b, &c)) {
            std::optional<FoundDate> fd = find_date(b);
            if (!fd) {
                if (!open) continue;
            } else {
                out.push_back(Decision{collapse_spaces(c), collapse_spaces(a), fd->date});
                open = true;
                continue;
            }
        } else if (open && RE2::FullMatch(line, kDate, &a)) {
            if (auto fd = find_date(a); fd && !out.back().date) {
                out.back().date = fd->date;
                continue;
            }
        } else if (open && RE2::FullMatch(line, kNumber)) {
            continue;
        }
        if (!open) continue;
        if (RE2::FullMatch(line, kBody)) continue;
        std::string& t = out.back().text;
        if (!t.empty()) t += ' ';
        t += collapse_spaces(line);
    }
    std::erase_if(out, [](const Decision& d) { return d.text.empty(); });
}

/// What the document calls itself in its header: Danish dagsorden, Norwegian
/// møteinnkalling/saksliste and Swedish kallelse/föredragningslista name an agenda; referat,
/// protokol(l) and beslutningsprotokol name minutes. The first line naming either decides; a
/// bare "Dagsorden" line is also the heading of a minutes' table of contents, so it names an
/// agenda only when nothing was decided.
std::string kind_from_words(std::span<const Line> header, bool decided, std::string& how) {
    static const RE2 kAgenda(
        R"((?i)^(dagsorden|møteinnkalling|saksliste|sakliste|kallelse|föredragningslista))"
        R"((?:$|[\s:,.\-–]\s*(.*)$))");
    static const RE2 kMinutes(
        R"((?i)^(?:referat|mødereferat|beslutningsreferat|protokol|protokoll|beslutningsprotokol|)"
        R"(møteprotokoll|møtebok|sammanträdesprotokoll|justerat protokoll)(?:$|[\s:,.\-–]))");
    bool bare_agenda_word = false;
    for (const Line& line : header) {
        if (line.blank) continue;
        std::string_view t = trim(line.trimmed);
        re2::StringPiece word, rest;
        if (RE2::PartialMatch(t, kMinutes)) {
            how = "named";
            return "minutes";
        }
        if (RE2::FullMatch(t, kAgenda, &word, &rest)) {
            if (!rest.empty() || !is_toc_heading(t)) {
                how = "named";
                return "agenda";
            }
            bare_agenda_word = true;
        }
    }
    how = decided ? "decisions" : bare_agenda_word ? "toc-word" : "default";
    return bare_agenda_word && !decided ? "agenda" : "minutes";
}

}  // namespace

bool departs_from_recommendation(const Item& item) {
    if (!item.decision) return false;
    const bool recommended = std::any_of(item.sections.begin(), item.sections.end(),
                                         [](const Section& s) { return s.kind == "indstilling"; });
    if (!recommended) return false;
    if (item.outcome == Outcome::kPostponed) return true;
    // The decision as a whole, never one member's dissent ("X kunne ikke tiltræde
    // indstillingen" beside a majority that could).
    static const RE2 kDeparts(
        R"((?i)(?:^|[.!]\s+)(?:indstillingen\s+(?:blev\s+)?)?(?:ikke\s+godkendt|forkastet|afvist|ikke\s+tiltrådt)\b|\b(?:godkendt|vedtaget|tiltrådt|anbefalet|anbefales|godkendes)\s+med\s+(?:følgende|den|de|en|denne|disse)\s+ændring|\bindstillingen\s+blev\s+(?:ikke|forkastet|afvist)\b|\bflertal\w*\s+(?:stemte\s+)?imod\s+indstillingen|(?:^|[^\p{L}])ændringsforslag\p{L}*[^.]*?\s(?:blev\s+)?(?:vedtaget|godkendt))");
    return RE2::PartialMatch(*item.decision, kDeparts);
}

bool is_history_kind(std::string_view kind) {
    return kind == "sagsforløb" || kind == "tidligere beslutninger";
}

void settle_decision(Item& item, const std::optional<std::string>& date) {
    item.decision.reset();
    item.outcome = Outcome::kNone;
    std::string decision;
    for (const Decision& d : item.decisions) {
        if (date && d.date && *d.date != *date) continue;
        if (!decision.empty()) decision += ' ';
        decision += d.text;
    }
    if (decision.empty()) return;
    item.decision = decision;
    if (!date) item.outcome = latest_outcome(item.decisions);
    if (item.outcome == Outcome::kNone) item.outcome = classify_outcome(decision);
}

void settle_meeting(std::span<const Line> header, Meeting& meeting,
                    std::vector<std::string>& rules) {
    bool decided = false;
    for (Item& item : meeting.items) {
        settle_decision(item, meeting.date);
        if (item.decision) decided = true;
        for (Section& section : item.sections) {
            if (section.kind != "beslutning" || !meeting.date) continue;
            auto fd = find_date(section.heading);
            if (fd && fd->date != *meeting.date) {
                section.earlier = true;
                rules.emplace_back("decision:other-meeting");
            }
        }
        // Earlier treatments listed under "Sagsforløb" come first, in the order written; the
        // item's own decision text and outcome stay those of this meeting.
        std::vector<Decision> history;
        for (Section& section : item.sections) {
            if (!is_history_kind(section.kind)) continue;
            std::vector<Decision> entries;
            read_case_history(section.text, entries);
            // A treatment block under no heading dated this meeting's day is its own record.
            if (section.heading.empty() && meeting.date && !entries.empty() &&
                std::all_of(entries.begin(), entries.end(),
                            [&](const Decision& d) { return d.date == meeting.date; })) {
                section.kind = "tekst";
                section.earlier = false;
                continue;
            }
            history.insert(history.end(), std::make_move_iterator(entries.begin()),
                           std::make_move_iterator(entries.end()));
        }
        if (!history.empty()) {
            item.decisions.insert(item.decisions.begin(), std::make_move_iterator(history.begin()),
                                  std::make_move_iterator(history.end()));
            rules.emplace_back("decision:sagsforløb");
        }
    }
    std::string how;
    meeting.kind = kind_from_words(header, decided, how);
    rules.emplace_back("kind:" + meeting.kind + ":" + how);
    if (meeting.kind != "agenda") {
        for (Item& item : meeting.items) item.diverges = departs_from_recommendation(item);
        return;
    }
    // An agenda records no decision of its own meeting: what reads as one is an earlier
    // treatment printed with the case.
    for (Item& item : meeting.items) {
        item.decision.reset();
        item.outcome = Outcome::kNone;
        for (Section& section : item.sections)
            if (section.kind == "beslutning") section.earlier = true;
    }
}

}  // namespace referat::ingest::text
