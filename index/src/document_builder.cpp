#include "document_builder.hpp"

#include <algorithm>
#include <set>

#include <referat/ingest/json.hpp>
#include <referat/ingest/people.hpp>
#include <referat/ingest/serialize.hpp>

#include "referat/index/analyzer.hpp"
#include "referat/index/people_terms.hpp"
#include "referat/index/records.hpp"
#include "referat/index/schema.hpp"
#include "stem_cache.hpp"

namespace referat::index::detail {

namespace {

// Gap between fields so a phrase never matches across two of them.
constexpr Xapian::termpos kFieldGap = 100;

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string join(const std::set<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += '\n';
        out += v;
    }
    return out;
}

void add_provenance(json::Value& record, const Provenance& from, std::string_view type,
                    const std::string& id) {
    record.set("type", type);
    record.set("id", id);
    record.set("meeting_id", from.meeting_id);
    record.set("meeting_index", from.meeting_index);
    record.set("source", from.document->source);
    record.set("sha256", from.document->sha256);
    record.set("input_type", from.document->type);
}

void add_person_terms(Xapian::Document& doc, const std::set<std::string>& keys) {
    for (const auto& key : keys)
        doc.add_boolean_term(schema::boolean_term(schema::kPersonTerm, key));
    if (!keys.empty()) doc.add_value(schema::kSlotPersons, join(keys));
}

std::string sort_key(const std::string& date, int number) {
    std::string digits = std::to_string(std::clamp(number, 0, 99999));
    return date + std::string(5 - digits.size(), '0') + digits;
}

void add_municipality_terms(Xapian::Document& doc, const std::set<std::string>& names) {
    for (const auto& name : names)
        doc.add_boolean_term(schema::municipality_term(name));
    if (!names.empty()) doc.add_value(schema::kSlotMunicipalities, join(names));
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// Body text before the item's first heading ("unheaded body"), which the model keeps in no
// section: the lines of the item's span after its header line, without title repeats, heading
// lines and inline attachment lines. Empty when the first heading cannot be found again, so
// section text is never indexed twice.
std::string unheaded_text(std::string_view text, const ingest::Item& item) {
    if (item.span_end <= item.span_begin || item.span_end > text.size()) return {};
    const std::string_view span = text.substr(item.span_begin, item.span_end - item.span_begin);
    const std::string_view first_heading =
        item.sections.empty() ? std::string_view() : trim(item.sections.front().heading);
    std::string out;
    bool reached_heading = item.sections.empty();
    std::size_t pos = span.find('\n');  // skip the item header line
    while (pos != std::string_view::npos && pos < span.size()) {
        std::size_t end = span.find('\n', pos + 1);
        if (end == std::string_view::npos) end = span.size();
        const std::string_view line = trim(span.substr(pos + 1, end - pos - 1));
        pos = end;
        if (line.empty()) continue;
        if (!first_heading.empty() && line.starts_with(first_heading)) {
            reached_heading = true;
            break;
        }
        bool skip = item.title.find(line) != std::string::npos;  // title repeats and wraps
        for (const auto& s : item.sections) skip = skip || line == trim(s.heading);
        for (const auto& a : item.inline_attachments) skip = skip || line == trim(a);
        if (skip) continue;
        out += line;
        out += '\n';
    }
    return reached_heading ? out : std::string();
}

// Section text without the item's inline attachment lines ("Bilag: ..."): those are indexed
// once, as attachment text, not again as section text (as unheaded_text leaves them out too).
std::string without_attachment_lines(const std::string& text, const ingest::Item& item) {
    bool any = false;
    for (const auto& a : item.inline_attachments)
        any = any || (!trim(a).empty() && text.find(trim(a)) != std::string::npos);
    if (!any) return text;
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + pos, end - pos);
        bool attachment = false;
        for (const auto& a : item.inline_attachments)
            attachment = attachment || (!trim(line).empty() && trim(line) == trim(a));
        if (!attachment) {
            out += line;
            out += '\n';
        }
        pos = end + 1;
    }
    return out;
}

}  // namespace

std::string compact_date(std::string_view iso) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
    std::string out;
    out += iso.substr(0, 4);
    out += iso.substr(5, 2);
    out += iso.substr(8, 2);
    return all_digits(out) ? out : std::string();
}

DocumentBuilder::DocumentBuilder() { configure_terms(m_terms, m_stopper, make_cached_stemmer()); }

void DocumentBuilder::begin(Xapian::Document& doc) {
    m_terms.set_document(doc);
    m_terms.set_termpos(0);
}

void DocumentBuilder::text(std::string_view text, std::string_view field) {
    if (text.empty()) return;
    const Xapian::Utf8Iterator words(text.data(), text.size());
    const Xapian::termpos start = m_terms.get_termpos();
    // Every word once without a prefix, with positions: a plain query word is one posting list.
    m_terms.index_text(words, 1);
    const Xapian::termpos end = m_terms.get_termpos();
    if (!field.empty()) {
        // The field's own copy; in a short field with the same positions, for phrases in it.
        if (schema::has_positions(field)) {
            m_terms.set_termpos(start);
            m_terms.index_text(words, 1, std::string(field));
            m_terms.set_termpos(end);
        } else {
            m_terms.index_text_without_positions(words, 1, std::string(field));
        }
    }
    m_terms.increase_termpos(kFieldGap);
    m_text_bytes += text.size();
}

std::size_t DocumentBuilder::take_text_bytes() {
    std::size_t bytes = m_text_bytes;
    m_text_bytes = 0;
    return bytes;
}

void DocumentBuilder::common_terms(Xapian::Document& doc, const Provenance& from,
                                   const ingest::Meeting& meeting, std::string_view type,
                                   const std::string& id, std::string_view outcome) {
    doc.add_boolean_term(std::string(schema::kId) + id);
    doc.add_boolean_term(schema::boolean_term(schema::kTypeTerm, type));
    doc.add_boolean_term(from.source_term);
    doc.add_boolean_term(schema::boolean_term(schema::kMeetingTerm, from.meeting_id));
    if (!meeting.committee.empty()) {
        doc.add_boolean_term(schema::boolean_term(schema::kCommitteeTerm, meeting.committee));
    }
    if (!meeting.layout.empty())
        doc.add_boolean_term(schema::boolean_term(schema::kLayoutTerm, meeting.layout));
    if (!meeting.kind.empty())
        doc.add_boolean_term(schema::boolean_term(schema::kKindTerm, meeting.kind));
    std::string year;
    if (meeting.date) {
        if (std::string date = compact_date(*meeting.date); !date.empty()) {
            doc.add_value(schema::kSlotDate, date);
            year = date.substr(0, 4);
            doc.add_boolean_term(std::string(schema::kYearTerm) + year);
            doc.add_value(schema::kSlotYear,
                          Xapian::sortable_serialise(std::stoi(date.substr(0, 4))));
        }
    }
    // One value for the single-valued facets: counting five facets reads one value stream.
    doc.add_value(schema::kSlotFacets, schema::pack_facets(meeting.committee, year, outcome,
                                                           meeting.layout, meeting.kind));
}

Xapian::Document DocumentBuilder::item_document(const Provenance& from,
                                                const ingest::Meeting& meeting,
                                                const ingest::Item& item, const std::string& id) {
    Xapian::Document doc;
    begin(doc);
    text(item.title, schema::kTitle);
    // This meeting's decision is indexed once, from item.decision; its sections would repeat
    // it. Decisions of other treatments (sections marked earlier) are decision text too.
    if (item.decision) {
        text(*item.decision, schema::kDecision);
    } else if (std::none_of(item.sections.begin(), item.sections.end(),
                            [](const auto& s) { return s.earlier; })) {
        for (const auto& d : item.decisions) text(d.text, schema::kDecision);
    }
    text(unheaded_text(from.document->text, item), schema::kBodyText);
    for (const auto& section : item.sections) {
        auto prefix = schema::prefix_for_section_kind(section.kind);
        if ((prefix == schema::kDecision && !section.earlier) || prefix == schema::kAttachment)
            continue;
        if (item.inline_attachments.empty())
            text(section.text, prefix);
        else
            text(without_attachment_lines(section.text, item), prefix);
    }
    for (const auto& name : item.attachments) text(name, schema::kAttachment);
    for (const auto& line : item.inline_attachments) text(line, schema::kAttachment);
    text(meeting.committee, schema::kCommitteeText);

    std::set<std::string> names(item.persons_mentioned.begin(), item.persons_mentioned.end());
    for (const auto* list : {&item.appointments, &item.appointments_reported})
        for (const auto& a : *list)
            if (a.person) names.insert(*a.person);
    for (const auto& e : item.attendance) names.insert(e.person);
    // Spellings merge per meeting: "Mogens B. Hansen" is keyed as "Mogens Bak Hansen".
    const ingest::PersonIndex& people = from.people;
    std::set<std::string> keys;
    for (const auto& name : names) {
        text(name, schema::kPersonText);
        if (auto key = meeting_person_key(people, name); !key.empty())
            keys.insert(std::move(key));
    }

    const std::string outcome(ingest::outcome_name(item.outcome));
    common_terms(doc, from, meeting, schema::kTypeItem, id, outcome);
    doc.add_boolean_term(schema::boolean_term(schema::kOutcomeTerm, outcome));
    // The same item published in several files (PDF, Word, XML) is one hit: searches collapse
    // on this key and list the other files as the item's sources.
    if (const std::string same = schema::same_item_key(meeting.committee,
                                                       doc.get_value(schema::kSlotDate),
                                                       meeting.kind, item.number, item.title);
        !same.empty()) {
        doc.add_value(schema::kSlotSameItem, same);
        doc.add_boolean_term(schema::boolean_term(schema::kSameItemTerm, same));
    }
    // Votes and dissent as filters: "stemme:imod" finds every item someone voted against.
    for (const auto& vote : item.votes)
        doc.add_boolean_term(schema::boolean_term(schema::kVoteTerm, vote.side));
    if (item.diverges) doc.add_boolean_term(schema::boolean_term(schema::kVoteTerm, "diverges"));
    doc.add_value(schema::kSlotSortKey, sort_key(doc.get_value(schema::kSlotDate), item.number));
    if (item.max_amount)
        doc.add_value(schema::kSlotAmount, Xapian::sortable_serialise(*item.max_amount));
    add_person_terms(doc, keys);
    add_appointment_terms(doc, item);
    add_municipality_terms(doc, {item.municipalities.begin(), item.municipalities.end()});

    json::Value record = ingest::item_to_json(item);
    add_provenance(record, from, schema::kTypeItem, id);
    record.set("layout", meeting.layout);
    record.set("meeting", ingest::meeting_header_to_json(meeting));
    doc.set_data(encode_record(record.dump()));
    return doc;
}

Xapian::Document DocumentBuilder::meeting_document(const Provenance& from,
                                                   const ingest::Meeting& meeting,
                                                   const std::vector<std::string>& item_ids) {
    Xapian::Document doc;
    begin(doc);
    text(meeting.title, schema::kTitle);
    text(meeting.committee, schema::kCommitteeText);
    if (meeting.location) text(*meeting.location, schema::kBodyText);
    const ingest::PersonIndex& people = from.people;
    std::set<std::string> keys;
    for (const auto* list : {&meeting.participants, &meeting.absent}) {
        for (const auto& p : *list) {
            text(p.name, schema::kPersonText);
            if (auto key = meeting_person_key(people, p.name); !key.empty())
                keys.insert(std::move(key));
        }
    }
    common_terms(doc, from, meeting, schema::kTypeMeeting, from.meeting_id, {});
    add_person_terms(doc, keys);
    std::set<std::string> places;
    for (const auto& item : meeting.items)
        places.insert(item.municipalities.begin(), item.municipalities.end());
    add_municipality_terms(doc, places);

    // The meeting record lists its items by id; each item's full record is its own document.
    ingest::Meeting header = meeting;
    header.items.clear();
    json::Value record = ingest::meeting_to_json(header, from.document->source);
    json::Value items = json::Value::array();
    for (std::size_t i = 0; i < meeting.items.size() && i < item_ids.size(); ++i) {
        const auto& item = meeting.items[i];
        json::Value summary = json::Value::object();
        summary.set("id", item_ids[i]);
        summary.set("number", item.number);
        summary.set("title", item.title);
        summary.set("decision_outcome", std::string(ingest::outcome_name(item.outcome)));
        items.push(std::move(summary));
    }
    record.set("items", std::move(items));
    add_provenance(record, from, schema::kTypeMeeting, from.meeting_id);
    doc.set_data(encode_record(record.dump()));
    return doc;
}

}  // namespace referat::index::detail
