// Places, money amounts, votes and attendance read from item text.

#include <algorithm>
#include <array>
#include <cstdlib>

#include <re2/re2.h>

#include "people/known_names.hpp"
#include "people/lexicon.hpp"
#include "people/tokens.hpp"
#include "referat/ingest/people.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest {

namespace {

using people::Token;
using people::TokenKind;

// Short names that are also ordinary words ("vejen" is "the road"): only with "Kommune".
constexpr std::array<std::string_view, 5> kAmbiguousPlaces = {"Vejen", "Greve", "Odder", "Faxe",
                                                              "Skive"};

bool is_ambiguous_place(std::string_view w) {
    return std::find(kAmbiguousPlaces.begin(), kAmbiguousPlaces.end(), w) != kAmbiguousPlaces.end();
}

void add_unique(std::vector<std::string>& out, const std::string& name) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
}

// Party letters used in Danish councils.
bool is_party_letter(std::string_view w) {
    static const std::array<std::string_view, 16> kParties = {
        "A", "B", "C", "D", "F", "I", "K", "M", "O", "Q", "V", "Ø", "Å", "Æ", "L", "G"};
    return std::find(kParties.begin(), kParties.end(), w) != kParties.end();
}

// Party names as written in Danish minutes.
constexpr std::array<std::string_view, 14> kPartyNames = {"Det Konservative Folkeparti",
                                                          "Socialistisk Folkeparti",
                                                          "Radikale Venstre",
                                                          "Dansk Folkeparti",
                                                          "Liberal Alliance",
                                                          "Nye Borgerlige",
                                                          "Socialdemokratiet",
                                                          "Enhedslisten",
                                                          "Alternativet",
                                                          "Moderaterne",
                                                          "Danmarksdemokraterne",
                                                          "Kristendemokraterne",
                                                          "Slesvigsk Parti",
                                                          "Venstre"};

// "V og I", "(Ø)", "A, F, Ø og Å", "Jens Hansen (A)", "Radikale Venstre": in order of kind.
std::vector<std::string> parties_or_names(std::string_view list) {
    std::vector<std::string> out;
    std::string rest(list);
    for (std::string_view party : kPartyNames) {
        // Longest names first in the table, so "Radikale Venstre" is not read as "Venstre".
        if (const auto at = rest.find(party); at != std::string::npos) {
            add_unique(out, std::string(party));
            rest.replace(at, party.size(), party.size(), ' ');
        }
    }
    list = rest;
    for (const NameMention& m : find_person_names(list)) add_unique(out, m.name);
    const std::vector<Token> tokens = people::tokenize(list);
    for (const Token& t : tokens) {
        if (t.kind != TokenKind::kWord && t.kind != TokenKind::kInitial) continue;
        std::string_view w = list.substr(t.begin, t.end - t.begin);
        if (!w.empty() && w.back() == '.') w.remove_suffix(1);
        if (is_party_letter(w)) add_unique(out, std::string(w));
    }
    return out;
}

// A list of names after a label ("Følgende deltog ikke ...:"): at most this many lines of at
// most this many bytes each.
constexpr std::size_t kMaxListLines = 12;
constexpr std::size_t kMaxListLineBytes = 160;

// A line that holds names and nothing else: "Jens Hansen (A)", "Ole Olsen, V og Eva Berg (Ø)".
bool only_names(std::string_view line, const std::vector<NameMention>& names) {
    static const RE2 kRest(R"(^(?:[\s,;.()\-–]|\bog\b|\b\p{Lu}{1,2}\b)*$)");
    std::string rest(line);
    for (auto it = names.rbegin(); it != names.rend(); ++it)
        if (it->end <= rest.size() && it->begin < it->end)
            rest.replace(it->begin, it->end - it->begin, " ");
    return RE2::FullMatch(rest, kRest);
}

// The same sentence repeated in a case history is one event.
void add_event(std::vector<AttendanceEvent>& events, const std::string& person,
               const std::string& kind, std::string_view sentence) {
    for (const AttendanceEvent& e : events) {
        if (e.person == person && e.kind == kind && e.text == sentence) return;
    }
    events.push_back(AttendanceEvent{person, kind, std::string(sentence)});
}

std::vector<std::string_view> sentences(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool line_end = text[i] == '\n';
        const bool stop = text[i] == '.' && i + 1 < text.size() && text[i + 1] == ' ' &&
                          i + 2 < text.size() && utf8::is_upper(utf8::first(text.substr(i + 2))) &&
                          !(i >= 2 && text[i - 2] == ' ');  // not after an initial "B."
        if (line_end || stop || i + 1 == text.size()) {
            const std::size_t end = line_end ? i : i + 1;
            std::string_view s = text.substr(start, end - start);
            while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
            if (!s.empty()) out.push_back(s);
            start = i + 1;
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> find_municipalities(std::string_view text) {
    const people::Lexicon& lex = people::lexicon();
    const std::vector<Token> tokens = people::tokenize(text);
    auto word = [&](std::size_t i) {
        return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    };
    auto is_word = [&](std::size_t i) {
        return i < tokens.size() && tokens[i].kind == TokenKind::kWord;
    };
    auto lookup = [&](std::string_view w) -> const people::Place* {
        const auto it = lex.place_by_key.find(people::fold_place(w));
        return it == lex.place_by_key.end() ? nullptr : &lex.places[it->second];
    };
    std::vector<std::string> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!is_word(i)) continue;
        const std::string_view w = word(i);
        if (!utf8::is_upper(utf8::first(w))) continue;
        const bool kommune_next = is_word(i + 1) && (word(i + 1).starts_with("Kommune") ||
                                                     word(i + 1) == "Regionskommune");
        if (w == "Region" || w == "Regionen") {
            if (is_word(i + 1)) {
                std::string_view r = word(i + 1);
                const people::Place* p = lookup(r);
                if (p == nullptr && r.ends_with('s')) p = lookup(r.substr(0, r.size() - 1));
                if (p != nullptr && p->region) add_unique(out, p->name);
            }
            continue;
        }
        // "Faaborg Midtfyn Kommune": two words for one hyphenated name.
        if (is_word(i + 1) && tokens[i + 1].space_before) {
            std::string two = std::string(w) + " " + std::string(word(i + 1));
            if (const people::Place* p = lookup(two); p != nullptr && !p->region) {
                add_unique(out, p->name);
                ++i;
                continue;
            }
        }
        const people::Place* p = lookup(w);
        if (p == nullptr && kommune_next && w.ends_with('s')) {
            p = lookup(w.substr(0, w.size() - 1));  // genitive "Nordfyns Kommune"
        }
        if (p == nullptr && kommune_next && w.size() >= 6) {
            // One-letter typo before "Kommune": "Frederica Kommune".
            const std::string folded = people::fold_place(w);
            const people::Place* best = nullptr;
            for (const people::Place& place : lex.places) {
                if (place.region) continue;
                if (people::edit_distance(folded, people::fold_place(place.short_name)) == 1) {
                    if (best != nullptr) {
                        best = nullptr;
                        break;
                    }
                    best = &place;
                }
            }
            p = best;
        }
        if (p == nullptr || p->region) continue;
        if (!kommune_next) {
            if (is_ambiguous_place(w)) continue;
            // A town name right after a capitalised name word is a surname ("Lone Varde").
            if (i > 0 && tokens[i].space_before && is_word(i - 1) &&
                people::is_name_shaped(word(i - 1)) && !lex.not_name_words.contains(word(i - 1)) &&
                lex.first_names.contains(word(i - 1))) {
                continue;
            }
        }
        add_unique(out, p->name);
    }
    return out;
}

std::optional<double> parse_amount(std::string_view text) {
    static const RE2 kAmount(
        R"((\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(mio\.?|mia\.?|mill\.?|millioner|million|)"
        R"(milliarder|milliard|t\.)?\s*(?:kr\b|kroner\b|DKK\b))");
    std::string whole;
    std::string decimals;
    std::string unit;
    re2::StringPiece input(text.data(), text.size());
    if (!RE2::FindAndConsume(&input, kAmount, &whole, &decimals, &unit)) return std::nullopt;
    std::string digits;
    for (char c : whole) {
        if (c != '.') digits += c;
    }
    if (!decimals.empty()) digits += "." + decimals;
    double value = std::strtod(digits.c_str(), nullptr);
    if (unit.starts_with("mia") || unit.starts_with("milliard")) {
        value *= 1e9;
    } else if (unit.starts_with("mio") || unit.starts_with("mill")) {
        value *= 1e6;
    } else if (unit == "t.") {
        value *= 1e3;
    }
    return value;
}

std::optional<double> max_amount(std::string_view text) {
    static const RE2 kWhole(
        R"(((?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*(?:mio\.?|mia\.?|mill\.?|millioner|million|)"
        R"(milliarder|milliard|t\.)?\s*(?:kr\b|kroner\b|DKK\b)))");
    std::optional<double> best;
    re2::StringPiece input(text.data(), text.size());
    std::string match;
    while (RE2::FindAndConsume(&input, kWhole, &match)) {
        if (auto v = parse_amount(match)) {
            if (!best || *v > *best) best = v;
        }
    }
    return best;
}

std::vector<Vote> find_votes(std::string_view text) {
    // "For stemte: V og I" / "Imod stemte Ø" / "Undlod at stemme: C".
    static const RE2 kListAfter(
        R"((?i)(for|imod)\s+stemte\s*:?\s*([^.;\n]+)|undlod\s+at\s+stemme\s*:\s*([^.;\n]+))");
    // "(Ø) stemte imod" / "A, F og Ø stemte for" / "C undlod at stemme".
    static const RE2 kListBefore(
        R"(([^.;:\n]+?)\s+(stemte\s+(?:imod|for)|undlod\s+at\s+stemme|kunne\s+ikke\s+tiltræde|)"
        R"(kunne\s+tiltræde))");
    // "med 5 stemmer for (A, F) og 2 imod (V), 1 undlod (Ø)".
    static const RE2 kCounted(
        R"((?i)\d+\s+(?:stemmer?\s+)?(for|imod|undlod|blank[e]?)\s*\(([^()]*)\))");
    std::vector<Vote> votes;
    for (std::string_view sentence : sentences(text)) {
        re2::StringPiece input(sentence.data(), sentence.size());
        std::string side;
        std::string list;
        std::string abstain;
        bool any = false;
        while (RE2::FindAndConsume(&input, kCounted, &side, &list)) {
            const std::string s = utf8::lower(side);
            Vote v;
            v.side = s == "for" ? "for" : s == "imod" ? "against" : "abstain";
            v.parties_or_names = parties_or_names(list);
            if (!v.parties_or_names.empty()) {
                votes.push_back(std::move(v));
                any = true;
            }
        }
        if (any) continue;
        input = re2::StringPiece(sentence.data(), sentence.size());
        while (RE2::FindAndConsume(&input, kListAfter, &side, &list, &abstain)) {
            any = true;
            Vote v;
            if (!abstain.empty()) {
                v.side = "abstain";
                v.parties_or_names = parties_or_names(abstain);
            } else {
                v.side = utf8::lower(side) == "for" ? "for" : "against";
                v.parties_or_names = parties_or_names(list);
            }
            if (!v.parties_or_names.empty()) votes.push_back(std::move(v));
        }
        if (any) continue;
        input = re2::StringPiece(sentence.data(), sentence.size());
        std::string verb;
        while (RE2::FindAndConsume(&input, kListBefore, &list, &verb)) {
            Vote v;
            v.side = verb.starts_with("undlod")                                         ? "abstain"
                     : verb.ends_with("imod") || verb.find("ikke") != std::string::npos ? "against"
                                                                                        : "for";
            // Only the clause right before the verb: "..., mens (Ø) stemte imod".
            std::string_view clause = list;
            for (std::string_view cut : {", mens ", " mens ", ", og ", ", men "}) {
                if (const auto at = clause.rfind(cut); at != std::string_view::npos) {
                    clause.remove_prefix(at + cut.size());
                }
            }
            v.parties_or_names = parties_or_names(clause);
            if (!v.parties_or_names.empty()) votes.push_back(std::move(v));
        }
    }
    return votes;
}

std::vector<AttendanceEvent> find_attendance(std::string_view text,
                                             const std::vector<std::string>& known) {
    return people::find_attendance(text, people::KnownNames(known));
}

std::vector<AttendanceEvent> people::find_attendance(std::string_view text,
                                                     const KnownNames& known) {
    static const RE2 kAbsent(R"((?i)deltog\s+ikke\s+i\s+(?:behandlingen|sagens\s+behandling|)"
                             R"(punktets\s+behandling|drøftelsen|beslutningen)|)"
                             R"(forhindret\s+i\s+at\s+deltage)");
    static const RE2 kConflict(R"((?i)inhabil)");
    static const RE2 kLeft(R"((?i)forlod\s+mødet)");
    static const RE2 kSubstitute(R"((?i)stedfortræder\s+for\s+)");
    // Sentences are pieces of the text: when no pattern occurs in the text, none occurs in a
    // sentence, and one scan answers for the whole item (most items record no attendance).
    static const RE2 kAny("(?:" + kAbsent.pattern() + ")|(?:" + kConflict.pattern() +
                          ")|(?:" + kLeft.pattern() + ")|(?:" + kSubstitute.pattern() + ")");
    std::vector<AttendanceEvent> events;
    if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kAny)) return events;
    const std::vector<std::string_view> all = sentences(text);
    for (std::size_t k = 0; k < all.size(); ++k) {
        const std::string_view sentence = all[k];
        const re2::StringPiece s(sentence.data(), sentence.size());
        std::string kind;
        if (RE2::PartialMatch(s, kAbsent)) {
            kind = "absent";
        } else if (RE2::PartialMatch(s, kConflict)) {
            kind = "conflict";
        } else if (RE2::PartialMatch(s, kLeft)) {
            kind = "left";
        } else if (RE2::PartialMatch(s, kSubstitute)) {
            kind = "substitute";
        } else {
            continue;
        }
        const std::vector<NameMention> names = people::find_names(sentence, known);
        if (kind == "substitute") {
            // "Jens Hansen (A) deltog som stedfortræder for Ole Olsen (A)": the substitute is
            // the name before "stedfortræder for", and a named person must follow it.
            const auto at = sentence.find("stedfortræder for ");
            const auto at_upper = sentence.find("Stedfortræder for ");
            const std::size_t pos = std::min(at, at_upper);
            const NameMention* before = nullptr;
            bool named_after = false;
            for (const NameMention& m : names) {
                if (m.end <= pos) before = before == nullptr ? &m : before;
                if (m.begin > pos && m.begin <= pos + 20) named_after = true;
            }
            if (before == nullptr || !named_after) continue;
            add_event(events, before->name, kind, sentence);
            continue;
        }
        if (names.empty() && kind == "absent" && sentence.ends_with(':')) {
            // "Følgende deltog ikke i behandlingen af punktet:" and the names on the lines
            // after it, one list per line; the first line naming no one ends the list.
            for (std::size_t n = k + 1; n < all.size() && n <= k + kMaxListLines; ++n) {
                const std::vector<NameMention> listed = people::find_names(all[n], known);
                if (listed.empty() || all[n].size() > kMaxListLineBytes ||
                    !only_names(all[n], listed))
                    break;
                for (const NameMention& m : listed) {
                    add_event(events, m.name, kind,
                              std::string(sentence) + " " + std::string(all[n]));
                }
            }
            continue;
        }
        if (names.empty()) continue;
        for (const NameMention& m : names) add_event(events, m.name, kind, sentence);
    }
    return events;
}

}  // namespace referat::ingest
