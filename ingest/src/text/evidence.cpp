#include "text/evidence.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "referat/ingest/utf8.hpp"
#include "text/dates.hpp"

namespace referat::ingest::text {

namespace {

// ---- What names a body: word stems and the endings they take (table, one row per form). ----

/// Stems of words that name a deliberative body in Danish, Norwegian, Swedish and the
/// Greenlandic bodies' own names. A word names a body when it ends in a stem plus an ending.
constexpr std::array<std::string_view, 35> kBodyStems = {"udvalg",
                                                         "utvalg",
                                                         "byråd",
                                                         "råd",
                                                         "kommunalbestyrelse",
                                                         "bestyrelse",
                                                         "magistrat",
                                                         "borgerrepræsentation",
                                                         "forum",
                                                         "direktion",
                                                         "direktørkreds",
                                                         "kkr",
                                                         "styregruppe",
                                                         "styrelse",
                                                         "nævn",
                                                         "kommission",
                                                         "repræsentantskab",
                                                         "komité",
                                                         "komite",
                                                         "formannskap",
                                                         "kommunestyre",
                                                         "bystyre",
                                                         "fylkesting",
                                                         "fullmäktige",
                                                         "nämnd",
                                                         "utskott",
                                                         "naalakkersuisut",
                                                         "inatsisartut",
                                                         "generalforsamling",
                                                         "årsmøte",
                                                         "årsstämma",
                                                         "styret",
                                                         "kontaktråd",
                                                         "samråd",
                                                         "ataatsimiititaliaq"};
/// Inflection and genitive endings a body word may carry.
constexpr std::array<std::string_view, 13> kBodyEndings = {
    "", "et", "en", "n", "t", "e", "s", "ets", "ens", "ns", "ts", "es", "met"};

/// Words that are labels, never names: a value equal to one of them is a misread label.
constexpr std::array<std::string_view, 40> kLabelWords = {"dato",       "tid",
                                                          "tidspunkt",  "sted",
                                                          "mødested",   "møtested",
                                                          "lokale",     "side",
                                                          "sida",       "page",
                                                          "referat",    "dagsorden",
                                                          "indhold",    "indholdsfortegnelse",
                                                          "deltagere",  "afbud",
                                                          "fraværende", "til stede",
                                                          "tilstede",   "bilag",
                                                          "mødedato",   "møtedato",
                                                          "udvalg",     "utvalg",
                                                          "organ",      "beslutning",
                                                          "punkt",      "sag",
                                                          "emne",       "protokoll",
                                                          "protokol",   "møteprotokoll",
                                                          "plats",      "datum",
                                                          "närvarande", "beslutande",
                                                          "justerare",  "saksliste",
                                                          "møte",       "møde"};

std::string strip_punctuation(std::string_view w) {
    static constexpr std::string_view kPunct = ",.:;()[]\"'«»“”";
    std::size_t b = 0, e = w.size();
    while (b < e && kPunct.find(w[b]) != std::string_view::npos) ++b;
    while (e > b && kPunct.find(w[e - 1]) != std::string_view::npos) --e;
    return std::string(w.substr(b, e - b));
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool contains_body_word(std::string_view s) {
    for (std::string_view w : words(s))
        if (is_body_word(w)) return true;
    return false;
}

/// Upper-case the first letter, lower-case the rest (for names written in capitals).
std::string sentence_case(std::string_view s) {
    const std::string lowered = utf8::lower(s);
    if (lowered.empty()) return lowered;
    std::size_t pos = 0;
    const char32_t first = utf8::next(lowered, pos);
    std::string out;
    utf8::append(out, utf8::to_upper(first));
    out.append(lowered, pos);
    return out;
}

bool has_lower_letter(std::string_view s) {
    for (std::size_t i = 0; i < s.size();)
        if (utf8::is_lower(utf8::next(s, i))) return true;
    return false;
}

std::size_t letter_count(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();)
        if (utf8::is_letter(utf8::next(s, i))) ++n;
    return n;
}

/// A value that can stand as a committee name: not a label, page marker, date or sentence.
bool plausible_committee(std::string_view value, bool from_label) {
    if (value.empty() || value.size() > 100) return false;
    if (value.find(':') != std::string_view::npos || value.find('\t') != std::string_view::npos)
        return false;
    if (letter_count(value) < 3) return false;
    const std::vector<std::string_view> ws = words(value);
    if (ws.size() > 12) return false;
    const std::string l = utf8::lower(value);
    for (std::string_view label : kLabelWords)
        if (l == label) return false;
    // A sentence: ends in a full stop after several words, or holds a finite verb form.
    static const RE2 kSentence(
        R"((?i)\b(?:blev|er|var|har|skal|vil|kan|godkendte|godkendes|tages|besluttede|vedtog|ble|blir|vart|är|har)\b)");
    if (ws.size() > 3 && RE2::PartialMatch(value, kSentence)) return false;
    if (ws.size() > 4 && value.back() == '.') return false;
    if (!from_label && !contains_body_word(value)) return false;
    if (utf8::starts_lower(value) && !contains_body_word(value)) return false;
    return true;
}

// ---- Votes ----

struct Vote {
    std::string value;  // normalised name as written
    double weight = 0;
    std::string source;
    int line = 0;
};

struct Tally {
    double score = 0;
    const Vote* best = nullptr;  // the strongest single vote, whose spelling is shown
    std::size_t count = 0;
    std::size_t first = 0;  // order of the first vote, for ties
};

/// "Beslutning i Økonomiudvalget den 04.06.2020", "Behandling i Formannskapet - 12.03.2024",
/// "Økonomiudvalgets beslutning den ...", "Økonomiudvalget, 04-06-2020, pkt. 12",
/// "Formannskapet har behandlet saken i møte 12.03.2024 sak 12/24": the body and the rest.
bool decision_heading(std::string_view t, std::string& body, std::string& rest) {
    static const RE2 kIn(
        R"(^(?i:beslutning(?:er)?|behandling|vedtak|beslut|afgørelse|behandlet)\s+(?i:i|på|av|fra)\s+(\p{Lu}.+?)(\s*(?:[-–,]\s*|\s+(?i:den|d\.)\s*|\s+)\d.*)?\s*:?$)");
    static const RE2 kGenitive(
        R"(^(\p{Lu}[^:]+?)s\s+(?i:beslutning|vedtak|beslut|afgørelse|behandling)\b(.*)$)");
    static const RE2 kBodyDate(
        R"(^(\p{Lu}[^:\d]+?)[\s,]+(?i:den\s+|d\.\s*|møte\s+|möte\s+)?(\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\s*\p{L}+\.?\s+\d{4})(?:[\s,]+(?i:pkt|punkt|sag|sak|§)\.?\s*[\d/]+)?\s*[.:]?$)");
    static const RE2 kTreated(
        R"(^(\p{Lu}.+?)\s+(?i:har behandlet saken i møte|behandlede sagen (?:på|i) mødet?(?: den)?)\s+(\d.*)$)");
    re2::StringPiece a, b;
    if (t.size() > 200) return false;
    if (RE2::FullMatch(t, kIn, &a, &b) || RE2::FullMatch(t, kGenitive, &a, &b) ||
        RE2::FullMatch(t, kBodyDate, &a, &b) || RE2::FullMatch(t, kTreated, &a, &b)) {
        body = std::string(a);
        rest = std::string(b);
        return contains_body_word(body);
    }
    return false;
}

/// "Referat fra mødet i X den ...", "Møde i X", "X - Referat", "Referat X d. 4. ...",
/// "X (X 28-01-2022 11:00:00)": the committee a title line names by its structure.
std::string committee_from_title(std::string_view title) {
    static const RE2 kReferatI(
        R"((?i)(?:referat|protokol|protokoll|dagsorden|beslutningsprotokol)\s+(?:fra|af|for|til)\s+(?:det\s+)?(?:(?:ordinære|ekstraordinære|ordinært|ekstraordinært|konstituerende)\s+)?(?:mødet|møde|møtet|möte|sammenkomsten)\s+i\s+(.+?)(?:\s+(?:den|d\.)\b|,|$))");
    static const RE2 kMoedeI(
        R"(^(?i:(?:ordinært |ekstraordinært |konstituerende )?(?:møde|møte|möte)(?: del \d+)?) i (.+?)(?: den\b| d\.| afklares\b|,|$))");
    static const RE2 kDashReferat(
        R"(^(.+?)\s*[-–:|]\s*(?i:referat|dagsorden|møteprotokoll|protokoll|protokol|beslutningsprotokol|sammanträdesprotokoll)\b)");
    static const RE2 kReferatX(
        R"(^(?i:referat|dagsorden|møteprotokoll|protokoll|protokol|beslutningsprotokol|sammanträdesprotokoll|mødereferat)(?:\s+(?i:fra|for|af|til))?\s*[-–:]?\s+(\p{Lu}.+?)(?:\s+(?:d\.|den|[-–,])?\s*\d.*)?$)");
    static const RE2 kRepeated(R"(^([^()]+?)\s*\((.+)\)$)");
    re2::StringPiece c, inner;
    for (const RE2* re : {&kReferatI, &kMoedeI, &kReferatX, &kDashReferat})
        if (RE2::PartialMatch(title, *re, &c)) return std::string(trim(c));
    // The FirstAgenda title repeats the name with the date and time inside the parenthesis.
    if (RE2::FullMatch(title, kRepeated, &c, &inner) && inner.starts_with(trim(c)) &&
        find_date(inner))
        return std::string(trim(c));
    return {};
}

bool is_label_line(std::string_view t, std::string& value, bool& value_on_next_line) {
    static const RE2 kLabel(
        R"(^(?i:udvalg|utvalg|organ|nämnd|forum|mødeforum|møde i|styre\s*[,/]?\s*råd\s*[,/]?\s*(?:og\s*|eller\s*)?utvalg|ataatsimiititaliaq|udvalg\s*/\s*forum|beslutningsorgan|instans|committee|utskott|udvalgsnavn|mødetype|mødeorgan)\s*((?::|\t)\s*(.*)|)$)");
    re2::StringPiece colon, v;
    if (!RE2::FullMatch(t, kLabel, &colon, &v)) return false;
    value = std::string(trim(v));
    value_on_next_line = value.empty();
    return true;
}

}  // namespace

bool is_body_word(std::string_view word) {
    const std::string w = utf8::lower(strip_punctuation(word));
    if (w.size() < 3) return false;
    for (std::string_view stem : kBodyStems) {
        for (std::string_view ending : kBodyEndings) {
            if (w.size() < stem.size() + ending.size()) continue;
            if (!ends_with(w, ending)) continue;
            const std::string_view base = std::string_view(w).substr(0, w.size() - ending.size());
            if (ends_with(base, stem)) return true;
        }
    }
    return false;
}

std::string normalise_committee(std::string_view value) {
    std::string v = collapse_spaces(value);
    // "Dagsorden og referat - Teknik- og Miljøudvalget - 12. marts 2024": of the parts a
    // title joins with dashes or bars, the one naming a body.
    static const RE2 kSeparator(R"(\s+[-–|]\s+)");
    if (RE2::PartialMatch(v, kSeparator)) {
        std::string parts = v;
        RE2::GlobalReplace(&parts, kSeparator, "\n");
        std::size_t from = 0;
        while (from <= parts.size()) {
            const std::size_t nl = parts.find('\n', from);
            const std::string part =
                parts.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
            if (contains_body_word(part)) {
                v = part;
                break;
            }
            if (nl == std::string::npos) break;
            from = nl + 1;
        }
    }
    static const RE2 kLead(
        R"(^(?i:(?:referat|protokol|protokoll|beslutningsprotokol|dagsorden|mødereferat|møteprotokoll|sammanträdesprotokoll|møteinnkalling|kallelse)(?:\s+(?:fra|af|for|til))?(?:\s+(?:det\s+)?(?:ordinære\s+|ekstraordinære\s+)?(?:mødet|møde|møtet)\s+i)?|(?:ordinært\s+|ekstraordinært\s+)?(?:møde|mødet|møte)\s+i|beslutning\s+i|behandling\s+i)\s*[-–:]?\s+)");
    static const RE2 kTrailDate(R"(\s*[,\-–]?\s*(?:(?i:den|d\.)\s*)?\d.*$)");
    static const RE2 kTrailWord(
        R"(\s*[-–:|,]?\s*\(?\b(?i:referat|dagsorden|møteprotokoll|protokoll|protokol|beslutningsprotokol|sammanträdesprotokoll|åbent|åben|lukket|offentlig|(?:(?:ordinære|ekstraordinære|ordinært|ekstraordinært|konstituerende)\s+)?(?:møde|mødet|møte|møtet|möte)(?:\s+nr\.?)?)\)?\s*$)");
    static const RE2 kTrailPunct(R"([\s,.;:\-–|]+$)");
    static const RE2 kLeadPunct(R"(^[\s,.;:\-–|]+)");
    RE2::Replace(&v, kLead, "");
    // A date ends the name ("Økonomiudvalget den 4. juni 2020"), but a digit inside a
    // parenthesis or a number such as "§ 17, stk. 4-udvalg" is part of it.
    if (v.find("§") == std::string::npos) RE2::Replace(&v, kTrailDate, "");
    for (int k = 0; k < 2; ++k) {
        RE2::Replace(&v, kTrailWord, "");
        RE2::Replace(&v, kTrailPunct, "");
    }
    RE2::Replace(&v, kLeadPunct, "");
    v = collapse_spaces(v);
    if (v.empty()) return v;
    // Genitive of a body name: "Økonomiudvalgets" -> "Økonomiudvalget".
    const std::size_t last_space = v.rfind(' ');
    const std::string last = v.substr(last_space == std::string::npos ? 0 : last_space + 1);
    if (last.size() > 4 && last.back() == 's' && last[last.size() - 2] != 's' &&
        is_body_word(last.substr(0, last.size() - 1)))
        v.pop_back();
    // "Fordelingsutvalgmøte": the meeting of a body, named by one compound word.
    static const RE2 kMeetingCompound(R"(^(.*\p{L}{4,}?)(?:møde|mødet|møte|møtet|möte|mötet)$)");
    std::string base;
    if (RE2::FullMatch(v, kMeetingCompound, &base) &&
        is_body_word(base.substr(base.rfind(' ') == std::string::npos ? 0 : base.rfind(' ') + 1))) {
        // The compound holds the bare stem; the body is named in its definite form
        // ("Fordelingsutvalgmøte" -> "Fordelingsutvalget", "Styrelsemöte" -> "Styrelsen").
        struct Definite {
            std::string_view stem, ending;
        };
        static constexpr Definite kDefinite[] = {
            {"udvalg", "et"},     {"utvalg", "et"},      {"råd", "et"},     {"nævn", "et"},
            {"utskott", "et"},    {"formannskap", "et"}, {"styrelse", "n"}, {"bestyrelse", "n"},
            {"kommission", "en"}, {"direktion", "en"},   {"nämnd", "en"},   {"styre", "t"}};
        const std::string l = utf8::lower(base);
        for (const Definite& d : kDefinite) {
            if (ends_with(l, d.stem)) {
                base += d.ending;
                break;
            }
        }
        v = base;
    }
    if (letter_count(v) >= 3 && !has_lower_letter(v)) v = sentence_case(v);
    return v;
}

void decide_header_fields(std::span<const Line> lines, std::size_t begin, std::size_t header_end,
                          std::size_t end, Meeting& m) {
    std::vector<Vote> votes;
    auto vote = [&](std::string_view raw, double weight, std::string_view source, std::size_t i,
                    bool from_label) {
        std::string v = normalise_committee(raw);
        if (!plausible_committee(v, from_label)) return;
        votes.push_back({std::move(v), weight, std::string(source), lines[i].number});
    };
    header_end = std::min(header_end, end);

    // Labels and title lines in the header.
    int seen = 0;
    for (std::size_t i = begin; i < header_end; ++i) {
        if (lines[i].blank || lines[i].trimmed.size() > 200) continue;
        const std::string_view t = lines[i].trimmed;
        std::string value;
        bool next = false;
        if (is_label_line(t, value, next)) {
            if (next) {
                for (std::size_t j = i + 1; j < header_end; ++j) {
                    if (lines[j].blank) continue;
                    std::string v2;
                    bool n2 = false;
                    if (!is_label_line(lines[j].trimmed, v2, n2) &&
                        lines[j].trimmed.find(':') == std::string_view::npos)
                        vote(lines[j].trimmed, 10, "label", j, true);
                    break;
                }
            } else {
                vote(value, 10, "label", i, true);
            }
            continue;
        }
        if (seen < 15) {
            ++seen;
            const std::string from_title = committee_from_title(t);
            if (!from_title.empty())
                vote(from_title, 6, "title line", i, true);
            else if (t.size() <= 100 && t.find(':') == std::string_view::npos)
                vote(t, std::max(2.0, 5.0 - 0.25 * seen), "header line", i, false);
        }
    }
    // The notice block of a Swedish protocol ("Organ Kommunstyrelsen"), often on the last page.
    static const RE2 kOrgan(R"(^(?i:organ)(?:\s*:\s*|\t+|\s+)(\p{Lu}.*)$)");
    for (std::size_t i = header_end; i < end; ++i) {
        re2::StringPiece organ;
        if (!lines[i].blank && RE2::FullMatch(lines[i].trimmed, kOrgan, &organ))
            vote(organ, 8, "notice block", i, true);
    }
    // "Referat" / "Dagsorden" alone, the body's name on the next line ("Teknik og Miljø").
    static const RE2 kBareTitle(
        R"(^(?i:referat|dagsorden|protokol|protokoll|møteprotokoll|sammanträdesprotokoll|beslutningsprotokol|mødereferat)$)");
    for (std::size_t i = begin, seen_lines = 0; i < header_end && seen_lines < 4; ++i) {
        if (lines[i].blank) continue;
        ++seen_lines;
        if (!RE2::FullMatch(lines[i].trimmed, kBareTitle)) continue;
        for (std::size_t j = i + 1; j < header_end; ++j) {
            if (lines[j].blank) continue;
            const std::string_view next = lines[j].trimmed;
            if (next.size() <= 80 && utf8::starts_upper(next) && words(next).size() <= 8 &&
                next.find_first_of("0123456789:") == std::string_view::npos)
                vote(next, 3, "line under the title", j, true);
            break;
        }
        break;
    }
    // The label value the profile's header fields read (portal "UDVALG", "Udvalg:").
    if (!m.committee.empty()) {
        std::string v = normalise_committee(m.committee);
        if (plausible_committee(v, true)) votes.push_back({std::move(v), 10, "label", 0});
    }

    // Decision headings, case lines and recommendations in the whole meeting; dates of decision
    // headings are also evidence for the meeting date.
    std::map<std::string, int> heading_dates;
    std::map<std::string, int> repeated;
    static const RE2 kRecommends(
        R"((?i)indstiller(?:\s+til\s+(\p{Lu}[\p{L}\- ]+?),?\s+at|[^.]*?\bat\s+(\p{Lu}[\p{L}\- ]+?)\s+(?:godkender|tager|beslutter|vedtager|anbefaler|drøfter|træffer|bevilger|meddeler|tiltræder|fastsætter|udpeger|oversender)\b))");
    static const RE2 kDecides(
        R"(^(\p{Lu}[\p{L}\- ]+?)\s+(?:beslutar|beslutter|besluttede|vedtar|vedtok|vedtager|vedtog|godkendte|godkender|godkjenner|godkjente|godkänner|tog\s+\S+\s+til\s+efterretning)\b)");
    for (std::size_t i = begin; i < end; ++i) {
        const std::string_view t = lines[i].trimmed;
        if (t.empty() || t.size() > 300) continue;
        if (t.size() <= 100) ++repeated[std::string(t)];
        if (lines[i].blank) continue;
        std::string body, rest;
        if (decision_heading(t, body, rest)) {
            std::optional<FoundDate> fd = find_date(rest);
            const bool this_meeting = fd && m.date && fd->date == *m.date;
            if (this_meeting)
                vote(body, 6, "decision heading of this meeting", i, false);
            else
                vote(body, 3, "decision heading", i, false);
            if (fd) ++heading_dates[fd->date];
            continue;
        }
        re2::StringPiece a, b;
        if (RE2::PartialMatch(t, kRecommends, &a, &b))
            vote(a.empty() ? b : a, 1.5, "recommendation", i, false);
        else if (RE2::PartialMatch(t, kDecides, &a))
            vote(a, 1.5, "decision sentence", i, false);
    }
    // Running headers: a short line naming a body on three pages or more.
    for (std::size_t i = begin; i < end; ++i) {
        const std::string_view t = lines[i].trimmed;
        if (t.empty() || t.size() > 100) continue;
        auto it = repeated.find(std::string(t));
        if (it == repeated.end() || it->second < 3) continue;
        it->second = 0;  // once per distinct line
        vote(t, 4, "running header", i, false);
    }

    // Tally by canonical key; each kind of evidence adds at most its cap, so forty earlier
    // treatments by another body cannot outvote the meeting's own label.
    static const std::map<std::string_view, double> kCaps = {
        {"label", 10},
        {"title line", 6},
        {"header line", 5},
        {"decision heading of this meeting", 18},
        {"decision heading", 6},
        {"recommendation", 4.5},
        {"decision sentence", 4.5},
        {"running header", 4},
        {"notice block", 8},
        {"line under the title", 3}};
    std::map<std::string, Tally> tally;
    std::map<std::pair<std::string, std::string>, double> added;
    for (std::size_t k = 0; k < votes.size(); ++k) {
        const Vote& v = votes[k];
        const std::string key = utf8::lower(v.value);
        Tally& t = tally[key];
        if (t.count == 0) t.first = k;
        double& sum = added[{key, v.source}];
        const double cap = kCaps.at(v.source);
        const double w = std::min(v.weight, std::max(0.0, cap - sum));
        sum += w;
        t.score += w;
        ++t.count;
        if (!t.best || v.weight > t.best->weight) t.best = &v;
    }
    const Tally* win = nullptr;
    for (const auto& [key, t] : tally)
        if (!win || t.score > win->score || (t.score == win->score && t.first < win->first))
            win = &t;
    if (win) {
        m.committee = win->best->value;
        m.rules.push_back("committee:" + win->best->source);
        std::string why = "committee \"" + m.committee + "\" (score " +
                          std::to_string(static_cast<int>(win->score + 0.5)) + ", " +
                          std::to_string(win->count) + (win->count == 1 ? " vote" : " votes") +
                          "; strongest: " + win->best->source;
        if (win->best->line > 0) why += " on line " + std::to_string(win->best->line);
        why += ")";
        m.evidence.push_back(std::move(why));
        for (const auto& [key, t] : tally)
            if (&t != win && t.score * 2 >= win->score)
                m.evidence.push_back("  runner-up \"" + t.best->value + "\" (score " +
                                     std::to_string(static_cast<int>(t.score + 0.5)) + ")");
    } else {
        m.committee.clear();
    }

    // Date: the header decides; when it has none, the date most decision headings name, else
    // the first date near the top of the meeting that has a weekday or a time with it.
    if (m.date) {
        m.evidence.push_back("date " + *m.date + " from the header");
        return;
    }
    if (!heading_dates.empty()) {
        // Only a date more headings name than any other: a case treated by two bodies on two
        // days names both once, and neither is this meeting's for sure.
        auto best =
            std::max_element(heading_dates.begin(), heading_dates.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        for (const auto& [date, count] : heading_dates)
            if (date != best->first && count == best->second) return;
        m.date = best->first;
        m.rules.emplace_back("date:decision-heading");
        m.evidence.push_back("date " + *m.date + " from " + std::to_string(best->second) +
                             " decision heading(s)");
        return;
    }
    static const RE2 kWeekday(
        R"((?i)\b(?:man|tirs|ons|tors|fre|lør|søn|mån|tis|fre|lör|sön)dag\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bkl\.?\s*\d)");
    std::optional<FoundDate> first;
    for (std::size_t i = begin; i < end && i < begin + 120; ++i) {
        if (lines[i].blank || lines[i].trimmed.size() > 300) continue;
        std::optional<FoundDate> fd = find_date(lines[i].trimmed);
        if (!fd) continue;
        if (fd->time || RE2::PartialMatch(lines[i].trimmed, kWeekday)) {
            m.date = fd->date;
            m.rules.emplace_back("date:body-scan");
            m.evidence.push_back("date " + *m.date + " from line " +
                                 std::to_string(lines[i].number) + " (with weekday or time)");
            return;
        }
        if (!first) first = fd;
    }
    if (first) {
        m.date = first->date;
        m.rules.emplace_back("date:first-date");
        m.evidence.push_back("date " + *m.date + " is the first date in the text (weak)");
    }
}

}  // namespace referat::ingest::text
