// The generic reader on an unseen layout, foreign minutes, and robustness on hostile input.

#include <algorithm>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include <referat/ingest/normalise.hpp>
#include <referat/ingest/segment.hpp>

namespace {

using referat::ingest::Meeting;
using referat::ingest::Outcome;

std::vector<Meeting> run(const std::string& text) {
    return referat::ingest::segment(referat::ingest::normalise_text(text));
}

TEST(GenericLayout, UnseenLayoutYieldsDateItemsAndDecisions) {
    const std::string text =
        "Økonomiudvalget - Referat fra mødet den 04-06-2020\n"
        "\n"
        "Mødedato: 04-06-2020 09:00:00\n"
        "Mødested: Rådhuset, mødelokale 2\n"
        "\n"
        "Punkt 1: Godkendelse af dagsorden\n"
        "\n"
        "Beslutning i Økonomiudvalget den 04-06-2020\n"
        "Dagsordenen blev godkendt.\n"
        "\n"
        "Punkt 2: Budget 2021 (Lukket punkt)\n"
        "Sagsnr.: 330-2018-3619\n"
        "\n"
        "Sagsfremstilling\n"
        "Forvaltningen har udarbejdet et budgetforslag.\n"
        "\n"
        "Beslutning i Økonomiudvalget den 04-06-2020\n"
        "Punktet blev drøftet.\n"
        "\n"
        "Beslutning i Byrådet den 18-06-2020\n"
        "Budgettet blev vedtaget.\n"
        "\n"
        "Punkt 3: Lukket: Køb af ejendom\n"
        "\n"
        "Beslutning: Godkendt\n";
    auto meetings = run(text);
    ASSERT_EQ(meetings.size(), 1u);
    const Meeting& m = meetings[0];
    EXPECT_EQ(m.layout, "generic");
    EXPECT_EQ(m.committee, "Økonomiudvalget");
    EXPECT_EQ(m.date.value_or("-"), "2020-06-04");
    EXPECT_EQ(m.start.value_or("-"), "2020-06-04T09:00");
    EXPECT_EQ(m.location.value_or("-"), "Rådhuset, mødelokale 2");
    EXPECT_TRUE(m.warnings.empty());
    ASSERT_EQ(m.items.size(), 3u);
    EXPECT_EQ(m.items[0].outcome, Outcome::kApproved);
    EXPECT_EQ(m.items[1].title, "Budget 2021");
    EXPECT_TRUE(m.items[1].closed);
    EXPECT_EQ(m.items[1].case_number.value_or("-"), "330-2018-3619");
    ASSERT_EQ(m.items[1].decisions.size(), 2u);
    EXPECT_EQ(m.items[1].decisions[0].body.value_or("-"), "Økonomiudvalget");
    EXPECT_EQ(m.items[1].decisions[1].body.value_or("-"), "Byrådet");
    EXPECT_EQ(m.items[1].decisions[1].date.value_or("-"), "2020-06-18");
    // This meeting (04-06) discussed it; the council's later decision stays in decisions.
    EXPECT_EQ(m.items[1].decision.value_or("-"), "Punktet blev drøftet.");
    EXPECT_EQ(m.items[1].outcome, Outcome::kDiscussed);
    EXPECT_EQ(m.items[2].title, "Køb af ejendom");
    EXPECT_TRUE(m.items[2].closed);
    EXPECT_EQ(m.items[2].decision.value_or("-"), "Godkendt");
}

TEST(GenericLayout, WarnsWhenNothingIsFound) {
    auto meetings = run("Dette er bare en tekst uden møde.\nOg en linje mere.\n");
    ASSERT_EQ(meetings.size(), 1u);
    EXPECT_NE(std::find(meetings[0].warnings.begin(), meetings[0].warnings.end(), "no date found"),
              meetings[0].warnings.end());
    EXPECT_NE(std::find(meetings[0].warnings.begin(), meetings[0].warnings.end(),
                        "no agenda items found"),
              meetings[0].warnings.end());
}

TEST(ForeignMinutes, NorwegianSakslisteYieldsTheDate) {
    auto meetings = run(
        "Møteprotokoll\n\nUtvalg: Formannskapet\nMøtedato: 12.05.2009 Tid: 10:00\n\nSaksliste\n\n"
        "Sak 56/09 Godkjenning av innkalling\n\nVedtak:\nEnstemmig godkjent.\n\n"
        "Sak 57/09 Budsjett\n\nVedtak:\nVedtatt.\n");
    ASSERT_FALSE(meetings.empty());
    EXPECT_EQ(meetings[0].date.value_or("-"), "2009-05-12");
}

TEST(ForeignMinutes, SwedishProtocolYieldsTheDate) {
    auto meetings = run(
        "Sammanträdesprotokoll\n\nSammanträdesdatum 2019-03-04\n\nBeslutande: Anna Svensson (S)\n\n"
        "Paragraf 12 Val av justerare\n\nBeslut\nKommunstyrelsen beslutar att utse Per.\n");
    ASSERT_FALSE(meetings.empty());
    EXPECT_EQ(meetings[0].date.value_or("-"), "2019-03-04");
}

// A date that does not exist is no date (calendar::valid_date, the check queries use too):
// "31. februar 2021" is not stored as 2021-02-31, which no query could name.
struct HeaderDate {
    const char* written;
    const char* date;  ///< expected ISO date, "" for none
};

class MeetingDates : public ::testing::TestWithParam<HeaderDate> {};

TEST_P(MeetingDates, OnlyDaysThatExist) {
    const std::string text = std::string("Økonomiudvalget - Referat\n\nMødedato: ") +
                             GetParam().written +
                             "\nMødested: Rådhuset\n\nPunkt 1: Godkendelse af dagsorden\n\n"
                             "Beslutning: Godkendt\n";
    const auto meetings = run(text);
    ASSERT_EQ(meetings.size(), 1u);
    EXPECT_EQ(meetings[0].date.value_or(""), GetParam().date) << GetParam().written;
    if (std::string_view(GetParam().date).empty()) {
        EXPECT_NE(
            std::find(meetings[0].warnings.begin(), meetings[0].warnings.end(), "no date found"),
            meetings[0].warnings.end());
    }
}

INSTANTIATE_TEST_SUITE_P(Calendar, MeetingDates,
                         ::testing::Values(HeaderDate{"31. februar 2021", ""},
                                           HeaderDate{"29. februar 2023", ""},
                                           HeaderDate{"29. februar 2024", "2024-02-29"},
                                           HeaderDate{"31.04.2021 kl. 09:00", ""},
                                           HeaderDate{"30.04.2021", "2021-04-30"},
                                           HeaderDate{"2021-02-31", ""},
                                           HeaderDate{"February 30, 2021", ""},
                                           HeaderDate{"15-maj-2002", "2002-05-15"}));

TEST(Robustness, ArbitraryBytesNeverCrash) {
    std::mt19937 rng(20231123);
    for (int round = 0; round < 30; ++round) {
        std::string bytes(4096 + round * 997, '\0');
        for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
        auto meetings = run(bytes);
        EXPECT_FALSE(meetings.empty());
    }
}

TEST(Robustness, HostileShapesNeverCrash) {
    std::vector<std::string> inputs;
    inputs.push_back(std::string(1 << 20, 'x'));   // one huge line
    inputs.push_back(std::string(1 << 16, '\n'));  // only line breaks
    inputs.push_back(std::string(1 << 16, '\0'));  // NUL bytes
    inputs.push_back(std::string(1 << 14, '('));   // unbalanced parentheses
    std::string many;
    for (int i = 0; i < 20000; ++i) many += std::to_string(i % 7 + 1) + ". Punkt\n";
    inputs.push_back(many);  // restarting numbers
    std::string headings;
    for (int i = 0; i < 20000; ++i) headings += "Beslutning\nBilag: x\nUdgivet 01.01.2020\n";
    inputs.push_back(headings);  // headings and anchors
    std::string dates;
    for (int i = 0; i < 20000; ++i) dates += "1. januar 2020 kl. 10:00 - 11:00 i ";
    inputs.push_back(dates);  // date-like run-on line
    for (const auto& input : inputs) {
        auto meetings = run(input);
        EXPECT_FALSE(meetings.empty());
        for (const auto& m : meetings) EXPECT_LE(m.span_begin, m.span_end);
    }
}

}  // namespace

namespace {

TEST(Robustness, RepeatedAnchorsAndTablesOfContentsStayFast) {
    // Shapes that would make a naive segmenter quadratic; they must simply finish.
    std::string anchors = "1. Punkt\n\n";
    for (int i = 0; i < 30000; ++i) anchors += "Udgivet 01.01.2020\n";
    std::string tocs;
    for (int i = 0; i < 30000; ++i) tocs += "PUNKTER\n1. A\n2. B\n";
    for (const auto& input : {anchors, tocs}) {
        auto meetings = referat::ingest::segment(referat::ingest::normalise_text(input));
        EXPECT_FALSE(meetings.empty());
    }
}

}  // namespace

namespace {

TEST(Provenance, PagesLinesAndSpansPointAtTheItemHeader) {
    const std::string text =
        "Referat\n\nDato: 01.02.2020\n\n1. Første sag\n\nBeslutning\nGodkendt.\n\n"
        "2. Anden sag\n\nBeslutning\nTaget til efterretning.\n";
    const std::size_t second = text.find("2. Anden sag");
    referat::ingest::PageStarts pages{0, second - 1};  // page 2 starts on the blank line before
    auto meetings = referat::ingest::segment(text, pages);
    ASSERT_EQ(meetings.size(), 1u);
    ASSERT_EQ(meetings[0].items.size(), 2u);
    const auto& a = meetings[0].items[0];
    const auto& b = meetings[0].items[1];
    EXPECT_EQ(a.page, 1);
    EXPECT_EQ(b.page, 2);
    EXPECT_EQ(a.line_begin, 5);
    EXPECT_EQ(a.line_end, 8);
    EXPECT_EQ(b.line_begin, 10);
    const std::string header = "1. Første sag";
    EXPECT_EQ(text.substr(a.span_begin, header.size()), header);
    EXPECT_EQ(text.substr(a.span_end - 9, 9), "Godkendt.");
    EXPECT_EQ(b.span_begin, second);
    EXPECT_EQ(b.span_end, text.size() - 1);
}

TEST(Noise, PageFurnitureAndNavigationAreNotText) {
    auto meetings = run(
        "Referat\n\nDato: 01.02.2020\n\n1. Sag\n\nBeslutning\nGodkendt.\nSide 2 af 17\nTil toppen\n"
        "1 of 5\nHent som PDF\nfold dette punkt ind\n");
    ASSERT_EQ(meetings.size(), 1u);
    ASSERT_EQ(meetings[0].items.size(), 1u);
    EXPECT_EQ(meetings[0].items[0].decision.value_or("-"), "Godkendt.");
}

TEST(Explain, RulesAndConfidenceNameWhatFired) {
    auto meetings =
        run("Møde i Udvalget den 1. marts 2020\n\nUdgivet 02.03.2020\n\nUDVALG\n\nUdvalget\n\n"
            "MØDE\n\nMøde i Udvalget den 1. marts 2020\n\nSTED\n\nRådhuset\n\n"
            "STARTTIDSPUNKT\n\n2020-03-01 10:00\n\nPUNKTER\n\n1. Sag\n\n1. Sag\n\n"
            "Beslutning\n\nGodkendt.\n");
    ASSERT_EQ(meetings.size(), 1u);
    const Meeting& m = meetings[0];
    EXPECT_EQ(m.layout, "portal");
    EXPECT_GT(m.layout_confidence, 0.5);
    for (const char* rule : {"layout:portal", "item:numbered", "header:field"})
        EXPECT_NE(std::find(m.rules.begin(), m.rules.end(), rule), m.rules.end()) << rule;
    ASSERT_EQ(m.items.size(), 1u);
    EXPECT_EQ(m.committee, "Udvalget");
    EXPECT_EQ(m.start.value_or("-"), "2020-03-01T10:00");
}

TEST(ItemHeaders, AColumnOfYearsDoesNotOutvotePunktHeaders) {
    // A table flattened one cell per line ("2015", "2016", ...) inside a FirstAgenda item.
    const std::string text =
        "DAS Social (DAS Social 28-01-2022 11:00:00)\n\n28-01-2022 11:00 - 12:20\n\nTeams\n\n"
        "Punkt 1.\n\nGodkendelse af dagsorden\n\nBaggrund\n\nÅrstal\n\n2015\n\n2016\n\n"
        "2017\n\nAntal\n\n369\n\n459\n\nBeslutning:\n\nGodkendt\n\n"
        "Punkt 2.\n\nEventuelt\n\nBeslutning:\n\nIntet\n";
    const auto meetings = referat::ingest::segment(referat::ingest::normalise_text(text));
    ASSERT_EQ(meetings.size(), 1u);
    ASSERT_EQ(meetings[0].items.size(), 2u);
    EXPECT_EQ(meetings[0].items[0].number, 1);
    EXPECT_EQ(meetings[0].items[0].title, "Godkendelse af dagsorden");
    EXPECT_EQ(meetings[0].items[1].number, 2);
    EXPECT_EQ(meetings[0].items[1].title, "Eventuelt");
}

}  // namespace
