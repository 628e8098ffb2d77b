#include "text/header.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "referat/ingest/utf8.hpp"
#include "text/dates.hpp"
#include "text/profiles.hpp"

namespace referat::ingest::text {

namespace {

/// Header lines are short; longer lines are body text.
constexpr std::size_t kMaxHeaderLine = 300;

struct CompiledField {
    std::unique_ptr<RE2> re;
    Field field;
};

const std::vector<CompiledField>& compiled_fields(const Profile& profile) {
    static std::map<std::string_view, std::vector<CompiledField>> cache;
    static const bool kInit = [] {
        for (const Profile& p : profiles()) {
            std::vector<CompiledField> v;
            for (const HeaderField& f : p.fields) {
                // "Mødedato Onsdag d. 27. august": Møde* labels need no colon.
                const bool bare = f.label.starts_with("Møde");
                v.push_back({std::make_unique<RE2>("^(?i:" + std::string(f.label) +
                                                   (bare ? R"()\s*(?::\s*(.*)|\s+(\S.*)|)$)"
                                                         : R"()\s*(?::\s*(.*)|\s+(\d.*)|)$)")),
                             f.field});
            }
            cache.emplace(p.name, std::move(v));
        }
        return true;
    }();
    (void)kInit;
    return cache.at(profile.name);
}

std::optional<std::string> time_of(std::string_view s, std::optional<std::string>* end_time) {
    static const RE2 kTime(R"((\d{1,2})[:.](\d{2})(?:\s*(?:-|–|til)\s*(\d{1,2})[:.](\d{2}))?)");
    re2::StringPiece h, m, h2, m2;
    if (!RE2::PartialMatch(s, kTime, &h, &m, &h2, &m2)) return std::nullopt;
    auto fmt = [](std::string_view hh, std::string_view mm) {
        std::string out = hh.size() == 1 ? "0" + std::string(hh) : std::string(hh);
        return out + ":" + std::string(mm);
    };
    if (end_time && !h2.empty()) *end_time = fmt(h2, m2);
    return fmt(h, m);
}

/// Split an attendance list at commas and semicolons outside parentheses.
std::vector<std::string> split_list(std::string_view list) {
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (char c : list) {
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if ((c == ',' || c == ';' || c == '\n' || c == '\t') && depth == 0) {
            out.push_back(collapse_spaces(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(collapse_spaces(cur));
    std::erase_if(out, [](const std::string& s) { return s.empty(); });
    if (!out.empty() && !out.back().empty() && out.back().back() == '.') out.back().pop_back();
    return out;
}

bool looks_like_organisation(std::string_view token) {
    static const RE2 kOrg(
        R"((?i)kommune|region|\bKKR\b|\bKL\b|sekretariat|ekretariatet|forvaltning|styrelse|ministeri|udvalg|forum|center|centret|afdeling|hospital|sygehus|universitet|politi|forening|organisation|\bråd\b|\bA/S\b)");
    if (token.find('@') != std::string_view::npos || token.find(':') != std::string_view::npos)
        return false;
    std::string_view bare = token.substr(0, token.find('('));
    bare = trim(bare);
    if (RE2::PartialMatch(bare, kOrg)) return true;
    return !bare.empty() && words(bare).size() == 1;  // "KKR", "Socialekretariatet"
}

struct Entry {
    std::string name;
    std::optional<std::string> organisation;
    std::optional<std::string> role;
    std::optional<std::string> party;
    bool absent = false;
};

/// "Name (A) - formand", "Name (*Fraværende*)", "Organisation (referent)".
void read_marks(std::string& text, Entry& e, bool organisation) {
    static const RE2 kParen(R"(\s*\(([^()]*)\)\s*)");
    static const RE2 kDashRole(R"(^(.+?)\s+[-–]\s+((?:\d\.\s*)?\p{Ll}[^,]*)$)");
    re2::StringPiece inner;
    std::string rest = text;
    while (RE2::PartialMatch(rest, kParen, &inner)) {
        std::string mark = collapse_spaces(inner);
        std::erase(mark, '*');
        std::string l = utf8::lower(mark);
        if (l.find("fraværende") != std::string::npos || l == "afbud") {
            e.absent = true;
        } else if (!organisation && mark.size() <= 3 && utf8::starts_upper(mark)) {
            e.party = mark;
        } else if (!mark.empty()) {
            e.role = mark;
        }
        RE2::Replace(&rest, kParen, " ");
    }
    re2::StringPiece base, role;
    std::string trimmed = collapse_spaces(rest);
    if (RE2::FullMatch(trimmed, kDashRole, &base, &role)) {
        e.role = std::string(trim(role));
        trimmed = std::string(trim(base));
    }
    text = trimmed;
}

/// A line inside an attendance block: a name, "Name (A) - formand", "Name, Organisation".
bool person_line(std::string_view t) {
    std::string_view dummy;
    if (match_attendance_label(t, dummy) != Attendance::kNone) return false;
    HeadingMatch hm;
    if (is_toc_heading(t) || match_heading(t, hm) || t.size() > 200) return false;
    if (!utf8::starts_upper(t) || t.find(':') != std::string_view::npos) return false;
    static const RE2 kRole(R"(^(?i:sekretær|referent|protokolfører)$)");
    if (RE2::FullMatch(t, kRole)) return false;
    // Digits in the name itself mean a date, an address or a page; after the party mark or a
    // dash they belong to the role ("Name (A) - 1. næstformand").
    static const RE2 kDigitOutsideParens(R"(^[^(\-–]*\d)");
    if (RE2::PartialMatch(t, kDigitOutsideParens)) return false;
    // Every column of a tabbed line is a name (two words or more, or a party mark).
    std::size_t from = 0;
    while (from <= t.size()) {
        std::size_t tab = t.find('\t', from);
        std::string_view cell =
            trim(t.substr(from, tab == std::string_view::npos ? t.npos : tab - from));
        if (!cell.empty() && words(cell).size() < 2 && cell.find('(') == std::string_view::npos)
            return false;
        if (tab == std::string_view::npos) break;
        from = tab + 1;
    }
    return true;
}

/// The line holds nothing but the date, a weekday, "den" and the time.
bool bare_date_line(std::string_view line, const FoundDate& fd) {
    std::string rest = std::string(line.substr(0, fd.position)) + " " +
                       std::string(line.substr(std::min(line.size(), fd.position + fd.length)));
    static const RE2 kFiller(
        R"(^(?i)[\s,.-]*(?:(?:man|tirs|ons|tors|fre|lør|søn)dag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)?[\s,.]*(?:den|d\.)?[\s,.]*(?:kl\.?)?\s*$)");
    return RE2::FullMatch(rest, kFiller);
}

/// "Alle var mødt, undtagen X og Y, som havde meldt afbud": the named are absent.
bool read_prose_absence(std::string_view t, Meeting& m) {
    static const RE2 kRe(
        R"(^(?i:alle (?:var mødt|mødte|var til stede|deltog))\s*,?\s*(?i:undtagen|bortset fra)\s+(.+?)(?:\s*,?\s*(?i:som|der)\s+(?i:havde\s+)?(?i:meldt\s+)?(?i:afbud|forfald).*|\s*\(afbud\).*)?\.?$)");
    static const RE2 kAnd(R"(\s+(?:og|samt)\s+)");
    re2::StringPiece names;
    if (t.size() > 400 || !RE2::FullMatch(t, kRe, &names)) return false;
    std::string list(names);
    RE2::GlobalReplace(&list, kAnd, ", ");
    read_attendance(list, Attendance::kAbsent, m);
    m.rules.emplace_back("attendance:prose");
    return true;
}

/// "Søren Krogh (A) mødte som stedfortræder for Lars Winther": the substitute is present.
bool read_substitute(std::string_view t, Meeting& m) {
    static const RE2 kRe(
        R"(^(\p{Lu}[^()]+?)(?:\s*\((\p{Lu}{1,2})\))?\s+(?:mødte|deltog)\s+som\s+(?i:stedfortræder)\s+for\s+\p{Lu}.*$)");
    re2::StringPiece name, party;
    if (t.size() > 300 || !RE2::FullMatch(t, kRe, &name, &party) || words(name).size() > 5)
        return false;
    Person p{collapse_spaces(name), std::nullopt, std::string("stedfortræder"), std::nullopt};
    if (!party.empty()) p.party = std::string(party);
    m.participants.push_back(std::move(p));
    m.rules.emplace_back("attendance:substitute");
    return true;
}

}  // namespace

void read_attendance(std::string_view list, Attendance kind, Meeting& meeting) {
    static const RE2 kSubLabel(
        R"(^(?i:Eksterne deltagere|Ekstern deltager|Øvrige deltagere|Gæster)\s*:\s*(.*)$)");
    std::vector<std::string> tokens = split_list(list);
    std::size_t orgs = 0;
    for (const auto& t : tokens)
        if (looks_like_organisation(t)) ++orgs;
    const bool paired = orgs * 3 >= tokens.size() && orgs > 0;
    bool external = kind == Attendance::kExternal;
    Person* last = nullptr;  // the person a following role token belongs to
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string token = tokens[i];
        re2::StringPiece rest;
        if (RE2::FullMatch(token, kSubLabel, &rest)) {
            external = true;
            token = std::string(rest);
            if (token.empty()) continue;
        }
        // "Name (S), ordförande" / "Name (A), formand": a lower-case token is the role of the
        // person before it, not a person.
        static const RE2 kRoleToken(R"(^\s*\p{Ll}[\p{L} .\-]*$)");
        if (last && words(token).size() <= 3 && RE2::FullMatch(token, kRoleToken)) {
            if (!last->role) last->role = collapse_spaces(token);
            continue;
        }
        Entry e;
        read_marks(token, e, false);
        e.name = token;
        if (paired && i + 1 < tokens.size() && looks_like_organisation(tokens[i + 1])) {
            std::string org = tokens[i + 1];
            read_marks(org, e, true);
            e.organisation = org;
            ++i;
        }
        if (e.name.empty()) continue;
        if (external && !e.role) e.role = "ekstern deltager";
        Person p{e.name, e.organisation, e.role, e.party};
        // "Name (A) - afbud" inside a list of those present.
        if (p.role && (utf8::lower(*p.role) == "afbud" || utf8::lower(*p.role) == "fraværende"))
            e.absent = true;
        if (kind == Attendance::kAbsent || e.absent) {
            p.role.reset();
            meeting.absent.push_back(std::move(p));
            last = nullptr;
        } else {
            meeting.participants.push_back(std::move(p));
            last = &meeting.participants.back();
        }
    }
}

void read_header(std::span<const Line> lines, std::size_t begin, std::size_t end,
                 const Profile& profile, Meeting& m) {
    const auto& fields = compiled_fields(profile);
    std::optional<std::string> time;
    std::optional<std::string> end_time;
    std::vector<bool> used(end > begin ? end - begin : 0, false);
    auto next_value = [&](std::size_t i, std::size_t& at) -> std::string_view {
        for (std::size_t j = i + 1; j < end; ++j) {
            if (lines[j].blank) continue;
            at = j;
            return lines[j].trimmed;
        }
        return {};
    };
    for (std::size_t i = begin; i < end; ++i) {
        const Line& line = lines[i];
        if (line.blank) continue;
        std::string_view rest;
        Attendance a = match_attendance_label(line.trimmed, rest);
        static const RE2 kRoleLabel(R"(^(?i:(Sekretær|Referent|Protokolfører))\s*(?::\s*(.*)|$))");
        re2::StringPiece role_label, role_rest;
        std::optional<std::string> list_role;
        if (a == Attendance::kNone &&
            RE2::FullMatch(line.trimmed, kRoleLabel, &role_label, &role_rest)) {
            a = Attendance::kPresent;
            rest = role_rest;
            list_role = utf8::lower(role_label);
        }
        if (a != Attendance::kNone) {
            std::string list(rest);
            std::size_t j = i + 1;
            // The list continues on following lines that read as people, up to a blank line,
            // another label or anything that is clearly not a name.
            for (; j < end && !lines[j].blank; ++j) {
                if (!person_line(lines[j].trimmed)) break;
                list += list.empty() ? "" : ", ";
                list += lines[j].trimmed;
            }
            std::size_t before = m.participants.size();
            read_attendance(list, a, m);
            if (list_role)
                for (std::size_t k = before; k < m.participants.size(); ++k)
                    if (!m.participants[k].role) m.participants[k].role = list_role;
            m.rules.emplace_back("attendance:list");
            i = j - 1;
            continue;
        }
        if (read_prose_absence(line.trimmed, m) || read_substitute(line.trimmed, m)) continue;
        if (line.trimmed.size() > kMaxHeaderLine) continue;
        for (const auto& f : fields) {
            re2::StringPiece after, digits;
            if (!RE2::FullMatch(line.trimmed, *f.re, &after, &digits)) continue;
            std::string_view value = !after.empty() ? after : digits;
            std::size_t at = i;
            if (value.empty()) value = next_value(i, at);
            if (value.empty()) break;
            used[i - begin] = true;
            used[at - begin] = true;
            std::optional<FoundDate> fd = find_date(value);
            switch (f.field) {
                case Field::kTitle:
                    m.title = collapse_spaces(value);
                    break;
                case Field::kCommittee:
                    m.committee = collapse_spaces(value);
                    break;
                case Field::kLocation:
                    m.location = collapse_spaces(value);
                    break;
                case Field::kPublished:
                    if (fd) m.published = fd->date;
                    break;
                case Field::kTime:
                    time = time_of(value, &end_time);
                    break;
                case Field::kDate:
                    if (fd && !m.date) {
                        m.date = fd->date;
                        if (fd->time) time = fd->time;
                        if (fd->end_time) end_time = fd->end_time;
                    }
                    break;
                case Field::kStart:
                    if (fd) {
                        if (!m.date) m.date = fd->date;
                        if (fd->time) m.start = iso_date_time(fd->date, *fd->time);
                    }
                    break;
                case Field::kEnd:
                    if (fd && fd->time) m.end = iso_date_time(fd->date, *fd->time);
                    break;
            }
            m.rules.emplace_back("header:field");
            break;
        }
    }
    // Title: the first non-blank line unless a label named it.
    std::size_t title_line = end;
    for (std::size_t i = begin; i < end; ++i) {
        if (!lines[i].blank) {
            title_line = i;
            break;
        }
    }
    if (m.title.empty() && title_line < end) {
        // A letter-style header starts with contact fields; prefer a line naming the meeting.
        static const RE2 kMeetingLine(R"((?i)\b(?:referat|møde|mødet|dagsorden)\b)");
        for (std::size_t i = begin; i < end; ++i) {
            if (!lines[i].blank && !used[i - begin] && lines[i].trimmed.size() <= kMaxHeaderLine &&
                RE2::PartialMatch(lines[i].trimmed, kMeetingLine) &&
                lines[i].trimmed.find(':') == std::string_view::npos) {
                title_line = i;
                break;
            }
        }
        m.title = collapse_spaces(lines[title_line].trimmed);
    }
    // Date: from a label, else the first date in the header, preferring one with a time range.
    if (!m.date) {
        std::optional<FoundDate> chosen;
        bool chosen_other = false;  // the chosen date is a sending or printing date
        std::size_t chosen_line = end;
        for (std::size_t i = begin; i < end; ++i) {
            if (lines[i].blank || used[i - begin] || lines[i].trimmed.size() > kMaxHeaderLine)
                continue;
            std::optional<FoundDate> fd = find_date(lines[i].trimmed);
            if (!fd) continue;
            // The date a document was sent, printed or signed is not the meeting's.
            static const RE2 kOtherEvent(
                R"((?i)\b(?:udsendt|udskrevet|offentliggjort|publiceret|printet|udskrift|underskrevet|justeret|justerad|anslagen|utskrift|sendt|dato for udsendelse)\b)");
            const bool other_event = RE2::PartialMatch(lines[i].trimmed, kOtherEvent);
            auto score = [](const FoundDate& d) { return (d.time ? 1 : 0) + (d.end_time ? 1 : 0); };
            if (other_event) {
                if (!chosen) {
                    chosen = fd;
                    chosen_line = i;
                    chosen_other = true;
                }
                continue;
            }
            if (!chosen || chosen_other || score(*fd) > score(*chosen)) {
                chosen_other = false;
                chosen = fd;
                chosen_line = i;
            }
            if (chosen->end_time) break;
        }
        if (chosen) {
            m.date = chosen->date;
            if (chosen->time) time = chosen->time;
            if (chosen->end_time) end_time = chosen->end_time;
            m.rules.emplace_back("header:date-scan");
            // "Den 12.03.2019 kl. 15:30 i Mødelokale 1": the place follows the time.
            static const RE2 kPlaceAfterTime(R"((?i)kl\.?\s*\d{1,2}[:.]\d{2}\s+i\s+(\S.*)$)");
            re2::StringPiece place;
            if (!m.location &&
                RE2::PartialMatch(lines[chosen_line].trimmed, kPlaceAfterTime, &place))
                m.location = collapse_spaces(place);
            std::size_t last = chosen_line;
            bool bare = bare_date_line(lines[chosen_line].trimmed, *chosen);
            // "Torsdag den 20. juni 2013" with "Kl. 10:30" on the next line.
            static const RE2 kTimeLine(
                R"(^(?i:kl)\.?\s*\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?$)");
            std::size_t at = last;
            std::string_view v = next_value(last, at);
            if (!v.empty() && RE2::FullMatch(v, kTimeLine)) {
                if (!time) time = time_of(v, &end_time);
                last = at;
            }
            // A date (and time) alone on its line is followed by the place ("Teams",
            // "i Mødecenter C, Lokale 32", an address over several lines).
            if (!m.location && bare) {
                std::string where;
                for (std::size_t j = last + 1; j < end && j <= last + 6; ++j) {
                    if (lines[j].blank) {
                        if (where.empty()) continue;
                        break;
                    }
                    std::string_view t = lines[j].trimmed;
                    std::string_view dummy;
                    if (t.size() >= 80 || t.find(':') != std::string_view::npos ||
                        match_attendance_label(t, dummy) != Attendance::kNone || find_date(t) ||
                        is_toc_heading(t))
                        break;
                    if (where.empty() && t.starts_with("i ")) t.remove_prefix(2);
                    if (!where.empty()) where += ", ";
                    where += collapse_spaces(t);
                }
                if (!where.empty()) m.location = where;
            }
        }
    }
    if (m.date && time && !m.start) m.start = iso_date_time(*m.date, *time);
    if (m.date && end_time && !m.end) m.end = iso_date_time(*m.date, *end_time);
}

}  // namespace referat::ingest::text
