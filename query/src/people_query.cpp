// Person timelines, person counts and the appointment register, read from stored records.
// A meeting is loaded whole (its meeting document and item documents) so spellings merge with
// the same per-meeting PersonIndex the writer used.

#include <algorithm>
#include <map>
#include <set>

#include <referat/index/analyzer.hpp>
#include <referat/index/database.hpp>
#include <referat/index/people_terms.hpp>
#include <referat/index/records.hpp>
#include <referat/index/schema.hpp>
#include <referat/ingest/error.hpp>
#include <referat/ingest/json.hpp>
#include <referat/ingest/serialize.hpp>
#include <referat/ingest/utf8.hpp>
#include <referat/query/people.hpp>
#include <referat/query/ranges.hpp>
#include <referat/query/search.hpp>
#include <referat/query/suggest.hpp>

namespace referat::query {

namespace {

namespace schema = index::schema;

/// A meeting rebuilt from its documents, with the document ids of its items.
struct LoadedMeeting {
    std::string id;
    ingest::Meeting meeting;
    std::vector<std::string> item_ids;
};

std::string string_of(const json::Value& v) { return v.is_string() ? v.as_string() : ""; }

std::optional<std::string> opt_string(const json::Value& v) {
    if (v.is_string() && !v.as_string().empty()) return v.as_string();
    return std::nullopt;
}

json::Value record_of(const Xapian::Document& doc) {
    auto parsed = json::parse(index::record_json(doc));
    return parsed ? *parsed : json::Value::object();
}

std::vector<ingest::Person> persons_from(const json::Value& list) {
    std::vector<ingest::Person> out;
    if (!list.is_array()) return out;
    for (const auto& p : list.as_array()) {
        if (!p["name"].is_string()) continue;
        out.push_back(ingest::Person{p["name"].as_string(), opt_string(p["organisation"]),
                                     opt_string(p["role"]), opt_string(p["party"])});
    }
    return out;
}

void set_header(ingest::Meeting& m, const json::Value& header) {
    m.title = string_of(header["title"]);
    m.committee = string_of(header["committee"]);
    m.date = opt_string(header["date"]);
}

LoadedMeeting load_meeting(Xapian::Database& db, const std::string& meeting_id) {
    LoadedMeeting out;
    out.id = meeting_id;
    const std::string meeting_term = schema::boolean_term(schema::kMeetingTerm, meeting_id);
    std::vector<std::pair<int, std::pair<std::string, ingest::Item>>> items;
    for (auto it = db.postlist_begin(meeting_term); it != db.postlist_end(meeting_term); ++it) {
        const json::Value r = record_of(db.get_document(*it));
        if (r["type"] == json::Value("meeting")) {
            set_header(out.meeting, r["meeting"]);
            out.meeting.participants = persons_from(r["participants"]);
            out.meeting.absent = persons_from(r["absent"]);
        } else if (r["type"] == json::Value("item")) {
            if (out.meeting.title.empty() && out.meeting.committee.empty())
                set_header(out.meeting, r["meeting"]);
            ingest::Item item = ingest::item_from_json(r);
            items.push_back({item.number, {string_of(r["id"]), std::move(item)}});
        }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [number, entry] : items) {
        out.item_ids.push_back(std::move(entry.first));
        out.meeting.items.push_back(std::move(entry.second));
    }
    return out;
}

/// A person event with the key it belongs to and the person facts it carries.
struct KeyedEvent {
    std::string key;
    PersonEvent event;
    std::optional<ingest::Person> facts;  ///< from participant lists
    std::optional<std::string> organisation;
    bool spelling_only = false;  ///< a further spelling in an item that has an event already
};

/// Sentences of an item's text saying someone leaves a body ("X, Y Kommune, udtræder af Z").
std::vector<std::string> leaving_sentences(const ingest::Item& item) {
    std::vector<std::string> out;
    for (const auto& section : item.sections) {
        const std::string& text = section.text;
        for (std::size_t at = text.find("udtræde"); at != std::string::npos;
             at = text.find("udtræde", at + 1)) {
            std::size_t begin = text.find_last_of(".\n", at);
            begin = begin == std::string::npos ? 0 : begin + 1;
            std::size_t end = text.find_first_of(".\n", at);
            if (end == std::string::npos) end = text.size();
            std::string sentence = text.substr(begin, end - begin);
            while (!sentence.empty() && sentence.front() == ' ') sentence.erase(0, 1);
            if (std::find(out.begin(), out.end(), sentence) == out.end()) out.push_back(sentence);
        }
    }
    return out;
}

std::vector<KeyedEvent> meeting_events(const LoadedMeeting& lm) {
    const ingest::Meeting& m = lm.meeting;
    const ingest::PersonIndex people = index::meeting_person_index(m);
    std::vector<KeyedEvent> out;
    auto add = [&](std::string_view kind, const std::string& name, std::size_t item_index,
                   std::string detail, std::optional<std::string> organisation = std::nullopt) {
        KeyedEvent e;
        e.key = index::meeting_person_key(people, name);
        if (e.key.empty()) return static_cast<KeyedEvent*>(nullptr);
        e.event.kind = kind;
        e.event.name = name;
        e.event.date = m.date.value_or("");
        e.event.committee = m.committee;
        e.event.meeting_id = lm.id;
        if (item_index < m.items.size()) {
            e.event.item_number = m.items[item_index].number;
            e.event.title = m.items[item_index].title;
            e.event.item_id = lm.item_ids[item_index];
        } else {
            e.event.title = m.title;
        }
        e.event.detail = std::move(detail);
        e.organisation = std::move(organisation);
        out.push_back(std::move(e));
        return &out.back();
    };
    const std::size_t no_item = m.items.size();
    for (const auto& p : m.participants)
        if (auto* e = add("attended", p.name, no_item, p.role.value_or(""), p.organisation))
            e->facts = p;
    for (const auto& p : m.absent)
        if (auto* e = add("absent", p.name, no_item, "", p.organisation)) e->facts = p;
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const ingest::Item& item = m.items[i];
        std::set<std::string> named;  // keys with an event of their own in this item
        for (const auto& a : item.appointments)
            if (a.person && add("appointed", *a.person, i, a.to, a.organisation))
                named.insert(out.back().key);
        for (const auto& a : item.appointments_reported)
            if (a.person && add("reported", *a.person, i,
                                a.to + (a.by ? " (by " + *a.by + ")" : ""), a.organisation))
                named.insert(out.back().key);
        // "Solveig Munk stemte imod": a named vote is the person's own event.
        for (const auto& vote : item.votes) {
            const std::string kind = vote.side == "against" ? "voted against"
                                     : vote.side == "for"   ? "voted for"
                                                            : "abstained";
            for (const auto& who : vote.parties_or_names)
                if (who.find(' ') != std::string::npos &&
                    add(kind, who, i, item.decision.value_or("")))
                    named.insert(out.back().key);
        }
        for (const auto& ev : item.attendance) {
            // "udtræder" and "forlod mødet" read as left; the other kinds keep their name.
            if (add(ev.kind, ev.person, i, ev.text)) named.insert(out.back().key);
        }
        // "Rolf Dalsgaard Johansen, Haderslev Kommune, udtræder af Forretningsudvalget".
        for (const auto& sentence : leaving_sentences(item))
            for (const auto& name : item.persons_mentioned) {
                const std::size_t at = sentence.find(name);
                if (at == std::string::npos || at > sentence.find("udtræde")) continue;
                const std::string key = index::meeting_person_key(people, name);
                if (!named.contains(key) && add("left", name, i, sentence)) named.insert(key);
            }
        for (const auto& name : item.persons_mentioned) {
            const std::string key = index::meeting_person_key(people, name);
            const bool seen = named.contains(key);
            named.insert(key);
            if (auto* e = add("mentioned", name, i, "")) e->spelling_only = seen;
        }
    }
    return out;
}

std::vector<std::string> all_meeting_ids(Xapian::Database& db) {
    std::vector<std::string> ids;
    const std::string term = schema::boolean_term(schema::kTypeTerm, schema::kTypeMeeting);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
        ids.push_back(string_of(record_of(db.get_document(*it))["id"]));
    return ids;
}

std::vector<std::string> meeting_ids_with_term(Xapian::Database& db, const std::string& term) {
    std::set<std::string> ids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
        ids.insert(string_of(record_of(db.get_document(*it))["meeting_id"]));
    return {ids.begin(), ids.end()};
}

/// One meeting published as several files (PDF, Word, the publisher's XML) is one meeting:
/// its committee and date identify it. Empty when either is unknown (no merging then).
std::string meeting_identity(const ingest::Meeting& m) {
    if (m.committee.empty() || !m.date) return {};
    return schema::term_value(m.committee) + "|" + *m.date;
}

/// The same event read from another file of the same meeting.
std::string event_identity(const std::string& meeting, const PersonEvent& e) {
    if (meeting.empty()) return {};
    return meeting + "|" + e.kind + "|" + std::to_string(e.item_number);
}

bool event_before(const PersonEvent& a, const PersonEvent& b) {
    return std::tie(a.date, a.meeting_id, a.item_number) <
           std::tie(b.date, b.meeting_id, b.item_number);
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

/// Spellings, most frequent first (ties: first seen first).
std::vector<std::string> by_frequency(const std::vector<std::string>& names) {
    std::vector<std::pair<std::string, std::size_t>> counts;
    for (const auto& n : names) {
        auto it =
            std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == n; });
        if (it == counts.end())
            counts.push_back({n, 1});
        else
            ++it->second;
    }
    std::stable_sort(counts.begin(), counts.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (auto& c : counts) out.push_back(std::move(c.first));
    return out;
}

// A --from/--until bound read as dato: reads dates (ranges.hpp): the first or last day it
// covers, as "yyyymmdd".
std::string day_bound(const std::string& text, bool first) {
    if (text.find("..") != std::string::npos)
        throw Error("appointments: date '" + text + "' must be one date, not a range");
    auto range = parse_date_range(text);
    if (!range) throw Error("appointments: " + range.error().reason);
    return first ? range->from : range->to;
}

std::string compact_day(std::string_view iso) {
    std::string out;
    for (char c : iso)
        if (c != '-') out += c;
    return out;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    const std::string lowered = schema::term_value(text);
    for (std::size_t i = 0; i < lowered.size();) {
        const char32_t c = utf8::next(lowered, i);
        if (utf8::is_letter(c) || (c >= '0' && c <= '9')) {
            utf8::append(word, c);
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

bool contains_words(std::string_view haystack, std::string_view needle) {
    const auto have = words_of(haystack);
    for (const auto& w : words_of(needle))
        if (std::find(have.begin(), have.end(), w) == have.end()) return false;
    return true;
}

std::string lower(std::string_view s) { return schema::term_value(s); }

// Whether every word of from is in to, as written or within a typo (one edit for 5 to 7
// letters, two for longer); the number of edits needed, or std::nullopt.
std::optional<std::size_t> words_within_typos(const std::vector<std::string>& from,
                                              const std::vector<std::string>& to) {
    std::size_t edits = 0;
    for (const auto& w : from) {
        const std::size_t allowed = w.size() <= 4 ? 0 : (w.size() <= 7 ? 1 : 2);
        std::size_t best = allowed + 1;
        for (const auto& k : to) best = std::min(best, edit_distance(w, k, allowed));
        if (best > allowed) return std::nullopt;
        edits += best;
    }
    return edits;
}

}  // namespace

std::optional<std::string> resolve_person(Xapian::Database& db, std::string_view name) {
    const std::string key = ingest::person_key(name);
    if (key.empty()) return std::nullopt;
    return index::with_reopen(db, [&]() -> std::optional<std::string> {
        if (db.term_exists(schema::boolean_term(schema::kPersonTerm, key))) return key;
        ingest::PersonIndex known;
        const std::string prefix(schema::kPersonTerm);
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            std::string value = (*it).substr(prefix.size());
            if (value.starts_with(':')) value.erase(0, 1);
            known.add(value);
        }
        if (auto id = known.find(name)) return *id;
        // A spelling only a meeting's own names explain ("Dorte Juhl" for "Dorte Juul Hansen"):
        // meetings whose person names contain one of the name's words, merged as when indexing.
        std::set<std::string> meeting_ids;
        const Xapian::Stem stem = index::text_stemmer();
        for (const auto& word : words_of(name)) {
            const std::string term = std::string(schema::kPersonText) + stem(word);
            for (const auto& id : meeting_ids_with_term(db, term)) meeting_ids.insert(id);
        }
        for (const auto& id : meeting_ids) {
            const ingest::PersonIndex people =
                index::meeting_person_index(load_meeting(db, id).meeting);
            if (auto full = people.find(name)) return ingest::person_key(*full);
        }
        return std::nullopt;
    });
}

std::vector<PersonCandidate> person_candidates(Xapian::Database& db, std::string_view name,
                                               std::size_t limit) {
    const auto typed = words_of(name);
    if (typed.empty()) return {};
    std::vector<std::pair<std::size_t, std::string>> scored;  // (edits, key)
    index::with_reopen(db, [&] {
        const std::string prefix(schema::kPersonTerm);
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            std::string key = (*it).substr(prefix.size());
            if (key.starts_with(':')) key.erase(0, 1);
            const auto words = words_of(key);
            // Every typed word is a word of the key, or every word of the key is typed (keys
            // leave out middle names: "Hansen, Mogens Bak" is "mogens hansen"), each word as
            // written or within a typo.
            for (const auto& [from, to] : {std::pair{&typed, &words}, std::pair{&words, &typed}}) {
                if (auto edits = words_within_typos(*from, *to)) {
                    scored.emplace_back(*edits, key);
                    break;
                }
            }
        }
        return 0;
    });
    std::sort(scored.begin(), scored.end());
    std::vector<PersonCandidate> out;
    for (const auto& [edits, key] : scored) {
        if (out.size() >= limit) break;
        auto timeline = person_timeline(db, key);
        if (!timeline) continue;
        out.push_back({key, timeline->name, edits == 0});
    }
    return out;
}

std::optional<PersonTimeline> person_timeline(Xapian::Database& db, std::string_view name) {
    const auto key = resolve_person(db, name);
    if (!key) return std::nullopt;
    return index::with_reopen(db, [&]() -> std::optional<PersonTimeline> {
        PersonTimeline t;
        t.key = *key;
        std::vector<std::string> names;
        const auto term = schema::boolean_term(schema::kPersonTerm, *key);
        std::set<std::string> seen;  // events already taken from another file of the meeting
        for (const auto& id : meeting_ids_with_term(db, term)) {
            const LoadedMeeting lm = load_meeting(db, id);
            const std::string meeting = meeting_identity(lm.meeting);
            for (auto& e : meeting_events(lm)) {
                if (e.key != *key) continue;
                names.push_back(e.event.name);
                if (e.spelling_only) continue;
                const std::string same = event_identity(meeting, e.event);
                if (!same.empty() && !seen.insert(same).second) continue;
                if (e.organisation) add_unique(t.organisations, *e.organisation);
                if (e.facts && e.facts->role) add_unique(t.roles, *e.facts->role);
                if (e.facts && e.facts->party) add_unique(t.parties, *e.facts->party);
                t.events.push_back(std::move(e.event));
            }
        }
        if (t.events.empty()) return std::nullopt;
        std::stable_sort(t.events.begin(), t.events.end(), event_before);
        t.spellings = by_frequency(names);
        t.name = t.spellings.front();
        return t;
    });
}

std::vector<PersonSummary> list_persons(Xapian::Database& db, const PersonsFilter& filter) {
    return index::with_reopen(db, [&]() {
        struct Acc {
            PersonSummary summary;
            std::vector<std::string> names;
            std::set<std::string> items;
            std::set<std::string> seen;  // events counted from another file of the meeting
        };
        std::map<std::string, Acc> people;
        std::vector<std::string> order;
        for (const auto& id : all_meeting_ids(db)) {
            const LoadedMeeting lm = load_meeting(db, id);
            if (filter.committee && lower(lm.meeting.committee) != lower(*filter.committee))
                continue;
            const std::string meeting = meeting_identity(lm.meeting);
            for (auto& e : meeting_events(lm)) {
                auto [it, fresh] = people.try_emplace(e.key);
                if (fresh) order.push_back(e.key);
                Acc& acc = it->second;
                PersonSummary& s = acc.summary;
                s.key = e.key;
                acc.names.push_back(e.event.name);
                if (e.organisation) add_unique(s.organisations, *e.organisation);
                const std::string same = event_identity(meeting, e.event);
                if (!same.empty() && !acc.seen.insert(same).second) continue;
                if (!e.event.item_id.empty())
                    acc.items.insert(meeting.empty()
                                         ? e.event.item_id
                                         : meeting + "|" + std::to_string(e.event.item_number));
                if (e.event.kind == "attended") ++s.meetings_attended;
                // Meetings missed: the Afbud list, not an item's "deltog ikke i behandlingen".
                if (e.event.kind == "absent" && e.event.item_number == 0) ++s.absent;
                if (e.event.kind == "appointed" || e.event.kind == "reported") ++s.appointments;
                const std::string& date = e.event.date;
                if (!date.empty() && (s.first_date.empty() || date < s.first_date))
                    s.first_date = date;
                if (!date.empty() && date > s.last_date) s.last_date = date;
            }
        }
        std::vector<PersonSummary> out;
        for (const auto& key : order) {
            Acc& acc = people[key];
            if (filter.organisation) {
                const std::string wanted = lower(*filter.organisation);
                bool match = false;
                for (const auto& o : acc.summary.organisations)
                    match = match || lower(o).find(wanted) != std::string::npos;
                if (!match) continue;
            }
            const auto spellings = by_frequency(acc.names);
            acc.summary.name = spellings.front();
            acc.summary.spellings = spellings.size();
            acc.summary.items = acc.items.size();
            out.push_back(std::move(acc.summary));
        }
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            if (a.items != b.items) return a.items > b.items;
            if (a.meetings_attended != b.meetings_attended)
                return a.meetings_attended > b.meetings_attended;
            return a.name < b.name;
        });
        return out;
    });
}

std::vector<AppointmentEntry> list_appointments(Xapian::Database& db,
                                                const AppointmentFilter& filter) {
    const std::string first_day = filter.from ? day_bound(*filter.from, true) : std::string();
    const std::string last_day = filter.until ? day_bound(*filter.until, false) : std::string();
    std::optional<std::string> person_key;
    if (filter.person) {
        person_key = resolve_person(db, *filter.person);
        if (!person_key) return {};
    }
    std::optional<std::set<std::string>> query_items;
    if (!filter.query.empty()) {
        SearchRequest request;
        request.text = filter.query;
        query_items.emplace();
        export_matches(db, request,
                       [&](const Hit& hit) { query_items->insert(string_of(hit.record["id"])); });
    }
    return index::with_reopen(db, [&]() {
        std::vector<AppointmentEntry> out;
        std::set<std::string> meeting_ids;
        for (auto kind : {schema::kAppointmentMade, schema::kAppointmentReported}) {
            const auto ids =
                meeting_ids_with_term(db, schema::boolean_term(schema::kAppointmentTerm, kind));
            meeting_ids.insert(ids.begin(), ids.end());
        }
        for (const auto& id : meeting_ids) {
            const LoadedMeeting lm = load_meeting(db, id);
            const ingest::PersonIndex people = index::meeting_person_index(lm.meeting);
            const std::string date = lm.meeting.date.value_or("");
            const std::string day = compact_day(date);
            if (!first_day.empty() && day < first_day) continue;
            if (!last_day.empty() && !day.empty() && day > last_day) continue;
            for (std::size_t i = 0; i < lm.meeting.items.size(); ++i) {
                const ingest::Item& item = lm.meeting.items[i];
                if (query_items && !query_items->contains(lm.item_ids[i])) continue;
                for (bool made : {true, false}) {
                    if (filter.made && *filter.made != made) continue;
                    for (const auto& a : made ? item.appointments : item.appointments_reported) {
                        AppointmentEntry e{date,
                                           lm.meeting.committee,
                                           lm.id,
                                           item.number,
                                           item.title,
                                           lm.item_ids[i],
                                           a.person.value_or(""),
                                           "",
                                           a.organisation.value_or(""),
                                           a.to,
                                           made,
                                           a.by.value_or("")};
                        if (a.person) e.person_key = index::meeting_person_key(people, *a.person);
                        if (person_key && e.person_key != *person_key) continue;
                        if (filter.to && !contains_words(a.to, *filter.to)) continue;
                        out.push_back(std::move(e));
                    }
                }
            }
        }
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            return std::tie(a.date, a.meeting_id, a.item_number) <
                   std::tie(b.date, b.meeting_id, b.item_number);
        });
        return out;
    });
}

}  // namespace referat::query
