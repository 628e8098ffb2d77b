// Where a publisher released structured XML for the same meeting, the XML is the check on what
// reading the PDF produced: committee, date, time and the agenda items by number and title. The
// exports are also read themselves, and must agree with the PDF and Word readings.

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>

#include "golden.hpp"

namespace {

const std::string kData = REFERAT_TEST_DATA;

// First match of a regex with one group, or "" when absent.
std::string first(const std::string& text, const std::string& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : std::string();
}

// "04-12-2012 13:00:00" -> "2012-12-04"
std::string iso_from_danish(const std::string& d) {
    return d.size() >= 10 ? d.substr(6, 4) + "-" + d.substr(3, 2) + "-" + d.substr(0, 2) : d;
}

const referat::ingest::Meeting& only_meeting(const referat::ingest::Document& doc) {
    EXPECT_EQ(doc.meetings.size(), 1u);
    return doc.meetings.front();
}

TEST(XmlCrossCheck, EdocExportAgreesWithThePdfReading) {
    const std::string xml =
        referat::test::read_file(kData + "/real/ballerup/sundhed-forebyggelse-2012-12-04-edoc.xml");
    // Each agenda entry: its number and the title of its first (main) document.
    std::map<int, std::string> want;
    const std::regex entry(
        R"(<MeetingAgendaItem>\s*<AgendaItemNumber>(\d+)</AgendaItemNumber>[\s\S]*?<Title>([^<]*)</Title>)");
    for (std::sregex_iterator it(xml.begin(), xml.end(), entry), end; it != end; ++it)
        want.emplace(std::stoi((*it)[1].str()), (*it)[2].str());  // keeps the first per number
    ASSERT_GE(want.size(), 8u);

    auto doc = referat::ingest::parse_file(
        kData + "/real/ballerup/sundhed-forebyggelse-2012-12-04-referat.pdf");
    ASSERT_TRUE(doc.has_value()) << doc.error().message();
    const auto& m = only_meeting(*doc);
    EXPECT_EQ(m.committee, first(xml, "<Committee>([^<]*)</Committee>"));
    const std::string when = first(xml, "<MeetingDate>([^<]*)</MeetingDate>");
    EXPECT_EQ(m.date.value_or(""), iso_from_danish(when));
    EXPECT_EQ(m.start.value_or(""), iso_from_danish(when) + "T" + when.substr(11, 5));

    std::map<int, std::string> got;
    for (const auto& item : m.items) got.emplace(item.number, item.title);
    EXPECT_EQ(got, want);
}

TEST(XmlCrossCheck, AcadreExportAgreesWithThePdfAndWordReadings) {
    const std::string meeting_xml =
        referat::test::read_file(kData + "/real/syddjurs/puk-2013-06-20-acadre-meeting.xml");
    const std::string item_xml =
        referat::test::read_file(kData + "/real/syddjurs/puk-2013-06-20-acadre-item.xml");
    const std::string committee =
        first(meeting_xml, R"re(<table name="committee"><fields><field name="([^"]*)")re");
    const std::string when =
        first(meeting_xml, R"re(<field date="([^"]*)")re");  // "2013-06-20 10:30"
    const int number = std::stoi(first(item_xml, "<startAgendaItemNo>(\\d+)</startAgendaItemNo>"));
    ASSERT_FALSE(committee.empty());
    ASSERT_EQ(when.size(), 16u);

    for (const char* file : {"puk-2013-06-20-referat.pdf", "puk-2013-06-20-referat.docx"}) {
        SCOPED_TRACE(file);
        auto doc = referat::ingest::parse_file(kData + "/real/syddjurs/" + file);
        ASSERT_TRUE(doc.has_value()) << doc.error().message();
        const auto& m = only_meeting(*doc);
        EXPECT_EQ(m.committee, committee);
        EXPECT_EQ(m.date.value_or(""), when.substr(0, 10));
        EXPECT_EQ(m.start.value_or(""), when.substr(0, 10) + "T" + when.substr(11, 5));
        ASSERT_EQ(m.items.size(), 1u);
        EXPECT_EQ(m.items.front().number, number);
    }
}

std::map<int, std::string> titles(const referat::ingest::Meeting& m) {
    std::map<int, std::string> out;
    for (const auto& item : m.items) out.emplace(item.number, item.title);
    return out;
}

// Names in sorted order: a PDF in columns may list the members in another order.
std::multiset<std::string> names(const std::vector<referat::ingest::Person>& people) {
    std::multiset<std::string> out;
    for (const auto& p : people) out.insert(p.name);
    return out;
}

referat::ingest::Document parsed(const std::string& relative) {
    auto doc = referat::ingest::parse_file(kData + "/real/" + relative);
    EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message());
    return doc ? *doc : referat::ingest::Document{};
}

// What an export and a printed version of the same meeting must agree on.
void expect_same_meeting(const referat::ingest::Meeting& x, const referat::ingest::Meeting& m) {
    EXPECT_EQ(x.committee, m.committee);
    EXPECT_EQ(x.date, m.date);
    EXPECT_EQ(x.start, m.start);
    EXPECT_EQ(titles(x), titles(m));
    EXPECT_EQ(names(x.participants), names(m.participants));
    EXPECT_EQ(names(x.absent), names(m.absent));
}

TEST(XmlExport, AcadreItemAgreesWithTheWordAndPdfReadings) {
    const auto xml = parsed("syddjurs/puk-2013-06-20-acadre-item.xml");
    EXPECT_EQ(xml.type, "xml");
    const auto& x = only_meeting(xml);
    ASSERT_FALSE(x.items.empty());
    for (const char* file :
         {"syddjurs/puk-2013-06-20-referat.pdf", "syddjurs/puk-2013-06-20-referat.docx"}) {
        SCOPED_TRACE(file);
        const auto doc = parsed(file);
        const auto& m = only_meeting(doc);
        expect_same_meeting(x, m);
        ASSERT_EQ(x.items.front().decisions.size(), m.items.front().decisions.size());
        for (std::size_t i = 0; i < x.items.front().decisions.size(); ++i) {
            EXPECT_EQ(x.items.front().decisions[i].date, m.items.front().decisions[i].date);
            EXPECT_EQ(x.items.front().decisions[i].text, m.items.front().decisions[i].text);
        }
        EXPECT_EQ(x.items.front().outcome, m.items.front().outcome);
    }
}

TEST(XmlExport, AcadreMeetingHeaderAgreesWithTheItemExport) {
    const auto header_doc = parsed("syddjurs/puk-2013-06-20-acadre-meeting.xml");
    const auto item_doc = parsed("syddjurs/puk-2013-06-20-acadre-item.xml");
    const auto& header = only_meeting(header_doc);
    const auto& item = only_meeting(item_doc);
    EXPECT_EQ(header.committee, item.committee);
    EXPECT_EQ(header.date, item.date);
    EXPECT_EQ(header.start, item.start);
    EXPECT_EQ(header.title, item.title);
    EXPECT_TRUE(header.items.empty());
}

TEST(XmlExport, EdocAgreesWithThePdfReading) {
    const auto xml = parsed("ballerup/sundhed-forebyggelse-2012-12-04-edoc.xml");
    const auto& x = only_meeting(xml);
    const auto pdf = parsed("ballerup/sundhed-forebyggelse-2012-12-04-referat.pdf");
    const auto& m = only_meeting(pdf);
    expect_same_meeting(x, m);
    ASSERT_EQ(x.items.size(), m.items.size());
    for (std::size_t i = 0; i < x.items.size(); ++i) {
        EXPECT_EQ(x.items[i].outcome, m.items[i].outcome) << x.items[i].number;
        EXPECT_EQ(x.items[i].case_number, m.items[i].case_number) << x.items[i].number;
    }
}

TEST(XmlExport, SbsysAgendaStatesNoDecisionsAndNoAttendance) {
    const std::string file = "ballerup/kmb-it-udvalget-2013-05-15-sbsys-publication.xml";
    const std::string xml = referat::test::read_file(kData + "/real/" + file);
    const auto doc = parsed(file);
    const auto& m = only_meeting(doc);
    // Every member's status is NotDecided: no one is present or absent, but every name of the
    // meeting's and the items' member lists is text.
    EXPECT_TRUE(m.participants.empty());
    EXPECT_TRUE(m.absent.empty());
    const std::regex member(
        R"(<(?:Meeting|Item)Member(?:\s[^>]*)?>[\s\S]*?<Name><!\[CDATA\[([^\]()]*?)\s*(?:\([^)]*\))?\]\]></Name>)");
    int members = 0;
    for (std::sregex_iterator it(xml.begin(), xml.end(), member), end; it != end; ++it, ++members)
        EXPECT_NE(doc.text.find((*it)[1].str()), std::string::npos) << (*it)[1].str();
    EXPECT_GT(members, 0);
    // Item numbers and captions as the export lists them; no decision is invented.
    std::map<int, std::string> want;
    // An item's own number is the one followed by its MeetingPlans (enclosures number too).
    const std::regex item(
        R"(<Item(?:\s[^>]*)?>\s*<Caption><!\[CDATA\[([^\]]*)\]\]></Caption>[\s\S]*?)"
        R"(<Number><!\[CDATA\[(\d+)\]\]></Number>\s*<MeetingPlans)");
    for (std::sregex_iterator it(xml.begin(), xml.end(), item), end; it != end; ++it)
        want.emplace(std::stoi((*it)[2].str()), (*it)[1].str());
    ASSERT_FALSE(want.empty());
    EXPECT_EQ(titles(m), want);
    bool called_agenda = false;
    for (const auto& w : m.warnings) called_agenda = called_agenda || w.find("agenda") != w.npos;
    EXPECT_TRUE(called_agenda);
    for (const auto& i : m.items) {
        EXPECT_FALSE(i.decision.has_value()) << i.number;
        EXPECT_TRUE(i.decisions.empty()) << i.number;
        EXPECT_EQ(i.outcome, referat::ingest::Outcome::kNone) << i.number;
    }
}

TEST(XmlExport, ItemSpansHoldTheirTitlesAndSectionsAsPlainText) {
    for (const char* file : {"syddjurs/puk-2013-06-20-acadre-item.xml",
                             "ballerup/kmb-it-udvalget-2013-05-15-sbsys-publication.xml"}) {
        SCOPED_TRACE(file);
        const auto doc = parsed(file);
        const auto& m = only_meeting(doc);
        ASSERT_FALSE(m.items.empty());
        std::size_t sections = 0;
        for (const auto& item : m.items) {
            sections += item.sections.size();
            ASSERT_LE(item.span_end, doc.text.size());
            const std::string span =
                doc.text.substr(item.span_begin, item.span_end - item.span_begin);
            EXPECT_NE(span.find(item.title), std::string::npos) << item.number;
            for (const auto& s : item.sections) {
                EXPECT_NE(span.find(s.text), std::string::npos) << s.heading;
                // HTML inside the fields is read, not copied.
                EXPECT_EQ(s.text.find('<'), std::string::npos) << s.heading;
                EXPECT_THAT(s.text, ::testing::Not(::testing::HasSubstr("&nbsp;"))) << s.heading;
                EXPECT_THAT(s.text, ::testing::Not(::testing::HasSubstr("&aelig;"))) << s.heading;
            }
        }
        EXPECT_GT(sections, m.items.size());
    }
}

}  // namespace
