// Publishers' XML exports: one row per export kind (root, marker elements, reader). Each reader
// gathers what its export states into a neutral ExportMeeting; assemble() writes the readable
// text and the model from it, so headings, decisions and spans are made in one place. Facts the
// export does not state are left out: a member whose attendance is undecided is neither present
// nor absent, and an agenda's empty decision fields make no decisions.

#include "read/xml_export.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <system_error>

#include <referat/ingest/normalise.hpp>
#include <referat/ingest/people.hpp>
#include <referat/ingest/segment.hpp>

#include "read/xml.hpp"
#include "text/body.hpp"
#include "text/treatments.hpp"
#include "text/dates.hpp"
#include "text/lines.hpp"
#include "text/profiles.hpp"

namespace referat::ingest::read {

namespace {

using text::collapse_spaces;

/// One agenda item as an export states it.
struct ExportItem {
    int number = 0;
    std::string title;
    std::optional<std::string> case_number;
    bool closed = false;
    std::vector<std::pair<std::string, std::string>> fields;  ///< heading, plain text
    std::vector<std::string> attachments;
};

/// One meeting as an export states it: the header fields already in model form, the header
/// lines of the readable text, and the items.
struct ExportMeeting {
    Meeting header;
    std::vector<std::string> header_lines;
    std::vector<ExportItem> items;
};

/// Normalised text built line by line, with the offsets and line numbers spans need.
class TextBuilder {
  public:
    void line(std::string_view s) {
        std::string n = normalise_text(s);
        while (!n.empty() && n.back() == '\n') n.pop_back();
        m_lines += static_cast<int>(std::count(n.begin(), n.end(), '\n')) + 1;
        m_text += n;
        m_text += '\n';
    }
    [[nodiscard]] std::size_t offset() const { return m_text.size(); }
    [[nodiscard]] int next_line() const { return m_lines + 1; }
    [[nodiscard]] std::string take() { return std::move(m_text); }

  private:
    std::string m_text;
    int m_lines = 0;
};

int to_number(std::string_view s) {
    s = text::trim(s);
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && end == s.data() + s.size() ? v : 0;
}

/// Date and start time of a written date ("2013-06-20 10:30", "04-12-2012 13:00:00").
void set_when(std::string_view written, std::optional<std::string>& date,
              std::optional<std::string>& at) {
    auto found = text::find_date(written);
    if (!found) return;
    if (!date) date = found->date;
    if (found->time) at = text::iso_date_time(found->date, *found->time);
}

/// A member as written ("Jesper  Mathiesen (A)"): name and party letter.
Person member(std::string_view written) {
    const std::string name = collapse_spaces(written);
    PersonList list = parse_person_list(name);
    if (list.present.size() == 1 && list.absent.empty()) return list.present.front();
    return Person{name, std::nullopt, std::nullopt, std::nullopt};
}

std::string names(const std::vector<Person>& people) {
    std::string out;
    for (const Person& p : people) {
        if (!out.empty()) out += ", ";
        out += p.name;
        if (p.party) out += " (" + *p.party + ")";
    }
    return out;
}

ExportReading assemble(std::string_view kind, ExportMeeting in) {
    TextBuilder t;
    Meeting m = std::move(in.header);
    m.layout = std::string(kind);
    m.layout_confidence = 1.0;
    m.rules.push_back("export:" + std::string(kind));
    m.span_begin = t.offset();
    if (!m.title.empty()) t.line(m.title);
    if (!m.committee.empty() && m.committee != m.title) t.line(m.committee);
    for (const auto& line : in.header_lines) t.line(line);
    if (m.location) t.line("Sted: " + *m.location);
    if (!m.participants.empty()) t.line("Deltagere: " + names(m.participants));
    if (!m.absent.empty()) t.line("Fraværende: " + names(m.absent));
    std::stable_sort(in.items.begin(), in.items.end(),
                     [](const ExportItem& a, const ExportItem& b) { return a.number < b.number; });
    for (ExportItem& x : in.items) {
        t.line("");
        Item item;
        item.number = x.number;
        item.title = collapse_spaces(x.title);
        item.case_number = x.case_number;
        item.closed = x.closed;
        item.attachments = std::move(x.attachments);
        item.span_begin = t.offset();
        item.line_begin = t.next_line();
        t.line(std::to_string(item.number) + ". " + item.title);
        if (item.case_number) t.line("Sagsnr.: " + *item.case_number);
        for (auto& [heading, body] : x.fields) {
            if (body.empty()) continue;  // an empty field states nothing
            text::HeadingMatch match;
            const std::string h = collapse_spaces(heading);
            const bool known = !h.empty() && text::match_heading(h, match);
            item.sections.push_back(
                Section{h, known ? std::string(match.kind) : std::string(), normalise_text(body)});
            if (known && match.decision) {
                Decision d;
                d.text = collapse_spaces(item.sections.back().text);
                if (!match.body.empty()) d.body = collapse_spaces(match.body);
                if (auto fd = text::find_date(h)) d.date = fd->date;
                item.decisions.push_back(std::move(d));
            }
            if (!h.empty()) t.line(h);
            t.line(body);
        }
        if (!item.attachments.empty()) {
            std::string list;
            t.line("Bilag");
            for (const auto& a : item.attachments) {
                t.line(a);
                list += (list.empty() ? "" : "\n") + a;
            }
            item.sections.push_back(Section{"Bilag", "bilag", normalise_text(list)});
        }
        item.span_end = t.offset();
        item.line_end = t.next_line() - 1;
        std::erase_if(item.decisions, [](const Decision& d) { return d.text.empty(); });
        text::settle_decision(item, m.date);
        m.items.push_back(std::move(item));
    }
    if (m.items.empty()) m.warnings.emplace_back("the export holds no agenda items");
    ExportReading out{std::string(kind), t.take(), {}};
    m.span_end = out.text.size();
    out.meetings.push_back(std::move(m));
    return out;
}

// ---- Acadre ---------------------------------------------------------------------------------
// Tables nested in tables; a field's name is its "name" attribute and its value the content
// (item export), or the field's only attribute is name and value at once (meeting export).

std::string acadre_field(const xml::Document& doc, const xmlNode* table, std::string_view name) {
    return doc.value("fields/field[@name='" + std::string(name) + "']", table);
}

ExportReading read_acadre_item(const xml::Document& doc) {
    ExportMeeting out;
    Meeting& m = out.header;
    const xmlNode* agenda = doc.first("/root/table[@name='agenda']");
    const xmlNode* meeting = doc.first("table[@name='meeting']", agenda);
    m.title = acadre_field(doc, agenda, "name");
    m.committee =
        collapse_spaces(acadre_field(doc, doc.first("table[@name='committee']", agenda), "name"));
    const std::string date = acadre_field(doc, meeting, "date");
    const std::string finish = acadre_field(doc, meeting, "finish");
    set_when(date, m.date, m.start);
    std::optional<std::string> end_date;
    set_when(finish, end_date, m.end);
    std::string place = collapse_spaces(acadre_field(doc, meeting, "location"));
    // The address is HTML ("Præstekravevej 46<br>Følle Strand<br>8410 Rønde").
    const std::string address =
        collapse_spaces(xml::html_fragment_to_text(acadre_field(doc, meeting, "address")));
    if (!address.empty()) place += (place.empty() ? "" : " ") + address;
    if (!place.empty()) m.location = place;
    out.header_lines.push_back(collapse_spaces(acadre_field(doc, meeting, "name")));
    out.header_lines.push_back("Mødedato: " + date + (finish.empty() ? "" : " - " + finish));
    for (const xmlNode* x :
         doc.select("table[@name='meetmember']/table[@name='member']", meeting)) {
        const std::string absent = acadre_field(doc, x, "absent");
        if (absent == "0") m.participants.push_back(member(acadre_field(doc, x, "name")));
        if (absent == "1") m.absent.push_back(member(acadre_field(doc, x, "name")));
    }
    for (const xmlNode* parent : doc.select("table[@name='agendaitemparents']", agenda)) {
        const xmlNode* a = doc.first("table[@name='agendaitem']", parent);
        ExportItem item;
        item.number = to_number(acadre_field(doc, parent, "sort"));
        item.title = acadre_field(doc, a, "name");
        if (auto c = collapse_spaces(acadre_field(doc, a, "caseno")); !c.empty())
            item.case_number = c;
        item.closed = acadre_field(doc, a, "accessname").starts_with("Lukket");
        auto bullets = doc.select("table[@name='bullet']", a);
        std::stable_sort(bullets.begin(), bullets.end(), [&](const xmlNode* p, const xmlNode* q) {
            return to_number(acadre_field(doc, p, "bulletsortorder")) <
                   to_number(acadre_field(doc, q, "bulletsortorder"));
        });
        for (const xmlNode* b : bullets) {
            item.fields.emplace_back(
                acadre_field(doc, b, "bulletname"),
                xml::html_fragment_to_text(acadre_field(doc, b, "bulletcontent")));
        }
        for (const xmlNode* e : doc.select("table[@name='enclosure']", a))
            item.attachments.push_back(collapse_spaces(acadre_field(doc, e, "name")));
        out.items.push_back(std::move(item));
    }
    return assemble("acadre-item", std::move(out));
}

ExportReading read_acadre_meeting(const xml::Document& doc) {
    ExportMeeting out;
    Meeting& m = out.header;
    auto attr = [&](std::string_view table, std::string_view name) {
        return doc.value("/root/table[@name='" + std::string(table) + "']/fields/field/@" +
                         std::string(name));
    };
    m.title = attr("agenda", "name");
    m.committee = collapse_spaces(attr("committee", "name"));
    const std::string date = attr("meeting", "date");
    set_when(date, m.date, m.start);
    out.header_lines.push_back(collapse_spaces(attr("meeting", "name")));
    out.header_lines.push_back("Mødedato: " + date);
    for (const xmlNode* f :
         doc.select("/root/table[@name='producedAgenda']/fields/field[@comment != '']"))
        out.header_lines.push_back(collapse_spaces(xml::attribute(f, "comment")));
    return assemble("acadre-meeting", std::move(out));
}

// ---- SBSYS eDagsorden publication -----------------------------------------------------------

/// Participation statuses that state attendance; any other (NotDecided, ...) states nothing.
struct Participation {
    std::string_view status;
    bool present;
};
constexpr std::array<Participation, 4> kParticipation = {{
    {"Participating", true},
    {"Present", true},
    {"NotParticipating", false},
    {"Absent", false},
}};

ExportReading read_sbsys(const xml::Document& doc) {
    ExportMeeting out;
    Meeting& m = out.header;
    const xmlNode* agenda = doc.first("/Publication/Agendas/Agenda");
    const xmlNode* meeting = doc.first("Meeting", agenda);
    m.title = collapse_spaces(doc.value("Name", agenda));
    m.committee = collapse_spaces(doc.value("Committee/Name", agenda));
    const std::string when = doc.value("When", meeting);
    const std::string until = doc.value("Until", meeting);
    set_when(when, m.date, m.start);
    std::optional<std::string> end_date;
    set_when(until, end_date, m.end);
    if (auto where = collapse_spaces(doc.value("Where", meeting)); !where.empty())
        m.location = where;
    std::optional<std::string> published_at;
    set_when(doc.value("/Publication/Published"), m.published, published_at);
    if (auto group = collapse_spaces(doc.value("Committee/CommitteeGroup/Name", agenda));
        !group.empty())
        out.header_lines.push_back(group);
    out.header_lines.push_back("Mødedato: " + when + (until.empty() ? "" : " - " + until));
    std::vector<Person> undecided;
    for (const xmlNode* x : doc.select("Members/MeetingMember", meeting)) {
        Person p = member(doc.value("Name", x));
        const std::string status = doc.value("ParticipationStatusAsText", x);
        const auto row = std::find_if(kParticipation.begin(), kParticipation.end(),
                                      [&](const Participation& r) { return r.status == status; });
        if (row == kParticipation.end())
            undecided.push_back(std::move(p));
        else
            (row->present ? m.participants : m.absent).push_back(std::move(p));
    }
    // Items list members too (invited, status undecided): their names are text as well.
    for (const xmlNode* x : doc.select("Items/Item/Members/ItemMember", agenda)) {
        Person p = member(doc.value("Name", x));
        auto same = [&](const Person& q) { return q.name == p.name; };
        if (std::none_of(undecided.begin(), undecided.end(), same) &&
            std::none_of(m.participants.begin(), m.participants.end(), same) &&
            std::none_of(m.absent.begin(), m.absent.end(), same))
            undecided.push_back(std::move(p));
    }
    if (!undecided.empty()) out.header_lines.push_back("Medlemmer: " + names(undecided));
    bool feedback_fields = false;  // the fields the meeting fills in (Beslutning)
    bool feedback_given = false;
    for (const xmlNode* x : doc.select("Items/Item", agenda)) {
        ExportItem item;
        item.number = to_number(doc.value("Number", x));
        item.title = doc.value("Caption", x);
        if (auto c = collapse_spaces(doc.value("Case/Number", x)); !c.empty()) item.case_number = c;
        item.closed = doc.value("IsPublic", x) == "False";
        auto fields = doc.select("Fields/ItemField", x);
        std::stable_sort(fields.begin(), fields.end(), [&](const xmlNode* p, const xmlNode* q) {
            return to_number(doc.value("Index", p)) < to_number(doc.value("Index", q));
        });
        for (const xmlNode* f : fields) {
            const std::string content = doc.value("Content", f);
            if (doc.value("IsFeedback", f) == "True") {
                feedback_fields = true;
                feedback_given = feedback_given || !collapse_spaces(content).empty();
            }
            item.fields.emplace_back(doc.value("Caption", f),
                                     doc.value("FieldTypeAsEnum", f) == "Html"
                                         ? xml::html_fragment_to_text(content)
                                         : collapse_spaces(content));
        }
        for (const xmlNode* e : doc.select("Enclosures/Enclosure", x))
            item.attachments.push_back(collapse_spaces(doc.value("Name", e)));
        out.items.push_back(std::move(item));
    }
    // "Final" may still be the agenda: the decision fields are there, but empty.
    if (feedback_fields && !feedback_given)
        m.warnings.emplace_back("an agenda: every decision field of the export is empty");
    return assemble("sbsys", std::move(out));
}

// ---- eDoc -----------------------------------------------------------------------------------
// The export states committee, date and the items with their titles; the minutes themselves
// are one FullText per agenda type, the text of the published PDF. That text is segmented like
// any other, and what the structure states overrides what segmentation read.

/// eDoc's FullText opens with the Word page header (committee, "Referat", "Dato: 04.12.2012",
/// "Side" without its number). The printed PDF repeats it on every page and the PDF reader drops
/// it as a running header; it is dropped here too, so the header is read from the first page.
std::string without_page_header(std::string text) {
    constexpr int kMaxHeaderLines = 12;
    std::size_t from = 0;
    for (int seen = 0; from < text.size() && seen < kMaxHeaderLines;) {
        std::size_t nl = text.find('\n', from);
        if (nl == std::string::npos) nl = text.size();
        const std::string_view line = text::trim(std::string_view(text).substr(from, nl - from));
        from = nl + 1;
        if (line.empty()) continue;
        ++seen;
        if (line == "Side") return text.substr(std::min(from, text.size()));
    }
    return text;
}

ExportReading read_edoc(const xml::Document& doc) {
    const std::string committee = collapse_spaces(doc.value("/Meeting/Committee"));
    const std::string when = doc.value("/Meeting/MeetingDate");
    std::string full;
    for (const xmlNode* f : doc.select("/Meeting/MeetingAgendaTypes/MeetingAgendaType/FullText"))
        full += xml::text(f) + "\n\n";
    const auto entries = doc.select(
        "/Meeting/MeetingAgendaTypes/MeetingAgendaType/MeetingAgendaItems/"
        "MeetingAgendaItem");
    if (full.find_first_not_of(" \t\r\n") == std::string::npos) {
        for (const xmlNode* e : entries) full += doc.value("FullText", e) + "\n\n";
    }
    ExportReading out{"edoc", normalise_text(without_page_header(std::move(full))), {}};
    out.meetings = segment(out.text);
    if (out.meetings.empty()) out.meetings.emplace_back();
    Meeting& m = out.meetings.front();
    m.layout = "edoc";
    m.layout_confidence = 1.0;
    m.rules.emplace_back("export:edoc");
    if (!committee.empty()) m.committee = committee;
    if (auto found = text::find_date(when)) {
        m.date = found->date;
        if (found->time) m.start = text::iso_date_time(found->date, *found->time);
    }
    for (const xmlNode* e : entries) {
        const int number = to_number(doc.value("AgendaItemNumber", e));
        const std::string title = collapse_spaces(doc.value("Document/Title", e));
        auto it = std::find_if(m.items.begin(), m.items.end(),
                               [&](const Item& i) { return i.number == number; });
        if (it == m.items.end()) {
            m.warnings.push_back("item " + std::to_string(number) +
                                 " is listed in the export but not found in its text");
            it = m.items.insert(m.items.end(), Item{});
            it->number = number;
        }
        if (!title.empty()) it->title = title;
        if (it->attachments.empty()) {
            for (const xmlNode* a : doc.select("Document/Attachments/Attachment/Title", e))
                it->attachments.push_back(collapse_spaces(xml::text(a)));
        }
    }
    return out;
}

// ---- the table of export kinds --------------------------------------------------------------

using Reader = ExportReading (*)(const xml::Document&);

struct ExportKind {
    std::string_view name;
    std::string_view marker;  ///< XPath that matches in this export only (no namespace)
    Reader read;
};

constexpr std::array<ExportKind, 4> kExportKinds = {{
    {"acadre-item", "/root/table[@name='agenda']/table[@name='meeting']", read_acadre_item},
    {"acadre-meeting", "/root/table[@name='meeting']/fields/field[@date]", read_acadre_meeting},
    {"edoc", "/Meeting[Committee and MeetingDate]/MeetingAgendaTypes", read_edoc},
    {"sbsys", "/Publication/Agendas/Agenda/Meeting", read_sbsys},
}};

/// XML 1.0 forbids the form feed, which eDoc writes as a page break (&#xC;); libxml2 would drop
/// the text around it, so it becomes a line break first.
std::string without_form_feeds(std::string_view xml) {
    std::string out(xml);
    for (std::string_view ref : {"&#xC;", "&#xc;", "&#12;"}) {
        for (std::size_t at = out.find(ref); at != std::string::npos; at = out.find(ref, at))
            out.replace(at, ref.size(), "&#10;");
    }
    return out;
}

}  // namespace

std::optional<ExportReading> read_xml_export(std::string_view utf8) {
    const xml::Document doc(without_form_feeds(utf8));
    if (doc.root() == nullptr) return std::nullopt;
    for (const ExportKind& kind : kExportKinds)
        if (doc.first(kind.marker) != nullptr) return kind.read(doc);
    return std::nullopt;
}

}  // namespace referat::ingest::read
