// Where a publisher released structured XML for the same meeting, the XML is the check on what
// reading the PDF produced: committee, date, time and the agenda items by number and title.

#include <map>
#include <regex>
#include <string>

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

}  // namespace
