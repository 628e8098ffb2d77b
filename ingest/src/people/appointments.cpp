// The appointments register: who was appointed to what, by this meeting or reported from another.

#include <algorithm>
#include <array>
#include <initializer_list>
#include <unordered_map>

#include <re2/re2.h>

#include "people/known_names.hpp"
#include "people/tokens.hpp"
#include "referat/ingest/people.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest {

namespace {

// What may stand between a name and the verb: "(forkortet til Sri), fra Odense Kommune".
constexpr std::string_view kOrgClause =
    R"((?:\s*\([^()\n]*\))?(?:,?\s*(?:fra\s+)?(?:Region\s+\p{Lu}\p{L}+|)"
    R"(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?\s+(?:Kommune|Regionskommune)|KKR|KL)(?:\s*\))?)?,?)";

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

// A pattern anchored right after a name: the optional organisation clause, then `rest`.
std::string after_name_pattern(std::string_view rest) {
    return "^" + std::string(kOrgClause) + std::string(rest);
}

// "..., Nordfyns Kommune blev godkendt som nyt medlem af Forretningsudvalget."
const RE2& approved_as() {
    static const RE2 kRe(after_name_pattern(
        R"(\s+(?:blev|er)\s+(?:god\p{L}*|valgt|genvalgt|udpeget)\s+som\s+([^.\n•]+))"));
    return kRe;
}
// "vælger Klaus Liestmann som ny medrepræsentant til ..." (verb before the name).
const RE2& plain_as() {
    static const RE2 kRe(after_name_pattern(R"(\s+som\s+([^.\n•]+))"));
    return kRe;
}
// "Arne Lund Kristensen (Aalborg Kommune) overtager Hans Chr. Mariegaards (...), plads i FU".
const RE2& takes_seat() {
    static const RE2 kRe(
        after_name_pattern(R"(\s+overtager\s+([^()\n,]+?)\s*(?:\([^()\n]*\))?,?\s+plads\s+i\s+)"
                           R"(([^.\n,]+?)(?:\s+indtil|\s+fra|\s+med|[.,\n]|$))"));
    return kRe;
}
// "Jens Hansen udpeges til ...", "... indtræder i Forretningsudvalget".
const RE2& joins() {
    static const RE2 kRe(after_name_pattern(
        R"(\s+(?:udpeges|vælges|indtræder|træder\s+ind)\s+(som|til|i)\s+([^.\n•]+))"));
    return kRe;
}

constexpr std::array<std::string_view, 8> kAdjectives = {
    "ny", "nyt", "nye", "kommunal", "regional", "kommunale", "regionale", "fast"};
// Seats in a body: "medlem af X" appoints to X. A role ("formand for X") is kept whole.
constexpr std::array<std::string_view, 8> kMemberWords = {
    "medlem",   "repræsentant", "medrepræsentant", "suppleant",
    "deltager", "observatør",   "repræsentanter",  "medlemmer"};
constexpr std::array<std::string_view, 5> kPrepositions = {"af", "til", "i", "for", "på"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ':'))
        s.remove_suffix(1);
    return s;
}

// "nyt medlem af Forretningsudvalget" -> "Forretningsudvalget"; "kommunal kontaktdirektør og
// Charlotte ..." -> "kommunal kontaktdirektør".
std::string role_to_target(std::string_view role) {
    role = trim(role);
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < role.size()) {
        const auto sp = role.find(' ', pos);
        const auto end = sp == std::string_view::npos ? role.size() : sp;
        if (end > pos) words.push_back(role.substr(pos, end - pos));
        pos = end + 1;
    }
    std::size_t k = 0;
    while (k < words.size() && in(kAdjectives, words[k])) ++k;
    if (k + 2 < words.size() && in(kMemberWords, words[k]) && in(kPrepositions, words[k + 1])) {
        // A body name may contain "og" ("Koordinationsforum og de halvårlige dialogmøder").
        std::string_view target =
            role.substr(static_cast<std::size_t>(words[k + 2].data() - role.data()));
        if (const auto at = target.find(" med tiltrædelse"); at != std::string_view::npos) {
            target = target.substr(0, at);
        }
        return std::string(trim(target));
    }
    // A plain role ends at the next person or clause.
    std::string_view target = role;
    for (std::string_view cut : {" og ", " samt ", ", ", " fra ", " med ", " pr. "}) {
        if (const auto at = target.find(cut); at != std::string_view::npos) {
            target = target.substr(0, at);
        }
    }
    return std::string(trim(target));
}

// Definite form of a group noun: "baggrundsgruppe" -> "baggrundsgruppen".
std::string definite(std::string_view noun) {
    std::string out(noun);
    if (out.ends_with("en") || out.ends_with("et")) return out;
    out += out.ends_with('e') ? "n" : "en";
    return out;
}

std::string lower_first(std::string_view s) {
    if (s.empty()) return {};
    std::size_t pos = 0;
    const char32_t c = utf8::next(s, pos);
    std::string out;
    utf8::append(out, utf8::to_lower(c));
    out.append(s.substr(pos));
    return out;
}

// Spelling repair from context: a word of `to` that occurs once in the item, one letter away
// from a word the item uses elsewhere, takes that spelling ("Koordinationsfoeum"). Word counts
// are taken once per item, on the first repair (most items appoint no one), and repairs are
// cached, so long lists of appointments stay linear.
class SpellingContext {
  public:
    explicit SpellingContext(std::string_view body) : m_body(body) {}

    std::string repair(const std::string& to) const {
        if (const auto it = m_cache.find(to); it != m_cache.end()) return it->second;
        std::string out;
        std::size_t last = 0;
        for (const auto& t : people::tokenize(to)) {
            if (t.kind != people::TokenKind::kWord) continue;
            out.append(to, last, t.begin - last);
            last = t.end;
            out += repair_word(to.substr(t.begin, t.end - t.begin));
        }
        out.append(to, last);
        m_cache.emplace(to, out);
        return out;
    }

  private:
    void count_words() const {
        if (m_counted) return;
        m_counted = true;
        for (const auto& t : people::tokenize(m_body)) {
            if (t.kind == people::TokenKind::kWord) {
                ++m_counts[std::string(m_body.substr(t.begin, t.end - t.begin))];
            }
        }
    }

    std::string repair_word(const std::string& w) const {
        count_words();
        const auto own = m_counts.find(w);
        if (w.size() < 6 || (own != m_counts.end() && own->second > 1)) return w;
        // The most frequent neighbour wins; ties go to the first in byte order (deterministic).
        const std::string* best = nullptr;
        int best_count = 0;
        for (const auto& [other, n] : m_counts) {
            if (other == w || other[0] != w[0] || other.size() + 1 < w.size() ||
                other.size() > w.size() + 1 || people::edit_distance(other, w) != 1) {
                continue;
            }
            if (n > best_count || (n == best_count && best != nullptr && other < *best)) {
                best = &other;
                best_count = n;
            }
        }
        return best == nullptr ? w : *best;
    }

    std::string_view m_body;
    mutable bool m_counted = false;
    mutable std::unordered_map<std::string, int> m_counts;
    mutable std::unordered_map<std::string, std::string> m_cache;
};

struct Finder {
    const SpellingContext& spelling;
    const people::KnownNames& known;

    // Appointment anchored on a name mention in `line`; `verb_before` allows "X som Y".
    std::optional<Appointment> after_name(std::string_view line, const NameMention& m,
                                          bool verb_before) const {
        re2::StringPiece rest(line.data() + m.end, line.size() - m.end);
        std::string role;
        std::string seat;
        std::string body_name;
        std::string prep;
        Appointment a;
        a.person = m.name;
        a.organisation = m.organisation;
        if (RE2::PartialMatch(rest, approved_as(), &role)) {
            a.to = role_to_target(role);
        } else if (RE2::PartialMatch(rest, takes_seat(), &seat, &body_name)) {
            a.to =
                std::string(trim(body_name)) + " (overtager " + std::string(trim(seat)) + " plads)";
        } else if (RE2::PartialMatch(rest, joins(), &prep, &role)) {
            a.to = role_to_target(role);
        } else if (verb_before && RE2::PartialMatch(rest, plain_as(), &role)) {
            a.to = role_to_target(role);
        } else {
            return std::nullopt;
        }
        if (a.to.empty()) return std::nullopt;
        a.to = spelling.repair(a.to);
        return a;
    }
};

// Bulleted entries after a list header, up to the next header or a non-bullet line.
std::vector<std::string_view> bullets_after(std::string_view text, std::size_t pos,
                                            std::size_t limit) {
    std::vector<std::string_view> out;
    std::string_view rest = text.substr(pos, limit - pos);
    // On one line (normalised decision text) entries are split at " • ".
    std::size_t i = 0;
    bool started = false;
    while (i < rest.size()) {
        std::size_t line_end = rest.find('\n', i);
        if (line_end == std::string_view::npos) line_end = rest.size();
        std::string_view line = trim(rest.substr(i, line_end - i));
        i = line_end + 1;
        if (line.empty()) continue;
        const bool bullet = line.starts_with("•") || line.starts_with("- ") ||
                            line.starts_with("–") || line.starts_with("* ");
        if (!bullet && started) break;
        if (!bullet && line.find("•") == std::string_view::npos) break;
        started = true;
        std::size_t p = 0;
        while (p < line.size()) {
            auto next = line.find("•", p);
            if (next == p) {
                p += 3;
                continue;
            }
            if (next == std::string_view::npos) next = line.size();
            std::string_view entry = trim(line.substr(p, next - p));
            if (entry.starts_with("- ") || entry.starts_with("* ")) entry.remove_prefix(2);
            if (entry.starts_with("–")) entry.remove_prefix(3);
            if (!entry.empty()) out.push_back(trim(entry));
            p = next;
        }
    }
    return out;
}

// Heading line nearest before pos (within a few paragraphs): short, no final punctuation, not a
// bullet.
std::string_view heading_before(std::string_view text, std::size_t pos) {
    constexpr int kMaxLinesBack = 40;
    std::size_t end = text.rfind('\n', pos);
    for (int lines = 0; end != std::string_view::npos && end > 0 && lines < kMaxLinesBack;
         ++lines) {
        const std::size_t begin = text.rfind('\n', end - 1);
        const std::size_t b = begin == std::string_view::npos ? 0 : begin + 1;
        const std::string_view line = trim(text.substr(b, end - b));
        if (!line.empty() && line.size() < 80 && !line.starts_with("-") && !line.starts_with("•") &&
            line.back() != '.' && line.back() != ':' && line.back() != ',') {
            return line;
        }
        if (begin == std::string_view::npos) break;
        end = begin;
    }
    return {};
}

void append_unique(std::vector<Appointment>& out, Appointment a) {
    for (const Appointment& b : out) {
        if (b.person == a.person && b.organisation == a.organisation && b.to == a.to) return;
    }
    out.push_back(std::move(a));
}

// Appointments from list headers: "Til referencegruppen udpeges:", "nedsættes en baggrundsgruppe
// ..., bestående af:", "Repræsentanten fra Nordjylland er:".
void list_appointments(std::string_view text, const people::KnownNames& known,
                       std::vector<Appointment>& out) {
    static const RE2 kHeader(
        R"((?:(?:^|\n|\. )[Tt]il\s+(\p{L}+)\s+(?:udpeges|vælges)\s*:)|)"
        R"((?:(?:nedsættes|etableres|oprettes)\s+en\s+(\p{L}*gruppe)\b[^:\n]*?bestående\s+af\s*:)|)"
        R"((?:[Rr]epræsentant(?:en|erne)\s+(?:fra\s+\p{L}+\s+)?(?:er|bliver)\s*:))");
    struct Header {
        std::size_t end;  ///< where the bullets start
        std::string to;
    };
    // Every header form needs one of these words; most items have none of them.
    if (!contains_any(text, {"udpeges", "vælges", "bestående", "epræsentant"})) return;
    std::vector<Header> headers;
    re2::StringPiece input(text.data(), text.size());
    std::string to_body;
    std::string group;
    while (RE2::FindAndConsume(&input, kHeader, &to_body, &group)) {
        const auto end = static_cast<std::size_t>(input.data() - text.data());
        Header h{end, {}};
        if (!to_body.empty()) {
            h.to = to_body;
        } else if (!group.empty()) {
            h.to = definite(group);
        } else {
            const std::string_view heading = heading_before(text, end);
            if (heading.empty()) continue;
            std::string_view first = heading.substr(0, heading.find(' '));
            std::string target = lower_first(first);
            if (target.ends_with("gruppe")) target = definite(target);
            h.to = target + std::string(heading.substr(first.size()));
        }
        headers.push_back(std::move(h));
        to_body.clear();
        group.clear();
    }
    for (std::size_t k = 0; k < headers.size(); ++k) {
        const std::size_t limit = k + 1 < headers.size() ? headers[k + 1].end : text.size();
        for (std::string_view entry : bullets_after(text, headers[k].end, limit)) {
            const auto names = people::find_names(entry, known);
            if (names.empty()) continue;
            Appointment a;
            a.person = names.front().name;
            a.organisation = names.front().organisation;
            a.to = headers[k].to;
            append_unique(out, std::move(a));
        }
    }
}

// "Der blev udpeget to deltagere til arbejdsgruppen. En fra Esbjerg Kommune ... samt en fra
// Odense Kommune." and "Der blev udpeget en person til kontaktgruppen fra Vejen Kommune.":
// seats given to municipalities, the person to be named later.
void seat_appointments(std::string_view text, std::vector<Appointment>& out) {
    static const RE2 kSeat(
        R"([Dd]er\s+blev\s+udpeget\s+\p{L}+\s+(?:\p{L}+\s+)?til\s+(\p{L}+)(?:\s+fra\s+)"
        R"((\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?\s+Kommune))?)");
    static const RE2 kOneFrom(
        R"((?:^|[\s.])(?:[Ee]n|[Éé]n)\s+fra\s+(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?\s+Kommune))");
    if (text.find("udpeget") == std::string_view::npos) return;
    re2::StringPiece input(text.data(), text.size());
    std::string to;
    std::string org;
    while (RE2::FindAndConsume(&input, kSeat, &to, &org)) {
        if (!org.empty()) {
            append_unique(out, Appointment{std::nullopt, org, to, std::nullopt});
            org.clear();
            continue;
        }
        // The following sentence names the municipalities, up to the next appointment.
        std::string_view follow(input.data(), input.size());
        follow = follow.substr(0, follow.find('\n'));
        if (const auto stop = follow.find("Der blev"); stop != std::string_view::npos) {
            follow = follow.substr(0, stop);
        }
        re2::StringPiece f(follow.data(), follow.size());
        std::string from;
        while (RE2::FindAndConsume(&f, kOneFrom, &from)) {
            append_unique(out, Appointment{std::nullopt, from, to, std::nullopt});
        }
    }
}

bool has_selection_verb(std::string_view before) {
    static const RE2 kVerb(
        R"((?i)(?:vælger|valgte|udpeger|udpegede|peget\s+på|pegede\s+på|godkender|godkendte|)"
        R"(indstiller|har\s+udpeget)\s*(?:at\s+)?$)");
    // Only the words right before the name count: "... peget på Mogens Bak Hansen".
    const std::size_t from = before.size() > 80 ? before.size() - 80 : 0;
    re2::StringPiece s(before.data() + from, before.size() - from);
    return RE2::PartialMatch(s, kVerb);
}

// Sentences reporting another body's choice: "FU godkendte at ...", "Strategisk
// Sundhedsstyregruppe har den 13. september 2023 peget på ...".
void reported_appointments(std::string_view body, const people::KnownNames& known,
                           const Finder& finder, std::vector<Appointment>& out) {
    static const RE2 kReport(
        R"((?:^|\n|\. )((?:\p{Lu}[\p{L}-]*)(?:[ \t]+\p{Lu}?[\p{L}-]+){0,4}?)[ \t]+)"
        R"((?:har\s+(?:den\s+(\d{1,2}\.\s+\p{L}+\s+\d{4})\s+)?(?:peget\s+på|udpeget|valgt|godkendt\s+at)|)"
        R"(godkendte,?\s+at|udpegede|valgte|pegede\s+på)\s)");
    // Each verb form contains one of these ("udpeget" holds "peget", "valgte" holds "valgt").
    if (!contains_any(body, {"peget", "pegede", "valgt", "godkendt"})) return;
    re2::StringPiece input(body.data(), body.size());
    std::string by;
    std::string date;
    while (RE2::FindAndConsume(&input, kReport, &by, &date)) {
        const auto start = static_cast<std::size_t>(input.data() - body.data());
        std::size_t stop = body.find('\n', start);
        if (stop == std::string_view::npos) stop = body.size();
        const std::string_view line = body.substr(start, stop - start);
        for (const NameMention& m : people::find_names(line, known)) {
            // "peget på X som A og Y som B": every name followed by its role.
            auto a = finder.after_name(line, m, true);
            if (!a) continue;
            a->by = date.empty() ? by : by + " (" + date + ")";
            append_unique(out, std::move(*a));
        }
        date.clear();
    }
}

}  // namespace

ItemAppointments find_appointments(std::string_view decision, std::string_view body,
                                   const std::vector<std::string>& known) {
    return people::find_appointments(decision, body, people::KnownNames(known));
}

ItemAppointments people::find_appointments(std::string_view decision, std::string_view body,
                                           const KnownNames& known) {
    ItemAppointments result;
    const std::string_view context = body.empty() ? decision : body;
    const SpellingContext spelling(context);
    const Finder finder{spelling, known};
    for (const NameMention& m : people::find_names(decision, known)) {
        const bool verb_before = has_selection_verb(decision.substr(0, m.begin));
        if (auto a = finder.after_name(decision, m, verb_before)) {
            append_unique(result.made, std::move(*a));
        }
    }
    list_appointments(decision, known, result.made);
    seat_appointments(decision, result.made);

    std::vector<Appointment> reported;
    reported_appointments(body, known, finder, reported);
    list_appointments(body, known, reported);
    for (Appointment& a : reported) {
        const bool made_here =
            std::any_of(result.made.begin(), result.made.end(),
                        [&](const Appointment& b) { return b.person && b.person == a.person; });
        // A list in the decision text is already in `made`; the same list read from the body
        // is not a second, reported appointment.
        if (!made_here) append_unique(result.reported, std::move(a));
    }
    return result;
}

}  // namespace referat::ingest
