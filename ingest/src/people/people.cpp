// extract_people(): runs after the segmenter and fills the per-item people, places and facts.

#include "referat/ingest/people.hpp"

#include <algorithm>

#include <re2/re2.h>

#include "people/known_names.hpp"
#include "people/lexicon.hpp"
#include "people/tokens.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest {

namespace {

// The item's own text: its span when the normalised text is at hand, else title and sections.
std::string item_text(const Item& item, std::string_view normalised) {
    if (item.span_end > item.span_begin && item.span_end <= normalised.size()) {
        return std::string(normalised.substr(item.span_begin, item.span_end - item.span_begin));
    }
    const bool decision_in_sections =
        std::any_of(item.sections.begin(), item.sections.end(),
                    [](const Section& s) { return s.kind == "beslutning"; });
    std::string text = item.title + "\n\n";
    if (!decision_in_sections && item.decision) text += *item.decision + "\n\n";
    for (const Section& s : item.sections) text += s.heading + "\n" + s.text + "\n\n";
    return text;
}

// What the item records of this meeting: its title, the decision and every section but the
// earlier treatments (a Sagsforløb, a decision dated another day), whose attendance
// statements are about other meetings.
std::string own_text(const Item& item) {
    std::string text = item.title + "\n\n";
    const bool decision_in_sections =
        std::any_of(item.sections.begin(), item.sections.end(),
                    [](const Section& s) { return s.kind == "beslutning" && !s.earlier; });
    if (!decision_in_sections && item.decision) text += *item.decision + "\n\n";
    for (const Section& s : item.sections)
        if (!s.earlier) text += s.heading + "\n" + s.text + "\n\n";
    return text;
}

std::string decision_text(const Item& item) {
    if (item.decision) return *item.decision;
    std::string text;
    for (const Section& s : item.sections) {
        if (s.kind == "beslutning" && !s.earlier) text += s.text + "\n";
    }
    return text;
}

// "(referent)", "(formand)", "(A)", ", V": what a list says about one person.
void enrich(Person& p, std::string_view note) {
    static const RE2 kParty(R"((?:^|[\s(,])\(?([A-ZÆØÅ])\)?(?:$|[\s),]))");
    static const RE2 kRole(
        R"((?i)\b(formand|næstformand|referent|sekretær|ekstern deltager|eksterne deltagere)\b)");
    std::string party;
    std::string role;
    if (!p.party && RE2::PartialMatch(re2::StringPiece(note.data(), note.size()), kParty, &party)) {
        p.party = party;
    }
    if (!p.role && RE2::PartialMatch(re2::StringPiece(note.data(), note.size()), kRole, &role)) {
        role = utf8::lower(role);
        p.role = role == "eksterne deltagere" ? "ekstern deltager" : role;
    }
}

// "Jens Hansen (A)" as a name: the party letter moves to its field.
void enrich_from_name(Person& p) {
    static const RE2 kTail(R"(^(.+?)\s*\(([A-ZÆØÅ])\)$)");
    std::string name;
    std::string party;
    if (RE2::FullMatch(p.name, kTail, &name, &party)) {
        p.name = name;
        if (!p.party) p.party = party;
    }
}

// Comma-separated entries, the last one without its final period.
std::vector<std::string_view> split_entries(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : ',';
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if ((c == ',' || c == '\n' || c == ';') && depth == 0) {
            std::string_view e = text.substr(start, i - start);
            while (!e.empty() && (e.front() == ' ' || e.front() == '\t')) e.remove_prefix(1);
            while (!e.empty() && (e.back() == ' ' || e.back() == '.' || e.back() == '\t')) {
                e.remove_suffix(1);
            }
            if (!e.empty()) out.push_back(e);
            start = i + 1;
        }
    }
    return out;
}

// In a participant list every entry is a person or an organisation: a person is two to five
// capitalised name words or initials, none of them a body or place word.
bool is_person_entry(std::string_view entry) {
    const people::Lexicon& lex = people::lexicon();
    std::size_t words = 0;
    for (const people::Token& t : people::tokenize(entry)) {
        const std::string_view w = entry.substr(t.begin, t.end - t.begin);
        if (t.kind == people::TokenKind::kInitial) {
            ++words;
            continue;
        }
        if (t.kind != people::TokenKind::kWord) return false;
        if (lex.not_name_words.contains(w)) return false;
        if (w == "von" || w == "van" || w == "de") continue;
        if (!people::is_name_shaped(w)) return false;
        if (words == 0 && lex.place_by_key.contains(people::fold_place(w)) &&
            !lex.first_names.contains(w)) {
            return false;
        }
        ++words;
    }
    return words >= 2 && words <= 5;
}

// Participant lists in the meeting header, as one paragraph per label line.
PersonList header_lists(const Meeting& meeting, std::string_view text) {
    PersonList all;
    if (meeting.items.empty() || meeting.items.front().span_begin <= meeting.span_begin ||
        meeting.items.front().span_begin > text.size()) {
        return all;
    }
    static const RE2 kLabel(R"(^\s*(?:Mødedeltagere|Deltagere|Til stede|Afbud|Fraværende)\s*:)");
    const std::string_view header =
        text.substr(meeting.span_begin, meeting.items.front().span_begin - meeting.span_begin);
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t eol = header.find('\n', pos);
        if (eol == std::string_view::npos) eol = header.size();
        const std::string_view line = header.substr(pos, eol - pos);
        if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kLabel)) {
            PersonList part = parse_person_list(line);
            for (Person& p : part.present) all.present.push_back(std::move(p));
            for (Person& p : part.absent) all.absent.push_back(std::move(p));
        }
        pos = eol + 1;
    }
    return all;
}

// Fill what the segmenter left empty: whole lists, or organisation, role and party per person.
void complete(std::vector<Person>& people, std::vector<Person>& found) {
    if (people.empty()) {
        people = std::move(found);
        return;
    }
    for (Person& p : people) {
        for (const Person& f : found) {
            if (person_key(f.name) != person_key(p.name)) continue;
            if (!p.organisation) p.organisation = f.organisation;
            if (!p.role) p.role = f.role;
            if (!p.party) p.party = f.party;
            break;
        }
    }
}

}  // namespace

PersonList parse_person_list(std::string_view text) {
    static const RE2 kLabel(R"(^\s*(Mødedeltagere|Deltagere|Til stede|Afbud|Fraværende)\s*:\s*)");
    PersonList list;
    re2::StringPiece input(text.data(), text.size());
    std::string label;
    RE2::Consume(&input, kLabel, &label);
    const bool absent_list = label == "Afbud" || label == "Fraværende";
    std::string_view rest(input.data(), input.size());

    struct Pending {
        Person person;
        bool absent = false;
    };
    std::vector<Pending> people;
    bool external = false;
    for (std::string_view entry : split_entries(rest)) {
        if (const auto at = entry.find("Eksterne deltagere"); at != std::string_view::npos) {
            external = true;
            entry = entry.substr(at + std::string_view("Eksterne deltagere").size());
            while (!entry.empty() && (entry.front() == ':' || entry.front() == ' ')) {
                entry.remove_prefix(1);
            }
        }
        // "Name (referent)", "Org (referent)", "Name (*Fraværende*)": the note in brackets.
        std::string_view note;
        if (const auto open = entry.find('('); open != std::string_view::npos) {
            note = entry.substr(open);
            entry = entry.substr(0, open);
            while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
        }
        const bool address = entry.find('@') != std::string_view::npos;
        if (address || is_person_entry(entry)) {
            Pending p;
            p.person.name = std::string(entry);
            if (external) p.person.role = "ekstern deltager";
            people.push_back(std::move(p));
        } else if (!people.empty() && !entry.empty() &&
                   entry.size() == 1 + (entry.front() < 0 ? 1 : 0)) {
            enrich(people.back().person, entry);  // "Name, V": a party letter
        } else if (!people.empty() && !entry.empty() && !people.back().person.organisation) {
            people.back().person.organisation = std::string(entry);
        }
        if (!people.empty() && !note.empty()) {
            enrich(people.back().person, note);
            if (note.find("raværende") != std::string_view::npos) people.back().absent = true;
        }
    }
    for (Pending& p : people) {
        (p.absent || absent_list ? list.absent : list.present).push_back(std::move(p.person));
    }
    return list;
}

void extract_people(Meeting& meeting) { extract_people(meeting, {}); }

void extract_people(Meeting& meeting, std::string_view normalised_text) {
    if (!normalised_text.empty()) {
        PersonList lists = header_lists(meeting, normalised_text);
        complete(meeting.participants, lists.present);
        complete(meeting.absent, lists.absent);
    }
    for (auto* list : {&meeting.participants, &meeting.absent}) {
        for (Person& p : *list) enrich_from_name(p);
    }
    people::KnownNames known;
    for (const auto* list : {&meeting.participants, &meeting.absent}) {
        for (const Person& p : *list) {
            // Only list entries shaped like a name teach the finder a name.
            if (p.name.size() < 80 && is_person_entry(p.name)) known.add(p.name);
        }
    }
    std::vector<std::string> texts;
    texts.reserve(meeting.items.size());
    for (const Item& item : meeting.items) texts.push_back(item_text(item, normalised_text));
    // Names first seen in a strong context ("Name, X Kommune") are known across the meeting.
    for (const std::string& text : texts) {
        for (const NameMention& m : people::find_names(text, known)) known.add(m.name);
    }
    for (std::size_t k = 0; k < meeting.items.size(); ++k) {
        Item& item = meeting.items[k];
        const std::string& text = texts[k];
        item.persons_mentioned.clear();
        people::WordSet seen;
        for (const NameMention& m : people::find_names(text, known)) {
            if (seen.insert(m.name).second) item.persons_mentioned.push_back(m.name);
        }
        const std::string decision = decision_text(item);
        ItemAppointments appointments = people::find_appointments(decision, text, known);
        item.appointments = std::move(appointments.made);
        item.appointments_reported = std::move(appointments.reported);
        // An agenda states no attendance or vote of its own meeting.
        const bool agenda = meeting.kind == "agenda";
        const std::string own = own_text(item);
        item.attendance =
            agenda ? std::vector<AttendanceEvent>{} : people::find_attendance(own, known);
        item.votes = agenda ? std::vector<Vote>{} : find_votes(decision.empty() ? own : decision);
        item.municipalities = find_municipalities(text);
        item.max_amount = max_amount(text);
    }
}

}  // namespace referat::ingest
